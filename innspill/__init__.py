"""Innspill Graph: actors, measures and themes of Norwegian health-policy documents, with evidence."""

__version__ = "0.1.0"
