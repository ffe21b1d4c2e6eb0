"""Innspill Graph: actors, measures and themes of Norwegian health-policy documents, with evidence."""

from graph import __version__

__all__ = ["__version__"]
