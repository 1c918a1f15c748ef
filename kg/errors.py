class KgError(Exception):
    """A problem the user can fix; the CLI prints its message, never a traceback."""
