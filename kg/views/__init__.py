"""Views of the graph for people: interactive HTML."""
