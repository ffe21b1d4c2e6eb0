"""The gold matching rule of tests/fixtures/gold/README.md, and the eval and vocab-suggest commands."""

from __future__ import annotations

from graph.evaluate import Gold, SystemRelation, actor_key, evidence_overlap, score_relations


def _sys(actor: str, relation: str, quote: str, doc: str = "a.txt") -> SystemRelation:
    return SystemRelation(doc, actor, {actor_key(actor)}, relation, quote)


def _gold(actor: str, relation: str, quote: str, doc: str = "a.txt", **kw) -> Gold:
    return Gold(doc, actor, {actor_key(actor)}, relation, quote, **kw)


def test_actor_names_drop_hf_and_rhf_and_case() -> None:
    assert actor_key("Sykehuset  Østfold HF") == actor_key("sykehuset østfold") == "sykehuset østfold"
    assert actor_key("Helse Sør-Øst RHF") == "helse sør-øst"


def test_a_municipal_body_is_one_actor_with_or_without_the_word_kommune() -> None:
    assert actor_key("Eldrerådet i Fjellvik kommune") == actor_key("Eldrerådet i Fjellvik") == "eldrerådet i fjellvik"
    assert actor_key("Rådet for personar med funksjonsnedsetjing i Fjellvik herad") == \
        "rådet for personar med funksjonsnedsetjing i fjellvik"
    assert actor_key("Fjellvik kommune") == "fjellvik kommune"  # the municipality itself keeps its name


def test_evidence_overlap_dehyphenates_but_keeps_suspended_compounds() -> None:
    assert evidence_overlap("pasien- tens behov", "pasientens behov") == 1.0
    assert evidence_overlap("helse- og omsorgstjenesten", "helse og omsorgstjenesten") == 1.0
    assert evidence_overlap("en to tre fire fem", "en to tre") == 0.6
    assert evidence_overlap("en to tre fire fem", "en to") < 0.6


def test_scores_follow_the_rule() -> None:
    gold = [
        _gold("Ringsaker kommune", "PROPOSES", "Flere samhandlingsarenaer blant helsepersonell"),
        _gold("Ringsaker kommune", "PROPOSES", "Felles tjenesteutvikling og felles mål", optional=True),
        _gold("Ringsaker kommune", "REPORTS_AS_EXAMPLE", "Det er etablert flere FACT-team", doc="b.txt"),
    ]
    must_not = [_gold("Ringsaker kommune", "PROPOSES", "vi ønsker å lykkes sammen", why="sentiment")]
    system = [
        _sys("Ringsaker kommune HF", "PROPOSES", "Flere samhandlingsarenaer blant helsepersonell i tjenesten."),
        _sys("Ringsaker kommune", "PROPOSES", "Felles tjenesteutvikling og felles mål for brukerne."),  # optional
        _sys("Ringsaker kommune", "PROPOSES", "I et godt partnerskap vil vi ønsker å lykkes sammen."),  # trap
        _sys("Ringsaker kommune", "PROPOSES", "Det er etablert flere FACT-team", doc="b.txt"),  # wrong type
    ]
    report = score_relations(system, gold, must_not, exhaustive={"a.txt"}, view="statements")
    assert report.scores["PROPOSES"].gold == 1 and report.scores["PROPOSES"].found == 1  # optional not counted
    assert report.scores["REPORTS_AS_EXAMPLE"].found == 0 and len(report.misses) == 1
    assert report.scores["all"].system == 3  # b.txt is not exhaustive: no precision there
    assert report.scores["all"].correct == 2 and round(report.scores["all"].precision, 3) == 0.667
    assert [s.quote for g, s in report.must_not_hits] == ["I et godt partnerskap vil vi ønsker å lykkes sammen."]


def test_review_proposes_spelling_variants_not_different_places() -> None:
    from graph.review import merge_candidates

    actors = [{"name": "Sykehuset i Vestfold HF"}, {"name": "Sykehuset Østfold HF"},
              {"name": "Helsefelleskapet Agder", "discovered": True}, {"name": "Helsefellesskapet Agder"},
              {"name": "Bergen kommune"}, {"name": "Bærum kommune"}]
    assert merge_candidates(actors) == [
        {"action": "merge", "from": "Helsefelleskapet Agder", "into": "Helsefellesskapet Agder", "score": 97.8}]


def test_decisions_keep_ids_and_refuse_unknown_actions() -> None:
    import pytest

    from graph.extract.decisions import DecisionError, apply_decisions

    actors = [{"name": "Sykehuset Østfold HF", "aliases": ["SØ"]}, {"name": "Helse Sør-Øst RHF", "aliases": []}]
    out = apply_decisions(actors, [
        {"action": "rename", "actor": "SØ", "name": "Sykehuset Østfold"},
        {"action": "merge", "from": "Sykehuset i Østfold", "into": "sykehuset-ostfold-hf"},
        {"action": "split", "actor": "Sykehuset Østfold", "alias": "SØ"},
    ])
    so = next(a for a in out if a["id"] == "sykehuset-ostfold-hf")
    assert so["name"] == "Sykehuset Østfold" and so["aliases"] == ["Sykehuset Østfold HF", "Sykehuset i Østfold"]
    with pytest.raises(DecisionError, match="unknown action 'delete'"):
        apply_decisions(actors, [{"action": "delete", "actor": "SØ"}])
