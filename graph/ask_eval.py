"""Score question answering on the development questions (``tests/fixtures/questions``), and the plain keyword
baseline ``ask`` must beat: BM25 over the documents' sentences, answering with the authors of the three best.

A question passes when every expected actor is among the answers, no must_not actor is, at least one expected
quote (if any) is in some answer's evidence, the number of actors answering is the expected count (how-many
questions) and a question nobody in the graph answers gets no answer at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.evaluate import actor_key

Answers = list[dict[str, Any]]
Answerer = Callable[[str, list[str] | None], Answers]  # (question, documents scope) -> answers
LANGUAGES = ("no", "en")


@dataclass
class Outcome:
    id: str
    cls: str
    question: str
    ok: bool
    why: list[str] = field(default_factory=list)


WRITTEN_AGAINST = "written_against.yaml"  # per set, the documents its unscoped questions were written against


def load_questions(folder: Path, name: str) -> list[dict[str, Any]]:
    """A set's questions; one with no documents of its own is asked of the documents its set was written against
    (``written_against.yaml``), when the file names them: the development graph grows, and a question checked for
    completeness against 46 documents says nothing of the 500 added after it."""
    path = folder / f"{name}.yaml"
    if not path.is_file():
        return []
    questions = yaml.safe_load(path.read_text("utf-8"))
    scopes = folder / WRITTEN_AGAINST
    scope = (yaml.safe_load(scopes.read_text("utf-8")) or {}).get(name) if scopes.is_file() else None
    return [{**q, "documents": q.get("documents") or scope} for q in questions]


def actor_keys(entry: dict[str, Any]) -> set[str]:
    """The keys an actor (an answer's, or an expected one with its aliases) is compared by."""
    return {actor_key(n) for n in [entry["name"], *(entry.get("aliases") or [])] if n}


def answered_keys(answers: Answers) -> set[str]:
    return {k for a in answers for k in actor_keys(a["actor"])}


def judge(q: dict[str, Any], answers: Answers) -> list[str]:
    """What is wrong with the answers to a question; empty when it passes."""
    got = answered_keys(answers)
    if q.get("expect_none"):
        return [f"answered {len(answers)} times, expected nothing"] if answers else []
    why = [f"missing {e['name']}" for e in q.get("expected_actors") or [] if not actor_keys(e) & got]
    why += [f"wrong {e['name']}" for e in q.get("must_not_actors") or [] if actor_keys(e) & got]
    quotes = [flat(x) for x in q.get("expected_quotes") or []]
    if quotes:
        said = " ".join(flat(ev.get("quote") or "") for a in answers for ev in a.get("evidence", []))
        if not any(x in said for x in quotes):
            why.append("no expected quote in the evidence")
    if q.get("expected_count") is not None:
        n = len({a["actor"]["id"] if a["actor"].get("id") else a["actor"]["name"] for a in answers})
        if n != q["expected_count"]:
            why.append(f"{n} actors, expected {q['expected_count']}")
    return why


def flat(text: str) -> str:
    """Lower case, every run of whitespace (tabs of a table) one space."""
    return " ".join(text.lower().split())


def evaluate(questions: list[dict[str, Any]], answerer: Answerer) -> dict[str, list[Outcome]]:
    out: dict[str, list[Outcome]] = {}
    for lang in LANGUAGES:
        out[lang] = []
        for q in questions:
            text = q[f"question_{lang}"]
            why = judge(q, answerer(text, q.get("documents")))
            out[lang].append(Outcome(q["id"], q.get("class", ""), text, not why, why))
    return out


def summary(results: dict[str, list[Outcome]]) -> dict[str, Any]:
    return {lang: {"correct": sum(o.ok for o in res), "total": len(res),
                   "share": round(sum(o.ok for o in res) / len(res), 3) if res else 0.0,
                   "failed": [{"id": o.id, "class": o.cls, "question": o.question, "why": o.why}
                              for o in res if not o.ok]}
            for lang, res in results.items()}


# --- the baseline -----------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\n+")


def _tokens(text: str) -> list[str]:
    from graph.extract.discover import stem

    return [stem(w) for w in re.findall(r"[^\W_]+", text.lower()) if len(w) > 1]


class Bm25Baseline:
    """No graph and no stance: the documents' sentences ranked by BM25 (Norwegian Snowball stems), answered with
    the authors of the three best. What a keyword search box gives an analyst."""

    def __init__(self, paths: Iterable[Path], top: int = 3) -> None:
        from rank_bm25 import BM25Okapi

        from graph.ingest import manifest_author
        from loaders.load import load_document

        self.top = top
        self.rows: list[tuple[str, str, int | None, str]] = []  # author, file, page, sentence
        for path in paths:
            doc = load_document(path, author=manifest_author(path))
            authors = {p.index: p.author for p in doc.parts}
            for block in doc.blocks:
                author = authors.get(block.part) or doc.author or doc.file
                for sentence in _SENTENCE_END.split(block.text):
                    if len(sentence.split()) >= 3:
                        self.rows.append((author, doc.file, block.page, sentence.strip()))
        self.index = BM25Okapi([_tokens(r[3]) for r in self.rows])

    def __call__(self, question: str, documents: list[str] | None = None) -> Answers:
        from graph.ask.parse import templates

        stop = templates()["stop"]
        words = _tokens(" ".join(w for w in re.findall(r"[^\W_]+", question.lower()) if w not in stop))
        if not words:
            return []
        scores = self.index.get_scores(words)
        order = sorted((i for i in range(len(self.rows)) if scores[i] > 0
                        and (not documents or self.rows[i][1] in documents)), key=lambda i: -scores[i])
        answers: dict[str, dict[str, Any]] = {}
        for i in order[:self.top]:
            author, file, page, sentence = self.rows[i]
            answers.setdefault(author, {"actor": {"name": author, "aliases": []}, "evidence": []})["evidence"].append(
                {"document": file, "page": page, "quote": sentence})
        return list(answers.values())
