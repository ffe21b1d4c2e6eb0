"""Loader stage: PDF or text in, a page-aware, attributed :class:`~loaders.model.Document` out."""

from loaders.errors import LoadError
from loaders.load import load_document
from loaders.model import Block, Document, Part
from loaders.names import normal_name, slugify

__all__ = ["Block", "Document", "LoadError", "Part", "load_document", "normal_name", "slugify"]
