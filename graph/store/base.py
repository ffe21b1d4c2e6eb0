"""The one interface every graph backend implements.

Callers speak the portable Cypher subset that both Neo4j and FalkorDB run; the few places where the
engines differ (schema, full text) go through :mod:`graph.store.dialect`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

Row = dict[str, Any]


class StoreError(RuntimeError):
    """A store could not be started, reached or asked; the message says which and why."""


class QueryError(StoreError):
    """The engine refused or failed a query (syntax, runtime error, write in a read-only call)."""


class GraphStore(ABC):
    """A graph database that runs Cypher with parameters and returns rows as plain dicts."""

    kind: str = "abstract"

    @abstractmethod
    def query(self, cypher: str, params: dict[str, Any] | None = None, *, timeout_ms: int | None = None) -> list[Row]:
        """Run a read-only query; the engine refuses any write inside it."""

    @abstractmethod
    def write(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run one write query atomically: all of it is applied or none of it."""

    @abstractmethod
    def setup_schema(self) -> None:
        """Create constraints and indexes idempotently."""

    @abstractmethod
    def fulltext(self, label: str, text: str, limit: int = 20) -> list[Row]:
        """Full-text search over a label's indexed text; rows hold ``node`` (properties) and ``score``."""

    def fulltext_match(self) -> str:
        """A Cypher clause that binds ``s`` to the statements the full-text query ``$ft`` finds, to start a larger
        query from the index (the query language is the store's: prefix terms, ``|`` for or)."""
        from graph.store import dialect

        return dialect.falkordb_fulltext_match()

    @abstractmethod
    def close(self) -> None:
        """Release connections (and, for an owned embedded server, stop it)."""

    def clear(self) -> None:
        """Delete every node and relationship (tests and ``ingest --rebuild``)."""
        self.write("MATCH (n) DETACH DELETE n")

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
