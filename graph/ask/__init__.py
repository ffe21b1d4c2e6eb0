"""Questions in Norwegian or English answered from the graph, with the quote, document and page of each answer."""

from __future__ import annotations

import re
from typing import Any

from graph.answer import answer
from graph.ask.parse import Interpretation, parse, templates
from graph.extract.vocab import Vocabulary, load_vocabulary
from graph.store import GraphStore

__all__ = ["Interpretation", "ask", "parse"]

_ACTORS = "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.aliases AS aliases ORDER BY id"
# measures the documents name and the vocabulary does not (a promoted one keeps its key)
DISCOVERED = ("MATCH (m:Measure) WHERE m.origin IN ['discovered', 'curated'] AND m.key IS NOT NULL "
              "RETURN m.id AS id, m.name AS name, m.key AS key ORDER BY id")
_SPEAKERS = ("MATCH (a:Actor)-[:STATES]->(s:Statement) WHERE s.id IN $ids "
             "OPTIONAL MATCH (s)-[:ABOUT]->(m:Measure) "
             "RETURN s.id AS id, a.id AS actor_id, a.name AS actor, a.type AS type, a.aliases AS aliases, "
             "collect(m.id) AS measure_ids, collect(m.name) AS measures")


def ask(store: GraphStore, question: str, *, documents: list[str] | None = None, limit: int = 50,
        vocab: Vocabulary | None = None) -> dict[str, Any]:
    """The ask contract (also GET /v1/ask and ``innspill ask --json``): question, interpretation, answers
    (actor, relation, measure, evidence).

    ``documents`` narrows the answers to these files or document ids (the question's scope)."""
    vocab = vocab or load_vocabulary()
    known = tuple((r["id"], r["name"] or r["id"], tuple(a for a in r["aliases"] or [] if _distinctive(a)))
                  for r in store.query(_ACTORS))
    def measures() -> tuple[tuple[str, str, str], ...]:
        return tuple((r["id"], r["name"] or r["id"], r["key"]) for r in store.query(DISCOVERED))

    it = parse(question, vocab, known, measures)
    answers: list[dict[str, Any]] = []
    if it.intent != "search":
        answers = answer(store, it.intent, _params(it, documents), vocab, limit=limit)
        if not answers and it.discovered:  # the discovered measures say nothing of it: look for the words
            it = parse(question, vocab, known)
            answers = answer(store, it.intent, _params(it, documents), vocab, limit=limit) \
                if it.intent != "search" else []
        # an empty answer to "whether" is the answer; elsewhere drop the least certain filter and retry
        for drop in ("phrase", "groups", "theme") if it.intent != "whether" else ():
            anchored = it.measures or it.actor or it.named or it.actor_types or it.intent.endswith("theme")
            if answers or not getattr(it, drop) or not (anchored or drop != "phrase" and it.phrase):
                continue
            setattr(it, drop, [] if drop == "groups" else None)
            it.note = (f"{it.note}; " if it.discovered and it.note else "") + \
                f"nothing matched every part of the question; answered without its {drop}"
            answers = answer(store, it.intent, _params(it, documents), vocab, limit=limit)
        if not answers and it.intent != "whether" and not (it.measures or it.actor or it.theme or it.named
                                                           or it.actor_types):
            it.intent, it.note = "search", "nothing in the graph matched; showing a full-text search over statements"
    if it.intent == "search":
        answers = _search(store, question, limit)
    interpretation = it.as_dict()
    if documents:
        interpretation["documents"] = list(documents)
    return {"question": question, "interpretation": interpretation, "answers": answers}


def _distinctive(alias: str) -> bool:
    """An alias that names one organisation anywhere: several words or an abbreviation ("UNN", "SiV"), not a
    member's short name like "Kommunene" that only means something inside its own document."""
    return " " in alias.strip() or sum(c.isupper() for c in alias) >= 2


def _params(it: Interpretation, documents: list[str] | None) -> dict[str, Any]:
    return {"measure_ids": it.measures, "group_ids": it.groups, "phrase": it.phrase, "theme": it.theme,
            "actor": it.actor, "named": it.named, "actor_types": it.actor_types,
            "relations": it.relations, "authors": it.authors,
            "documents": documents}


def _search(store: GraphStore, question: str, limit: int) -> list[dict[str, Any]]:
    """Full-text search on the question's topic words, grouped like every other answer."""
    stop = templates()["stop"]
    words = [w for w in re.findall(r"[^\W_]+", question.lower()) if w not in stop and len(w) > 2]
    hits = store.fulltext("Statement", " ".join(words), limit) if words else []
    if not hits:  # every word at once found nothing: any of them, best scores first
        merged = {h["node"]["id"]: h for w in words for h in store.fulltext("Statement", w, limit)}
        hits = sorted(merged.values(), key=lambda h: -h["score"])[:limit]
    nodes = [h["node"] for h in hits]
    who = {r["id"]: r for r in store.query(_SPEAKERS, {"ids": [n["id"] for n in nodes]})}
    groups: dict[tuple[str, str | None], dict[str, Any]] = {}
    for n in nodes:
        r = who.get(n["id"])
        if not r:
            continue
        mid = r["measure_ids"][0] if r["measure_ids"] else None
        entry = groups.setdefault((r["actor_id"], mid), {
            "actor": {"id": r["actor_id"], "name": r["actor"], "type": r["type"], "aliases": r["aliases"] or []},
            "relation": "STATES", "measure": {"id": mid, "name": r["measures"][0]} if mid else None,
            "evidence": []})
        entry["evidence"].append({"document": n.get("document_id"), "page": n.get("page"), "quote": n.get("text"),
                                  "kind": n.get("kind")})
    return list(groups.values())
