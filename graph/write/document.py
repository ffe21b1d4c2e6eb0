"""Write one document's extraction in a single query, so it lands whole or not at all.

FalkorDB has no multi-query transactions, so the document's old statements are removed, its new ones
written and the derived edges they change recomputed by the same query; ``FOREACH`` and unit subqueries
keep the query going when a list is empty.
"""

from __future__ import annotations

from typing import Any

from graph.extract.discover import fold_text
from graph.extract.statements import Extraction
from graph.extract.vocab import Vocabulary, load_vocabulary
from graph.relations import RELATION_OF_KIND, STANCE_RELATIONS
from graph.store import GraphStore

# Derived edges are a view over statements; each carries the sorted ids of the statements behind it. A
# statement's id begins with its document's id and ':', so one document's ids are one contiguous run of
# every sorted list: a write takes the document's old run out of the edges its old statements touched and
# puts the new run (worked out in Python, per edge) in its place. No statement is traversed, so the cost
# stays per document however many statements an actor or a measure gathers across the graph; the derived
# edges land in the same atomic write as the evidence. Every lookup starts from an indexed id (UNWIND +
# MATCH {id}); unit subqueries (CALL without RETURN) keep the row when a list is empty.
_STANCE_TYPES = "|".join(STANCE_RELATIONS)
_SPLICE = "[i IN coalesce(r.statement_ids, []) WHERE i < $run] + e.ids + " \
          "[i IN coalesce(r.statement_ids, []) WHERE i > $run AND NOT i STARTS WITH $run]"
# one MERGE per relation type (a relationship type cannot be a parameter), from the one kind→relation table
_STANCE_MERGES = "".join(f"""
  FOREACH (_ IN CASE WHEN e.rel = '{rel}' THEN [1] ELSE [] END |
    MERGE (a)-[r:{rel}]->(m) SET r.statement_ids = {_SPLICE}, r.count = size({_SPLICE}))"""
                         for rel in STANCE_RELATIONS)
_OLD_EDGES = {  # the derived edges the old version's statements touched: its (actor, measure) and (measure, theme)
    "old_pairs": "(:Actor {id: p[0]})-[r:" + _STANCE_TYPES + "]->(:Measure {id: p[1]})",
    "old_topics": "(:Measure {id: p[0]})-[r:CONCERNS]->(:Theme {id: p[1]})",
}


def _each_old_edge(then: str) -> str:
    """A unit subquery per kind of derived edge the old version touched, doing ``then`` to each edge ``r``."""
    return "".join(f"""
CALL {{
  WITH {pairs}
  UNWIND {pairs} AS p
  WITH DISTINCT p WHERE p[0] IS NOT NULL AND p[1] IS NOT NULL
  MATCH {pattern}
  {then}
}}""" for pairs, pattern in _OLD_EDGES.items())


DERIVED_EDGES = """
// the document's old run leaves every edge its old statements touched ...""" + _each_old_edge(
    "WITH r, [i IN r.statement_ids WHERE NOT i STARTS WITH $run] AS kept\n"
    "  SET r.statement_ids = kept, r.count = size(kept)") + """
// ... the new run goes in, in sorted place (one SET: the store reads a property as it was before it) ...
CALL {
  UNWIND $stance_edges AS e
  MATCH (a:Actor {id: e.a}) MATCH (m:Measure {id: e.m})""" + _STANCE_MERGES + """
}
CALL {
  UNWIND $concern_edges AS e
  MATCH (m:Measure {id: e.m}) MATCH (t:Theme {id: e.t})
  MERGE (m)-[r:CONCERNS]->(t) SET r.statement_ids = """ + _SPLICE + """, r.count = size(""" + _SPLICE + """)
}
// ... and an edge left with no statement goes""" + _each_old_edge("WITH r WHERE r.count = 0\n  DELETE r") + """
// an old speaker or author left with no edge at all (a curator merged it away, the new version names
// someone else); vocabulary actors keep their PART_OF edges
CALL {
  WITH old_actors
  UNWIND old_actors AS aid
  WITH DISTINCT aid
  MATCH (a:Actor {id: aid}) WHERE NOT (a)--()
  DELETE a
}
// a discovered measure no statement is about any more (the document that named it changed) goes
CALL {
  WITH old_topics
  UNWIND old_topics AS p
  WITH DISTINCT p[0] AS mid WHERE mid IS NOT NULL
  MATCH (m:Measure {id: mid}) WHERE m.origin IN ['discovered', 'curated'] AND NOT (m)<-[:ABOUT]-()
  DETACH DELETE m
}
"""

WRITE_DOCUMENT = """
MERGE (d:Document {id: $doc.id})
WITH d
OPTIONAL MATCH (d)-[:CONTAINS]->(os:Statement)<-[:STATES]-(osp:Actor)
OPTIONAL MATCH (os)-[:ABOUT]->(om:Measure)
OPTIONAL MATCH (os)-[:CONCERNS]->(ot:Theme)
WITH d, collect(DISTINCT osp.id) AS old_speakers, collect(DISTINCT [osp.id, om.id]) AS old_pairs,
     collect(DISTINCT [om.id, ot.id]) AS old_topics
OPTIONAL MATCH (d)<-[:AUTHORED]-(oa:Actor)
WITH d, old_speakers, old_pairs, old_topics, collect(oa.id) AS old_authors
WITH d, old_speakers + old_authors AS old_actors, old_pairs, old_topics
OPTIONAL MATCH (d)-[:CONTAINS]->(old:Statement)
DETACH DELETE old
WITH DISTINCT d, old_actors, old_pairs, old_topics
OPTIONAL MATCH (d)<-[au:AUTHORED]-(:Actor)
DELETE au
WITH DISTINCT d, old_actors, old_pairs, old_topics
SET d += $doc
FOREACH (a IN $actors | MERGE (x:Actor {id: a.id}) SET x += a)
FOREACH (m IN $measures | MERGE (x:Measure {id: m.id}) SET x += m)
FOREACH (m IN $discovered | MERGE (x:Measure {id: m.id})
  ON CREATE SET x.name = m.name, x.key = m.key, x.origin = m.origin, x.aliases = [], x.broader = m.broader,
    x.head = m.head
  SET x.aliases = coalesce(x.aliases, []) + [a IN m.aliases WHERE NOT a IN coalesce(x.aliases, [])])
// a curator's rename or promotion (graph/vocabulary/decisions.yaml) holds whichever document came first
FOREACH (m IN [c IN $discovered WHERE c.curated] | MERGE (x:Measure {id: m.id}) SET x.name = m.name,
  x.origin = m.origin)
FOREACH (g IN $groups | MERGE (x:Group {id: g.id}) SET x += g)
FOREACH (t IN $themes | MERGE (x:Theme {id: t.id}) SET x += t)
FOREACH (p IN $part_of | MERGE (c:Actor {id: p.child}) MERGE (q:Actor {id: p.parent}) MERGE (c)-[:PART_OF]->(q))
FOREACH (a IN $authors | MERGE (x:Actor {id: a}) MERGE (x)-[:AUTHORED]->(d))
FOREACH (s IN $statements |
  CREATE (st:Statement {id: s.id}) SET st += s.props
  CREATE (d)-[:CONTAINS]->(st)
  FOREACH (x IN s.speakers | MERGE (sp:Actor {id: x}) CREATE (sp)-[:STATES]->(st))
  FOREACH (x IN s.about | MERGE (m:Measure {id: x}) CREATE (st)-[:ABOUT]->(m))
  FOREACH (x IN s.concerns | MERGE (t:Theme {id: x}) CREATE (st)-[:CONCERNS]->(t))
  FOREACH (x IN s.groups | MERGE (g:Group {id: x}) CREATE (st)-[:MENTIONS]->(g))
  FOREACH (x IN s.mentions | MERGE (a:Actor {id: x}) CREATE (st)-[:MENTIONS]->(a)))
WITH d, old_pairs, old_topics, old_actors
""" + DERIVED_EDGES + """
RETURN d.id AS id
"""


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def document_params(x: Extraction, vocab: Vocabulary) -> dict[str, Any]:
    doc = x.document
    used_measures = {m for s in x.statements for m in s.measures}
    used_groups = {g for s in x.statements for g in s.groups}
    part_of = []
    for aid in x.actors:
        entry = vocab.actors.entries.get(aid)
        if entry and entry.props.get("part_of"):
            parent = vocab.actor_id(entry.props["part_of"])
            if parent:
                part_of.append({"child": aid, "parent": parent})
    actors = [_clean({"id": a.id, "name": a.name, "type": a.type, "aliases": a.aliases,
                      "discovered": a.discovered}) for a in x.actors.values()]
    for link in part_of:
        if link["parent"] not in x.actors:
            e = vocab.actors.entries[link["parent"]]
            actors.append({"id": e.id, "name": e.name, "type": e.props["type"], "aliases": e.aliases,
                           "discovered": False})
    return {
        "doc": _clean({"id": doc.id, "title": doc.title, "kind": doc.kind, "date": doc.date, "file": doc.file,
                       "path": doc.path, "sha256": doc.sha256, "pages": doc.pages, "format": doc.source_format,
                       "author": doc.author, "statements": len(x.statements)}),
        "actors": actors,
        "measures": [_clean({"id": m, "name": vocab.measures.entries[m].name, "origin": "vocabulary",
                             "name_en": vocab.measures.entries[m].props.get("name_en"),
                             "aliases": vocab.measures.entries[m].aliases})
                     for m in sorted(used_measures) if m in vocab.measures.entries],
        # a discovered measure keeps the name it was first found by and gathers every document's wordings
        # (origin 'curated' once a curator promoted it; ``curated``: a decision set its name or origin)
        "discovered": [{"id": m.id, "name": m.name, "key": m.key, "aliases": m.aliases, "broader": m.broader,
                        "head": m.head, "origin": getattr(m, "origin", "discovered"),
                        "curated": getattr(m, "curated", False)}
                       for m in x.discovered.values() if m.id in used_measures],
        "groups": [_clean({"id": g, "name": vocab.groups.entries[g].name,
                           "name_en": vocab.groups.entries[g].props.get("name_en"),
                           "kind": vocab.groups.entries[g].props.get("kind")}) for g in sorted(used_groups)],
        "themes": [{"id": t["id"], "name": t["name"], "name_en": t["name_en"]} for t in vocab.themes],
        "part_of": part_of,
        "authors": sorted(set(x.authors.values())),
        "statements": [{"id": s.id, "speakers": s.speakers, "props": _clean({
            "text": s.text, "norm": _norm(s.text, s.context), "context": s.context, "kind": s.kind,
            "document_id": s.document_id, "page": s.page,
            "section": s.section, "start": s.start, "end": s.end, "confidence": s.confidence, "extractor": s.extractor,
            # (the line locates a quote of a document without pages, a text file; a PDF's quote is found by its page)
            "prompt": s.prompt, "line": s.line if s.page is None else None, "relation": RELATION_OF_KIND.get(s.kind)}),
            "about": _unique(s.measures), "concerns": _unique(s.themes), "groups": _unique(s.groups),
            "mentions": _unique(s.mentions)} for s in x.statements],
        "run": f"{doc.id}:",  # the prefix of every statement id of this document
        **_derived_runs(x),
    }


def _derived_runs(x: Extraction) -> dict[str, list[dict[str, Any]]]:
    """This document's statement ids per derived edge, sorted: (actor, stance relation, measure) and
    (measure, theme)."""
    stances: dict[tuple[str, str, str], set[str]] = {}
    concerns: dict[tuple[str, str], set[str]] = {}
    for s in x.statements:
        rel = RELATION_OF_KIND.get(s.kind)
        for m in s.measures:
            for a in s.speakers if rel else ():
                stances.setdefault((a, rel, m), set()).add(s.id)
            for t in s.themes:
                concerns.setdefault((m, t), set()).add(s.id)
    return {"stance_edges": [{"a": a, "rel": rel, "m": m, "ids": sorted(ids)}
                             for (a, rel, m), ids in sorted(stances.items())],
            "concern_edges": [{"m": m, "t": t, "ids": sorted(ids)} for (m, t), ids in sorted(concerns.items())]}


def _norm(text: str, context: str | None = None) -> str | None:
    """The words the full-text index also finds a statement by: its text with nynorsk forms folded to bokmål
    (none when nothing folds), and the sentence it points back to ("Vi er imot dette.")."""
    folded = fold_text(text if context is None else f"{text}\n{context}")
    return folded if folded != text.lower() else None


def write_document(store: GraphStore, x: Extraction, vocab: Vocabulary | None = None) -> None:
    store.write(WRITE_DOCUMENT, document_params(x, vocab or load_vocabulary()))
