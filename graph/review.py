"""Propose actor merges from fuzzy name matches, and merges of discovered measures that look alike, for a
curator to accept into the decisions file.

Nothing here changes the graph or the vocabulary: the output is a review file of proposals in the
decisions format, each with its score, so accepting one is a copy into ``decisions.yaml``.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from rapidfuzz import fuzz

from graph.extract.vocab import normal_name
from graph.store import GraphStore

_ACTORS = "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.discovered AS discovered, a.aliases AS aliases"


def merge_candidates(actors: list[dict[str, Any]], threshold: float = 88.0) -> list[dict[str, Any]]:
    """Pairs of differently named actors whose names (or aliases) nearly agree, best first. A discovered
    actor is proposed to merge into a curated one; two discovered ones into the more common spelling."""
    out = []
    for a, b in combinations(actors, 2):
        score = fuzz.token_sort_ratio(normal_name(a["name"]), normal_name(b["name"]))
        if score < threshold or not _same_places(a["name"], b["name"]):
            continue
        source, target = (a, b) if a.get("discovered") and not b.get("discovered") else (b, a)
        out.append({"action": "merge", "from": source["name"], "into": target["name"], "score": round(score, 1)})
    return sorted(out, key=lambda c: (-c["score"], c["from"]))


def _proper(name: str) -> list[str]:
    return [w.lower() for w in name.split()[1:] if w[:1].isupper() and w not in ("HF", "RHF", "AS")]


def _same_places(x: str, y: str) -> bool:
    """Every proper noun after the first word has a close counterpart: "Sykehuset i Vestfold" is no
    spelling of "Sykehuset Østfold", while "Helsefelleskapet Agder" is one of "Helsefellesskapet Agder"."""
    px, py = _proper(x), _proper(y)
    return all(any(fuzz.ratio(w, v) >= 85 for v in py) for w in px) and \
        all(any(fuzz.ratio(w, v) >= 85 for v in px) for w in py)


_MEASURES = """MATCH (m:Measure) WHERE m.origin = 'discovered' AND m.key IS NOT NULL
OPTIONAL MATCH (m)<-[:ABOUT]-(s:Statement)
RETURN m.id AS id, m.name AS name, m.key AS key, m.head AS head, count(s) AS statements ORDER BY id"""
MEASURE_THRESHOLD = 85.0


def _head(m: dict[str, Any]) -> str:
    """The stem of a measure's head noun: the graph's ``head`` when discovery stored it, else the stem of the
    last content word of its name."""
    if m.get("head"):
        return m["head"]
    from graph.extract.discover import key_of

    words = [w for w in (m.get("name") or "").split() if key_of(w)]
    return key_of(words[-1]) if words else ""


def measure_merge_candidates(measures: list[dict[str, Any]], threshold: float = MEASURE_THRESHOLD
                             ) -> list[dict[str, Any]]:
    """Pairs of discovered measures that look like one measure, best first: keys that nearly agree (rapidfuzz
    token_set_ratio ≥ ``threshold``), with the same head noun ("ambulerende sårteam", "ambulerande sårteam i
    alle kommunane") or, for different heads, neither key more than twice as long as the other
    (token_set_ratio is 100 for any key inside another: one word of a long phrase is no spelling of it). A
    shared head alone is not enough (on the corpus it pairs hundreds of "… helsetjenester"). Each is a merge
    decision of the measure with fewer statements into the other. Only measures that share a key word or a
    head are compared, so the cost stays near linear in the measures."""
    by_word: dict[str, list[int]] = {}
    for n, m in enumerate(measures):
        for w in {*m["key"].split(), "head:" + _head(m)}:
            by_word.setdefault(w, []).append(n)
    pairs = {(a, b) for ids in by_word.values() if len(ids) <= 500 for i, a in enumerate(ids) for b in ids[i + 1:]}
    out = []
    for a, b in sorted(pairs):
        x, y = measures[a], measures[b]
        score = fuzz.token_set_ratio(x["key"], y["key"])
        if score < threshold:
            continue
        same_head = bool(_head(x)) and _head(x) == _head(y)
        short, long_ = sorted((len(x["key"].split()), len(y["key"].split())))
        if not same_head and short * 2 < long_:
            continue  # one word of a long phrase ("utredningen" in "regelverket … i lys av utredningen")
        source, target = sorted((x, y), key=lambda m: (-(m.get("statements") or 0), len(m["name"]), m["id"]))[::-1]
        out.append({"action": "merge", "measure": source["id"], "into": target["id"], "score": round(score, 1),
                    "names": [source["name"], target["name"]],
                    "why": "same head noun, keys alike" if same_head else "keys alike"})
    return sorted(out, key=lambda c: (-c["score"], c["measure"], c["into"]))


def review(store: GraphStore, threshold: float = 88.0,
           measure_threshold: float = MEASURE_THRESHOLD) -> list[dict[str, Any]]:
    """Actor merges, then merges of discovered measures (decisions with a ``measure`` key)."""
    return merge_candidates(store.query(_ACTORS), threshold) + \
        measure_merge_candidates(store.query(_MEASURES), measure_threshold)
