"""Graph stores: pick one from a URI (``embedded:[folder]``, ``bolt://…``, ``neo4j://…``)."""

from __future__ import annotations

from pathlib import Path

from graph.store.base import GraphStore, QueryError, Row, StoreError

__all__ = ["GraphStore", "QueryError", "Row", "StoreError", "open_store"]

_NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def open_store(uri: str | None = None, *, role: str = "command") -> GraphStore:
    """``role``: ``server`` when the caller serves for a long time (``innspill serve``): an embedded store then
    never rides on one a short-lived command started."""
    from graph.settings import get_settings

    settings = get_settings()
    uri = (uri or settings.graph or "embedded:").strip()
    if uri.startswith("embedded:"):
        from graph.store.embedded import EmbeddedStore

        folder = uri[len("embedded:"):] or str(Path(settings.home) / "graph")
        return EmbeddedStore(folder, graph_name=settings.graph_name, timeout_ms=settings.query_timeout_ms, role=role)
    if uri.startswith(_NEO4J_SCHEMES):
        from graph.store.neo4j_store import Neo4jStore

        return Neo4jStore(
            uri, user=settings.neo4j_user, password=settings.neo4j_password,
            database=settings.neo4j_database, timeout_ms=settings.query_timeout_ms,
        )
    from graph.store.neo4j_store import redact

    raise StoreError(f"unknown graph URI {redact(uri)!r}: use embedded:[folder], bolt://host:port or neo4j://host:port")
