"""Exports written row by row for the API: JSON, GraphML and the evidence table, each with a row limit.

The graph is read in pages of ``PAGE`` rows (ORDER BY a key, SKIP/LIMIT), and each page is turned into text
and handed on before the next is read, so a request holds one page in memory, not the whole export. Past
``limit`` rows of a kind the export stops and says so (JSON ``"truncated": true``; GraphML and CSV a comment
or a last line), so four clients at once cannot build gigabytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from graph.export import _EVIDENCE, EVIDENCE_COLUMNS, EVIDENCE_PARAMS, _scalar, evidence_row
from graph.store import GraphStore

PAGE = 2_000
_LONG = 120_000
NODES = "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties ORDER BY id"
RELS = ("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS properties "
        "ORDER BY type, start, end")


def rows(store: GraphStore, query: str, limit: int, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """The query's rows in pages; at most ``limit`` + 1 (the one past the limit tells the caller to stop)."""
    seen = 0
    while seen <= limit:
        page = store.query(f"{query} SKIP $skip LIMIT $page", {**(params or {}), "skip": seen,
                                                                "page": min(PAGE, limit + 1 - seen)},
                           timeout_ms=_LONG)
        yield from page
        seen += len(page)
        if len(page) < PAGE:
            return


def _limited(it: Iterator[dict[str, Any]], limit: int, state: dict[str, bool]) -> Iterator[dict[str, Any]]:
    for n, row in enumerate(it):
        if n >= limit:
            state["truncated"] = True
            return
        yield row


def stream_json(store: GraphStore, limit: int) -> Iterator[str]:
    state = {"truncated": False}
    yield '{"nodes": ['
    for n, row in enumerate(_limited(rows(store, NODES, limit), limit, state)):
        yield ("," if n else "") + json.dumps(row, ensure_ascii=False)
    yield '], "relationships": ['
    for n, row in enumerate(_limited(rows(store, RELS, limit), limit, state)):
        yield ("," if n else "") + json.dumps(row, ensure_ascii=False)
    yield f'], "limit": {limit}, "truncated": {json.dumps(state["truncated"])}}}'


def _data(key: str, value: Any) -> str:
    return f'<data key={quoteattr(key)}>{escape(str(_scalar(value)))}</data>'


def stream_graphml(store: GraphStore, limit: int) -> Iterator[str]:
    """GraphML with every property as a string attribute (keys declared up front from the graph's keys)."""
    node_keys = sorted({k for r in store.query("MATCH (n) UNWIND keys(n) AS k RETURN DISTINCT k", timeout_ms=_LONG)
                        for k in [r["k"]] if k != "id"} | {"label"})
    edge_keys = sorted({r["k"] for r in store.query("MATCH ()-[r]->() UNWIND keys(r) AS k RETURN DISTINCT k",
                                                    timeout_ms=_LONG)} | {"type"})
    yield ('<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for k in node_keys:
        yield f'<key id={quoteattr("n_" + k)} for="node" attr.name={quoteattr(k)} attr.type="string"/>\n'
    for k in edge_keys:
        yield f'<key id={quoteattr("e_" + k)} for="edge" attr.name={quoteattr(k)} attr.type="string"/>\n'
    yield '<graph edgedefault="directed">\n'
    state = {"truncated": False}
    for row in _limited(rows(store, NODES, limit), limit, state):
        props = {k: v for k, v in row["properties"].items() if k != "id"}
        yield (f'<node id={quoteattr(str(row["id"]))}>{_data("n_label", ":".join(row["labels"]))}'
               + "".join(_data("n_" + k, v) for k, v in props.items()) + "</node>\n")
    for row in _limited(rows(store, RELS, limit), limit, state):
        yield (f'<edge source={quoteattr(str(row["start"]))} target={quoteattr(str(row["end"]))}>'
               f'{_data("e_type", row["type"])}'
               + "".join(_data("e_" + k, v) for k, v in row["properties"].items()) + "</edge>\n")
    if state["truncated"]:
        yield f"<!-- truncated: more than {limit} rows of a kind; narrow the export -->\n"
    yield "</graph>\n</graphml>\n"


def stream_evidence(store: GraphStore, limit: int) -> Iterator[str]:
    def line(values: list[Any]) -> str:
        out = io.StringIO()
        csv.writer(out).writerow(values)
        return out.getvalue()

    yield line(EVIDENCE_COLUMNS)
    state = {"truncated": False}
    query = _EVIDENCE.strip()
    for r in _limited(rows(store, query, limit, EVIDENCE_PARAMS), limit, state):
        yield line(evidence_row(r))
    if state["truncated"]:
        yield line([f"# truncated after {limit} rows"])
