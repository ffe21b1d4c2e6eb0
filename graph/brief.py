"""A theme brief as data: per theme, the measures ranked by their distinct backers (with a table by actor type),
representative quotes chosen for coverage, disagreement, existing practice, groups concerned, the documents
that say nothing on the theme, a method note and the sources. Built from read-only queries only; the same
graph gives the same brief (every list has a total order). No prose is generated: headings, counts, tables
and verbatim quotes with their document and page. Renderers: ``graph/brief_render.py``."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rapidfuzz import fuzz

from graph.store import GraphStore

TOP_MEASURES = 10  # measures that get quotes and a row in the backers-by-type table
QUOTES_PER_MEASURE = 3
NEAR_DUPLICATE = 85  # rapidfuzz token_set_ratio at or above which two quotes say the same thing
METHOD = ("Statements are sentences of the documents, found by rules and the vocabulary "
          "(graph/extract: cue words in graph/extract/cues.yaml, measures in graph/vocabulary/measures.yaml "
          "and measures discovered in the documents), without a language model. A measure's backers are the "
          "distinct actors with a PROPOSES relation to it; existing practice is REPORTS_AS_EXAMPLE; disagreement "
          "is a measure with both PROPOSES and OPPOSES. Narrower discovered measures (with a broader measure) "
          "are left out of the ranking, as in the recipes most_proposed_measures and measures_by_theme. Quotes "
          "are verbatim statements, chosen to cover different actors and actor types and to leave out "
          "near-duplicates (rapidfuzz token_set_ratio >= 85).")


class BriefError(LookupError):
    """The theme (or a document named as scope) is not in the graph."""


# every stance edge of the theme's measures, one row per backing statement in scope
_EDGES = """MATCH (m:Measure)-[:CONCERNS]->(:Theme {id: $theme})
MATCH (a:Actor)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(m)
WHERE $actor_type IS NULL OR coalesce(a.type, 'other') = $actor_type
UNWIND r.statement_ids AS sid
MATCH (s:Statement {id: sid})
WHERE $documents IS NULL OR s.document_id IN $documents
RETURN m.id AS measure_id, m.name AS measure, coalesce(m.origin, 'vocabulary') AS origin, m.broader AS broader,
       a.id AS actor_id, a.name AS actor, coalesce(a.type, 'other') AS actor_type, type(r) AS relation,
       s.id AS statement_id, s.text AS quote, s.document_id AS document, s.page AS page, s.start AS start,
       s.line AS line"""

_GROUPS = """MATCH (a:Actor)-[:STATES]->(s:Statement)-[:CONCERNS]->(:Theme {id: $theme})
WHERE ($actor_type IS NULL OR coalesce(a.type, 'other') = $actor_type)
  AND ($documents IS NULL OR s.document_id IN $documents)
MATCH (s)-[:MENTIONS]->(g:Group)
RETURN g.id AS group_id, g.name AS group_name, g.kind AS kind, count(DISTINCT s) AS statements,
       count(DISTINCT a) AS actors, count(DISTINCT s.document_id) AS documents
ORDER BY statements DESC, actors DESC, group_name"""

_ON_THEME = """MATCH (d:Document)
WHERE $documents IS NULL OR d.id IN $documents
OPTIONAL MATCH (d)-[:CONTAINS]->(s:Statement)-[:CONCERNS]->(:Theme {id: $theme})
OPTIONAL MATCH (a:Actor)-[:STATES]->(s)
RETURN d.id AS id, d.title AS title, d.file AS file, d.kind AS kind, d.author AS author, d.date AS date,
       count(DISTINCT CASE WHEN $actor_type IS NULL OR (a IS NOT NULL AND coalesce(a.type, 'other') = $actor_type)
                      THEN s END) AS statements
ORDER BY id"""


def build_brief(store: GraphStore, theme: str, *, actor_type: str | None = None,
                documents: list[str] | None = None, top: int = TOP_MEASURES) -> dict[str, Any]:
    """The brief for ``theme`` (a theme id), optionally only actors of one type and statements of some
    documents. Raises BriefError for an unknown theme or document."""
    found = store.query("MATCH (t:Theme {id: $id}) RETURN t.id AS id, t.name AS name, t.name_en AS name_en",
                        {"id": theme})
    if not found:
        raise BriefError(f"no theme with id {theme!r}")
    docs_scope = sorted(set(documents)) if documents else None
    if docs_scope:
        known = {r["id"] for r in store.query("MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id",
                                              {"ids": docs_scope})}
        missing = [d for d in docs_scope if d not in known]
        if missing:
            raise BriefError(f"no document with id {', '.join(map(repr, missing))}")
    params = {"theme": theme, "actor_type": actor_type, "documents": docs_scope}
    rows = store.query(_EDGES, params)
    rows.sort(key=lambda r: (r["measure_id"], r["relation"], r["actor"] or "", r["actor_id"], r["document"],
                             r["start"] if r["start"] is not None else -1, r["statement_id"]))
    measures: dict[str, dict[str, Any]] = {}
    # (measure, relation) → actor id → its rows
    by_rel: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        measures.setdefault(r["measure_id"], {"id": r["measure_id"], "name": r["measure"], "origin": r["origin"],
                                              "broader": r["broader"]})
        by_rel[(r["measure_id"], r["relation"])][r["actor_id"]].append(r)

    def summary(mid: str, relation: str) -> dict[str, Any]:
        actors = by_rel.get((mid, relation), {})
        types: dict[str, int] = defaultdict(int)
        for stated in actors.values():
            types[stated[0]["actor_type"]] += 1
        return {"actors": len(actors), "statements": sum(len(v) for v in actors.values()),
                "by_actor_type": dict(sorted(types.items())),
                "actor_names": sorted({v[0]["actor"] for v in actors.values()})}

    ranked = []
    for mid, m in measures.items():
        if m["broader"] is not None:
            continue
        s = summary(mid, "PROPOSES")
        if s["actors"]:
            ranked.append({**m, **s})
    ranked.sort(key=lambda m: (-m["actors"], -m["statements"], m["name"], m["id"]))
    for i, m in enumerate(ranked, 1):
        m["rank"] = i
    top_measures = ranked[:top]
    actor_types = sorted({t for m in top_measures for t in m["by_actor_type"]})
    backers_table = {"actor_types": actor_types,
                     "rows": [{"measure_id": m["id"], "measure": m["name"], "actors": m["actors"],
                               "by_actor_type": {t: m["by_actor_type"].get(t, 0) for t in actor_types}}
                              for m in top_measures]}
    quotes = [{"measure_id": m["id"], "measure": m["name"],
               "quotes": pick_quotes([r for v in by_rel[(m["id"], "PROPOSES")].values() for r in v])}
              for m in top_measures]

    disagreement = []
    for mid, m in sorted(measures.items(), key=lambda kv: (kv[1]["name"], kv[0])):
        if by_rel.get((mid, "PROPOSES")) and by_rel.get((mid, "OPPOSES")):
            pro, con = summary(mid, "PROPOSES"), summary(mid, "OPPOSES")
            disagreement.append({
                "measure_id": mid, "measure": m["name"], "origin": m["origin"], "broader": m["broader"],
                "proposes": pro, "opposes": con,
                "quotes_for": pick_quotes([r for v in by_rel[(mid, "PROPOSES")].values() for r in v], 2),
                "quotes_against": pick_quotes([r for v in by_rel[(mid, "OPPOSES")].values() for r in v], 2)})
    disagreement.sort(key=lambda d: (-(d["proposes"]["actors"] + d["opposes"]["actors"]), d["measure"]))

    practice = []
    for mid, m in measures.items():
        reported = by_rel.get((mid, "REPORTS_AS_EXAMPLE"))
        if not reported:
            continue
        s = summary(mid, "REPORTS_AS_EXAMPLE")
        practice.append({"measure_id": mid, "measure": m["name"], "origin": m["origin"], "broader": m["broader"],
                         "actors": s["actors"], "statements": s["statements"],
                         "reported_by": [{"actor_id": aid, "actor": v[0]["actor"], "actor_type": v[0]["actor_type"],
                                          "statements": len(v)}
                                         for aid, v in sorted(reported.items(), key=lambda kv: (kv[1][0]["actor"],
                                                                                                kv[0]))],
                         "quotes": pick_quotes([r for v in reported.values() for r in v], 2)})
    practice.sort(key=lambda p: (-p["actors"], -p["statements"], p["measure"], p["measure_id"]))

    groups = store.query(_GROUPS, params)
    docs = store.query(_ON_THEME, params)
    silent = [d for d in docs if d["statements"] == 0]
    speaking = [d for d in docs if d["statements"] > 0]

    # sources: every document a quote comes from, numbered in order of first citation
    sources: dict[str, int] = {}
    cited = [q for block in quotes for q in block["quotes"]]
    cited += [q for d in disagreement for q in d["quotes_for"] + d["quotes_against"]]
    cited += [q for p in practice for q in p["quotes"]]
    for q in cited:
        q["source"] = sources.setdefault(q["document"], len(sources) + 1)
    by_id = {d["id"]: d for d in docs}
    source_list = [{"number": n, "id": doc, **{k: by_id[doc].get(k) for k in ("title", "file", "author", "date")}}
                   for doc, n in sources.items()]
    dates = sorted(str(d["date"]) for d in docs if d.get("date"))
    theme_statements = store.query(
        """MATCH (s:Statement)-[:CONCERNS]->(:Theme {id: $theme})
           WHERE $documents IS NULL OR s.document_id IN $documents
           OPTIONAL MATCH (a:Actor)-[:STATES]->(s)
           WITH s, a WHERE $actor_type IS NULL OR (a IS NOT NULL AND coalesce(a.type, 'other') = $actor_type)
           RETURN count(DISTINCT s) AS statements, count(DISTINCT a) AS actors""", params)[0]
    method = {
        "documents_in_scope": len(docs), "documents_on_theme": len(speaking), "documents_silent": len(silent),
        "statements_on_theme": theme_statements["statements"], "actors_stating": theme_statements["actors"],
        "measures": len(measures), "measures_ranked": len(ranked),
        "stance_statements": len({r["statement_id"] for r in rows}),
        "graph_date": dates[-1] if dates else "unknown", "how": METHOD,
    }
    return {"theme": found[0], "scope": {"actor_type": actor_type, "documents": docs_scope, "top": top},
            "measures": ranked, "backers_by_actor_type": backers_table, "quotes": quotes,
            "disagreement": disagreement, "practice": practice, "groups": groups,
            "documents_on_theme": speaking, "documents_silent": silent, "method": method, "sources": source_list}


def pick_quotes(candidates: list[dict[str, Any]], limit: int = QUOTES_PER_MEASURE) -> list[dict[str, Any]]:
    """Up to ``limit`` quotes covering as many actor types, then actors, then documents as possible, never two
    near-duplicates; among equals the one of moderate length (close to 200 characters), then document order."""
    seen: dict[str, dict[str, Any]] = {}
    for r in candidates:  # one candidate per statement ("X og Y har etablert …" has two speakers)
        seen.setdefault(r["statement_id"], r)
    pool = sorted(seen.values(), key=lambda r: (r["document"], r["start"] if r["start"] is not None else -1,
                                                r["statement_id"]))
    chosen: list[dict[str, Any]] = []
    while pool and len(chosen) < limit:
        types = {c["actor_type"] for c in chosen}
        actors = {c["actor_id"] for c in chosen}
        documents = {c["document"] for c in chosen}
        pool = [r for r in pool if all(fuzz.token_set_ratio(r["quote"], c["quote"]) < NEAR_DUPLICATE
                                       for c in chosen)]
        if not pool:
            break
        best = min(pool, key=lambda r: (r["actor_type"] in types, r["actor_id"] in actors, r["document"] in documents,
                                        abs(len(r["quote"]) - 200) // 50))
        chosen.append(best)
        pool.remove(best)
    return [{"actor_id": c["actor_id"], "actor": c["actor"], "actor_type": c["actor_type"], "quote": c["quote"],
             "document": c["document"], "page": c["page"], "line": c.get("line"), "start": c["start"],
             "statement_id": c["statement_id"]}
            for c in chosen]
