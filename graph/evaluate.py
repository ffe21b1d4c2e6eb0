"""Compare the graph with hand-checked gold relations and questions (the rules of the gold README).

Two views of "a system relation" are scored, because the graph keeps both:
- ``statements``: every proposal / commitment / example Statement with its speaker, named measure or not
  (what a reader searching the evidence gets);
- ``edges``: only PROPOSES / REPORTS_AS_EXAMPLE edges to a vocabulary Measure (what graph queries return).
Matching never uses measure names: actor (any alias, HF/RHF stripped), relation type and >= 60 % of the
gold quote's tokens in the system quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.relations import RELATION_OF_KIND, STANCE_RELATIONS
from graph.store import GraphStore
from loaders.names import normal_name

RELATIONS = STANCE_RELATIONS
_DEHYPHEN = re.compile(r"-\s+(?=(?!og\b|eller\b)[a-zæøå])")


actor_key = normal_name  # the one name normaliser (loaders/names.py): spaces, case, HF/RHF/AS suffix


def quote_tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _DEHYPHEN.sub("", text).lower())


def evidence_overlap(gold_quote: str, system_quote: str) -> float:
    gold = quote_tokens(gold_quote)
    have = set(quote_tokens(system_quote))
    return sum(t in have for t in gold) / len(gold) if gold else 0.0


@dataclass
class SystemRelation:
    document: str  # file name
    actor: str
    actor_names: set[str]  # normalised name and aliases
    relation: str
    quote: str
    page: int | None = None
    measures: list[str] = field(default_factory=list)  # names and wordings of the measures it is ABOUT


@dataclass
class Gold:
    document: str
    actor: str
    actor_names: set[str]
    relation: str
    quote: str
    lines: str = ""
    optional: bool = False
    why: str = ""  # must_not entries: why the relation is wrong
    measure: str = ""  # the annotated measure's name
    implementer: str = ""  # an example's implementer when the reporter is another ("Sandnes kommune har drevet …")

    def matched_by(self, s: SystemRelation) -> bool:
        return (
            s.document == self.document and s.relation == self.relation
            and bool(s.actor_names & self.actor_names) and evidence_overlap(self.quote, s.quote) >= 0.6
        )

    def implemented_by(self, s: SystemRelation) -> bool:
        """The system names the organisation that runs the reported practice: not a miss of the reporter
        (recall counts the reporter only), but no false hit either."""
        doer = actor_key(self.implementer)
        return (
            bool(doer) and s.document == self.document and s.relation == self.relation == "REPORTS_AS_EXAMPLE"
            and any(len(n) > 3 and n in doer for n in s.actor_names) and evidence_overlap(self.quote, s.quote) >= 0.6
        )


def load_gold(gold_dir: Path) -> tuple[list[Gold], list[Gold], set[str], set[str]]:
    """Relations, must_not entries, all gold documents and the exhaustive ones."""
    data = yaml.safe_load((gold_dir / "relations.yaml").read_text("utf-8"))
    relations: list[Gold] = []
    must_not: list[Gold] = []
    exhaustive: set[str] = set()
    for entry in data:
        doc = entry["document"]
        if entry.get("exhaustive"):
            exhaustive.add(doc)
        for r in entry.get("relations", []):
            relations.append(_gold(doc, r))
        for r in entry.get("must_not", []):
            must_not.append(_gold(doc, r))
    return relations, must_not, {e["document"] for e in data}, exhaustive


def _gold(doc: str, r: dict[str, Any]) -> Gold:
    names = {actor_key(n) for n in [r["actor"], *(r.get("actor_aliases") or [])]}
    return Gold(doc, r["actor"], names, r["relation"], r["quote"], str(r.get("lines", "")),
                bool(r.get("optional")), r.get("why", ""), r.get("measure") or "", r.get("implementer") or "")


_STATEMENTS = """
MATCH (a:Actor)-[:STATES]->(s:Statement), (d:Document)-[:CONTAINS]->(s)
WHERE s.relation IS NOT NULL
RETURN d.file AS file, a.name AS actor, a.aliases AS aliases, s.kind AS kind, s.text AS quote, s.page AS page
"""
_EDGES = """
MATCH (a:Actor)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(:Measure)
UNWIND r.statement_ids AS sid
MATCH (d:Document)-[:CONTAINS]->(s:Statement {id: sid})
RETURN DISTINCT d.file AS file, a.name AS actor, a.aliases AS aliases, type(r) AS relation, s.text AS quote,
       s.page AS page
"""


def system_relations(store: GraphStore, view: str) -> list[SystemRelation]:
    rows = store.query(_STATEMENTS if view == "statements" else _EDGES)
    out = []
    for row in rows:
        names = {actor_key(n) for n in [row["actor"], *(row.get("aliases") or [])]}
        relation = row.get("relation") or RELATION_OF_KIND[row["kind"]]
        out.append(SystemRelation(row["file"], row["actor"], names, relation, row["quote"], row.get("page")))
    return out


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    system: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "found": self.found, "recall": round(self.recall, 3),
                "system_on_exhaustive": self.system, "correct": self.correct,
                "precision": round(self.precision, 3), "f1": round(self.f1, 3)}


@dataclass
class RelationReport:
    view: str
    scores: dict[str, Score] = field(default_factory=dict)
    misses: list[Gold] = field(default_factory=list)
    false_hits: list[SystemRelation] = field(default_factory=list)
    must_not_hits: list[tuple[Gold, SystemRelation]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "view": self.view,
            "scores": {k: v.as_dict() for k, v in self.scores.items()},
            "misses": [{"document": g.document, "actor": g.actor, "relation": g.relation, "lines": g.lines,
                        "quote": g.quote} for g in self.misses],
            "false_hits": [{"document": s.document, "actor": s.actor, "relation": s.relation, "quote": s.quote}
                           for s in self.false_hits],
            "must_not_hits": [{"document": g.document, "actor": s.actor, "relation": s.relation, "why": g.why,
                               "quote": s.quote} for g, s in self.must_not_hits],
        }


def score_relations(system: list[SystemRelation], gold: list[Gold], must_not: list[Gold],
                    exhaustive: set[str], view: str) -> RelationReport:
    report = RelationReport(view, {rel: Score() for rel in (*RELATIONS, "all")})

    def tally(relation: str, counted: str, hit: bool) -> None:
        """Count one gold relation (gold/found) or one system relation (system/correct) for its type and all."""
        total, good = ("gold", "found") if counted == "gold" else ("system", "correct")
        for key in (relation, "all"):
            setattr(report.scores[key], total, getattr(report.scores[key], total) + 1)
            setattr(report.scores[key], good, getattr(report.scores[key], good) + hit)

    for g in gold:
        if not g.optional:
            hit = any(g.matched_by(s) for s in system)
            tally(g.relation, "gold", hit)
            if not hit:
                report.misses.append(g)
    for s in system:
        if s.document in exhaustive:
            ok = any(g.matched_by(s) or g.implemented_by(s) for g in gold)
            tally(s.relation, "system", ok)
            if not ok:
                report.false_hits.append(s)
        report.must_not_hits.extend((g, s) for g in must_not if g.matched_by(s))
    return report


def evaluate_relations(store: GraphStore, gold_dir: Path) -> list[RelationReport]:
    gold, must_not, documents, exhaustive = load_gold(gold_dir)
    reports = []
    for view in ("statements", "edges"):
        system = [s for s in system_relations(store, view) if s.document in documents]
        reports.append(score_relations(system, gold, must_not, exhaustive, view))
    return reports


# --- questions ---------------------------------------------------------------------------------------------

Answerer = Callable[[dict[str, Any]], list[dict[str, Any]]]


@dataclass
class QuestionResult:
    id: str
    question: str
    ok: bool
    missing: list[str]
    forbidden: list[str]


def _names(entries: list[dict[str, Any]]) -> list[tuple[str, set[str]]]:
    return [(e["name"], {actor_key(n) for n in [e["name"], *(e.get("aliases") or [])]}) for e in entries]


def evaluate_questions(gold_dir: Path, answer: Answerer) -> list[QuestionResult]:
    """Each question's expected actors must be among the answers, and no must_not actor may be."""
    questions = yaml.safe_load((gold_dir / "questions.yaml").read_text("utf-8"))
    results = []
    for q in questions:
        answers = answer(q)
        got: set[str] = set()
        for a in answers:
            got |= {actor_key(n) for n in [a["actor"]["name"], *(a["actor"].get("aliases") or [])]}
        missing = [name for name, keys in _names(q.get("expected_actors") or []) if not keys & got]
        forbidden = [name for name, keys in _names(q.get("must_not_actors") or []) if keys & got]
        if q["intent"] == "negative" and answers and not q.get("expected_actors"):
            forbidden = forbidden or [a["actor"]["name"] for a in answers]
        results.append(QuestionResult(q["id"], q["question_no"], not missing and not forbidden, missing, forbidden))
    return results
