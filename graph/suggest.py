"""Suggest vocabulary: the measures discovered in the documents, ranked by how many actors back them, and
phrases that recur in proposals and examples that are about no measure at all.

Curators promote, merge, rename or reject discovered measures in ``graph/vocabulary/decisions.yaml`` and
extend ``graph/vocabulary/measures.yaml`` from these lists; nothing is decided automatically.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.lang.nb.stop_words import STOP_WORDS

from graph.extract.vocab import Vocabulary, load_vocabulary
from graph.store import GraphStore

_UNMATCHED = """
MATCH (d:Document)-[:CONTAINS]->(s:Statement)
WHERE s.kind IN ['proposal', 'commitment', 'example'] AND NOT (s)-[:ABOUT]->(:Measure)
RETURN s.text AS text, d.id AS document
"""
_EXTRA_STOP = {"bl", "f", "eks", "mv", "osv", "dvs", "mer", "flere", "bedre", "økt", "økte", "større", "god", "gode",
               "godt", "ny", "nye", "nytt", "samt", "herunder", "blant", "annet", "både", "dette", "disse"}


_COMMON = {"spesialisthelsetjenesten", "spesialisthelsetjeneste", "helsefellesskapet", "helsefellesskapene",
           "kommunehelsetjenesten", "helsetjenesten", "primærhelsetjenesten", "helseforetakene", "samhandlingen"}


@dataclass
class Suggestion:
    phrase: str
    statements: int = 0
    documents: set[str] = field(default_factory=set)
    example: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"phrase": self.phrase, "statements": self.statements, "documents": len(self.documents),
                "example": self.example}


# discovered measures (not yet promoted) with the actors that propose them; their wordings are the aliases
_DISCOVERED = """MATCH (a:Actor)-[:PROPOSES]->(m:Measure) WHERE m.origin = 'discovered'
WITH m, collect(DISTINCT a.name) AS backers
WHERE size(backers) >= $min_actors
OPTIONAL MATCH (m)<-[:ABOUT]-(s:Statement)
WITH m, backers, count(DISTINCT s) AS statements, collect(DISTINCT s.document_id) AS documents
OPTIONAL MATCH (o:Actor)-[:OPPOSES]->(m)
WITH m, backers, statements, documents, count(DISTINCT o) AS opposers
RETURN m.id AS id, m.name AS name, coalesce(m.aliases, []) AS wordings, m.broader AS broader, backers,
       size(backers) AS actors, statements, size(documents) AS documents, opposers
ORDER BY actors DESC, statements DESC, documents DESC, name
LIMIT $limit"""


def discovered(store: GraphStore, *, limit: int = 30, min_actors: int = 1) -> list[dict[str, object]]:
    """Discovered measures ranked by how many distinct actors propose them (then statements, documents), each
    with its wordings across documents, its backers and how many actors oppose it: candidates to promote,
    merge or reject in the decisions file."""
    rows = store.query(_DISCOVERED, {"limit": limit, "min_actors": min_actors})
    for r in rows:
        r["wordings"] = list(dict.fromkeys([r["name"], *r["wordings"]]))
        r["backers"] = sorted(r["backers"])
    return rows


def _stop(word: str) -> bool:
    return word in STOP_WORDS or word in _EXTRA_STOP or len(word) < 3 or word.isdigit()


def candidate_phrases(text: str, max_words: int = 3) -> set[str]:
    """Word n-grams that neither start nor end with a stop word; single words only as long compounds
    ("hjemmeoppfølging"), since short ones ("pasienter", "tjenester") name no measure."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.lower())
    out: set[str] = set()
    for n in range(1, max_words + 1):
        for i in range(len(words) - n + 1):
            gram = words[i:i + n]
            if _stop(gram[0]) or _stop(gram[-1]) or (n == 1 and (len(gram[0]) < 14 or gram[0] in _COMMON)):
                continue
            out.add(" ".join(gram))
    return out


def suggest(store: GraphStore, *, limit: int = 30, min_statements: int = 2,
            vocab: Vocabulary | None = None) -> list[Suggestion]:
    vocab = vocab or load_vocabulary()
    found: dict[str, Suggestion] = defaultdict(lambda: Suggestion(""))
    for row in store.query(_UNMATCHED):
        for phrase in candidate_phrases(row["text"]):
            if vocab.measures.ids(phrase) or vocab.groups.ids(phrase) or vocab.actor_id(phrase):
                continue
            s = found[phrase]
            s.phrase = phrase
            s.statements += 1
            s.documents.add(row["document"])
            s.example = s.example or row["text"]
    ranked = [s for s in found.values() if s.statements >= min_statements]
    # longer phrases that keep the count of their parts name a measure more precisely than the parts
    ranked.sort(key=lambda s: (-(s.statements * len(s.documents) * (1 + 0.5 * s.phrase.count(" "))), s.phrase))
    kept: list[Suggestion] = []
    for s in ranked:
        if any(s.phrase in k.phrase and k.statements >= s.statements for k in kept):
            continue
        kept.append(s)
        if len(kept) == limit:
            break
    return kept
