"""Exports in the contract shape of DESIGN.md: nodes with labels and properties, relationships by id."""

from __future__ import annotations

from typing import Any

from graph.store import GraphStore


def export_json(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    nodes = store.query("MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties "
                        "ORDER BY id", timeout_ms=120_000)
    rels = store.query("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, "
                       "properties(r) AS properties ORDER BY type, start, end", timeout_ms=120_000)
    return {"nodes": nodes, "relationships": rels}
