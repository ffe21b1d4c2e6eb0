"""Write one document's extraction in a single query, so it lands whole or not at all.

FalkorDB has no multi-query transactions, so the document's old statements are removed, its new ones
written and the derived edges they change recomputed by the same query; ``FOREACH`` keeps the query going
when a list is empty.
"""

from __future__ import annotations

from typing import Any

from graph.extract.statements import RELATION_OF_KIND, Extraction
from graph.extract.vocab import Vocabulary, load_vocabulary
from graph.store import GraphStore

# Derived edges are a view over statements; each carries the statement ids behind it. Only the actors and
# measures this document touches (old and new speakers, authors, measures) can change, so the document's
# own query recomputes exactly those: the derived edges land in the same atomic write as the evidence.
# Rows are collapsed after every step (WITH DISTINCT) so an empty match never stops the query.
_KEEP = "WITH DISTINCT d, actors, measures"
_ACTOR_EDGE = """OPTIONAL MATCH (a:Actor)-[:STATES]->(s:Statement)-[:ABOUT]->(m:Measure)
WHERE a.id IN actors AND s.kind IN {kinds}
WITH d, actors, measures, a, m, s ORDER BY s.id
WITH d, actors, measures, a, m, collect(s.id) AS ids
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END |
  MERGE (a)-[r:{rel}]->(m) SET r.statement_ids = ids, r.count = size(ids))
""" + _KEEP
DERIVED_SCOPED = "\n".join([
    "OPTIONAL MATCH (a:Actor)-[r:PROPOSES|REPORTS_AS_EXAMPLE]->(:Measure) WHERE a.id IN actors",
    "DELETE r", _KEEP,
    "OPTIONAL MATCH (m:Measure)-[r:CONCERNS]->(:Theme) WHERE m.id IN measures",
    "DELETE r", _KEEP,
    _ACTOR_EDGE.format(kinds="['proposal', 'commitment']", rel="PROPOSES"),
    _ACTOR_EDGE.format(kinds="['example']", rel="REPORTS_AS_EXAMPLE"),
    """OPTIONAL MATCH (m:Measure)<-[:ABOUT]-(s:Statement)-[:CONCERNS]->(t:Theme) WHERE m.id IN measures
WITH d, actors, measures, m, t, s ORDER BY s.id
WITH d, actors, measures, m, t, collect(s.id) AS ids
FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END |
  MERGE (m)-[r:CONCERNS]->(t) SET r.statement_ids = ids, r.count = size(ids))""", _KEEP,
    # an old speaker or author left with no edge at all (a curator merged it away, the new version
    # names someone else); vocabulary actors keep their PART_OF edges
    "OPTIONAL MATCH (a:Actor) WHERE a.id IN actors AND NOT (a)--()",
    "DELETE a", _KEEP,
])

WRITE_DOCUMENT = """
MERGE (d:Document {id: $doc.id})
WITH d
OPTIONAL MATCH (d)-[:CONTAINS]->(:Statement)<-[:STATES]-(osp:Actor)
WITH d, collect(DISTINCT osp.id) AS old_speakers
OPTIONAL MATCH (d)-[:CONTAINS]->(:Statement)-[:ABOUT]->(om:Measure)
WITH d, old_speakers, collect(DISTINCT om.id) AS old_measures
OPTIONAL MATCH (d)<-[:AUTHORED]-(oa:Actor)
WITH d, old_speakers, old_measures, collect(oa.id) AS old_authors
WITH d, old_speakers + old_authors AS old_actors, old_measures
OPTIONAL MATCH (d)-[:CONTAINS]->(old:Statement)
DETACH DELETE old
WITH DISTINCT d, old_actors, old_measures
OPTIONAL MATCH (d)<-[au:AUTHORED]-(:Actor)
DELETE au
WITH DISTINCT d, old_actors, old_measures
SET d += $doc
FOREACH (a IN $actors | MERGE (x:Actor {id: a.id}) SET x += a)
FOREACH (m IN $measures | MERGE (x:Measure {id: m.id}) SET x += m)
FOREACH (g IN $groups | MERGE (x:Group {id: g.id}) SET x += g)
FOREACH (t IN $themes | MERGE (x:Theme {id: t.id}) SET x += t)
FOREACH (p IN $part_of | MERGE (c:Actor {id: p.child}) MERGE (q:Actor {id: p.parent}) MERGE (c)-[:PART_OF]->(q))
FOREACH (a IN $authors | MERGE (x:Actor {id: a}) MERGE (x)-[:AUTHORED]->(d))
FOREACH (s IN $statements |
  CREATE (st:Statement {id: s.id}) SET st += s.props
  MERGE (d)-[:CONTAINS]->(st)
  MERGE (sp:Actor {id: s.speaker}) MERGE (sp)-[:STATES]->(st))
FOREACH (e IN $about | MERGE (st:Statement {id: e.s}) MERGE (m:Measure {id: e.t}) MERGE (st)-[:ABOUT]->(m))
FOREACH (e IN $concerns | MERGE (st:Statement {id: e.s}) MERGE (t:Theme {id: e.t}) MERGE (st)-[:CONCERNS]->(t))
FOREACH (e IN $mentions_group | MERGE (st:Statement {id: e.s}) MERGE (g:Group {id: e.t}) MERGE (st)-[:MENTIONS]->(g))
FOREACH (e IN $mentions_actor | MERGE (st:Statement {id: e.s}) MERGE (a:Actor {id: e.t}) MERGE (st)-[:MENTIONS]->(a))
WITH d, old_actors + [s IN $statements | s.speaker] AS actors, old_measures + [e IN $about | e.t] AS measures
""" + DERIVED_SCOPED + """
RETURN DISTINCT d.id AS id
"""



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
                       "sha256": doc.sha256, "pages": doc.pages, "format": doc.source_format,
                       "author": doc.author, "statements": len(x.statements)}),
        "actors": actors,
        "measures": [_clean({"id": m, "name": vocab.measures.entries[m].name,
                             "name_en": vocab.measures.entries[m].props.get("name_en"),
                             "aliases": vocab.measures.entries[m].aliases}) for m in sorted(used_measures)],
        "groups": [_clean({"id": g, "name": vocab.groups.entries[g].name,
                           "name_en": vocab.groups.entries[g].props.get("name_en"),
                           "kind": vocab.groups.entries[g].props.get("kind")}) for g in sorted(used_groups)],
        "themes": [{"id": t["id"], "name": t["name"], "name_en": t["name_en"]} for t in vocab.themes],
        "part_of": part_of,
        "authors": sorted(set(x.authors.values())),
        "statements": [{"id": s.id, "speaker": s.speaker, "props": _clean({
            "text": s.text, "kind": s.kind, "document_id": s.document_id, "page": s.page, "section": s.section,
            "start": s.start, "end": s.end, "confidence": s.confidence, "extractor": s.extractor,
            "prompt": s.prompt, "line": s.line, "relation": RELATION_OF_KIND.get(s.kind)})}
            for s in x.statements],
        "about": [{"s": s.id, "t": m} for s in x.statements for m in s.measures],
        "concerns": [{"s": s.id, "t": t} for s in x.statements for t in s.themes],
        "mentions_group": [{"s": s.id, "t": g} for s in x.statements for g in s.groups],
        "mentions_actor": [{"s": s.id, "t": a} for s in x.statements for a in s.mentions],
    }


def write_document(store: GraphStore, x: Extraction, vocab: Vocabulary | None = None) -> None:
    store.write(WRITE_DOCUMENT, document_params(x, vocab or load_vocabulary()))
