"""Propose actor merges from fuzzy name matches, for a curator to accept into the decisions file.

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


def review(store: GraphStore, threshold: float = 88.0) -> list[dict[str, Any]]:
    return merge_candidates(store.query(_ACTORS), threshold)
