"""Subgraphs for looking at: a node's neighbourhood, the start view, or the whole actor-measure-theme graph.

Statements stay out of the picture (they are the evidence, read in the side panel); what is drawn are
actors, measures, themes, groups and documents and the edges between them, each node tagged with its
themes so a viewer can filter without asking again.
"""

from __future__ import annotations

from typing import Any

from graph.relations import STANCE_RELATIONS
from graph.store import GraphStore

ALL_TYPES = [*STANCE_RELATIONS, "CONCERNS", "AUTHORED", "PART_OF"]
VIEW_TYPES = [*STANCE_RELATIONS, "CONCERNS"]
EDGE_TYPES = "|".join(ALL_TYPES)
STANCE_TYPES = "|".join(STANCE_RELATIONS)
_EDGES = f"""MATCH (x)-[r:{EDGE_TYPES}]-(y)
WHERE x.id IN $ids AND NOT x:Statement AND NOT y:Statement AND type(r) IN $types
RETURN DISTINCT startNode(r).id AS source, endNode(r).id AS target, type(r) AS type, coalesce(r.count, 1) AS count
LIMIT $limit"""
_NODES = """MATCH (n) WHERE n.id IN $ids AND NOT n:Statement
RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.id) AS name, n.type AS type,
       n.origin AS origin"""
_MEASURE_THEMES = """MATCH (m:Measure)-[:CONCERNS]->(t:Theme) WHERE m.id IN $ids
RETURN m.id AS id, collect(t.id) AS themes"""
_ACTOR_THEMES = f"""MATCH (a:Actor)-[:{STANCE_TYPES}]->(:Measure)-[:CONCERNS]->(t:Theme) WHERE a.id IN $ids
RETURN a.id AS id, collect(DISTINCT t.id) AS themes"""
# a narrower discovered measure ("hjemmesykehus for barn") is left out of the ranking, as in
# most_proposed_measures: its statements already count for the broader one
_TOP = """MATCH (a:Actor)-[:PROPOSES]->(m:Measure) WHERE m.broader IS NULL
WITH m, count(DISTINCT a) AS backers ORDER BY backers DESC, m.name LIMIT $top
RETURN m.id AS id"""
_ALL = """MATCH (n) WHERE n:Actor OR n:Measure OR n:Theme RETURN n.id AS id"""


def subgraph(store: GraphStore, center: str | None = None, depth: int = 1, *, top: int = 15,
             whole: bool = False, limit: int = 2000) -> dict[str, Any]:
    """``center``: a node id and ``depth`` hops around it; else the ``top`` most-proposed measures with their
    proposers, reporters and opposers; ``whole``: every actor, measure and theme."""
    if whole:
        ids = {r["id"] for r in store.query(_ALL)}
        edges = _edges(store, ids, VIEW_TYPES, limit)
    elif center:
        ids, edges = {center}, []
        for _ in range(max(1, min(depth, 3))):
            found = _edges(store, ids, ALL_TYPES, limit)
            edges = _dedupe(edges + found)
            ids |= {e["source"] for e in found} | {e["target"] for e in found}
    else:
        ids = {r["id"] for r in store.query(_TOP, {"top": top})}
        edges = _edges(store, ids, list(STANCE_RELATIONS), limit)
        ids |= {e["source"] for e in edges} | {e["target"] for e in edges}
    nodes = store.query(_NODES, {"ids": sorted(ids)})
    themes = {r["id"]: r["themes"] for q in (_MEASURE_THEMES, _ACTOR_THEMES)
              for r in store.query(q, {"ids": sorted(ids)})}
    for n in nodes:
        n["themes"] = sorted(themes.get(n["id"], [n["id"]] if n["label"] == "Theme" else []))
    known = {n["id"] for n in nodes}
    edges = [e for e in edges if e["source"] in known and e["target"] in known]
    return {"center": center, "nodes": sorted(nodes, key=lambda n: (n["label"], n["name"])), "edges": edges}


def _edges(store: GraphStore, ids: set[str], types: list[str], limit: int) -> list[dict[str, Any]]:
    return _dedupe(store.query(_EDGES, {"ids": sorted(ids), "types": types, "limit": limit}))


def _dedupe(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    for e in edges:
        seen.setdefault((e["source"], e["type"], e["target"]), e)
    return list(seen.values())
