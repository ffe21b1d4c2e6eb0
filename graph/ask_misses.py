"""Why an expected actor is missing from an answer, told from what the graph holds of it and counted without naming
the question, so that held-out sets, whose misses nobody reads, say whether extraction or retrieval lost them.

An expected quote the actor does not state is a miss of extraction ("not stated"); one it states as another kind of
statement than the question asks for, too ("stated as opposition", "stated as other"); one it states with the stance
asked for is a miss of retrieval: the question's words, weighed as ``ask`` weighs them, hold only part of the
statement ("other words, held < 0.3" is a paraphrase no lexical table reaches; "held ≥ 0.6" is lost after retrieval,
by a filter or the ranking).
"""

from __future__ import annotations

from typing import Any

from graph.answer import KINDS
from graph.ask_eval import actor_keys, answered_keys, flat
from graph.phrase import Phrase
from graph.store import GraphStore

RELATION_OF_CLASS = {"who_proposes": "PROPOSES", "who_opposes": "OPPOSES", "who_reports": "REPORTS_AS_EXAMPLE"}
_STATEMENTS = ("MATCH (d:Document)-[:CONTAINS]->(s:Statement)<-[:STATES]-(a:Actor) "
               "WHERE d.file IN $documents OR d.id IN $documents "
               "RETURN s.kind AS kind, s.text AS text, s.context AS context, a.name AS name, a.aliases AS aliases")
_QUOTE_START = 60  # characters of an expected quote looked for (a statement may end before the quote does)
BUCKETS = ((0.3, "other words, held < 0.3"), (0.6, "other words, held 0.3–0.6"), (2.0, "other words, held ≥ 0.6"))


def miss_kinds(store: GraphStore, question: dict[str, Any], lang: str, result: dict[str, Any]) -> list[str]:
    """One kind per expected actor ``ask``'s result (answers and interpretation) missed, for a stance question asked
    of its documents; none for the other classes."""
    relation = RELATION_OF_CLASS.get(question.get("class", ""))
    if relation is None or not question.get("documents"):
        return []
    got = answered_keys(result["answers"])
    missing = [e for e in question.get("expected_actors") or [] if not actor_keys(e) & got]
    if not missing:
        return []
    it = result["interpretation"]
    topic = it.get("topic") or it.get("phrase") or it.get("wording")
    phrase = Phrase.weigh(store, topic, english=lang == "en") if topic else None
    # the statements that hold an expected quote, compared as the judge compares quotes (lower case, a run of
    # whitespace one space)
    quotes = [flat(q)[:_QUOTE_START] for q in question.get("expected_quotes") or []]
    rows = [r for r in store.query(_STATEMENTS, {"documents": question["documents"]})
            if any(q in flat(r["text"] or "") for q in quotes)]
    kinds = []
    for expected in missing:
        keys = actor_keys(expected)
        stated = [r for r in rows if actor_keys({"name": r["name"], "aliases": r["aliases"]}) & keys]
        same = [r for r in stated if r["kind"] in KINDS[relation]]
        if same:
            held = max(phrase.coverage(f"{r['text']} {r['context'] or ''}") for r in same) if phrase else 0.0
            kinds.append(next(name for bound, name in BUCKETS if held < bound))
        else:
            kinds.append(f"stated as {min(r['kind'] for r in stated)}" if stated else "not stated")
    return kinds
