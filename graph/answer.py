"""Answer a structured question (intent + parameters) from the graph, with evidence for every answer.

The statement level is the source of truth: a measure the vocabulary names, or one discovered in the
documents (matched by key), is matched through its Statement-ABOUT edges, any other measure phrase by its
words in the statement text (prefix-stemmed, so
"kombinerte stillinger" finds "kombinasjonsstillinger" only through the vocabulary, never by guessing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from graph.extract.vocab import Vocabulary, load_vocabulary
from graph.phrase import Phrase
from graph.relations import KINDS_OF_RELATION, RELATION_OF_KIND, STANCE_RELATIONS
from graph.store import GraphStore
from loaders.authorship import unit_and_parent

# the stance relations take their statement kinds from graph/relations.py; STATES is any statement at all
KINDS = {**KINDS_OF_RELATION,
         "STATES": [*dict.fromkeys(k for kinds in KINDS_OF_RELATION.values() for k in kinds), "challenge", "other"]}
DEFAULT_RELATION = {"who_proposes": "PROPOSES", "who_opposes": "OPPOSES", "who_reports_example": "REPORTS_AS_EXAMPLE",
                    "about": "STATES", "status_or_detail": "STATES"}
# Questions about a thing rather than a stance ("what is X, what is its status?"): an actor the statement
# names without speaking counts too, and is answered with relation MENTIONED and the same evidence.
DETAIL_INTENTS = {"about", "status_or_detail"}


SCAN_LIMIT = 5000  # statements: a graph this small is read whole for a question's words (see build)


class AnswerError(ValueError):
    """A question the graph cannot be asked (unknown intent or parameter)."""


def _relations(intent: str, params: dict[str, Any]) -> list[str]:
    rels = params.get("relations") or [params.get("relation") or DEFAULT_RELATION.get(intent)]
    rels = [r for r in rels if r] or list(STANCE_RELATIONS)
    for rel in rels:
        if rel not in KINDS:
            raise AnswerError(f"unknown relation {rel!r}; use {', '.join(KINDS)}")
    return rels


def of_kind(actor: dict[str, Any], types: Iterable[str], names: Iterable[str]) -> bool:
    """An actor of the kinds asked for, or whose name says it is one ("Innherred Interkommunale Legevakt IKS"):
    the Python side of ``_OF_KIND``."""
    return actor["type"] in types or any(w in actor["name"].lower() for w in names)


# the same in Cypher
_OF_KIND = "({a}.type IN $actor_types OR any(w IN $actor_names WHERE toLower({a}.name) CONTAINS w))"
# The most selective filter becomes the anchor, matched first from its index (WITH is a barrier the planner
# respects); otherwise FalkorDB starts from every statement and a question costs O(graph).
_ANCHORS = {
    "measure": "MATCH (mm:Measure) WHERE mm.id IN $measure_ids WITH DISTINCT mm MATCH (mm)<-[:ABOUT]-(s:Statement)",
    "group": "MATCH (g:Group) WHERE g.id IN $group_ids WITH DISTINCT g MATCH (g)<-[:MENTIONS]-(s:Statement)",
    "theme": "MATCH (t:Theme {id: $theme}) WITH t MATCH (t)<-[:CONCERNS]-(s:Statement)",
    "named": "MATCH (na:Actor {id: $named}) WITH na MATCH (na)-[:STATES|MENTIONS]-(s:Statement)",
    "actor_types": f"MATCH (ta:Actor) WHERE {_OF_KIND.format(a='ta')} WITH DISTINCT ta "
                   "MATCH (ta)-[:STATES|MENTIONS]-(s:Statement)",
    None: "MATCH (s:Statement)",
}
_FILTERS = {
    "named": "MATCH (s)-[:STATES|MENTIONS]-(:Actor {id: $named})",
    "actor_types": f"MATCH (s)-[:STATES|MENTIONS]-(ta:Actor) WHERE {_OF_KIND.format(a='ta')}",
    "measure": "MATCH (s)-[:ABOUT]->(mm:Measure) WHERE mm.id IN $measure_ids",
    "group": "MATCH (s)-[:MENTIONS]->(g:Group) WHERE g.id IN $group_ids",
    "theme": "MATCH (s)-[:CONCERNS]->(t:Theme) WHERE t.id = $theme",
}
# the statements an actor states that pass the question's anchor, kinds and filters (both queries start so)
_HEAD = """
{anchor}
MATCH (a:Actor)-[:STATES]->(s)
WHERE s.kind IN $kinds {actor}
{filters}
WITH DISTINCT a, s
"""
_QUERY = _HEAD + """MATCH (d:Document)-[:CONTAINS]->(s)
{documents}
WITH DISTINCT a, s, d
OPTIONAL MATCH (s)-[:ABOUT]->(m:Measure)
WITH a, s, d, collect(m.id) AS measure_ids, collect(m.name) AS measures
{tail}"""
_ROWS = """{mentioned}
RETURN a.id AS actor_id, a.name AS actor, a.type AS type, a.aliases AS aliases, s.kind AS kind, s.text AS quote,
       s.context AS context, s.page AS page, s.line AS line, d.id AS document, d.file AS file, measure_ids,
       measures{mentioned_column}
"""
# a stance question with no words to check in the quotes is grouped and ranked in the store: a theme of a
# thousand documents holds thousands of statements, and only the best answers' evidence needs to leave it
# (grouped by the nodes, whose properties are read for the rows kept only: half the time of grouping by them; each
# statement is once per actor and measure already, so a plain count)
_GROUPED = _HEAD + """{documents}
OPTIONAL MATCH (s)-[:ABOUT]->(m:Measure){only}
WITH a, m, $relation_of[s.kind] AS relation, count(s) AS n, collect(s.id) AS ids
WITH a, m, relation, n, ids, a.name AS actor, m.name AS measure
ORDER BY n DESC, actor, measure LIMIT $rows
RETURN a.id AS actor_id, actor, a.type AS type, a.aliases AS aliases, m.id AS measure_id, measure, relation, n,
       ids[..$per] AS ids
"""
_EVIDENCE = ("MATCH (d:Document)-[:CONTAINS]->(s:Statement) WHERE s.id IN $ids "
             "RETURN s.id AS id, d.id AS document, d.file AS file, s.page AS page, s.line AS line, s.text AS quote, "
             "s.kind AS kind, s.context AS context")
EVIDENCE_PER_ANSWER = 20  # quotes an answer of a grouped question carries; evidence_total says how many there are
# who a statement names: only detail questions answer with them (else a needless match per statement)
_MENTIONED = ("OPTIONAL MATCH (s)-[:MENTIONS]->(ma:Actor)",
              ",\n       collect([ma.id, ma.name, ma.type, ma.aliases]) AS mentioned")


def actor_id(store: GraphStore, vocab: Vocabulary, name: str) -> str | None:
    """The vocabulary's id for a name, else the id of a discovered actor (a person, an organisation found by
    pattern) with that id or name."""
    if name in vocab.actors.entries:
        return name
    found = vocab.actor_id(name)
    if found:
        return found
    rows = store.query("MATCH (a:Actor) WHERE a.id = $name OR toLower(a.name) = $low RETURN a.id AS id LIMIT 1",
                       {"name": name, "low": name.lower()})
    return rows[0]["id"] if rows else None


def _branch_prefixes(vocab: Vocabulary, aid: str | None) -> list[str]:
    """The names a vocabulary actor's branches begin with ("fagforbundet ", "ffo "): its name and its
    distinctive aliases (several words, or an abbreviation), lower-cased, each followed by a space."""
    entry = vocab.actors.entries.get(aid or "")
    if entry is None:
        return []
    names = [entry.name, *(a for a in entry.aliases if " " in a or sum(c.isupper() for c in a) >= 2)]
    return [f"{n.lower()} " for n in dict.fromkeys(names)]


def _units_in(store: GraphStore, aid: str | None) -> list[str]:
    """The units of a municipality or county ("Tannhelsetenesta i Troms fylkeskommune", "Helsestasjonen, Arendal
    kommune"), which a question about it answers with; not its councils ("Eldrerådet i …"), which speak for
    themselves."""
    rows = store.query("MATCH (a:Actor {id: $id}) RETURN a.name AS name", {"id": aid}) if aid else []
    name = rows[0]["name"] or "" if rows else ""
    if not re.search(r"\b(?:kommune|fylkeskommune|herad)$", name):
        return []
    ends = [f" i {name.lower()}", f", {name.lower()}"]
    units = store.query("MATCH (a:Actor) WHERE any(e IN $ends WHERE toLower(a.name) ENDS WITH e) "
                        "RETURN a.id AS id, a.name AS name", {"ends": ends})
    return [u["id"] for u in units if unit_and_parent(u["name"] or "")]


def discovered_ids(store: GraphStore, phrase: str) -> list[str]:
    """The discovered measures a phrase names (by key, see :func:`graph.ask.parse.discovered_matches`)."""
    from graph.ask import discovered_candidates
    from graph.ask.parse import discovered_matches

    known = discovered_candidates(store, phrase)
    found, whole = discovered_matches(phrase, known) if known else ([], True)
    return found if whole else []  # a near key that lacks some of the words: the words decide


@dataclass
class Query:
    """A structured question made into one Cypher query (run once per relation) and the filters the statements'
    text must pass afterwards."""

    cypher: str
    params: dict[str, Any]
    phrases: list[Phrase]
    measure_ids: list[str]
    grouped: bool = False  # grouped and ranked in the store (see _GROUPED)


def with_included(vocab: Vocabulary, ids: list[str]) -> list[str]:
    """The measures and the kinds of it the vocabulary says they include: "ambulante team" (oppsøkende team)
    are FACT, ACT and ROP teams as well, which the documents name instead."""
    out = list(ids)
    for mid in ids:
        entry = vocab.measures.entries.get(mid)
        for name in (entry.props.get("includes") or []) if entry else []:
            out += [i for i in vocab.measures.ids(name) if i not in out]
    return out


def build(store: GraphStore, intent: str, params: dict[str, Any], vocab: Vocabulary) -> Query:
    filters: list[str] = []
    qparams: dict[str, Any] = {}
    texts: list[str] = []
    actor = ""
    phrases = params.get("measures") or ([params["measure"]] if params.get("measure") else [])
    measure_ids = list(params.get("measure_ids") or [])
    for phrase in phrases:
        # the vocabulary first; a phrase it does not know names the measures discovered in the documents
        # whose key holds its words, never a different vocabulary measure; else it is looked for in the quotes
        ids = vocab.measures.ids(phrase) or discovered_ids(store, phrase)
        if ids:
            measure_ids.extend(ids)
        else:
            texts.append(phrase)
    if params.get("phrase"):
        texts.append(params["phrase"])
    measure_ids = with_included(vocab, measure_ids)
    if measure_ids:
        filters.append("measure")
        qparams["measure_ids"] = measure_ids
    group_ids = list(params.get("group_ids") or [])
    if params.get("group"):
        ids = vocab.groups.ids(params["group"])
        group_ids.extend(ids)
        if not ids:
            texts.append(params["group"])
    if group_ids:
        filters.append("group")
        qparams["group_ids"] = group_ids
    if params.get("theme"):
        filters.append("theme")
        qparams["theme"] = params["theme"]
    if params.get("actor"):
        aid = actor_id(store, vocab, params["actor"])
        mentioned = " OR (s)-[:MENTIONS]->(:Actor {id: $actor_id})" if intent in DETAIL_INTENTS and aid else ""
        # its branches too: "Fagforbundet" speaks also as "Fagforbundet Vestfold og Telemark" (a name it begins)
        # and its units, named with it: "Fakultet for helse- og sosialvitenskap, Universitetet i Sørøst-Norge"
        branches = (" OR any(p IN $branch_of WHERE toLower(a.name) STARTS WITH p)"
                    " OR any(p IN $unit_of WHERE toLower(a.name) ENDS WITH p) OR a.id IN $units")
        actor = f"AND (a.id = $actor_id OR a.id = $actor OR toLower(a.name) = $actor_name{branches}{mentioned})"
        branch_of = _branch_prefixes(vocab, aid)
        qparams.update(actor_id=aid or "", actor=params["actor"], actor_name=params["actor"].lower(),
                       branch_of=branch_of, unit_of=[f", {p[:-1]}" for p in branch_of], units=_units_in(store, aid))
    if params.get("named"):  # a second actor the statements must name ("… sammen med NAV", "… om Sykehuspartner")
        filters.append("named")
        qparams["named"] = actor_id(store, vocab, params["named"]) or params["named"]
    if params.get("actor_types") or params.get("actor_names"):  # "which union …", "which hospitals …"
        # (or whose name says it is of the kind: "Innherred Interkommunale Legevakt IKS" is a legevakt)
        qparams["actor_types"] = list(params["actor_types"])
        qparams["actor_names"] = list(params.get("actor_names") or [])
        if intent in DETAIL_INTENTS:  # statements an actor of the type speaks or is named in
            filters.append("actor_types")
        else:  # who takes the stance
            actor += " AND " + _OF_KIND.format(a="a")
    documents = []
    if params.get("documents"):  # file names or document ids: the question's scope
        documents.append("WHERE d.file IN $documents OR d.id IN $documents")
        qparams["documents"] = list(params["documents"])
    if params.get("authors"):
        documents.append("MATCH (au:Actor)-[:AUTHORED]->(d) WHERE au.id IN $authors")
        qparams["authors"] = list(params["authors"])
    opposing = _relations(intent, params) == ["OPPOSES"]
    weighed = [Phrase.weigh(store, t, exact=bool(params.get("exact")), english=params.get("language") == "en",
                            opposing=opposing) for t in texts]
    for p in weighed:
        p.share = params.get("phrase_share") or p.share
    # the words, from the full-text index, when nothing else narrows the start (a kind of actor is thousands of
    # statements in a large graph); after a measure, group, theme or actor, or in a graph small enough to read
    # whole, the words are checked on what they give, which also finds them inside compounds the index cannot
    # ("følgetjeneste" in "jordmorfølgjetenesta")
    if weighed and weighed[0].query() and weighed[0].statements > SCAN_LIMIT \
            and not (filters and filters[0] != "actor_types"):
        filters.insert(0, "text")
        qparams["ft"] = weighed[0].query()
    anchor = (store.fulltext_match() if filters[0] == "text" else _ANCHORS[filters[0]]) if filters else None
    parts = {"anchor": anchor or _ANCHORS[None], "actor": actor, "filters": "\n".join(_FILTERS[f] for f in filters[1:])}
    if not weighed and intent not in DETAIL_INTENTS:
        qparams.update(only=measure_ids, relation_of=dict(RELATION_OF_KIND), per=EVIDENCE_PER_ANSWER)
        scope = "MATCH (d:Document)-[:CONTAINS]->(s)\n" + "\n".join(documents) + "\nWITH DISTINCT a, s" \
            if documents else ""
        only = " WHERE m.id IN $only" if measure_ids else ""  # (a WHERE that is always true still costs)
        return Query(_GROUPED.format(**parts, documents=scope, only=only), qparams, weighed, measure_ids, True)
    mentioned, column = _MENTIONED if intent in DETAIL_INTENTS else ("", "")
    tail = _ROWS.format(mentioned=mentioned, mentioned_column=column)
    return Query(_QUERY.format(**parts, documents="\n".join(documents), tail=tail), qparams, weighed, measure_ids)


def answer(store: GraphStore, intent: str, params: dict[str, Any], vocab: Vocabulary | None = None,
           limit: int = 50) -> list[dict[str, Any]]:
    """Answers grouped by actor, relation and measure, each with its evidence (document, page, quote).

    ``params``: measure / measures (phrases, resolved through the vocabulary) or measure_ids; group or
    group_ids; phrase (words the quotes must hold, weighed by rarity); theme; actor; relation / relations;
    documents (file names or ids) and authors (actor ids whose documents are the scope); named (a second actor
    the statements must speak or name); actor_types (detail questions: statements an actor of these types
    speaks or is named in; stance questions: speakers of these types).
    """
    vocab = vocab or load_vocabulary()
    query = build(store, intent, params, vocab)
    relations = _relations(intent, params)
    if query.grouped:
        return run_grouped(store, query, relations, limit)
    return rank(run(store, intent, query, relations), query, limit)


def _in_turns(ranked: list[Any], actor_id: str | None, speaker: Callable[[Any], str]) -> list[Any]:
    """"What does Fagforbundet want?": the union's own answers first, then its branches' and units' in turn, so
    that a branch with fewer answers is not cut off by a busier one (each in its own order)."""
    if not actor_id or len({speaker(e) for e in ranked}) < 2:
        return ranked
    shown: dict[str, int] = {}
    turn = []
    for e in ranked:
        aid = speaker(e)
        shown[aid] = shown.get(aid, 0) + 1
        turn.append(0 if aid == actor_id else shown[aid])
    return [e for _, _, e in sorted(zip(turn, range(len(ranked)), ranked, strict=True), key=lambda t: t[:2])]


_BRANCH_ROWS = 4  # times the answers wanted: the rows an actor question reads to give its branches their turns


def run_grouped(store: GraphStore, query: Query, relations: list[str], limit: int) -> list[dict[str, Any]]:
    """The best ``limit`` answers counted in the store, then the evidence of those alone."""
    kinds = [k for rel in relations for k in KINDS[rel]]
    relation_of = query.params["relation_of"] if "STATES" not in relations else {k: "STATES" for k in kinds}
    actor_id = query.params.get("actor_id")
    rows = store.query(query.cypher, {**query.params, "kinds": kinds, "relation_of": relation_of,
                                      "rows": limit * _BRANCH_ROWS if actor_id else limit})
    rows = _in_turns(rows, actor_id, lambda r: r["actor_id"])[:limit]
    evidence = {r["id"]: r for r in store.query(_EVIDENCE, {"ids": [i for r in rows for i in r["ids"]]})}
    return [{"actor": {"id": r["actor_id"], "name": r["actor"], "type": r["type"], "aliases": r["aliases"] or []},
             "relation": r["relation"],
             "measure": {"id": r["measure_id"], "name": r["measure"]} if r["measure_id"] else None,
             "evidence": [evidence_item(e) for e in (evidence.get(i) for i in r["ids"]) if e],
             "evidence_total": r["n"]} for r in rows]


def evidence_item(row: dict[str, Any]) -> dict[str, Any]:
    """Document, file, page, verbatim quote and kind; the line the quote starts on in a document without pages (a
    text file); and the sentence the quote points back to, when it does."""
    return {**{k: row[k] for k in ("document", "file", "page", "quote", "kind")},
            **({"line": row["line"]} if row.get("line") else {}),
            **({"context": row["context"]} if row.get("context") else {})}


def run(store: GraphStore, intent: str, query: Query, relations: list[str]) -> list[dict[str, Any]]:
    """One answer per actor, relation and measure (per actor and relation for detail questions)."""
    groups: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    # the stance relations have kinds of their own: one query asks for all of them at once
    passes = [(rel, KINDS[rel]) for rel in relations if rel == "STATES"]
    stances = [k for rel in relations if rel != "STATES" for k in KINDS[rel]]
    passes += [(None, stances)] if stances else []
    for only, kinds in passes:
        for row in store.query(query.cypher, {"kinds": kinds, **query.params}):
            # what a statement says is its words, what it points back to and the measures it is about: "Vi går imot
            # dette." says what the proposal before it said
            said = " ".join([row["quote"] or "", row.get("context") or "", *(n for n in row["measures"] if n)])
            if not all(p.holds(said) for p in query.phrases):
                continue
            rel = only or RELATION_OF_KIND[row["kind"]]
            cover = min((p.coverage(said) for p in query.phrases), default=1.0)
            about = [{"id": i, "name": n} for i, n in zip(row["measure_ids"], row["measures"], strict=False)
                     if not query.measure_ids or i in query.measure_ids]
            actors = [(row["actor_id"], row["actor"], row["type"], row.get("aliases"), rel)]
            if intent in DETAIL_INTENTS:  # who is named is part of what a statement says about a thing
                actors += [(*m, "MENTIONED") for m in row["mentioned"] if m[0] and m[0] != row["actor_id"]]
            # a detail question is about a thing or an actor, not a measure: one answer per actor and relation
            # (else every measure a long document names splits its author's answer and crowds out the others)
            per_measure = about if intent not in DETAIL_INTENTS or query.measure_ids else []
            for aid, name, atype, aliases, relation in actors:
                for measure in per_measure or [None]:
                    entry = groups.setdefault((aid, relation, measure["id"] if measure else None), {
                        "actor": {"id": aid, "name": name, "type": atype, "aliases": aliases or []},
                        "relation": relation, "measure": measure, "evidence": [], "match": 0.0,
                    })
                    entry["match"] = max(entry["match"], cover)
                    entry["evidence"].append(evidence_item(row))
    return list(groups.values())


def rank(entries: list[dict[str, Any]], query: Query, limit: int) -> list[dict[str, Any]]:
    """What the question asks about first (the person named, the second actor, the union), then how much of
    the question's words the quotes hold, then the best evidenced; the actor whose statements are listed is not
    news when it speaks them."""
    q = query.params

    def key(e: dict[str, Any]) -> tuple:
        aid = e["actor"]["id"]
        wanted = (aid == q.get("named") or of_kind(e["actor"], q.get("actor_types", ()), q.get("actor_names", ()))
                  or aid == q.get("actor_id") and e["relation"] == "MENTIONED")
        return (not wanted, -round(e["match"], 2), -len(e["evidence"]), e["actor"]["name"],
                (e["measure"] or {}).get("name") or "")

    ranked = _in_turns(sorted(entries, key=key), q.get("actor_id"), lambda e: e["actor"]["id"])
    ranked = ranked[:limit]
    for e in ranked:
        e.pop("match", None)
    return ranked
