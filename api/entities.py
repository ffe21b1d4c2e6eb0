"""Read endpoints per resource: actors, measures, themes, groups, documents (lists with filters and
pagination; details with their relations and the evidence behind each) and the explorer's subgraph."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request

from graph.store import GraphStore

router = APIRouter(prefix="/v1")

LABELS = {"actors": "Actor", "measures": "Measure", "themes": "Theme", "groups": "Group"}
Limit = Query(50, ge=1, le=500, description="Page size")
Offset = Query(0, ge=0, le=1_000_000, description="Items to skip")
Text = Query(None, max_length=200, description="Case-insensitive part of the name or an alias", examples=["fact"])

# Each list carries the counts a reader ranks by (count(), never sum(): FalkorDB's sum is a float);
# filters are optional and all parameterised.
# "¦" splits the match (also used for the total) from the projection.
_LISTS = {
    "Actor": """MATCH (n:Actor) WHERE ($type IS NULL OR n.type = $type) {text}
        OPTIONAL MATCH (n)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(:Measure)
        WITH n, count(CASE WHEN type(r) = 'PROPOSES' THEN 1 END) AS proposes,
             count(CASE WHEN type(r) = 'OPPOSES' THEN 1 END) AS opposes,
             count(CASE WHEN type(r) = 'REPORTS_AS_EXAMPLE' THEN 1 END) AS examples
        ¦RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, proposes, opposes, examples""",
    "Measure": """MATCH (n:Measure) WHERE ($origin IS NULL OR coalesce(n.origin, 'vocabulary') = $origin) {text}
        OPTIONAL MATCH (n)-[:CONCERNS]->(t:Theme)
        WITH n, collect(t.id) AS themes WHERE $theme IS NULL OR $theme IN themes
        OPTIONAL MATCH (a:Actor)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(n)
        WITH n, themes, count(DISTINCT CASE WHEN type(r) <> 'OPPOSES' THEN a END) AS actors,
             count(DISTINCT CASE WHEN type(r) = 'OPPOSES' THEN a END) AS opposes
        ¦RETURN n.id AS id, n.name AS name, n.name_en AS name_en, coalesce(n.origin, 'vocabulary') AS origin,
               n.broader AS broader, n.aliases AS aliases, themes, actors, opposes""",
    "Theme": """MATCH (n:Theme) WHERE true {text}
        OPTIONAL MATCH (m:Measure)-[:CONCERNS]->(n)
        WITH n, count(m) AS measures
        ¦RETURN n.id AS id, n.name AS name, n.name_en AS name_en, measures""",
    "Group": """MATCH (n:Group) WHERE true {text}
        OPTIONAL MATCH (s:Statement)-[:MENTIONS]->(n)
        WITH n, count(s) AS statements
        ¦RETURN n.id AS id, n.name AS name, n.name_en AS name_en, n.kind AS kind, statements""",
}
_TEXT = ("AND ($q IS NULL OR toLower(n.name) CONTAINS toLower($q) OR toLower(n.id) CONTAINS toLower($q) "
         "OR any(x IN coalesce(n.aliases, []) WHERE toLower(x) CONTAINS toLower($q)))")

_EVIDENCE = """MATCH (a:Actor)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(m:Measure)
WHERE {side}.id = $id
UNWIND r.statement_ids AS sid
MATCH (s:Statement {{id: sid}})
WITH a, r, m, s ORDER BY s.document_id, s.start
RETURN a.id AS actor_id, a.name AS actor, a.type AS actor_type, type(r) AS relation, m.id AS measure_id,
       m.name AS measure, collect({{quote: s.text, document: s.document_id, page: s.page, line: s.line,
                        kind: s.kind}}) AS evidence
ORDER BY relation, size(evidence) DESC, actor, measure"""


def _store(request: Request) -> GraphStore:
    return request.app.state.store


def _page(store: GraphStore, label: str, params: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    match, ret = _LISTS[label].format(text=_TEXT).split("¦")
    rows = store.query(f"{match} {ret} ORDER BY name SKIP $offset LIMIT $limit", {**params, "offset": offset,
                                                                                    "limit": limit})
    total = store.query(f"{match} RETURN count(*) AS c", params)[0]["c"]
    if label == "Measure":
        narrower = _narrower(store, [r["id"] for r in rows])
        for r in rows:
            r["narrower"] = narrower.get(r["id"], [])
    return {"items": rows, "total": total, "offset": offset, "limit": limit}


# the discovered measures that qualify a vocabulary measure ("hjemmesykehus i hele regionen" under
# "hjemmesykehus"), one query for a whole page
_NARROWER = """MATCH (x:Measure) WHERE x.broader IN $ids
RETURN x.broader AS broader, x.id AS id, x.name AS name, coalesce(x.origin, 'vocabulary') AS origin ORDER BY name"""


def _narrower(store: GraphStore, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in store.query(_NARROWER, {"ids": ids}) if ids else []:
        out.setdefault(r.pop("broader"), []).append(r)
    return out


def _one(store: GraphStore, label: str, id_: str) -> dict[str, Any]:
    rows = store.query(f"MATCH (n:{label} {{id: $id}}) RETURN properties(n) AS n", {"id": id_})
    if not rows:
        raise HTTPException(404, f"no {label.lower()} with id {id_!r}")
    return rows[0]["n"]


_AUTHORED = "MATCH (:Actor {id: $id})-[:AUTHORED]->(d:Document) RETURN d.id AS id, d.title AS title ORDER BY id"
_MEASURE_THEMES = ("MATCH (:Measure {id: $id})-[r:CONCERNS]->(t:Theme) RETURN t.id AS id, t.name AS name, "
                   "r.count AS statements ORDER BY statements DESC, id")


def _example(body: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {200: {"description": "Successful Response", "content": {"application/json": {"example": body}}}}


_EVIDENCE_EXAMPLE = {"quote": "Testvik kommune går imot forslaget om å legge ned legevakten i Testvik.",
                     "document": "testvik-kommune-innspill", "page": 2, "line": None, "kind": "opposition"}
_RELATION_EXAMPLES = [
    {"actor_id": "nordvik-kommune", "actor": "Nordvik kommune", "actor_type": "kommune", "relation": "PROPOSES",
     "measure_id": "legevakt", "measure": "legevakt", "evidence": [
         {"quote": "Nordvik kommune foreslår en styrket interkommunal legevakt.",
          "document": "nordvik-kommune-innspill", "page": 1, "line": None, "kind": "proposal"}]},
    {"actor_id": "testvik-kommune", "actor": "Testvik kommune", "actor_type": "kommune", "relation": "OPPOSES",
     "measure_id": "legevakt", "measure": "legevakt", "evidence": [_EVIDENCE_EXAMPLE]},
]
ACTOR_EXAMPLE = {"actor": {"id": "testvik-kommune", "name": "Testvik kommune", "type": "kommune"},
                 "documents": [{"id": "testvik-kommune-innspill", "title": "Innspill fra Testvik kommune"}],
                 "relations": _RELATION_EXAMPLES[1:]}
MEASURE_EXAMPLE = {"measure": {"id": "legevakt", "name": "legevakt", "name_en": "out-of-hours emergency clinics",
                               "origin": "vocabulary", "broader": None},
                   "narrower": [{"id": "m-dal-legevakt", "name": "legevakta i Dalen", "origin": "discovered"}],
                   "themes": [{"id": "akutt-tjenester", "name": "Akuttjenester", "statements": 2}],
                   "relations": _RELATION_EXAMPLES}
MEASURES_EXAMPLE = {"items": [
    {"id": "m-ambuler-sarteam", "name": "ambulerende sårteam", "name_en": None, "origin": "discovered",
     "broader": None, "aliases": ["ambulerende sårteam", "ambulerande sårteam"], "themes": ["unclassified"],
     "actors": 2, "opposes": 1, "narrower": []},
    {"id": "legevakt", "name": "legevakt", "name_en": "out-of-hours emergency clinics", "origin": "vocabulary",
     "broader": None, "aliases": ["legevakten"], "themes": ["akutt-tjenester"], "actors": 1, "opposes": 1,
     "narrower": [{"id": "m-dal-legevakt", "name": "legevakta i Dalen", "origin": "discovered"}]}],
    "total": 2, "offset": 0, "limit": 50}


def _detail(store: GraphStore, label: str, id_: str, *, side: str, extra: tuple[str, str]) -> dict[str, Any]:
    """An actor's or a measure's page: the node, its PROPOSES / OPPOSES / REPORTS_AS_EXAMPLE relations with evidence
    (``side`` is the variable _EVIDENCE anchors on), and one list of its own (key, query)."""
    node = _one(store, label, id_)
    key, cypher = extra
    return {label.lower(): node, key: store.query(cypher, {"id": id_}),
            "relations": store.query(_EVIDENCE.format(side=side), {"id": id_})}


@router.get("/actors", summary="Actors, filtered by type and name", tags=["entities"])
def actors(request: Request, q: str | None = Text, type: str | None = Query(None, max_length=60, examples=["HF"]),
           limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    return _page(_store(request), "Actor", {"q": q, "type": type}, limit, offset)


@router.get("/actors/{actor_id}", summary="One actor: what it proposes, opposes and reports, with evidence",
            tags=["entities"], responses=_example(ACTOR_EXAMPLE))
def actor(request: Request, actor_id: str) -> dict[str, Any]:
    return _detail(_store(request), "Actor", actor_id, side="a", extra=("documents", _AUTHORED))


@router.get("/measures", summary="Measures, filtered by theme, name and origin", tags=["entities"],
            description="Each item says its `origin`: `vocabulary` (graph/vocabulary/measures.yaml), `discovered` "
                        "(found in the documents) or `curated` (a discovered measure a curator promoted); "
                        "`broader` is the vocabulary measure a discovered one qualifies, `narrower` the "
                        "discovered measures that qualify this one.",
            responses=_example(MEASURES_EXAMPLE))
def measures(request: Request, q: str | None = Text,
             theme: str | None = Query(None, max_length=80, examples=["digitalisering"]),
             origin: str | None = Query(None, pattern="^(vocabulary|discovered|curated)$",
                                        description="Only measures of this origin", examples=["discovered"]),
             limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    return _page(_store(request), "Measure", {"q": q, "theme": theme, "origin": origin}, limit, offset)


@router.get("/measures/{measure_id}", summary="One measure: who proposes, opposes or reports it, with evidence",
            description="`measure.origin` is `vocabulary`, `discovered` or `curated`; a discovered measure keeps "
                        "every wording it was found by in `measure.aliases` and, when it qualifies a vocabulary "
                        "measure, its id in `measure.broader`; `narrower` lists the discovered measures that "
                        "qualify this one.",
            tags=["entities"], responses=_example(MEASURE_EXAMPLE))
def measure(request: Request, measure_id: str) -> dict[str, Any]:
    store = _store(request)
    body = _detail(store, "Measure", measure_id, side="m", extra=("themes", _MEASURE_THEMES))
    node = body["measure"]
    node["origin"] = node.get("origin") or "vocabulary"
    node.setdefault("broader", None)
    return {"measure": node, "narrower": _narrower(store, [measure_id]).get(measure_id, []),
            **{k: v for k, v in body.items() if k != "measure"}}


@router.get("/themes", summary="Themes with their number of measures", tags=["entities"])
def themes(request: Request, q: str | None = Text, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    return _page(_store(request), "Theme", {"q": q}, limit, offset)


@router.get("/themes/{theme_id}", summary="One theme: its measures, who backs them and who opposes them",
            tags=["entities"])
def theme(request: Request, theme_id: str) -> dict[str, Any]:
    store = _store(request)
    node = _one(store, "Theme", theme_id)
    rows = store.query("""MATCH (m:Measure)-[:CONCERNS]->(:Theme {id: $id})
        OPTIONAL MATCH (a:Actor)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(m)
        WITH m, a, r ORDER BY a.name
        RETURN m.id AS id, m.name AS name,
               [x IN collect(CASE WHEN type(r) = 'PROPOSES' THEN a.name END) WHERE x IS NOT NULL] AS proposed_by,
               [x IN collect(CASE WHEN type(r) = 'REPORTS_AS_EXAMPLE' THEN a.name END) WHERE x IS NOT NULL]
                 AS reported_by,
               [x IN collect(CASE WHEN type(r) = 'OPPOSES' THEN a.name END) WHERE x IS NOT NULL] AS opposed_by
        ORDER BY size(proposed_by) + size(reported_by) DESC, name""", {"id": theme_id})
    return {"theme": node, "measures": rows}


@router.get("/groups", summary="Professions and patient groups", tags=["entities"])
def groups(request: Request, q: str | None = Text, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    return _page(_store(request), "Group", {"q": q}, limit, offset)


@router.get("/groups/{group_id}", summary="One group: the statements that mention it", tags=["entities"])
def group(request: Request, group_id: str, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    store = _store(request)
    node = _one(store, "Group", group_id)
    rows = store.query("""MATCH (a:Actor)-[:STATES]->(s:Statement)-[:MENTIONS]->(:Group {id: $id})
        WITH a, s ORDER BY s.document_id, s.start SKIP $offset LIMIT $limit
        RETURN a.name AS actor, s.kind AS kind, s.text AS quote, s.document_id AS document, s.page AS page,
               s.line AS line""",
                       {"id": group_id, "offset": offset, "limit": limit})
    return {"group": node, "statements": rows, "offset": offset, "limit": limit}


@router.get("/documents", summary="Documents with their kind, date and statement count", tags=["entities"])
def documents(request: Request, q: str | None = Query(None, max_length=200, description="Part of title or file"),
              kind: str | None = Query(None, max_length=40, examples=["submission"]),
              limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    store = _store(request)
    where = ("WHERE ($kind IS NULL OR d.kind = $kind) AND ($q IS NULL OR toLower(d.title) CONTAINS toLower($q) "
             "OR toLower(d.file) CONTAINS toLower($q))")
    params = {"q": q, "kind": kind}
    rows = store.query(f"MATCH (d:Document) {where} RETURN properties(d) AS d ORDER BY d.id SKIP $offset LIMIT $limit",
                       {**params, "offset": offset, "limit": limit})
    total = store.query(f"MATCH (d:Document) {where} RETURN count(d) AS c", params)[0]["c"]
    return {"items": [r["d"] for r in rows], "total": total, "offset": offset, "limit": limit}


@router.get("/documents/{document_id}", summary="One document: authors, statement counts by kind, statements",
            tags=["entities"])
def document(request: Request, document_id: str, kind: str | None = Query(None, max_length=20,
             examples=["proposal", "opposition"]), limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    store = _store(request)
    node = _one(store, "Document", document_id)
    authors = store.query("MATCH (a:Actor)-[:AUTHORED]->(:Document {id: $id}) RETURN a.id AS id, a.name AS name "
                          "ORDER BY name", {"id": document_id})
    kinds = store.query("MATCH (:Document {id: $id})-[:CONTAINS]->(s:Statement) RETURN s.kind AS kind, "
                        "count(s) AS statements ORDER BY kind", {"id": document_id})
    # one row per statement; "X og Y har etablert …" has two speakers
    rows = store.query("""MATCH (:Document {id: $id})-[:CONTAINS]->(s:Statement)
        WHERE $kind IS NULL OR s.kind = $kind
        WITH s ORDER BY s.start SKIP $offset LIMIT $limit
        MATCH (a:Actor)-[:STATES]->(s)
        WITH s, a ORDER BY a.name
        WITH s, collect(a.name) AS speakers
        RETURN s.id AS id, speakers[0] AS speaker, speakers, s.kind AS kind, s.text AS quote, s.page AS page,
               s.line AS line, s.section AS section ORDER BY s.start""",
                       {"id": document_id, "kind": kind, "offset": offset, "limit": limit})
    return {"document": node, "authors": authors, "kinds": kinds, "statements": rows, "offset": offset,
            "limit": limit}
