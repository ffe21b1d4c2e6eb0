"""Extraction on submissions the vocabulary has never seen: unknown organisations, unknown measures.

The three documents in fixtures/unseen were written for these tests in the style of real submissions;
their expectations were written before the extractor was run on them, and are matched by the gold rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph.evaluate import Gold, SystemRelation, actor_key
from graph.extract.statements import RELATION_OF_KIND, extract
from loaders import load_document

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"
CASES = yaml.safe_load((UNSEEN / "expected.yaml").read_text("utf-8"))


def _gold(doc: str, entry: dict) -> Gold:
    names = {actor_key(n) for n in [entry["actor"], *entry.get("aliases", [])]}
    return Gold(doc, entry["actor"], names, entry["relation"], entry["quote"])


def _system(case: dict) -> list[SystemRelation]:
    x = extract(load_document(UNSEEN / case["document"]))
    out = []
    for s in x.statements:
        if s.kind in RELATION_OF_KIND:
            actor = x.actors[s.speaker]
            names = {actor_key(n) for n in [actor.name, *actor.aliases]}
            out.append(SystemRelation(case["document"], actor.name, names, RELATION_OF_KIND[s.kind], s.text))
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["document"])
def test_unseen_submission_is_extracted_correctly(case: dict) -> None:
    doc = load_document(UNSEEN / case["document"])
    assert doc.author == case["author"]
    system = _system(case)
    expected = [_gold(case["document"], e) for e in case["relations"]]
    missed = [g.quote for g in expected if not any(g.matched_by(s) for s in system)]
    assert not missed, missed
    wrong = [(s.actor, s.relation, s.quote) for s in system if not any(g.matched_by(s) for g in expected)]
    assert not wrong, wrong  # every relation found is one a reader expects: precision 1.0 on these
    traps = [_gold(case["document"], e) for e in case["must_not"]]
    assert not [(g.quote, s.actor) for g in traps for s in system if g.matched_by(s)]


def test_unseen_organisations_are_kept_as_discovered_actors() -> None:
    x = extract(load_document(UNSEEN / "fjordvik-kommune_innspill.txt"))
    discovered = {a.name: a.type for a in x.actors.values() if a.discovered}
    assert discovered.get("Fjordvik kommune") == "kommune"
    assert discovered.get("Nordfjord sjukehus HF") == "HF"
