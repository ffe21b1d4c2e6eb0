"""Extraction: statements with kinds, speakers, measures, groups and themes, from a loaded document."""
