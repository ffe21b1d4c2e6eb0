"""Exports: the graph as JSON (nodes, edges), GraphML for Gephi, CSV tables, and the evidence table a policy
analyst pastes into a memo."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from graph.relations import RELATION_OF_KIND
from graph.store import GraphStore

FORMATS = ("json", "graphml", "csv", "evidence", "html")
_LONG = 120_000


def export_json(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    nodes = store.query("MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties "
                        "ORDER BY id", timeout_ms=_LONG)
    rels = store.query("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, "
                       "properties(r) AS properties ORDER BY type, start, end", timeout_ms=_LONG)
    return {"nodes": nodes, "relationships": rels}


def _scalar(value: Any) -> Any:
    """GraphML and CSV cells hold scalars: lists and maps become JSON text."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def export_graphml(store: GraphStore) -> str:
    import networkx as nx

    data = export_json(store)
    g = nx.MultiDiGraph()
    for n in data["nodes"]:
        props = {k: _scalar(v) for k, v in n["properties"].items() if k != "id"}
        g.add_node(n["id"], label=":".join(n["labels"]), **props)
    for r in data["relationships"]:
        g.add_edge(r["start"], r["end"], key=f'{r["type"]}:{r["start"]}:{r["end"]}', type=r["type"],
                   **{k: _scalar(v) for k, v in r["properties"].items()})
    return "\n".join(nx.generate_graphml(g, prettyprint=True))


def export_csv(store: GraphStore, folder: Path) -> list[Path]:
    """nodes.csv (id, labels, properties as columns) and edges.csv (type, start, end, properties)."""
    data = export_json(store)
    folder.mkdir(parents=True, exist_ok=True)
    keys = sorted({k for n in data["nodes"] for k in n["properties"]} - {"id"})
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    with nodes.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "labels", *keys])
        for n in data["nodes"]:
            w.writerow([n["id"], ":".join(n["labels"]), *(_scalar(n["properties"].get(k)) for k in keys)])
    rkeys = sorted({k for r in data["relationships"] for k in r["properties"]})
    with edges.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["type", "start", "end", *rkeys])
        for r in data["relationships"]:
            w.writerow([r["type"], r["start"], r["end"], *(_scalar(r["properties"].get(k)) for k in rkeys)])
    return [nodes, edges]


_EVIDENCE = """
MATCH (a:Actor)-[:STATES]->(s:Statement), (d:Document)-[:CONTAINS]->(s)
WHERE s.kind IN $kinds
OPTIONAL MATCH (s)-[:ABOUT]->(m:Measure)
OPTIONAL MATCH (s)-[:CONCERNS]->(t:Theme)
RETURN a.name AS actor, a.type AS actor_type, s.kind AS kind, collect(DISTINCT m.name) AS measures,
       collect(DISTINCT t.name) AS themes, s.text AS quote, d.title AS document, d.file AS file, s.page AS page,
       s.start AS start
ORDER BY actor, file, start
"""
EVIDENCE_COLUMNS = ["actor", "actor type", "relation", "measure", "theme", "quote", "document", "file", "page"]


EVIDENCE_PARAMS = {"kinds": list(RELATION_OF_KIND)}


def evidence_row(r: dict[str, Any]) -> list[Any]:
    """One evidence row (EVIDENCE_COLUMNS) from a row of the evidence query."""
    return [r["actor"], r["actor_type"], RELATION_OF_KIND[r["kind"]], "; ".join(sorted(r["measures"])),
            "; ".join(sorted(r["themes"])), r["quote"], r["document"], r["file"], _scalar(r["page"])]


def evidence_rows(store: GraphStore) -> list[list[Any]]:
    """One row per speaker of each statement that makes a relation (proposal, commitment, opposition,
    example; graph/relations.py); statements naming no known measure keep an empty measure."""
    return [evidence_row(r) for r in store.query(_EVIDENCE, EVIDENCE_PARAMS, timeout_ms=_LONG)]


def export_evidence(store: GraphStore) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(EVIDENCE_COLUMNS)
    w.writerows(evidence_rows(store))
    return out.getvalue()
