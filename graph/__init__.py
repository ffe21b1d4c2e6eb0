"""Graph stage: extraction, resolution and storage of the knowledge graph."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("innspill-graph")  # one source: pyproject.toml
except PackageNotFoundError:  # pragma: no cover - run from a checkout that was never installed
    __version__ = "0.0.0"
