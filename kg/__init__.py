"""kg: Vietnamese diplomatic news into a knowledge graph of actors, meetings and commitments."""

__version__ = "0.1.0"
