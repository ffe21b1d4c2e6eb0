"""`ask` on a graph of the bundled corpus and the development set: question classes, English names, honest
unknowns, and the development questions against the BM25 baseline. Expectations come from the documents (the
development set's annotations), not from what the code happened to answer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from graph.ask import ask, parse
from graph.ask_eval import Bm25Baseline, evaluate, load_questions, summary
from graph.extract.actors import ActorResolver
from graph.extract.vocab import load_vocabulary
from graph.ingest import ingest
from graph.phrase import glossary
from graph.store.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "data" / "corpus", ROOT / "tests" / "fixtures" / "genre"]
QUESTIONS = ROOT / "tests" / "fixtures" / "questions"
FLOORS = {"no": 0.82, "en": 0.82}  # dev.yaml answered, scoped as written (2026-12-04, session 34: 0.857 and 0.867)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path_factory.mktemp("ask") / "g")
    try:
        ingest(store, FOLDERS)
        yield store
    finally:
        store.close()


@contextmanager
def _letters(tmp_path: Path, letters: dict[str, str]) -> Iterator[EmbeddedStore]:
    """A graph of the letters, each written as ``<name>.txt``."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in letters.items():
        (folder / f"{name}.txt").write_text(text, "utf-8")
    store = EmbeddedStore(tmp_path / "g")
    try:
        ingest(store, [folder])
        yield store
    finally:
        store.close()


@contextmanager
def _one_letter(tmp_path: Path, body: str) -> Iterator[EmbeddedStore]:
    """A graph of one letter from Fjellheim kommune: letterhead, ``body``, signature."""
    with _letters(tmp_path, {"innspill": f"Fjellheim kommune\nPostboks 1\n9999 Fjellheim\n\n{body}\n"
                                         "Fjellheim kommune\n"}) as store:
        yield store


def _innspill(sender: str, body: str) -> str:
    """A short submission: the sender, a heading, the body, the sender's signature."""
    return f"{sender}\n\nHøringsinnspill\n\n{body}\n\n{sender}\n"


def _two_senders(fjellheim: str, dalbygda: str) -> dict[str, str]:
    """Two short submissions, Fjellheim kommune's and Dalbygda sykehus HF's, each body one thing it says."""
    return {"a": _innspill("Fjellheim kommune", fjellheim), "b": _innspill("Dalbygda sykehus HF", dalbygda)}


def _actors(out: dict) -> set[str]:
    return {a["actor"]["name"] for a in out["answers"]}


def test_english_names_of_measures_give_the_norwegian_answers(graph: EmbeddedStore) -> None:
    no = ask(graph, "Hvem foreslår digital hjemmeoppfølging?")
    en = ask(graph, "Who proposes remote patient monitoring?")
    assert en["interpretation"]["measures"] == no["interpretation"]["measures"] == ["digital-hjemmeoppfolging"]
    assert _actors(en) == _actors(no) and len(_actors(no)) >= 3


def test_an_unknown_term_is_never_answered_with_a_measure_it_contains(graph: EmbeddedStore) -> None:
    """"caseload midwifery" is not the municipal midwife service, and nothing in the graph speaks of it."""
    out = ask(graph, "Who proposes caseload midwifery?")
    it = out["interpretation"]
    assert not it.get("measures") and it["phrase"].lower() == "caseload midwifery"
    assert out["answers"] == [] and "caseload midwifery" in it["note"]


def test_a_description_in_other_words_is_found_by_its_rare_words(graph: EmbeddedStore) -> None:
    """g31: "Luster kommune er usamd i at dialysetilbodet i Lærdal blir lagt ned" (OPPOSES); Helse Førde, whose
    proposal it is, does not oppose it."""
    out = ask(graph, "Hvem går imot nedleggelse av dialysen i Lærdal?")
    assert _actors(out) == {"Luster kommune"}
    assert all(e["kind"] == "opposition" for a in out["answers"] for e in a["evidence"])


def test_retrieval_by_words_adds_the_statements_no_measure_links(graph: EmbeddedStore) -> None:
    """SSHF's akutthjelper agreements are a discovered measure; Ulvik's "Sidan 2021 har Ulvik brann og redning vore
    akutthjelparar …" names it in other words, so only the question's words (nynorsk forms folded) find it: ranked
    retrieval adds its speaker after the structured answer, never before it."""
    # (among the first sets' documents: later sets hold more akutthjelper practice, which retrieval's three
    # statements may go to instead)
    first_sets = sorted(p.name for p in FOLDERS[1].glob("g[0-2][0-9]_*.txt"))
    out = ask(graph, "Hvem har avtaler der brannvesenet rykker ut som akutthjelpere?", documents=first_sets)
    names = [a["actor"]["name"] for a in out["answers"]]
    assert "Sørlandet sykehus HF" in names and "Ulvik herad" in names, names
    assert names.index("Sørlandet sykehus HF") < names.index("Ulvik herad")
    assert "found by the question's words alone" in out["interpretation"]["note"]
    assert all(e["kind"] == "example" for a in out["answers"] for e in a["evidence"])


@pytest.mark.parametrize("question", ["Hvilke forslag har Mental Helse og Psykologforeningen felles?",
                                      "Hva har Mental Helse og Psykologforeningen til felles?",
                                      "Hva foreslår både Mental Helse og Psykologforeningen?"])
def test_what_two_actors_have_in_common(graph: EmbeddedStore, question: str) -> None:
    it = ask(graph, question)["interpretation"]
    assert it["question_class"] == "both" and set(it["actors"]) == {"mental-helse", "norsk-psykologforening"}, it


def test_a_synonym_of_several_words_is_one_word_of_the_phrase() -> None:
    """"legge ned" stands for "avvikle", "nedlegge" as one word; "fødetilbud" for "fødeavdeling" (synonyms_no.yaml)."""
    from graph.phrase import alternatives

    (closing, _), (births, _), *rest = alternatives("legge ned fødetilbudene i Lofoten", english=False)
    assert "avvikl" in closing and "fødeavdeling" in births and len(rest) == 1
    # an entry with a stop word in it ("mangel på sykepleiere") is still one word, though the question's words
    # have lost their stop words; and a written-out name is its abbreviation ("barne- og ungdomspsykiatrien": BUP)
    (shortage, _), (place, _) = alternatives("mangel på sykepleiere i Lofoten", english=False)
    assert "sykepleiermangel" in shortage and "lofot" in place[0]
    (clinic, _), = alternatives("barne- og ungdomspsykiatrien", english=False)
    assert "bup" in clinic


def test_any_word_of_a_list_will_do() -> None:
    """"personell, arbeidstid eller kompetanse" is three alternatives, as "arbeidstid eller kompetanse" is two."""
    it = parse("Hvilke fagforeninger har kommet med innspill om personell, arbeidstid eller kompetanse?",
               load_vocabulary(), ())
    assert it.phrase == "personell|arbeidstid|kompetanse"


def test_either_word_of_a_norwegian_question_brings_its_synonyms() -> None:
    """"sentralisering eller nedlegging" (read as "sentralisering|nedlegging") is said by "samle" and "avvikle" as the
    words alone are, as an English question's alternatives are translated."""
    from graph.phrase import alternatives

    (changes, _), *_ = alternatives("sentralisering|nedlegging fødetilbudene", english=False)
    assert {"samle", "avvikl"} <= set(changes)


def test_beside_alternatives_a_synonym_or_term_of_several_words_is_still_one() -> None:
    """"styrke|utvide legge ned fødestua": "legge ned" is still the closing group (not "legg" and "ned"); in English
    "emergency preparedness" is still the glossary's "beredskap" beside "moving|merging"."""
    from graph.phrase import alternatives

    _, (closing, _), (births, _) = alternatives("styrke|utvide legge ned fødestua", english=False)
    assert "avvikl" in closing and "fødeavdeling" in births
    _, (preparedness, _) = alternatives("moving|merging emergency preparedness", english=True)
    assert "akuttberedskap" in preparedness


@pytest.mark.parametrize(("no", "en"), [
    ("Hvor mange kommuner foreslår FACT-team?", "How many municipalities propose FACT teams?"),
    ("Kor mange fagforeiningar vil ha fleire LIS1-stillingar?", "How many unions want more LIS1 posts?"),
    ("Hvor mange pasientorganisasjoner er imot nedleggelse av fødeavdelingen?",
     "How many patient organisations oppose closing the maternity ward?"),
])
def test_how_many_of_a_kind_of_actor_counts_that_kind_in_either_language(no: str, en: str) -> None:
    """"How many municipalities …" counts municipalities, as "Hvor mange kommuner …" does."""
    vocab = load_vocabulary()
    norwegian, english = parse(no, vocab, ()), parse(en, vocab, ())
    assert norwegian.count and english.count and norwegian.actor_types
    assert english.actor_types == norwegian.actor_types


@pytest.mark.parametrize("question", [
    "Hvor mange høringssvar går imot nedleggelse av fødeavdelingen?",
    "Kor mange av høyringsfråsegnene går imot nedlegging av fødeavdelinga?",
    "I hvor mange høringsuttalelser er det motstand mot nedleggelse av fødeavdelingen?",
    "How many of the submissions oppose closing the maternity ward?",
    "In how many responses is closing the maternity ward opposed?",
])
def test_counting_the_responses_counts_their_senders(question: str) -> None:
    """"Hvor mange høringssvar …" asks how many sent one: the word for the responses is no word the quotes must
    hold (no statement says "høringssvar" of itself)."""
    it = parse(question, load_vocabulary(), ())
    assert it.count and it.intent == "who_opposes"
    assert it.phrase and not re.search(r"høring|høyring|submission|response", it.phrase)


def test_the_english_words_of_patient_groups_and_places_of_care_are_translated() -> None:
    """Session 60's glossary keys: an English question about siblings, a rare disease or a city district finds the
    Norwegian words the letters use (before, each was an English stem no statement holds); "bereaved" was known.
    "close" as near ("close to where people live", "someone close") is no closing, which "close at night" still is."""
    from graph.phrase import alternatives

    siblings, *_, rare = alternatives("siblings of children with a rare disease", english=True)
    assert siblings == (("søsken",), True) and "sjeldne diagnos" in rare[0]
    (bereaved, _), (district, _) = alternatives("bereaved city district", english=True)
    assert "etterlatt" in bereaved and district == ("bydel",)
    def stems(text: str) -> set[str]:
        return {st for alts, _ in alternatives(text, english=True) for st in alts}

    near, kin = stems("care close to where people live"), stems("lost someone close")
    assert "der folk bor" in near and "etterlatt" in kin and "nedlegg" not in near | kin
    assert "nedlegg" in stems("allowed to close at night")


def test_an_english_word_brings_the_norwegian_synonyms_of_its_translation() -> None:
    """"dental health" is translated "tannhels", and the Norwegian "tannhelse" also finds "tannbehandling": the English
    question finds what the Norwegian one finds. A kind of change keeps the glossary's own words ("merging" is not
    "samle", which decides another question: changes_no.yaml)."""
    from graph.phrase import alternatives

    [(english, given)] = alternatives("dental health", english=True)
    [(norwegian, _)] = alternatives("tannhelse", english=False)
    assert given and set(norwegian) <= set(english)
    [(merging, _)] = alternatives("merging", english=True)
    assert "sammenslå" in merging and "samle" not in merging


@pytest.mark.parametrize(("english", "norwegian"), [
    ("levies", "avgift"), ("licences", "lisens"), ("competition", "konkurranseutsett"), ("portal", "nettportal"),
    ("Research Council", "forskningsråd"), ("retinal photography", "netthinne"), ("night-time", "natt"),
    ("at the same time", "samtidig"),
])
def test_a_plain_english_word_of_a_question_is_looked_for_in_norwegian(english: str, norwegian: str) -> None:
    """Words the documents say in Norwegian only ("avgift på sukkerholdig drikke", "konkurranseutsette midlene",
    "Forskningsrådet") were looked for in English and found nothing; "Research Council" was a municipal council."""
    from graph.phrase import alternatives

    said = [alts for alts, _ in alternatives(english, english=True)]
    assert any(norwegian in alts for alts in said)
    assert not any("kommunestyre" in alts for alts in said)


@pytest.mark.parametrize(("no", "en"), [
    ("Hvem er bekymret for rekrutteringen av fastleger?", "Who is concerned about recruiting GPs?"),
    ("Hvem peker på mangel på sykepleiere?", "Who points to a shortage of nurses?"),
])
def test_an_english_gerund_or_light_verb_reads_as_its_norwegian_twin(no: str, en: str) -> None:
    """"recruiting" is rekruttering as "recruitment" is; "points to" is "peker på", whose verb is no topic word."""
    vocab = load_vocabulary()
    norwegian, english = parse(no, vocab, ()), parse(en, vocab, ())
    assert english.measures == norwegian.measures and english.groups == norwegian.groups
    assert len((english.phrase or "").split()) == len((norwegian.phrase or "").split())


@pytest.mark.parametrize(("question", "measure"), [
    ("Hvem vil at apotekene skal få se og endre pasientens legemiddelliste?", "pasientens-legemiddelliste"),
    ("Hvor mange vil bygge ut eller finansiere digital hjemmeoppfølging?", "digital-hjemmeoppfolging"),
])
def test_a_second_verb_before_a_measure_is_no_adjective_of_it(question: str, measure: str) -> None:
    """"få se og endre pasientens legemiddelliste": "endre" is a verb coordinated with the one after the modal, not
    an adjective that makes the measure another, unknown one (an -e word before a measure is read as one)."""
    it = parse(question, load_vocabulary(), ())
    assert measure in it.measures and not it.unrecognised


def test_an_english_word_the_glossary_lacks_is_no_start_of_a_norwegian_key() -> None:
    """"the same outreach team": "same" (untranslated, keyed "sam") named every discovered measure with "sammensatte"
    or "samhandling" in its key, and the question was answered through them; an English word the glossary lacks names
    a discovered measure only as a key word of its own (a name keeps its start: "Agder" is keyed "agd")."""
    from graph.ask.parse import _english_matches
    from graph.extract.discover import key_of

    name = "ambulante team for eldre med sammensatte behov"
    assert _english_matches("same outreach", (("m-x", name, key_of(name)),)) == []


def test_a_determiner_before_a_measure_is_no_qualifier_of_it() -> None:
    """"the same outreach team" is an outreach team: "same" is no adjective the glossary lacks that makes it another,
    unknown measure ("same outreach"), looked for word for word."""
    it = parse("Where are stroke patients followed by the same outreach team after discharge?", load_vocabulary(), ())
    assert "ambulante-team" in it.measures and not it.unrecognised


def test_a_verb_of_two_words_in_the_synonyms_keeps_its_particle() -> None:
    """"ta imot sykepleierstudenter": "imot" alone is a stop word ("går imot"), so the topic asked for "ta", too
    short to look for; said whole, the verb is looked for whole (synonyms_no.yaml). A kind of change of two words
    ("slås sammen") still leaves its particle to the verb, as the questions about merging were answered before."""
    vocab = load_vocabulary()
    assert "ta imot" in (parse("Hvem mener kommunene bør ta imot sykepleierstudenter i praksis?", vocab, ()).topic
                         or "")
    assert "sammen" not in (parse("Hvem er imot at legevaktene slås sammen?", vocab, ()).topic or "")


_BACKED = ("MATCH (a:Actor)-[:PROPOSES]->(m:Measure) WHERE m.broader IS NULL "
           "RETURN m.id AS id, count(DISTINCT a) AS actors ORDER BY actors DESC")


@pytest.mark.parametrize(("no", "en"), [
    ("Hvilke forslag får mest støtte?", "Which proposals have the most support?"),
    ("Hva er de vanligste forslagene?", "What are the most common proposals?"),
    ("Kva for tiltak vert oftast føreslått?", "Which measures are most often proposed?"),
    ("Hvilke tiltak foreslår kommunene oftest?", "Which measures do the municipalities most often propose?"),
])
def test_which_measures_most_actors_back_is_a_ranking_with_its_backers(graph: EmbeddedStore, no: str,
                                                                        en: str) -> None:
    """"Hvilke forslag får mest støtte?" ranks the measures by how many actors propose them (not a full-text search
    for "støtte"), each answered by its backers with their quotes; the English question gives the same ranking."""
    out = ask(graph, no)
    assert out["interpretation"]["intent"] == "most_backed" and out["answers"]
    measures = list(dict.fromkeys(a["measure"]["id"] for a in out["answers"]))
    assert all(a["relation"] == "PROPOSES" and a["evidence"][0]["quote"] and a["evidence"][0]["document"]
               for a in out["answers"])
    english = ask(graph, en)
    assert list(dict.fromkeys(a["measure"]["id"] for a in english["answers"])) == measures
    kinds = out["interpretation"].get("actor_types") or []
    assert (english["interpretation"].get("actor_types") or []) == kinds
    if kinds:  # "kommunene": only theirs are ranked and answer
        assert all(a["actor"]["type"] in kinds for a in out["answers"])
    else:
        backers = {r["id"]: r["actors"] for r in graph.query(_BACKED)}  # (counted apart, from the PROPOSES edges)
        assert backers[measures[0]] == max(backers.values())


@pytest.mark.parametrize("question", ["Hva er de vanligste innvendingene?", "What are the most common objections?"])
def test_the_most_common_objections_rank_what_is_opposed(question: str) -> None:
    """"Hva er de vanligste innvendingene?" ranks the measures most actors oppose, not those they propose."""
    it = parse(question, load_vocabulary(), ())
    assert it.intent == "most_backed" and it.relations == ["OPPOSES"]


@pytest.mark.parametrize("verb", ["handler om", "angår", "gjelder", "omhandler", "dreier seg om"])
def test_theme_questions_read_the_same_whatever_the_verb(graph: EmbeddedStore, verb: str) -> None:
    out = ask(graph, f"Hvilke tiltak {verb} digitalisering?")
    assert out["interpretation"]["intent"] == "measures_by_theme" and out["interpretation"]["theme"] == "digitalisering"
    assert len(_actors(out)) >= 5


@pytest.mark.parametrize("words", ["mental health and substance abuse", "substance-abuse treatment",
                                   "addiction treatment"])
def test_english_words_the_glossary_translates_together_name_a_theme(words: str) -> None:
    """"substance abuse" and "addiction treatment" are the theme's words though "abuse" and "treatment" alone are
    no keyword: the question asks which research institutes speak on the theme, not of some measure."""
    it = parse(f"Which research institutes have proposed measures in {words}?", load_vocabulary(), ())
    assert it.intent == "actors_by_theme" and it.theme == "psykisk-helse-rus" and not it.measures


def test_an_english_word_whose_stem_starts_a_theme_keyword_names_the_theme() -> None:
    """"relatives" is the glossary's "pårør", which starts the keyword "pårørende": the theme, not the many measures
    discovered with pårørende in their names."""
    it = parse("Which patient organisations have proposed measures concerning relatives?", load_vocabulary(), ())
    assert it.intent == "actors_by_theme" and it.theme == "brukermedvirkning"


@pytest.mark.parametrize("question", ["Hvilke pasientforeninger foreslår flere kliniske studier?",
                                      "Which patient associations propose more clinical trials?"])
def test_patient_associations_are_patient_organisations(question: str) -> None:
    """A plural "pasientforeninger" is the kind of sender, as "pasientorganisasjoner" is; the singular is left to
    names ("Norsk Pasientforening")."""
    it = parse(question, load_vocabulary(), ())
    assert it.actor_types == ["patient/user organisation"] and it.intent == "who_proposes"


def test_a_group_word_before_a_noun_it_makes_a_thing_with_is_no_group() -> None:
    """"the GP surgery at Moster" is a doctor's office (the glossary's "gp surgery"), not the group GPs; "GPs and
    nurses" and "severe mental illness and …" stay groups (a word like "and" makes no thing with the group)."""
    vocab = load_vocabulary()
    it = parse("Who does not want the GP surgery at Moster to be closed?", vocab, ())
    assert not it.groups and "surgery" in (it.phrase or "")
    it = parse("Who runs a team for people with severe mental illness and substance problems?", vocab, ())
    assert it.groups == ["alvorlige-psykiske-lidelser-rus"]
    from graph.phrase import english_stems

    assert "lagt ned" in english_stems("closed")  # ("vert lagt ned", as "close" has it)


def test_back_home_is_no_backing() -> None:
    """"back" supports ("Who backs …"), "back home" does not: the question asks only for experience."""
    vocab = load_vocabulary()
    it = parse("Who has good experience with following up patients once they are back home?", vocab, ())
    assert it.relations == ["REPORTS_AS_EXAMPLE"]
    assert parse("Who backs combined positions?", vocab, ()).relations == ["PROPOSES"]


@pytest.mark.parametrize("question", ["Who runs peer support groups for people with COPD?",
                                      "Kven driv samtalegrupper med likepersonar for folk med kols?"])
def test_who_runs_something_asks_who_does_it_not_who_is_responsible(question: str) -> None:
    """"Who runs X" reads as "Hvem driver X": those who say they do it, not the role statements a "who is
    responsible" question is answered with."""
    assert parse(question, load_vocabulary(), ()).intent != "responsible"


@pytest.mark.parametrize("words", ["rekruttere og utdanne helsepersonell", "bemanne helsetjenestene"])
def test_a_themes_verbs_name_it_as_its_nouns_do(words: str) -> None:
    """A theme's keywords are stems: "utdanne", "bemanne" are the staff theme as "utdanning", "bemanning" are."""
    it = parse(f"Hvilke kommuner har foreslått tiltak for å {words}?", load_vocabulary(), ())
    assert it.intent == "actors_by_theme" and it.theme == "personell-kompetanse"


def test_how_many_counts_the_backers(graph: EmbeddedStore) -> None:
    out = ask(graph, "Hvor mange aktører støtter kombinerte stillinger?")
    it = out["interpretation"]
    assert it["count"] and it["intent"] == "who_proposes"
    assert it["actors_counted"] == len({a["actor"]["id"] for a in out["answers"]}) >= 2


def test_nynorsk_kvar_asks_where_and_each_is_no_question_word() -> None:
    """"Kvar har dei …?" is nynorsk for "where do they have …"; "kvar kommune" (each municipality) asks nothing."""
    import re

    from graph.ask.parse import templates

    where = re.compile(templates()["patterns"]["where"], re.I)
    assert where.search("Kvar har dei jordmor i beredskap?") and not where.search("Kvar kommune bør ha ein plan?")


def test_where_asks_for_existing_practice(graph: EmbeddedStore) -> None:
    out = ask(graph, "Hvor finnes FACT-team?")
    assert out["interpretation"]["relations"] == ["REPORTS_AS_EXAMPLE"]
    assert {e["kind"] for a in out["answers"] for e in a["evidence"]} <= {"example"}
    assert {"Lovisenberg Diakonale Sykehus", "Vestre Viken HF"} <= _actors(out)


def test_when_answers_with_dated_evidence(graph: EmbeddedStore) -> None:
    out = ask(graph, "Når skal dialysen i Lærdal flyttes?")
    assert out["interpretation"]["intent"] == "when" and out["answers"]
    assert all(any(ch.isdigit() for ch in e["quote"]) for a in out["answers"] for e in a["evidence"])


def test_both_keeps_the_measures_each_actor_backs(graph: EmbeddedStore) -> None:
    out = ask(graph, "Hva foreslår både Ringsaker kommune og Helse Sør-Øst?")
    by_actor: dict[str, set[str]] = {}
    for a in out["answers"]:
        by_actor.setdefault(a["actor"]["name"], set()).add(a["measure"]["id"])
    assert set(by_actor) == {"Ringsaker kommune", "Helse Sør-Øst RHF"}
    assert by_actor["Ringsaker kommune"] == by_actor["Helse Sør-Øst RHF"]


def test_compound_question_answers_both_parts(graph: EmbeddedStore) -> None:
    out = ask(graph, "Når skal dialysen i Lærdal flyttes, og hvem går imot?")
    assert out["interpretation"]["intent"] == "when"
    assert out["interpretation"]["then"]["intent"] == "who_opposes"  # about the dialysis in Lærdal too
    assert "Luster kommune" in _actors(out)


def test_which_kind_of_actor_keeps_that_kind(graph: EmbeddedStore) -> None:
    out = ask(graph, "Which municipalities say something about legevakt?")
    assert out["answers"] and {a["actor"]["type"] for a in out["answers"]} <= {"kommune", "person"}


@pytest.mark.skipif(not (QUESTIONS / "dev.yaml").is_file(), reason="no development questions")
def test_development_questions_beat_the_keyword_baseline(graph: EmbeddedStore) -> None:
    """Floors below today's figures, not the targets (0.90 per language; the figures are printed by
    `python -m benchmarks.ask` and `innspill eval`): a change that loses questions fails here."""
    questions = load_questions(QUESTIONS, "dev")
    got = summary(evaluate(questions, lambda q, docs: ask(graph, q, documents=docs)["answers"]))
    base = summary(evaluate(questions, Bm25Baseline(sorted(f for d in FOLDERS for f in d.glob("*.txt")))))
    for lang, floor in FLOORS.items():
        assert got[lang]["share"] >= floor, got[lang]["failed"]
        assert got[lang]["share"] >= base[lang]["share"] + 0.20


def test_a_missed_actor_is_told_apart_as_unstated_another_stance_or_other_words(tmp_path: Path) -> None:
    """graph.ask_misses: what the graph holds of each expected actor the answer missed, so that a held-out set says
    whether extraction or retrieval lost it without anyone reading its questions."""
    from graph.ask_misses import miss_kinds

    letters = _two_senders("Kommunen ber om at jordmor følger gravide som har lang reisevei til fødeavdelingen.",
                           "Vi går imot at jordmødrene i følgetjenesten blir færre.")
    question = {"class": "who_proposes", "documents": ["a.txt", "b.txt"],
                "expected_actors": [{"name": "Fjellheim kommune"}, {"name": "Dalbygda sykehus HF"},
                                    {"name": "Nordby kommune"}, {"name": "Sørby kommune"}],
                "expected_quotes": ["Jordmor følger  gravide", "jordmødrene i følgetjenesten", "Nordby ber om"]}
    result = {"answers": [{"actor": {"name": "Sørby kommune"}}],
              "interpretation": {"topic": "jordmor reise sammen kvinner skal føde"}}
    with _letters(tmp_path, letters) as store:
        kinds = miss_kinds(store, question, "no", result)
        assert kinds[0].startswith("other words, held") and kinds[0] != "other words, held ≥ 0.6"
        assert kinds[1:] == ["stated as opposition", "not stated"]  # (Sørby kommune was answered)
        assert miss_kinds(store, {**question, "class": "what_actor"}, "no", result) == []


def test_either_word_of_a_question_will_do(graph: EmbeddedStore) -> None:
    """"fødeavdelinger eller fødestuer": a statement with either word holds that place of the phrase."""
    from graph.phrase import Phrase

    out = ask(graph, "Hvem går imot nedleggelse av fødeavdelinger eller fødestuer?")
    assert "|" in out["interpretation"]["phrase"]
    words = Phrase.weigh(graph, out["interpretation"]["phrase"])
    assert words.holds("Vi går imot nedlegging av fødestua.") and words.holds("Nedleggelse av fødeavdelingen")
    assert not words.holds("Vi støtter nedlegging av legevakta.")


def test_an_organisation_speaks_through_its_branches(graph: EmbeddedStore) -> None:
    """g06 is written by "Fagforbundet Vestfold og Telemark": a question about Fagforbundet finds it (beside the
    national union's own letter, g204)."""
    out = ask(graph, "What does Fagforbundet want?")
    names = {a["actor"]["name"] for a in out["answers"]}
    assert "Fagforbundet Vestfold og Telemark" in names
    assert all(n.startswith("Fagforbundet") for n in names), names  # the union and its branches, no one else
    # the name with its capital after "Hva mener" is the organisation, not the kind of actor its word also names
    assert ask(graph, "Hva mener Fagforbundet om heltid?")["interpretation"].get("actor") == "fagforbundet"


def test_a_kind_of_actor_as_the_subject(graph: EmbeddedStore) -> None:
    out = ask(graph, "Hva mener kommunene om legevakt?")
    assert out["interpretation"]["actor_types"] == ["kommune"]
    assert out["answers"] and {a["actor"]["type"] for a in out["answers"]} <= {"kommune", "person"}


def test_a_question_word_finds_its_synonyms(graph: EmbeddedStore) -> None:
    """synonyms_no.yaml: "sentralisering" is said as "samle", "nedleggelse" as "legge ned" in the letters."""
    from graph.phrase import Phrase

    assert Phrase.weigh(graph, "sentralisering fødetilbudet").holds("Vi går imot å samle fødetilbudet i Tromsø.")
    assert Phrase.weigh(graph, "nedleggelse fødestua").holds("Kommunen går imot at fødestua blir lagt ned.")
    assert not Phrase.weigh(graph, "sentralisering fødetilbudet").holds("Fødetilbudet må styrkes lokalt.")


def test_a_place_in_the_question_is_the_organisation_named_by_it(graph: EmbeddedStore) -> None:
    # the municipality's own table says "Felles demensteam", never "Fredrikstad"
    assert "Fredrikstad kommune" in _actors(ask(graph, "Hvem står bak det felles demensteamet i Fredrikstad?"))


def test_an_organisation_named_without_its_legal_form(graph: EmbeddedStore) -> None:
    out = ask(graph, "Kva meiner Eldrerådet i Ullensvang om heimebesøk til eldre før dei treng hjelp?")
    assert out["interpretation"]["actor"] == "eldreradet-i-ullensvang"
    assert any("heimebesøk" in e["quote"] for a in out["answers"] for e in a["evidence"])


def test_two_kinds_of_actor_and_names_that_say_the_kind(graph: EmbeddedStore) -> None:
    out = ask(graph, "Hvilke legekontor eller legevakter forteller om egne erfaringer med video i pasientbehandlingen?")
    assert {"Austevoll legesenter", "Innherred Interkommunale Legevakt IKS"} <= _actors(out)


def test_an_organisation_named_in_bokmal_is_found_in_its_nynorsk_form() -> None:
    """The vocabulary names "Statsforvalteren i Vestland"; its letters write "Statsforvaltaren": one actor, and a
    question in either form finds it."""
    vocab = load_vocabulary()
    found = vocab.actors.find("Statsforvaltaren i Vestland går imot forslaget.")
    assert [h[0] for h in found] == ["statsforvalteren-i-vestland"]
    assert "Sjukehuset Innlandet HF" in vocab.actors.entries["sykehuset-innlandet-hf"].aliases


def test_a_compound_no_statement_uses_is_looked_for_by_its_parts(tmp_path: Path) -> None:
    """"rustjenester" is in no statement, "rus" and "tjenester" are: the question finds the statement that uses
    them; "parkering" is no "park" and "ring", and a word with no part in the statements stays unseen."""
    from graph.phrase import Phrase

    with _one_letter(tmp_path, "Innspill til rusplanen\n\n"
                     "Kommunen går imot at tjenester innen rus settes ut på anbud.\n\n"
                     "Kommunen vil ha flere ringer rundt parken.\n\nMed vennlig hilsen") as store:
        words = Phrase.weigh(store, "rustjenester anbud")
        assert {alts for alts, _ in words.stems} >= {("rus",), ("tjenest",)} and not words.unseen
        assert Phrase.weigh(store, "parkering").unseen
        out = ask(store, "Hvem er imot at rustjenester settes ut på anbud?")
        assert "Fjellheim kommune" in _actors(out)


def test_a_compound_is_split_where_both_parts_are_words_of_the_statements(tmp_path: Path) -> None:
    """"responstidskrav" is "responstid" + "krav", both words the statements use on their own, not "respon" +
    "tidskr" (the start of "tidskrevende"): the statement that says the parts apart holds it."""
    from graph.phrase import Phrase

    with _one_letter(tmp_path, "Innspill til akuttplanen\n\n"
                     "Kommunen går imot å forskriftsfeste responstider som absolutte krav.\n\n"
                     "Kommunen mener rapporteringen er tidkrevende og tidskrevende.\n\nMed vennlig hilsen") as store:
        words = Phrase.weigh(store, "responstidskrav")
        assert {alts for alts, _ in words.stems} == {("responstid",), ("krav",)}
        assert words.holds("Kommunen går imot å forskriftsfeste responstider som absolutte krav.")


def test_what_is_cached_of_a_store_is_not_taken_for_a_later_stores() -> None:
    """The word lists cached per store are keyed by a number no later store gets: a store made after another is gone
    may have its id (the session-45 CI run split "responstidskrav" by the words of the test's store before)."""
    from graph.phrase import store_key

    class Store:
        pass

    first = Store()
    key = store_key(first)
    assert store_key(first) == key
    del first
    assert all(store_key(Store()) != key for _ in range(100))


def test_a_word_inside_the_statements_compounds_is_found_through_the_index(tmp_path: Path) -> None:
    """"helsetjenesten" is in no statement as a word of its own, only inside "skolehelsetjenesten" and
    nynorsk "skulehelsetenesta": the index (which knows a word by its start) is asked for those compounds too,
    so the word is seen, weighed and found; a word in no compound of the statements stays unseen."""
    from graph.phrase import Phrase

    with _one_letter(tmp_path, "Innspill til planen\n\n"
                     "Kommunen vil ha psykolog i skolehelsetjenesten.\n\n"
                     "Kommunen ønskjer ei sterkare skulehelseteneste i distrikta.\n\nMed vennlig hilsen") as store:
        words = Phrase.weigh(store, "helsetjenesten")
        assert not words.unseen
        found = store.query(f"{store.fulltext_match()} RETURN s.text AS text", {"ft": words.query()})
        assert {r["text"] for r in found} >= {"Kommunen vil ha psykolog i skolehelsetjenesten.",
                                              "Kommunen ønskjer ei sterkare skulehelseteneste i distrikta."}
        assert Phrase.weigh(store, "tannhelsetjenesten").unseen


def test_a_text_files_quote_is_found_by_the_line_it_starts_on(tmp_path: Path) -> None:
    """A text file has no pages: its evidence says the line the quote starts on, also inside a paragraph whose
    lines the loader joined."""
    with _one_letter(tmp_path, "Innspill til planen\n\nKommunen har mange utfordringer i dag. Vi ser at mange\n"
                     "eldre bor alene. Kommunen vil ha kombinerte stillinger\nfor jordmødre mellom sykehus og "
                     "kommune.\n\nMed vennlig hilsen") as store:
        out = ask(store, "Hvem foreslår kombinerte stillinger for jordmødre?")
        lines = (tmp_path / "docs" / "innspill.txt").read_text("utf-8").splitlines()
        evidence = [e for a in out["answers"] for e in a["evidence"]]
        assert evidence and all(e["page"] is None and e["quote"][:30] in lines[e["line"] - 1] for e in evidence)


@pytest.mark.parametrize(("question", "intent"), [
    ("Vis meg hvem som foreslår kombinerte stillinger.", "who_proposes"),
    ("Show me who proposes combined positions.", "who_proposes"),
    ("Finn alle som støtter hjemmesykehus.", "who_proposes"),
    ("Finn dei som går imot nedlegging av fødeavdelingar.", "who_opposes"),
    ("Gi meg en oversikt over hvem som ønsker hjemmesykehus.", "who_proposes"),
    ("Give me a list of organisations that oppose closing maternity wards.", "who_opposes"),
    ("List opp hvem som allerede har hjemmesykehus.", "who_reports_example"),
])
def test_a_request_before_the_question_is_the_question_after_it(question: str, intent: str) -> None:
    """"Vis meg …", "Finn alle som …", "Show me who …": the request is how the question is put, not what it asks
    (it was read as "what is said about" the measure, every stance at once) and none of its words is the topic."""
    it = parse(question, load_vocabulary())
    assert it.intent == intent
    assert not re.search(r"\b(?:vis|meg|show|me|finn|alle|give|list)\b", it.topic or "", re.IGNORECASE)


def test_common_english_words_of_questions_are_translated_or_no_topic(tmp_path: Path) -> None:
    """"closed down", "longer" are words the documents say in Norwegian ("legges ned", "lengre"); "people" is how
    English asks, not what: none of them may leave the question unanswered as a word no statement uses."""
    with _one_letter(tmp_path, "Innspill til planen\n\nKommunen går imot at sykehuset i Fjellheim legges ned.\n\n"
                     "Kommunen vil ha lengre åpningstider for legevakten.\n\nMed vennlig hilsen") as store:
        for question in ("Who is against the hospital being closed down?",
                         "Who wants longer opening hours for people?"):
            assert _actors(ask(store, question)) == {"Fjellheim kommune"}, question


@pytest.mark.parametrize(("question", "relations"), [
    ("Hvem sier nei til sentralisering av fødetilbudet?", ["OPPOSES"]),
    ("Kven åtvarar mot sentralisering av fødetilbodet?", ["OPPOSES"]),
    ("Hvem anbefaler ikke sentralisering av fødetilbudet?", ["OPPOSES"]),
    ("Kven meiner det er uklokt å sentralisere fødetilbodet?", ["OPPOSES"]),
    ("Hvem har innvendinger mot sentralisering av fødetilbudet?", ["OPPOSES"]),
    ("Who has reservations about centralising maternity care?", ["OPPOSES"]),
    ("Who advises against centralising maternity care?", ["OPPOSES"]),
    ("Kven tek til orde for fleire kombinerte stillingar?", ["PROPOSES"]),
    ("Hvem peker på behovet for kombinerte stillinger?", ["PROPOSES"]),
    ("Who would like combined positions?", ["PROPOSES"]),
    ("Kven driv allereie med kombinerte stillingar?", ["REPORTS_AS_EXAMPLE"]),
    ("Kven har alt kombinerte stillingar for jordmødrer?", ["REPORTS_AS_EXAMPLE"]),
    ("Kven fortel at dei alt har kombinerte stillingar?", ["REPORTS_AS_EXAMPLE"]),
    ("Who has tried combined positions?", ["REPORTS_AS_EXAMPLE"]),
    ("Who proposes introducing combined positions?", ["PROPOSES"]),
    ("Who has introduced combined positions?", ["REPORTS_AS_EXAMPLE"]),
    ("Hvem driver kombinerte stillinger?", ["REPORTS_AS_EXAMPLE"]),
    ("Who wants combined positions to be set up?", ["PROPOSES"]),
    ("Who wants combined positions to be re-established?", ["PROPOSES"]),
    ("Which hospitals already run combined positions?", ["REPORTS_AS_EXAMPLE"]),
    ("Kven ønskjer fleire kombinerte stillingar?", ["PROPOSES"]),
    ("Kven vil opprette fleire kombinerte stillingar?", ["PROPOSES"]),
    ("Hvilke aktører er det som vil bygge videre på kombinerte stillinger?", ["PROPOSES"]),
    ("Hvem argumenterer mot sentralisering av fødetilbudet?", ["OPPOSES"]),
    ("Who doesn't support centralising maternity care?", ["OPPOSES"]),
    ("Hvem tilbyr kombinerte stillinger i dag?", ["REPORTS_AS_EXAMPLE"]),
    ("Who offers combined positions?", ["REPORTS_AS_EXAMPLE"]),
    ("Kven har allereie kombinerte stillingar?", ["REPORTS_AS_EXAMPLE"]),
    ("Kven har røynsle med kombinerte stillingar?", ["REPORTS_AS_EXAMPLE"]),
    ("Who is against requiring combined positions?", ["OPPOSES"]),
    ("Hvem fraråder å ta i bruk kombinerte stillinger?", ["OPPOSES"]),
    ("Kven fortel om eigne kombinerte stillingar?", ["REPORTS_AS_EXAMPLE"]),
    ("Hvem har kombinerte stillinger som har pågått siden 2021?", ["REPORTS_AS_EXAMPLE"]),
])
def test_ways_of_asking_for_a_stance(question: str, relations: list[str]) -> None:
    """How analysts ask for support, rejection and practice, in bokmål, nynorsk and English: the stance words
    choose the relation and are not taken for words the quotes must hold."""
    it = parse(question, load_vocabulary())
    assert it.relations == relations
    words = (it.phrase or "").split()
    assert it.measures == ["kombinerte-stillinger"] or words[0].startswith(("sentralis", "centralis"))


def test_stances_named_later_in_a_question_are_all_asked_for() -> None:
    """An opposition the question opens with governs what follows it; named later, it is one stance of several."""
    it = parse("Hvilke kommuner sier noe om legevakt, enten som innspill, innvending eller egen erfaring?",
               load_vocabulary())
    assert set(it.relations) == {"OPPOSES", "REPORTS_AS_EXAMPLE"}


def test_short_names_an_organisation_is_asked_by() -> None:
    """Without its legal form or municipality word, or without the word for its kind before the name."""
    from graph.ask.parse import short_names

    assert short_names("Møreforsking AS") == ["Møreforsking"]
    assert short_names("Stiftelsen Fjellhjelpen Nord") == ["Fjellhjelpen Nord"]
    assert short_names("Eldrerådet i Ullensvang herad") == ["Eldrerådet i Ullensvang"]
    assert short_names("Ullensvang herad") == []


def test_a_kind_of_change_the_question_names_must_be_said(tmp_path: Path) -> None:
    """"legge ned X" is not answered by "X får fleire dagar", but by a statement that speaks of closing X (in any
    of the group's words, nynorsk too)."""
    with _one_letter(tmp_path, "Høyringsuttale\n\n"
                     "Kommunen ber om at Fjellheim sjukestove får fleire polikliniske dagar.\n\n"
                     "Kommunen går imot at fødestova i Fjellheim blir lagd ned.\n\nMed venleg helsing") as store:
        assert not ask(store, "Hvem foreslår å legge ned Fjellheim sjukestove?")["answers"]
        assert "Fjellheim kommune" in _actors(ask(store, "Hvem er imot å legge ned fødestova i Fjellheim?"))


def test_what_an_organisation_thinks_falls_back_to_the_measures_theme_and_says_so(graph: EmbeddedStore) -> None:
    """Steinkjer (g02) writes of basistilskudd and takster, not of "finansieringen av fastlegeordningen": its
    statements on the theme answer, and the note says they are that."""
    out = ask(graph, "Hva mener Steinkjer kommune om finansieringen av fastlegeordningen?")
    assert _actors(out) == {"Steinkjer kommune"}
    assert "theme" in out["interpretation"]["note"]


def test_what_an_organisation_is_against_falls_back_to_the_measures_theme(tmp_path: Path) -> None:
    """"Hva er Fjellheim kommune imot når det gjelder lavterskeltilbud i psykisk helse?" when none of its oppositions
    names the measure: its oppositions on the measure's theme, as for what it thinks, not those on other themes."""
    with _one_letter(tmp_path, "Høringsinnspill\n\nKommunen går imot at psykologene i kommunen skal finansieres "
                     "gjennom rammetilskuddet.\n\nKommunen går imot at ambulansestasjonen på Fjellheim legges "
                     "ned.\n\nMed vennlig hilsen") as store:
        out = ask(store, "Hva er Fjellheim kommune imot når det gjelder lavterskeltilbud i psykisk helse?")
        quotes = [a["evidence"][0]["quote"] for a in out["answers"]]  # (each answer's own quote)
        assert _actors(out) == {"Fjellheim kommune"} and all("psykologene" in q for q in quotes)
        assert "theme" in out["interpretation"]["note"]


def test_a_place_and_a_verb_of_setting_up_do_not_answer_what_is_set_up(tmp_path: Path) -> None:
    """"Hvem foreslår å opprette en fødestue i Dalheim?" is not answered by a letter that asks to set up combined
    posts in Dalheim, though the two rarest words of the question (the place and the verb) are in it."""
    posts = "Kommunen ber om at sykehuset og kommunene i Dalheim oppretter flere kombinerte stillinger for sykepleiere."
    births = ("Kommunen ber om at fødestua i Dalbygda blir videreført.\n\nFødestuene må ha jordmor på vakt hele "
              "døgnet.\n\nStaten bør finansiere fødestuene fullt ut.")
    with _letters(tmp_path, {"fjellheim": f"Fjellheim kommune\n\nHøringsinnspill\n\n{posts}\n\nFjellheim kommune\n",
                             "dalbygda": f"Dalbygda kommune\n\nHøringsinnspill\n\n{births}\n\nDalbygda kommune\n"}) \
            as store:
        assert "Fjellheim kommune" not in _actors(ask(store, "Hvem foreslår å opprette en fødestue i Dalheim?"))
        assert _actors(ask(store, "Hvem foreslår å opprette kombinerte stillinger i Dalheim?")) == {"Fjellheim kommune"}


def test_a_measure_named_after_of_is_no_kind_of_actor() -> None:
    """"critical of hospital at home" asks about the measure, not about hospitals; "Which of the hospitals" does."""
    vocab = load_vocabulary()
    it = parse("Which actors are critical of hospital at home?", vocab)
    assert it.measures == ["hjemmesykehus"] and not it.actor_types and it.relations == ["OPPOSES"]
    assert parse("Hvilke av sykehusene støtter hjemmesykehus?", vocab).actor_types


def test_state_bodies_regional_councils_and_hospital_units_are_kinds_of_actor() -> None:
    """"statlege etatar / state supervisory bodies" ask for agencies and county governors; "regionråd" for councils
    by the word in their names; "sykehus eller sykehusavdelinger / hospitals or hospital divisions" for hospitals and
    their clinics and divisions, not for a topic "divisions"."""
    vocab = load_vocabulary()
    for q in ("Kva statlege etatar har kome med framlegg om legevakt?",
              "Which state supervisory bodies have made proposals on the out-of-hours medical service?"):
        it = parse(q, vocab)
        assert "county governor" in it.actor_types and "directorate/agency" in it.actor_types
        assert it.measures == ["legevakt"] and not it.specifics
    it = parse("Hvilke kommuner eller regionråd har uttalt seg om legevakt?", vocab)  # (regional councils are
    # intermunicipal bodies: actor_types.yaml types "Hardangerrådet" so)
    assert it.actor_types == ["kommune", "interkommunalt selskap"] and it.actor_names == ["regionråd"]
    assert not it.specifics
    for q in ("Hvilke sykehus eller sykehusavdelinger har foreslått tiltak innen psykisk helse?",
              "Which hospitals or hospital divisions have proposed measures in mental health?"):
        it = parse(q, vocab)
        assert "HF" in it.actor_types and "divisjon" in it.actor_names and "divis" not in (it.topic or "")


def test_english_kinds_of_actor_before_a_possessive_and_government_and_county_authorities() -> None:
    """"Trade unions' input on …" asks for unions as "Fagforeningenes innspill om …" does; "government agencies or
    directorates" and "county authorities" are kinds of actor, and as a topic the glossary reads "county authorities"
    as fylkeskommunene."""
    vocab = load_vocabulary()
    it = parse("Trade unions' input on staffing, education and competence – who has given such input?", vocab)
    assert "union" in it.actor_types and "union" not in (it.topic or "").lower()
    it = parse("Which government agencies or directorates have given input on patient travel?", vocab)
    assert "directorate/agency" in it.actor_types and "agenc" not in (it.topic or "")
    it = parse("Which municipalities or county authorities have given input on digital solutions?", vocab)
    assert it.actor_types == ["kommune", "fylkeskommune"] and "count" not in (it.topic or "")
    assert "fylkeskommun" in glossary()["county authority"]


def test_what_an_organisation_says_or_its_position_is_read_as_in_norwegian() -> None:
    """"What does X say about …", "What is X's position / view on …" ask for X's stances, as "Hva sier X om …"
    does (not every sentence X wrote); "What is X?" and "What does X do?" stay questions about X itself."""
    vocab = load_vocabulary()
    for q in ("Hva sier Helsedirektoratet om videokonsultasjoner?",
              "What does the Norwegian Directorate of Health say about video consultations?",
              "What is Helsedirektoratet's position on video consultations?",
              "What is the Directorate of Health's view on video consultations?"):
        it = parse(q, vocab)
        assert it.intent == "what_does_actor_propose" and it.actor == "helsedirektoratet", q
    for q in ("What is Helsedirektoratet?", "What does Helsedirektoratet do?"):
        assert parse(q, vocab).intent == "about", q


def test_fact_ung_is_named_as_its_makers_write_it() -> None:
    """"FACT Ung" (the model's own capitals; an alias with capitals is matched as written) and "FACT Youth" name the
    FACT measure, as "FACT ung" does: what the question adds is "team", not "Ung"."""
    vocab = load_vocabulary()
    for q in ("Hvor finnes det FACT Ung-team for barn og unge?", "Who wants FACT Youth teams to be set up?"):
        it = parse(q, vocab)
        assert it.measures == ["fact"] and not re.search(r"(?i)\b(ung|youth)\b", it.specifics or ""), q


def test_lis1_is_named_by_the_english_questions_ask_for_it() -> None:
    """"LIS1 internship posts" is LIS1 as "LIS1-stillinger" is: nothing left over for the answers to say, which
    in a how-many question brought in one more sender whose statement used the words."""
    vocab = load_vocabulary()
    for q in ("How many of the senders ask for more LIS1 internship posts?",
              "Who wants more posts for newly qualified doctors in the first part of their specialist training?",
              "Hvor mange av avsenderne ber om flere LIS1-stillinger?"):
        it = parse(q, vocab)
        assert it.measures == ["lis1"] and not it.specifics, q


def test_posts_shared_between_are_combined_positions_as_delte_stillinger_mellom_are() -> None:
    """English puts "shared" after the noun ("posts shared between the hospital and the municipality"): the measure,
    as its Norwegian alias "delte stillinger" names it, not a description whose answers are only added; and so does
    Norwegian in a relative clause ("stillinger som deles mellom …", nynorsk "stillingar som er delte mellom …")."""
    vocab = load_vocabulary()
    for q in ("How many of the senders propose posts shared between hospital and municipality?",
              "Hvor mange av innsenderne foreslår delte stillinger mellom sykehus og kommune?",
              "Hvor mange av innsenderne vil ha stillinger som deles mellom sykehuset og kommunen?",
              "Kven vil ha stillingar som er delte mellom sjukehus og kommune?",
              "Hvem foreslår stillinger delt mellom DPS og kommunen?"):
        assert parse(q, vocab).measures == ["kombinerte-stillinger"], q


def test_what_does_the_kind_of_actor_think_asks_for_that_kind() -> None:
    """"What does the county governor think about …" as "Hva mener Statsforvalteren om …": the opening allowed
    "what do" but not its third person; and a team that visits people at home describes an outreach team."""
    vocab = load_vocabulary()
    for q in ("What does the county governor think about cameras replacing checks at night?",
              "Hva mener Statsforvalteren om at kamera skal erstatte tilsyn om natten?"):
        assert parse(q, vocab).actor_types == ["county governor"], q
    it = parse("Who wants a team that visits people with severe mental illness at home?", vocab)
    assert it.described == ["ambulante-team"]


def test_who_wants_to_keep_asks_every_stance_as_hvem_vil_beholde_does() -> None:
    """"Hvem vil beholde X?" is answered by those who propose X and those who oppose its removal (several stances);
    "Who wants to keep X?" was read as a proposal only, and "requirement" (a noun) made "Who wants to keep the
    requirement …" one too."""
    vocab = load_vocabulary()
    for q in ("Who wants to keep the rehabilitation beds at the hospital in Lærdal?",
              "Hvem vil beholde rehabiliteringssengene ved sykehuset i Lærdal?",
              "Who wants to retain the requirement of an individual plan for children with a child coordinator?",
              "Who wants to preserve the ambulance boat in Vesterålen?"):
        assert parse(q, vocab).intent == "who_states", q
    for q in ("Who wants rehabilitation beds at the hospital in Lærdal?", "Who requires an individual plan?"):
        assert parse(q, vocab).intent == "who_proposes", q


def test_faglige_foreninger_and_pasientmedvirkning_are_read_as_their_english_twins_are() -> None:
    """"faglige / faglege foreninger" are professional associations, as "professional associations" are; "bruker- og
    pasientmedvirkning" is the theme user involvement, as "user and patient involvement" is."""
    vocab = load_vocabulary()
    for q in ("Kva for faglege foreiningar har kome med framlegg om akuttkirurgi?",
              "Hvilke faglige foreninger har uttalt seg om akuttkirurgi?",
              "Which professional associations have made proposals on emergency surgery?"):
        assert parse(q, vocab).actor_types == ["professional association"], q
    for q in ("Hvilke kompetansesentre har foreslått tiltak for bruker- og pasientmedvirkning?",
              "Which competence centres have proposed measures for user and patient involvement?"):
        assert parse(q, vocab).theme == "brukermedvirkning", q


def test_an_english_theme_question_names_its_theme_as_the_norwegian_one_does() -> None:
    """"made statements about maternity services" asks what "uttalt seg om fødetilbodet" asks: "statements" is no
    topic word, and the English words of a theme are its keywords as the Norwegian ones are."""
    vocab = load_vocabulary()
    for q, theme in (("Kva sjukehus har uttalt seg om fødetilbodet?", "svangerskap-fodsel-barsel"),
                     ("Which hospitals have made statements about maternity services?", "svangerskap-fodsel-barsel"),
                     ("Which municipalities have expressed opinions on telemedicine?", "digitalisering"),
                     ("Which municipalities have said something about habilitation?", "rehabilitering-mestring")):
        it = parse(q, vocab)
        assert it.theme == theme and not it.phrase, (q, it.theme, it.phrase)


def test_everyday_english_words_find_the_plain_norwegian_word_the_statements_use() -> None:
    """"helicopter missions", "equipped rooms", "medical secretaries", "financed with loans", "bone density scans":
    each English word stands for the Norwegian word (or its start) the statements say, plurals and -ed forms too."""
    from graph.phrase import english_stems

    for word, stem in (("missions", "oppdrag"), ("equipped", "utstyrt"), ("completed", "fullført"),
                       ("loans", "lånefinans"), ("scans", "røntgen")):
        assert stem in english_stems(word), (word, english_stems(word))
    assert "helsesekretær" in (english_stems("medical secretaries") or ()), english_stems("medical secretaries")


def test_kinds_spelt_out_in_brackets_are_kinds_not_the_topic() -> None:
    """"Hvilke interkommunale samarbeid (regionråd eller interkommunale selskap) …" asks for those kinds, and what
    follows is the topic, as the English question's brackets are read: the bracket was left in the Norwegian topic."""
    vocab = load_vocabulary()
    for q in ("Hvilke interkommunale samarbeid (regionråd eller interkommunale selskap) har kommet med forslag om "
              "digitale løsninger?",
              "Which intermunicipal bodies (regional councils or intermunicipal companies) have made proposals on "
              "digital solutions?"):
        it = parse(q, vocab)
        assert "interkommunalt selskap" in it.actor_types and it.theme == "digitalisering" and not it.phrase, q
    it = parse("Hvilke kommuner (og bydeler) har kommet med forslag om digitale løsninger?", vocab)
    assert it.actor_types == ["kommune"] and it.theme == "digitalisering" and not it.phrase


def test_a_size_is_no_qualifier_of_a_measure_and_because_is_no_topic_word() -> None:
    """"small out-of-hours clinics" are out-of-hours clinics, as "små legevakter" are legevakter: not a term the
    vocabulary does not know, answered only by the statements that say it; "because" is a function word."""
    vocab = load_vocabulary()
    for q in ("Who is against small out-of-hours clinics being allowed to close at night because the districts are "
              "to become larger?", "Hvem er imot at små legevakter skal kunne stenge om natten?"):
        it = parse(q, vocab)
        assert it.measures == ["legevakt"] and not it.unrecognised
        assert "because" not in (it.topic or "")


def test_coordinated_kinds_of_actor_share_their_head() -> None:
    """"forsknings- eller kompetansesentre", "frivillige eller ideelle organisasjoner", "youth or disability
    councils": each word before the last names a kind with the head it shares; a word that names no kind so
    ("organisasjoner eller brukerorgan": any organisation) leaves the question without a kind."""
    vocab = load_vocabulary()
    for q in ("Hvilke forsknings- eller kompetansesentre har uttalt seg om psykisk helse?",
              "Which research or competence centres have commented on mental health?"):
        it = parse(q, vocab)
        assert it.actor_types == ["education/research"] and it.theme == "psykisk-helse-rus"
    it = parse("Hvilke pasient-, bruker- eller frivillige organisasjoner foreslår tiltak for pårørende?", vocab)
    assert set(it.actor_types) == {"voluntary organisation", "patient/user organisation"}
    it = parse("Which youth, elderly or disability councils have commented on rehabilitation?", vocab)
    assert it.actor_types == ["committee"] and "youth" not in (it.topic or "")
    # "organisasjoner" alone is any body, public ones too ("Hvilke organisasjoner rapporterer FACT-team …" asks for
    # hospital trusts): no kind, and so no kind for it with another
    assert not parse("Hvilke organisasjoner eller brukerorganer har foreslått tiltak for pårørende?",
                     vocab).actor_types
    assert not parse("Hvilke organisasjoner rapporterer FACT-team som eksempel?", vocab).actor_types


def test_an_english_phrase_the_glossary_translates_keeps_its_stop_words() -> None:
    """"fire service" and "substance use" are translated as wholes ("brannvesen", "rus"), though "service" and
    "use" alone are stop words; light verbs ("take", "make") are no topic."""
    vocab = load_vocabulary()
    assert "fire service" in parse("Who has the fire service respond to acute calls?", vocab).phrase
    assert "substance use" in parse("Who wants better follow-up for people with substance use problems?",
                                    vocab).phrase
    assert "take" not in (parse("Who thinks health trusts should take on more apprentices?", vocab).phrase or "")
    # a phrasal verb inflects its first word ("taking over" is the glossary's "take over"); one that says what a
    # stop word says is no topic ("setting up" is "establish")
    assert "taking over" in parse("Who is against GPs taking over the check-ups of heart failure patients?",
                                  vocab).phrase
    assert "up" not in parse("Who proposes setting up a midwife-led birth unit in Dalby?", vocab).phrase.split()
    # "together" is a stop word as "sammen" is: what is done together is the rest
    assert "together" not in (parse("Who wants patient and doctor to decide together which medicine to use?",
                                    vocab).phrase or "")


def test_a_compound_that_starts_with_a_stance_word_is_a_topic() -> None:
    """"støttekontakter" and "støtteordning" name things, though they start like "støtter"; "anbefalingene" is the
    stance word's own noun."""
    vocab = load_vocabulary()
    assert "støttekontakter" in parse("Hvem vil ha flere støttekontakter for unge?", vocab).phrase
    assert "støtteordning" in parse("Hvem vil ha en statlig støtteordning for kystfiskere?", vocab).phrase
    assert "anbefalingene" not in (parse("Hvem støtter anbefalingene om kystfiskere?", vocab).phrase or "")


def test_a_phrasal_verb_is_found_in_the_glossary_in_any_form_of_its_verb() -> None:
    from graph.phrase import english_stems, glossary

    g = glossary()
    assert "taking over" not in g and english_stems("taking over") == g["take over"]
    assert english_stems("follows up") == english_stems("following up") == g["follow up"]


def test_an_english_word_is_found_in_the_glossary_in_any_of_its_forms() -> None:
    """The glossary keeps some words only in the plural ("wounds", "suppliers") and verbs in the base form: a
    question's singular or past participle finds them all the same ("a wound team", "accompanied by a midwife")."""
    from graph.phrase import english_stems, glossary

    g = glossary()
    assert "wound" not in g and english_stems("wound") == g["wounds"]
    assert "supplier" not in g and english_stems("supplier") == g["suppliers"]
    assert english_stems("accompanied") == g["accompany"]
    # a form the glossary keeps as a key of its own says what its verb's key says ("reducing" a stock of beds is
    # "bygge ned" as "reduce" is)
    for form, verb in (("reducing", "reduce"), ("downsizing", "downsize"), ("introducing", "introduce")):
        assert set(g[verb]) <= set(english_stems(form)), form


def test_a_glossary_stem_finds_every_inflection_of_its_word() -> None:
    """A glossary value is a stem matched at the start of a word: "rehabiliteringssenger" missed
    "rehabiliteringssengene", "triager" the loan word "triage" itself."""
    from graph.phrase import Phrase, english_stems

    assert Phrase(text="rehabilitation beds", stems=[(english_stems("rehabilitation beds"), 1.0)], size=1).holds(
        "Vi går imot at rehabiliteringssengene på sykehuset skal legges ned.")
    assert any("triage".startswith(s) for s in english_stems("triage"))
    # and everyday English a question uses for what the statements call egenandel, virkestoff, sentrum
    assert "egenandel" in english_stems("user charges")
    assert english_stems("active substance") == ("virkestoff",)
    assert "sentrum" in english_stems("town centre")


def test_an_english_question_s_everyday_words_are_read_as_the_norwegian_ones() -> None:
    """"more", "during the next years" carry no topic (as mer, år and behov do not in Norwegian): left in, a word
    no statement says kept "Trade unions with proposals to recruit more GPs" from any answer; "work" is arbeid."""
    from graph.phrase import english_stems

    vocab = load_vocabulary()
    assert parse("Trade unions with proposals to recruit more GPs", vocab, ()).phrase is None
    it = parse("Who wants nurses to work both at the hospital and in the municipality during the next years?",
               vocab, ())
    assert it.phrase == "work hospital municipality" and it.groups == ["sykepleiere"]
    assert english_stems("working") == ("arbeid", "jobb")
    # nor does a pronoun, and a group is named in the singular too
    it = parse("Who wants midwives to ask every pregnant woman whether she is exposed to violence?", vocab, ())
    assert it.phrase == "exposed violence" and it.groups == ["jordmodre", "gravide"]


def test_a_contracted_plural_has_the_stem_of_its_singular() -> None:
    """Norwegian drops the e of -er/-el before an ending: "helikoptrene" is "helikopter", "legemidler" is
    "legemiddel"; a doubled consonant is no contraction ("kontroller")."""
    from graph.phrase import stem

    assert stem("helikoptrene") == stem("helikopter")[:len(stem("helikoptrene"))]
    assert "legemiddel".startswith(stem("legemidler"))
    assert "kompetansesenter".startswith(stem("kompetansesentrene"))
    assert stem("kontroller") == "kontroll"


def test_a_short_nouns_definite_plural_has_the_stem_of_its_other_forms() -> None:
    """"skolene" is "skole", "skolen", "skoler" ("skolehelsetjenesten" too), not "skolen" alone; "sengene" is
    "seng"; a stem of three letters is too short to stand for a word ("legene" keeps its "n")."""
    from graph.phrase import has, stem

    assert stem("skolene") == stem("skoler") and has("skole skolehelsetjenesten", stem("skolene"))
    assert stem("sengene") == stem("senger") == "seng"
    assert len(stem("legene")) > 3


def test_an_answers_first_quote_is_the_one_that_says_what_was_asked(graph: EmbeddedStore) -> None:
    """(session 17) "what does X think about discharge times?" is answered first by X's sentence on them, not by
    X's first proposal on anything."""
    out = ask(graph, "Kva meiner Fjaler kommune om når på døgnet eldre pasientar bør skrivast ut til heimetenesta?")
    first = [a["evidence"][0]["quote"] for a in out["answers"] if a["actor"]["name"] == "Fjaler kommune"]
    assert first and "klokka 08 og 15" in first[0]


def test_a_measure_described_in_everyday_words_adds_its_answers(graph: EmbeddedStore) -> None:
    """(session 17) descriptions.yaml: "decide together" is samvalg, whose backers answer too; a question that
    names no such description is read as before."""
    out = ask(graph, "Hvem vil at pasient og behandler skal bestemme sammen når behandlingen eller legemiddelet "
                     "skal endres?")
    assert out["interpretation"]["described"] == ["samvalg"]
    assert "proLAR Nett" in _actors(out)
    assert "described" not in ask(graph, "Hvem vil ha flere fastleger?")["interpretation"]


def test_a_paraphrase_nothing_holds_is_answered_by_the_nearest_statements(graph: EmbeddedStore) -> None:
    """(session 18) a description of four words or more that no statement holds is answered by the statements
    nearest it or sharing most of its words (since session 28 "helseregionen" earns part of its weight from "Helse
    Sør-Øst"), said so in the note; a short one (a thing nobody speaks of) still gets nothing."""
    docs = sorted(p.name for p in FOLDERS[1].glob("g25[1-8]_*.txt"))
    out = ask(graph, "Hvem ønsker langsiktige avtaler mellom helseregionen og ideelle, ikke-kommersielle sykehus?",
              documents=docs)
    assert re.search(r"nearest statements|share most of its words", out["interpretation"]["note"])
    assert "Betanien Hospital" in _actors(out)
    assert not ask(graph, "Hvem vil ha en helikopterbase i Lærdal?", documents=docs)["answers"]


@pytest.mark.parametrize(("question", "actors"), [
    ("What do both Hamar and Løten municipalities want for the midwives?", ["hamar-kommune", "loten-kommune"]),
    ("Kva meiner både Hamar og Løten kommune om jordmødrene?", ["hamar-kommune", "loten-kommune"]),
    ("What do both Nordhordland regional council and Voss hospital want for the midwives?",
     ["nordhordland-regionrad", "voss-sjukehus"]),
    ("What do both Hedmark medical association and Herøy og Sande kommunar want?",
     ["hedmark-legeforening", "heroy-og-sande-kommunar"]),
])
def test_english_and_coordinated_names_of_actors(question: str, actors: list[str]) -> None:
    """(session 18) a regional council, a hospital and a branch of the medical association by their English
    names; places that share the word for their kind are each an actor, a joint actor's own name stays whole."""
    known = tuple((i, n, ()) for i, n in [
        ("hamar-kommune", "Hamar kommune"), ("loten-kommune", "Løten kommune"),
        ("nordhordland-regionrad", "Nordhordland regionråd"), ("voss-sjukehus", "Voss sjukehus"),
        ("hedmark-legeforening", "Hedmark legeforening"), ("heroy-og-sande-kommunar", "Herøy og Sande kommunar")])
    it = parse(question, load_vocabulary(), known)
    assert sorted(it.actors or [it.actor]) == actors


def test_english_joint_names_one_word_names_and_asking_someone_to() -> None:
    """(session 18) a joint actor's "og" is "and" in English; a one-word name takes only the genitive ("Union" is
    not Unio); "asks the state to pay for X" proposes X."""
    vocab = load_vocabulary()
    known = (("fosen-og-orkdal", "Fosen og Orkdal", ()), ("unio", "Unio", ()),
             ("tingvoll-og-surnadal-kommunar", "Tingvoll og Surnadal kommunar", ()))
    assert parse("What do Fosen and Orkdal think about midwives?", vocab, known).actor == "fosen-og-orkdal"
    assert parse("What do the municipalities of Tingvoll and Surnadal want for midwives?", vocab,
                 known).actor == "tingvoll-og-surnadal-kommunar"
    assert parse("What does the Paramedics' Union think about midwives?", vocab, known).actor != "unio"
    assert parse("What does Unio's branch think about midwives?", vocab, known).actor == "unio"
    assert parse("Who asks the state to pay for more midwives?", vocab).relations == ["PROPOSES"]


def test_a_count_includes_the_speakers_found_by_the_questions_words(graph: EmbeddedStore) -> None:
    """(session 18) "how many propose X" counts, beside the measure's backers, the few speakers of statements in
    the question's own words (as every other stance answer lists them), and says so."""
    docs = sorted(p.name for p in FOLDERS[1].glob("g51[1-8]_*.txt"))
    # ("stillinger som deles mellom …" is an alias of kombinerte stillinger: "deles av" is still only words)
    out = ask(graph, "Hvor mange av innsenderne foreslår stillinger som deles av sykehus og kommune?",
              documents=docs)
    assert "found by the question's words alone" in out["interpretation"].get("note", "")
    assert out["interpretation"]["actors_counted"] == len({a["actor"]["id"] for a in out["answers"]})


def test_an_actor_by_the_shorter_name_a_question_uses() -> None:
    """Without the legal form or kind its name ends with, and an organisation within another by its own name, unless
    that name begins another actor's name too."""
    vocab = load_vocabulary()
    known = (("x", "Fjellfarmasiforbundet i Parat", ()), ("y", "Eldrerådet i Fjellvik kommune", ()),
             ("z", "Eldrerådet i Dalstrand", ()), ("w", "Fjordambulansetjenesten HF", ()),
             ("v", "Dalstrand kommune", ()))
    assert parse("Hva mener Fjellfarmasiforbundet om vaksiner i apotek?", vocab, known).actor == "x"
    assert parse("Kva meiner Eldrerådet i Fjellvik om dagsenteret?", vocab, known).actor == "y"
    assert parse("What does Fjordambulansetjenesten think about ambulance boats?", vocab, known).actor == "w"
    assert parse("Hva mener Eldrerådet om dagsenteret?", vocab, known).actor is None
    assert parse("Hvem vil beholde legevakten i Dalstrand?", vocab, known).actor is None


def test_a_unit_before_its_trust_and_a_name_of_capitals_by_their_first_word() -> None:
    """"Kvinneklinikken, Fjordby sykehus HF" is asked for as "Kvinneklinikken", "Fjellhavn Diakonale Sykehus" as
    "Fjellhavn"; not when another actor's name begins with that word."""
    vocab = load_vocabulary()
    known = (("x", "Fjordklinikken, Fjordby sykehus HF", ()), ("y", "Fjellhavn Diakonale Sykehus", ()),
             ("z", "Dalbygda Helsesenter", ()), ("w", "Dalbygda kommune", ()))
    assert parse("Hva mener Fjordklinikken ved Fjordby om tidlig hjemreise?", vocab, known).actor == "x"
    assert parse("Hva sier Fjellhavn om hoftebrudd?", vocab, known).actor == "y"
    assert parse("Hva sier Dalbygda om hoftebrudd?", vocab, known).actor is None


def test_a_compound_that_holds_a_measures_name_is_also_looked_for_by_the_name() -> None:
    """"hospiteringsordninger" is hospitering: statements that say "hospitert" without "ordning" are in its words."""
    it = parse("Hvem har allerede hospiteringsordninger i gang?", load_vocabulary())
    assert it.measures == ["hospitering"] and "|" in (it.wording or "")
    assert parse("Hvem vil ha kombinerte stillinger?", load_vocabulary()).wording == "kombinerte stillinger"


def test_who_opposes_anything_answers_every_opposition(tmp_path: Path) -> None:
    """A stance question with no topic but the draft ("Hvem går imot noe i utkastet?") is every sender of that
    stance, and "how many" counts them; support is not opposition."""
    with _one_letter(tmp_path, "Høringsinnspill\n\nKommunen går imot at fødeavdelingen legges ned.\n\n"
                     "Kommunen støtter forslaget om flere kombinerte stillinger.\n\nMed vennlig hilsen") as store:
        out = ask(store, "Hvem går imot noe i utkastet?")
        assert out["interpretation"]["intent"] == "who_opposes"
        assert _actors(out) == {"Fjellheim kommune"}
        assert {a["relation"] for a in out["answers"]} == {"OPPOSES"}
        assert ask(store, "Hvor mange går imot forslag i planen?")["interpretation"]["actors_counted"] == 1


def test_which_kind_of_actor_spoke_is_not_answered_by_those_named(tmp_path: Path) -> None:
    """"Hvilke sykehus har uttalt seg om …" asks who spoke: a hospital the municipality's letter names is no answer;
    "Hvilke sykehus er nevnt …" asks for it."""
    with _one_letter(tmp_path, "Høringsinnspill\n\nKommunen ber om at Sykehuset Innlandet HF beholder fødeavdelingen "
                     "på Lillehammer.\n\nMed vennlig hilsen") as store:
        assert "Sykehuset Innlandet HF" not in _actors(ask(store, "Hvilke sykehus har uttalt seg om fødeavdelingen?"))
        assert "Sykehuset Innlandet HF" in _actors(ask(store, "Hvilke sykehus er nevnt om fødeavdelingen?"))


def test_the_second_of_both_may_be_named_by_one_word_of_its_name() -> None:
    """"både Olaviken og Lærdal kommune": one capitalised word of one organisation's name names it; a word several
    names share (a place) names none."""
    vocab = load_vocabulary()
    known = (("olaviken", "NKS Olaviken alderspsykiatriske sykehus", ()), ("laerdal-kommune", "Lærdal kommune", ()),
             ("laerdal-sjukehus", "Lærdal sjukehus", ()))
    it = parse("Kva meiner både Olaviken og Lærdal kommune om videokonsultasjonar?", vocab, known)
    assert sorted(it.actors) == ["laerdal-kommune", "olaviken"]
    it = parse("Kva meiner både Olaviken og Lærdal om videokonsultasjonar?", vocab, known)
    assert not it.actors


def test_both_organisations_may_be_named_by_a_description_of_their_names() -> None:
    """"både kommunene Dalbygda, Sørdal og Fjellbygda og ungdomsrådet ved FUS": each the one organisation whose name
    holds most of the words written where it stands (an abbreviation it has read as its name); the words after
    "om" are what is asked, not a name; two names that hold as much name neither."""
    vocab = load_vocabulary()
    known = (("dsf", "Dalbygda, Sørdal og Fjellbygda kommuner", ()), ("sordal", "Sørdal kommune", ()),
             ("fus", "Fjellheim universitetssykehus HF", ("FUS",)),
             ("ur-fus", "Ungdomsrådet ved Fjellheim universitetssykehus", ()),
             ("ur-sordal", "Ungdomsrådet i Sørdal kommune", ()), ("nf", "Norsk Fjellheim Forening", ()),
             ("aurland", "Aurland kommune", ()), ("bergen", "Bergen kommune", ()),
             ("bergen-legevakt", "Bergen legevakt", ()))
    it = parse("Hva ønsker både kommunene Dalbygda, Sørdal og Fjellbygda og ungdomsrådet ved FUS for ungdom?", vocab,
               known)
    assert sorted(it.actors) == ["dsf", "ur-fus"]
    it = parse("Kva ønskjer både Fjellheim-foreininga og Ungdomsrådet i Sørdal for ungdom?", vocab, known)
    assert sorted(it.actors) == ["nf", "ur-sordal"]
    assert not parse("Kva meiner både Bergen og Aurland om at kommunane skal ta over?", vocab, known).actors


def test_the_organisation_whose_view_is_asked_may_be_named_by_a_description() -> None:
    """"Kva meiner NSFs faggruppe for sjukepleiarar i geriatri og demens om …" (a nynorsk rendering of its name): the
    organisation whose name holds most of the words before "om"; not one whose name says only some of them (the
    clinic of another hospital)."""
    vocab = load_vocabulary()
    known = (("nsf-ger", "NSFs faggruppe for sykepleiere i geriatri og demens", ()),
             ("nsf-psyk", "NSFs faggruppe for sykepleiere i psykisk helse og rus", ()),
             ("klinikk-fjellheim", "Klinikk for psykisk helsevern, Fjellheim HF", ()))
    it = parse("Kva meiner NSFs faggruppe for sjukepleiarar i geriatri og demens om GPS-sporing?", vocab, known)
    assert it.actor == "nsf-ger"
    it = parse("Hva mener klinikken for psykisk helsevern og rus i Sørdal om ventetidene?", vocab, known)
    assert it.actor is None


def test_the_organisation_whose_view_is_asked_may_be_named_by_one_word_of_its_name() -> None:
    """"Hva mener Olaviken om Helse Bergens forslag …": the one organisation whose name has the word, not the trust
    whose proposal it is; a word several names share names none."""
    vocab = load_vocabulary()
    known = (("olaviken", "NKS Olaviken alderspsykiatriske sykehus", ()), ("helse-bergen", "Helse Bergen HF", ()),
             ("sorheim-nks", "NKS Sørheim rehabiliteringssenter", ()), ("sorheim-lms", "LMS Sørheim senter", ()))
    it = parse("Hva mener Olaviken om Helse Bergens forslag om å samle døgnbehandlingen?", vocab, known)
    assert it.actor == "olaviken"
    assert parse("Hva mener Sørheim om ventetidene?", vocab, known).actor is None
    # and in English, where the word stands before the verb
    it = parse("What does Olaviken think of Helse Bergen's proposal to gather inpatient care?", vocab, known)
    assert it.actor == "olaviken"
    assert parse("What does Sørheim think about waiting times?", vocab, known).actor is None


def test_felles_for_two_actors_is_a_both_question() -> None:
    vocab = load_vocabulary()
    known = (("x", "Fjellheim kommune", ()), ("y", "Dalbygda kommune", ()))
    it = parse("Hva er felles for det Fjellheim kommune og Dalbygda kommune ønsker om legevakt?", vocab, known)
    assert it.actors == ["x", "y"]


_NAMED = (("spiseforstyrrelsesforeningen", "Spiseforstyrrelsesforeningen", ()),
          ("ungdomsradet-i-verdal", "Ungdomsrådet i Verdal kommune", ()),
          ("norsk-pasientforening", "Norsk Pasientforening", ()),
          ("akuttklinikken-ous", "Akuttklinikken, Oslo universitetssykehus HF", ()),
          ("medisinsk-klinikk-sus", "Medisinsk klinikk, Stavanger universitetssjukehus", ()),
          ("medisinsk-klinikk-ous", "Medisinsk klinikk, Oslo universitetssykehus HF", ()),
          ("vefsn-kommune", "Vefsn kommune", ()), ("innlandet-fylkeskommune", "Innlandet fylkeskommune", ()),
          ("ipr-fjellby", "Interkommunalt politisk råd for Fjellbygda", ()), ("lofotradet", "Lofotrådet", ()),
          ("nff-sordal", "Norsk Fysioterapeutforbund Sørdal", ()), ("olav-bergseng", "Olav Bergseng", ()),
          ("sykehuset-sordal", "Sykehuset Sørdal HF", ()), ("legeforeningen-sordal", "Sørdal legeforening", ()),
          ("fjellheim-fylkeskommune", "Fjellheim fylkeskommune", ()),
          ("radet-fjellheim", "Rådet for personar med funksjonsnedsetjing i Fjellheim fylkeskommune", ()),
          ("brukarutval-sogn", "Felles brukarutval i Sogn", ()))


@pytest.mark.parametrize(("question", "named"), [
    ("What does the Eating Disorders Association think about day care?", ["spiseforstyrrelsesforeningen"]),
    ("What do the youth council in Verdal and Vefsn municipality want?", ["ungdomsradet-i-verdal"]),
    ("What does the Department of Medicine at Stavanger University Hospital want?", ["medisinsk-klinikk-sus"]),
    # (a kind of actor, a common noun, and words several names share name no organisation)
    ("Which patient organisations want a patient navigator?", []),
    ("Who wants more beds in the emergency department?", []),
    ("What does the Department of Medicine want?", []),
    # (two names joined by "and" stay two)
    ("What do Vefsn municipality and Innlandet county want?", ["innlandet-fylkeskommune"]),
    # a body by its place and its kind, when one organisation's name holds both
    ("What does the Fjellbygda council want?", ["ipr-fjellby"]),
    ("What does the Lofoten regional council think?", ["lofotradet"]),
    ("What do the Sørdal physiotherapists' branch want?", ["nff-sordal"]),
    # (a name written in nynorsk: "funksjonsnedsetjing" is "disabilities")
    ("What does the Fjellheim county council for persons with disabilities think?", ["radet-fjellheim"]),
    ("What does the joint user committee in Sogn want?", ["brukarutval-sogn"]),  # (nynorsk "utval")
    # (not a place beside a plural kind, nor a place two organisations' names hold with no word that tells them apart)
    ("Which hospitals in Bergen want more beds?", []),
    ("What does the Sørdal association want?", []),
])
def test_an_english_translation_of_a_name_names_the_organisation(question: str, named: list[str]) -> None:
    from graph.ask.english_actors import english_actor_hits

    assert [h[0] for h in english_actor_hits(question, _NAMED)] == named


@pytest.mark.parametrize(("question", "actor"), [
    ("What does the Jæren regional council want for the out-of-hours service?", "jaerradet"),
    ("What does Helgeland Regional Council think about the ambulance service?", "helgelandsradet"),
    ("What does the Lister regional council propose?", "listerradet"),
])
def test_a_regional_council_named_by_its_region_in_one_word_is_named_in_english(question: str, actor: str) -> None:
    """"Jærrådet", "Helgelandsrådet": the region's name with -rådet (its definite -en dropped, a linking s kept) is
    "the Jæren regional council" in English."""
    known = (("jaerradet", "Jærrådet", ()), ("helgelandsradet", "Helgelandsrådet", ()),
             ("listerradet", "Listerrådet", ()), ("helse-stavanger", "Helse Stavanger HF", ()))
    it = parse(question, load_vocabulary(), known)
    assert it.actor == actor and "council" not in (it.topic or "")


def test_what_an_organisation_says_is_answered_by_it_not_by_those_it_names(tmp_path: Path) -> None:
    """"Hva sier X om problemene …" asks for X's own statements: a hospital X's letter names is no answer (unless
    the question asks whom X names), and X's statement in other words that shares most of the question's words
    answers first, with its own stance (an opposition, beside X's example)."""
    with _one_letter(tmp_path, "Høringsinnspill\n\nKommunen ber om at Sykehuset Innlandet HF beholder fødeavdelingen "
                     "på Lillehammer.\n\nSidan 2023 har kommunen hatt eit mobilt røntgenteam som køyrer ut til "
                     "sjukeheimane.\n\nKommunen kan ikkje tilrå ei felles nattvakt i radiologi frå Bergen.\n\n"
                     "Med vennlig hilsen") as store:
        out = ask(store, "Hva sier Fjellheim kommune om problemene med vaktordningen for jordmødre?")
        assert out["answers"] and _actors(out) == {"Fjellheim kommune"}
        assert "Sykehuset Innlandet HF" in _actors(ask(store, "Hvilke sykehus nevner Fjellheim kommune?"))
        asked = "Kva meiner Fjellheim kommune om at røntgenbilete om natta skal tolkast i Bergen?"
        first = ask(store, asked)["answers"][0]
        assert first["relation"] == "OPPOSES" and "nattvakt i radiologi" in first["evidence"][0]["quote"]


def test_a_view_question_naming_a_second_organisation_is_answered_by_the_first(tmp_path: Path) -> None:
    """"Hva mener Fjellheim kommune om å samle forskningsmidlene i Forskningsrådet?": the research council is part
    of what is asked about; when no statement of the municipality names it, the municipality's view still answers."""
    with _one_letter(tmp_path, "Høringsinnspill\n\nKommunen går imot å samle forskningsmidlene til "
                     "helseforetakene i ett nasjonalt program.\n\nMed vennlig hilsen") as store:
        out = ask(store, "Hva mener Fjellheim kommune om å samle forskningsmidlene i Forskningsrådet?")
        assert _actors(out) == {"Fjellheim kommune"}
        assert "samle forskningsmidlene" in out["answers"][0]["evidence"][0]["quote"]


def test_an_alias_that_is_another_actors_name_names_that_actor(tmp_path: Path) -> None:
    """A unit whose letter calls it "Vestheim fylkeskommune, Tannhelsetenesta" may keep its county's name as an
    alias; "Kva meiner Vestheim fylkeskommune om …" asks the county, whose own name that is."""
    with _letters(tmp_path, {
            "fylket": "Vestheim fylkeskommune\nPostboks 1\n9999 Vestheim\n\nFylkestinget går imot å samle "
                      "pasientreisekontora i eitt kontor.\n\nVestheim fylkeskommune\n",
            "tannhelse": "Tannhelsetenesta i Vestheim fylkeskommune\nPostboks 2\n9999 Vestheim\n\nTannhelsetenesta "
                         "ber om at tannpleiarar kjem til sjukeheimane.\n\nTannhelsetenesta i Vestheim "
                         "fylkeskommune\n"}) as store:
        unit = store.query("MATCH (a:Actor) WHERE a.name STARTS WITH 'Tannhelsetenesta' RETURN a.id AS id")[0]["id"]
        store.write("MATCH (a:Actor {id: $id}) SET a.aliases = ['Vestheim fylkeskommune']", {"id": unit})
        out = ask(store, "Kva meiner Vestheim fylkeskommune om pasientreisekontora?")
        assert out["interpretation"]["actor"] != unit and _actors(out) == {"Vestheim fylkeskommune"}


def test_an_organisation_the_question_does_not_ask_about_is_part_of_its_topic() -> None:
    """"Who is against merging the Nordhordland out-of-hours call centre …" asks who opposes; the out-of-hours
    service named is what is merged, so its words stay in what the statements must say."""
    it = parse("Who is against merging the Nordhordland out-of-hours call centre with the one in Bergen?",
               load_vocabulary(), (("x", "Nordhordland legevakt", ()),))
    assert it.intent == "who_opposes" and "Nordhordland" in (it.phrase or "")


def test_a_partner_in_a_senders_example_is_no_sender(tmp_path: Path) -> None:
    """"Hvor mange innsendere …" counts those who sent something in: the partners a municipality names in its own
    example say it with the municipality, and did not send anything; "hvor mange aktører" counts them too."""
    with _one_letter(tmp_path, "Høringsinnspill\n\nSiden 2021 har kommunen, sammen med Dalbygda kommune og Sykehuset "
                     "Innlandet HF, fulgt opp 50 pasienter med kols digitalt hjemme gjennom et nettbrett og en "
                     "sykepleier på sykehuset.\n\nMed vennlig hilsen") as store:
        senders = ask(store, "Hvor mange innsendere har erfaring med å følge opp pasienter med kols digitalt?")
        assert _actors(senders) == {"Fjellheim kommune"} and senders["interpretation"]["actors_counted"] == 1
        actors = ask(store, "Hvor mange aktører har erfaring med å følge opp pasienter med kols digitalt?")
        assert actors["interpretation"]["actors_counted"] == 3


def test_a_kind_after_a_kind_with_the_head_it_shares_and_councils_by_what_they_are() -> None:
    """"ideelle organisasjoner eller pasient- og pårørendeorganisasjoner": the second kind is asked for too, not left
    in the topic; "råd for ungdom, eldre …", "interkommunale råd", "høgskular" and "tillitsvalgte" are kinds."""
    vocab = load_vocabulary()
    it = parse("Hvilke ideelle organisasjoner eller pasient- og pårørendeorganisasjoner har foreslått tiltak for "
               "familier?", vocab)
    assert "patient/user organisation" in it.actor_types and "organisasjon" not in (it.topic or "")
    it = parse("Hvilke råd for ungdom, eldre eller personer med funksjonsnedsettelse har uttalt seg om psykisk "
               "helse?", vocab)
    assert it.actor_types == ["committee"] and it.theme == "psykisk-helse-rus" and not it.phrase
    assert "interkommunalt selskap" in parse("Kva for kommunar eller interkommunale råd har kome med forslag om "
                                             "pasientreiser?", vocab).actor_types
    it = parse("Kva universitet eller høgskular har kome med framlegg om forsking?", vocab)
    assert it.actor_types == ["education/research"] and it.theme == "forskning-innovasjon"
    assert "union" in parse("Hvilke fagforeninger eller tillitsvalgte har forslag om bemanning?", vocab).actor_types


def test_kinds_of_actor_in_nynorsk_after_the_senders_and_before_a_colon() -> None:
    """Kinds the table knows are read in nynorsk ("brukarorganisasjonar", "profesjonsforeiningar"), as a
    municipality's services ("kommunale tenester"), after "Hvilke av avsenderne er …", before
    "…: hvem av dem", and after an adjective said of them all ("regionale kunnskaps- eller kompetansesentre")."""
    vocab = load_vocabulary()
    it = parse("Kva pasient- eller brukarorganisasjonar ber om meir pengar til forsking?", vocab)
    assert it.actor_types == ["patient/user organisation"] and "brukar" not in (it.topic or "")
    it = parse("Kva for profesjonsforeiningar har føreslått tiltak for rekruttering?", vocab)
    assert it.actor_types == ["professional association"]
    assert parse("Hvilke brukerutvalg har kommet med forslag om medvirkning?", vocab).actor_types == ["committee"]
    it = parse("Kva for kommunar eller kommunale tenester har kome med forslag om jordmortenesta?", vocab)
    assert it.actor_types == ["kommune"] and "tenester" not in (it.topic or "")
    it = parse("Hvilke av avsenderne er fylkeskommuner eller kommunale råd og har kommet med forslag om forebygging "
               "og folkehelse?", vocab)
    assert set(it.actor_types) == {"fylkeskommune", "committee"} and it.theme == "folkehelse-forebygging"
    it = parse("Fagforeninger og universiteter: hvem av dem foreslår flere studieplasser?", vocab)
    assert {"union", "education/research"} <= set(it.actor_types)
    it = parse("Hvilke regionale kunnskaps- eller kompetansesentre har foreslått tiltak for psykisk helse?", vocab)
    assert it.actor_types == ["education/research"] and "regional" not in (it.topic or "")
    # "digitale løsninger" is the theme's field, not two words every quote must hold
    it = parse("Hvilke pårørendeorganisasjoner har uttalt seg om digitale løsninger?", vocab)
    assert it.theme == "digitalisering"
    # (an adjective that is one of the coordinated kinds is not passed over)
    assert "voluntary organisation" in parse("Kva frivillige eller ideelle organisasjonar har forslag om omsorg?",
                                             vocab).actor_types


def test_a_vocabulary_actor_by_one_capitalised_word_of_its_name() -> None:
    """"både Luftambulansetjenesten og …" names the trust Luftambulansetjenesten HF, "Legemiddelindustrien" the
    association "Legemiddelindustrien (LMI)"; the lower-case word is the service, and no actor."""
    vocab = load_vocabulary()
    known = (("luftambulansetjenesten-hf", "Luftambulansetjenesten HF", ()),
             ("legemiddelindustrien-lmi", "Legemiddelindustrien (LMI)", ("LMI",)),
             ("olv", "Overlegeforeningen ved Volda sjukehus", ()))
    it = parse("Hva ønsker både Luftambulansetjenesten og Overlegeforeningen i Volda for landingsplassene?", vocab,
               known)
    assert it.actors == ["luftambulansetjenesten-hf", "olv"]
    it = parse("Hva mener Legemiddelindustrien om kliniske studier?", vocab, known)
    assert it.actor == "legemiddelindustrien-lmi"
    it = parse("Hvem vil styrke luftambulansetjenesten?", vocab, known)
    assert not it.actor and not it.actors


def test_a_unit_named_before_its_organisation_is_the_unit() -> None:
    """"etikkomiteen i Vestre Fjord" is the graph's "Klinisk etikkomité ved Vestre Fjord HF", not the trust; "de
    tillitsvalgte ved Dalby sykehus" their own actor; "kommunene i Vestre Fjord" names no unit of it;
    "Overlegeforeningen i Dalby" is its branch there; "fastlegene i Dalby" the graph's "Fastlegane i Dalby kommune"."""
    vocab = load_vocabulary()
    known = (("hf", "Vestre Fjord HF", ("Vestre Fjord",)), ("etikk", "Klinisk etikkomité ved Vestre Fjord HF", ()),
             ("sh", "Dalby sykehus", ()), ("tv", "Tillitsvalgte og hovedverneombud ved Dalby sykehus", ()))
    assert parse("Hva mener etikkomiteen i Vestre Fjord om digital oppfølging?", vocab, known).actor == "etikk"
    assert parse("Hva mener de tillitsvalgte ved Dalby sykehus om lange vakter?", vocab, known).actor == "tv"
    assert parse("Hva mener kommunene i Vestre Fjord om digital oppfølging?", vocab, known).actor != "etikk"
    branch = (("overlegeforeningen", "Overlegeforeningen", ()), ("olv", "Overlegeforeningen ved Dalby sjukehus", ()))
    assert parse("Hva ønsker Overlegeforeningen i Dalby for helikopterplassen?", vocab, branch).actor == "olv"
    assert parse("Hva ønsker Overlegeforeningen for helikopterplassen?", vocab, branch).actor == "overlegeforeningen"
    placed = (("er", "Eldrerådet i Dalby kommune", ()), ("fl", "Fastlegane i Dalby kommune", ()))
    assert parse("Hva ønsker fastlegene i Dalby for jordmortjenesten?", vocab, placed).actor == "fl"
    assert parse("Hva ønsker eldrerådet på Dalby for legevakten?", vocab, placed).actor == "er"


def test_a_unit_of_a_county_speaks_for_it_a_clinic_of_a_trust_does_not(tmp_path: Path) -> None:
    """The dental service of a county (a faculty of a university, a unit of a municipality) writes as the county:
    asked what the county proposes, its letter answers, and its answer carries the county's name. A hospital's clinic
    mostly answers its own trust's draft: the trust is another voice and not one of the clinic's names."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "innspill.txt").write_text(
        "Fjellheim fylkeskommune\nTannhelsetenesta\nPostboks 1, 9999 Fjellheim\n\nHøyringsinnspel\n\n"
        "Tannhelsetenesta meiner at det bør opprettast ei mobil tannklinikk som besøkjer øysamfunna.\n\n"
        "Med helsing\nTannhelsetenesta i Fjellheim fylkeskommune\n", "utf-8")
    with EmbeddedStore(tmp_path / "g") as store:
        ingest(store, [folder])
        out = ask(store, "Hva foreslår Fjellheim fylkeskommune?")
        assert _actors(out) == {"Tannhelsetenesta i Fjellheim fylkeskommune"}
        assert "Fjellheim fylkeskommune" in out["answers"][0]["actor"]["aliases"]
    resolver = ActorResolver(load_vocabulary())
    clinic = resolver.resolve("Medisinsk klinikk, Sykehuset Fjellheim HF")
    assert "Medisinsk klinikk" in resolver.actors[clinic].aliases
    assert "Sykehuset Fjellheim HF" not in resolver.actors[clinic].aliases


def test_a_kind_of_actor_on_a_field_named_by_a_measure_is_answered_from_its_theme(tmp_path: Path) -> None:
    """"Hvilke kommuner har uttalt seg om jordmortjenesten?" when the municipality wrote of combined posts for
    midwives: no statement is about the municipal midwife service, but one is on its theme (pregnancy and birth),
    and the note says that is how it was answered."""
    with _one_letter(tmp_path, "Høringsinnspill\n\nKommunen ber om at sykehuset og kommunene oppretter kombinerte "
                     "stillinger for jordmødre.\n\nMed vennlig hilsen") as store:
        out = ask(store, "Hvilke kommuner har uttalt seg om jordmortjenesten?")
        assert _actors(out) == {"Fjellheim kommune"}
        assert "theme" in out["interpretation"]["note"]


def test_an_answer_shows_its_speakers_next_nearest_statements_after_its_quote(tmp_path: Path) -> None:
    """The sentence beside the answer, which says part of the question in other words ("gravide med lang reisevei
    … jordmor med seg i bilen" for "følgetjenesten for gravide med lang reisevei"), is shown after the quote that
    answers; a statement of the speaker that shares nothing with the question is not."""
    body = ("Høringsinnspill\n\nKommunen ber om at følgetjenesten for gravide blir videreført.\n\n"
            "Kommunen vil at gravide med lang reisevei skal ha en jordmor med seg i bilen til fødeavdelingen.\n\n"
            "Kommunen ber om at jordmortjenesten får flere stillinger for å følge gravide på lange reiser.\n\n"
            "Kommunen ber om en ny legevaktsentral i sentrum.\n\nMed vennlig hilsen")
    with _one_letter(tmp_path, body) as store:
        out = ask(store, "Hvem vil videreføre følgetjenesten for gravide med lang reisevei?")
        assert _actors(out) == {"Fjellheim kommune"}
        quotes = [e["quote"] for e in out["answers"][0]["evidence"]]
        assert quotes[0].startswith("Kommunen ber om at følgetjenesten")
        assert any("jordmor med seg i bilen" in q for q in quotes[1:])
        assert not any("legevaktsentral" in q for q in quotes)


def test_both_actors_answer_in_their_own_words_and_one_that_says_nothing_is_named(tmp_path: Path) -> None:
    """"Hva vil både A og B med følgetjenesten for gravide?" when B writes of a midwife who follows pregnant women,
    not of the escort service by name: each answers with its statements nearest the question; a third that says
    nothing of it is named in the note, and the others still answer."""
    letters = {"fjellheim": "Fjellheim kommune\n\nHøringsinnspill\n\nKommunen ber om at følgetjenesten for gravide "
                            "blir videreført.\n\nFjellheim kommune\n",
               "dalbygda": "Dalbygda kommune\n\nHøringsinnspill\n\nDalbygda kommune vil at gravide med lang reisevei "
                           "skal ha en jordmor med seg i bilen til fødeavdelingen.\n\nDalbygda kommune\n",
               "nordvik": "Nordvik kommune\n\nHøringsinnspill\n\nNordvik kommune ber om en ny legevaktsentral.\n\n"
                          "Nordvik kommune\n"}
    with _letters(tmp_path, letters) as store:
        out = ask(store, "Hva vil både Fjellheim kommune og Dalbygda kommune med følgetjenesten for gravide?")
        assert _actors(out) == {"Fjellheim kommune", "Dalbygda kommune"}
        out = ask(store, "Hva vil både Fjellheim kommune og Nordvik kommune med følgetjenesten for gravide?")
        assert _actors(out) == {"Fjellheim kommune"} and "Nordvik kommune" in out["interpretation"]["note"]


def test_both_answers_with_the_statement_nearest_the_question_when_one_says_it_only_in_part(tmp_path: Path) -> None:
    """"Hva ønsker både A og B når det gjelder pasientreiser?" when B writes of "reisa" and "pasienten" apart: B's
    statement that holds part of the word answers (not its other proposal); the last resort on its own picks that
    statement, and nothing for words none of B's statements holds."""
    from graph.ask import _nearest_of

    letters = {"fjellheim": "Fjellheim kommune\n\nHøringsinnspill\n\nPasientreiser må dekke reisen for ledsager til "
                            "behandling i byen.\n\nFjellheim kommune\n",
               "dalbygda": "Dalbygda kommune\n\nHøyringsinnspel\n\nLedsagar må få dekt reisa utan krav om "
                           "legeerklæring når pasienten er over 80 år.\n\nVi ber om ei ny ferjekai i Dalbygda.\n\n"
                           "Dalbygda kommune\n"}
    with _letters(tmp_path, letters) as store:
        question = "Hva ønsker både Fjellheim kommune og Dalbygda kommune når det gjelder pasientreiser?"
        out = ask(store, question)
        assert _actors(out) == {"Fjellheim kommune", "Dalbygda kommune"}
        quotes = [e["quote"] for a in out["answers"] for e in a["evidence"]]
        assert any("legeerklæring" in q for q in quotes) and not any("ferjekai" in q for q in quotes)
        # the last resort on its own: the one statement that holds anything of the words, none when none does
        it = parse(question, load_vocabulary(), ())
        dalbygda = store.query("MATCH (a:Actor {name: 'Dalbygda kommune'}) RETURN a.id AS id")[0]["id"]
        (found,) = _nearest_of(store, replace(it, topic="pasientreiser"), dalbygda, None)
        assert "legeerklæring" in found["evidence"][0]["quote"] and found["relation"] == "PROPOSES"
        assert not _nearest_of(store, replace(it, topic="tannhelse"), dalbygda, None)


def test_the_scopes_statement_nearest_the_question_answers_unless_it_wishes_the_opposite(tmp_path: Path) -> None:
    """Among the statements of the asked stance in the question's documents, the one that holds most of its words
    (weighed by rarity there) answers too, in its own words; not a wish that the change not happen ("ikke legges
    ned" for "who proposes closing"), nor one that does not say the place asked about."""
    from graph.ask import _nearest_in_scope

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "fjellheim.txt").write_text("Fjellheim kommune\n\nHøringsinnspill\n\nKommunen ber om at fødestua i "
                                          "Dalby ikke legges ned.\n\nFjellheim kommune\n", "utf-8")
    (folder / "dalbygda.txt").write_text("Dalbygda kommune\n\nHøringsinnspill\n\nDalbygda kommune ber om at syke "
                                         "barn kan få behandling fra sykehuset hjemme hos familien.\n\nDalbygda "
                                         "kommune\n", "utf-8")
    store = EmbeddedStore(tmp_path / "g")
    vocab = load_vocabulary()
    scope = ["fjellheim.txt", "dalbygda.txt"]
    try:
        ingest(store, [folder])

        def added(question: str) -> set[str]:
            answers: list[dict] = []
            _nearest_in_scope(store, parse(question, vocab), scope, answers)
            return {a["actor"]["name"] for a in answers}

        assert added("Hvem vil at syke barn får behandling fra sykehuset hjemme hos familien?") == {"Dalbygda kommune"}
        assert added("Hvem vil at syke barn får behandling fra sykehuset hjemme i Fjordvik?") == set()  # (the place)
        assert added("Hvem foreslår å legge ned fødestua i Dalby?") == set()
    finally:
        store.close()


def test_the_scopes_nearest_statement_answers_with_somewhat_less_of_a_longer_question(tmp_path: Path) -> None:
    """A question of three words or more that its nearest statement in the scope holds only in part (the
    helsestasjon, the school and the vaccines, not "digital oversikt": a paraphrase) is answered by it, when it also
    holds a fair part of the words as the whole graph weighs them; not by the nearest when the question's point
    ("tannhelsen") is in none of it."""
    from graph.ask import _nearest_in_scope

    letters = {"fjellheim": "Kommunen ber om at helsestasjonen og skolen får en felles elektronisk kalender for "
                            "vaksinering.",
               "dalbygda": "Dalbygda kommune ber om flere plasser i barnehagen. Vi vil ha digital timebestilling hos "
                           "fastlegen. Kommunen ber om gratis parkering ved sykehuset. Vi foreslår at fastlegene får "
                           "mer tid til eldre pasienter.",
               "elvestad": "Elvestad kommune ber om at skolen får en ny gymsal. Kommunen vil ha flere sykepleiere i "
                           "hjemmetjenesten. Kommunen ber om bedre oversikt over ventelistene. Kommunen foreslår et "
                           "nytt kulturhus.",
               "nordvik": "Nordvik kommune ber om flere turnusleger. Vi vil ha bedre veier til sykehuset. Kommunen ber "
                          "om at tannlegen kommer hver uke. Vi foreslår at apoteket holder åpent lenger."}
    vocab = load_vocabulary()
    texts = {name: f"{name.title()} kommune\n\nHøringsinnspill\n\n{said}\n\n{name.title()} kommune\n"
             for name, said in letters.items()}
    with _letters(tmp_path, texts) as store:

        def added(question: str) -> set[str]:
            answers: list[dict] = []
            _nearest_in_scope(store, parse(question, vocab), [f"{n}.txt" for n in letters], answers)
            return {a["actor"]["name"] for a in answers}

        assert added("Hvem vil at helsestasjonen og skolen skal ha en digital oversikt over vaksinene?") == {
            "Fjellheim kommune"}
        assert added("Hvem vil at helsestasjonen og skolen skal ha en digital oversikt over tannhelsen?") == set()


def test_a_count_in_scope_counts_every_statement_near_its_words_not_only_the_nearest(tmp_path: Path) -> None:
    """"Hvor mange …" asks for all the scope's speakers: each statement of the asked stance that holds most of the
    question's words (in its own words, no measure linking them) is counted, where "Hvem …" adds the nearest
    one only; one that does not say it, or only part of the question's rarest word ("ordningen" for
    "akutthjelperordningen"), is not counted."""
    from graph.ask import _nearest_in_scope

    folder = tmp_path / "docs"
    folder.mkdir()
    letters = {"fjellheim": "Kommunen vil at syke barn skal få behandling fra sykehuset hjemme hos familien.",
               "dalbygda": "Dalbygda kommune ber om at syke barn får behandling fra sykehuset i sitt eget hjem.",
               "elvestad": "Elvestad kommune ber om flere plasser i barnehagen.",
               "nordvik": "Nordvik kommune støtter at akutthjelperordningen styrkes i hele fylket.",
               "sørvik": "Sørvik kommune støtter å styrke akutthjelperordningen.",
               "austvik": "Austvik kommune støtter å styrke ordningen med frivillige sjåfører."}
    for name, said in letters.items():
        (folder / f"{name}.txt").write_text(f"{name.title()} kommune\n\nHøringsinnspill\n\n{said}\n\n"
                                            f"{name.title()} kommune\n", "utf-8")
    store = EmbeddedStore(tmp_path / "g")
    vocab = load_vocabulary()
    try:
        ingest(store, [folder])

        def added(question: str, measures: list[str] | None = None, discovered: bool = False) -> set[str]:
            answers: list[dict] = []
            it = parse(question, vocab)
            if measures:  # as if answered through these measures (the vocabulary's, or discovered ones)
                it.measures, it.discovered = measures, measures if discovered else []
            _nearest_in_scope(store, it, [f"{n}.txt" for n in letters], answers)
            return {a["actor"]["name"] for a in answers}

        assert added("Hvor mange vil at syke barn får behandling fra sykehuset hjemme?") == {
            "Fjellheim kommune", "Dalbygda kommune"}
        assert len(added("Hvem vil at syke barn får behandling fra sykehuset hjemme?")) == 1
        assert added("Hvor mange aktører støtter å styrke eller forskriftsfeste akutthjelperordningen?") == {
            "Nordvik kommune", "Sørvik kommune"}
        # a count answered through a measure discovered in the documents counts them all too (discovery links
        # only the statements its key finds); one answered through the vocabulary's measure adds the nearest only
        question = "Hvor mange vil at syke barn får behandling fra sykehuset hjemme?"
        assert added(question, ["m-barn-behandling-hjem"], discovered=True) == {"Fjellheim kommune",
                                                                                 "Dalbygda kommune"}
        assert len(added(question, ["hjemmesykehus"])) == 1
    finally:
        store.close()


def test_a_speakers_statements_are_ranked_by_the_words_rare_among_its_own(tmp_path: Path) -> None:
    """A private rehabilitation centre says "private rehabiliteringsinstitusjoner" in most of what it writes: asked
    who wants five-year contracts, its evidence shows its sentence on five-year contracts, though the question's
    other words are rarer in the graph as a whole."""
    centre = ("Senteret ber om at private rehabiliteringsinstitusjoner får lik tilgang til helseforetakenes "
              "journalsystem.\n\nSenteret ber om at private rehabiliteringsinstitusjoner får delta i "
              "helsefellesskapets faglige nettverk.\n\nSenteret ber om et felles kvalitetsregister der private "
              "rehabiliteringsinstitusjoner og helseforetakene rapporterer.\n\nSenteret ber om at avtalene får en "
              "varighet på minst fem år.")
    municipality = ("Kommunen ber om at avtalene med fastlegene fornyes hvert femte år.\n\nKommunen ber om fem nye "
                    "avtaler om legevakt.\n\nKommunen ber om at avtalene om jordmor gjelder i fem år.")
    with _letters(tmp_path, {"a": _innspill("Fjellheim rehabiliteringssenter", centre),
                             "b": _innspill("Dalbygda kommune", municipality)}) as store:
        out = ask(store, "Hvem vil at avtalene mellom helseforetakene og private rehabiliteringsinstitusjoner skal "
                         "vare i minst fem år?")
        quotes = [e["quote"] for a in out["answers"] if a["actor"]["name"] == "Fjellheim rehabiliteringssenter"
                  for e in a["evidence"]]
        assert any("minst fem år" in q for q in quotes), quotes


def test_no_answer_about_a_known_measure_says_what_was_looked_for(tmp_path: Path) -> None:
    """An empty answer is not left unexplained: the measure was understood, and no statement of the stance asked
    for is about it (here everyone supports it, so nobody opposes it)."""
    with _one_letter(tmp_path, "Høringsinnspill\n\nKommunen ber om digital hjemmeoppfølging for alle med kols.\n\n"
                     "Med vennlig hilsen") as store:
        assert _actors(ask(store, "Hvem foreslår digital hjemmeoppfølging?")) == {"Fjellheim kommune"}
        out = ask(store, "Hvem går imot digital hjemmeoppfølging?")
        assert not out["answers"]
        assert "no statement opposes" in out["interpretation"]["note"]
        assert "igital hjemmeoppfølging" in out["interpretation"]["note"]


def test_no_answer_from_a_kind_of_actor_or_an_actor_says_what_was_looked_for(tmp_path: Path) -> None:
    """Nothing from the kind of actor asked for, or from the actor named: the note says which statements were
    looked for, so an empty answer is not taken for a question the tool did not understand."""
    with _one_letter(tmp_path, "Høringsinnspill\n\nKommunen ber om digital hjemmeoppfølging for alle med kols.\n\n"
                     "Med vennlig hilsen") as store:
        out = ask(store, "Hvilke fagforeninger har kommet med forslag om digital hjemmeoppfølging?")
        assert not out["answers"]
        note = out["interpretation"]["note"]
        assert "no statement of an actor of the kind asked" in note and "igital hjemmeoppfølging" in note, note
        out = ask(store, "Does Fjellheim municipality oppose digital home follow-up?")
        assert not out["answers"]
        assert "no statement of Fjellheim kommune opposes" in out["interpretation"]["note"], out["interpretation"]


def test_a_wish_that_a_change_not_happen_does_not_answer_who_proposes_it(tmp_path: Path) -> None:
    """"Hvem foreslår å legge ned fødestua?" is not answered by "fødestua må ikke legges ned" (and the note says
    why); the same sender's wish to close something else still answers a question about that."""
    with _one_letter(tmp_path, "Høringsinnspill\n\nKommunen ber om at fødestua i Dalby ikke legges ned.\n\n"
                     "Kommunen ber om at den gamle legevakten i Dalby legges ned når den nye står ferdig.\n\n"
                     "Med vennlig hilsen") as store:
        out = ask(store, "Hvem foreslår å legge ned fødestua i Dalby?")
        assert not out["answers"] and "not" in out["interpretation"]["note"]
        assert _actors(ask(store, "Hvem foreslår å legge ned den gamle legevakten i Dalby?")) == {"Fjellheim kommune"}


def test_one_part_of_a_compound_counts_for_part_of_it_among_the_scopes_statements(tmp_path: Path) -> None:
    """"videokonsultasjon" is said "video" in the statement that answers: among the few statements of a question's
    documents that counts for part of the word (each part alone: half), so the statement still comes nearest."""
    from graph.ask import _nearest_in_scope
    from graph.phrase import Phrase

    whole = ("videokonsultasjo",)
    phrase = Phrase("videokonsultasjon", [(whole, 1.0)], parts={whole: ("video", "konsultasjo")})
    assert phrase.held(whole, "videokonsultasjoner på kontoret") == 1.0
    assert phrase.held(whole, "vi går imot at video blir hovedregelen") == 0.5
    assert phrase.held(whole, "flere konsultasjoner på kontoret") == 0.5
    assert phrase.held(whole, "fysisk oppmøte") == 0.0
    # (and across the graph: either part earns what the head said in another compound earns)
    weighed = Phrase("videokonsultasjon psykose", [(whole, 1.0), (("psykos",), 1.0)], parts=phrase.parts,
                     head_weight={whole: 0.5})
    assert weighed.coverage("Video for pasienter med psykose.") == 0.75
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "fjellheim.txt").write_text("Fjellheim kommune\n\nHøringsinnspill\n\nKommunen går imot at video blir "
                                          "hovedregelen for pasienter med psykose.\n\nKommunen går imot at "
                                          "legevakten flyttes.\n\nFjellheim kommune\n", "utf-8")
    (folder / "dalbygda.txt").write_text("Dalbygda kommune\n\nHøringsinnspill\n\nDalbygda kommune vil ha flere "
                                         "videokonsultasjoner og færre konsultasjoner på kontoret.\n\nDalbygda "
                                         "kommune\n", "utf-8")
    store = EmbeddedStore(tmp_path / "g")
    try:
        ingest(store, [folder])
        answers: list[dict] = []
        _nearest_in_scope(store, parse("Hvem er imot videokonsultasjon ved psykose?", load_vocabulary()),
                          ["fjellheim.txt", "dalbygda.txt"], answers)
        assert [a["actor"]["name"] for a in answers] == ["Fjellheim kommune"]
        assert "video" in answers[0]["evidence"][0]["quote"]
    finally:
        store.close()


def test_a_word_takes_the_synonyms_of_the_longest_entry_it_starts_with() -> None:
    """"distriktspsykiatrisk" is DPS, not the "distrikt" whose synonyms are bygd and utkant; "distriktet" is."""
    from graph.phrase import _synonyms, stem

    assert "dps" in _synonyms(stem("distriktspsykiatriske"))
    assert "bygd" not in _synonyms(stem("distriktspsykiatriske"))
    assert "bygd" in _synonyms(stem("distriktet")) and "dps" not in _synonyms(stem("distriktet"))


def test_a_word_the_stemmer_cuts_into_its_entry_still_takes_its_synonyms() -> None:
    """"overta" stems to "overt", shorter than the entry "overta": the split verb "tar over" still says it;
    "avvikle" stems to "avvik" (an adverse event) yet is a closing ("legge ned"); "ungdom" is "tenåring"."""
    from graph.phrase import alternatives

    def alts(word: str) -> tuple[str, ...]:
        return alternatives(word, english=False)[0][0]

    assert "tar over" in alts("overta") and "tek over" in alts("overtar")
    assert "legge ned" in alts("avvikle") and "hendelse" not in alts("avvikle")
    assert "tenåring" in alts("ungdom")


@pytest.mark.parametrize("question", ["Hvor mange av de åtte innsenderne foreslår kombinerte stillinger?",
                                      "How many of the 12 submitters propose combined positions?"])
def test_the_number_of_senders_asked_about_is_no_topic_word(question: str) -> None:
    """"av de åtte innsenderne" says how many documents are asked about, not what their quotes must say."""
    it = parse(question, load_vocabulary())
    assert it.measures == ["kombinerte-stillinger"] and it.count
    assert not re.search(r"\b(åtte|12)\b", f"{it.phrase} {it.specifics} {it.wording}")


def test_over_before_an_amount_of_time_is_no_take_over() -> None:
    """"reisa tek over to timar" (the journey takes more than two hours) does not say "ta over" (take over);
    "kommunen tek over ansvaret" does."""
    from graph.phrase import Phrase

    take_over = ("overta", "tek over", "tar over")
    phrase = Phrase("overta", [(take_over, 1.0)])
    assert phrase.held(take_over, "reisa til fødeavdelinga tek over to timar") == 0.0
    assert phrase.held(take_over, "det tar over 30 minutter å kjøre") == 0.0
    assert phrase.held(take_over, "kommunen tek over ansvaret") == 1.0


def test_a_compound_part_that_only_starts_a_change_is_no_change() -> None:
    """"sentral" (of "nødsentralen", split when no statement uses the compound) only starts "sentralisering": no kind
    of change the answer must say; "sentralisering" and "nedleggelse" are."""
    from graph.phrase import alternatives, is_change

    assert not is_change(("sentral",), translated=False)
    assert is_change(alternatives("sentralisering", english=False)[0][0], translated=False)
    assert is_change(alternatives("nedleggelse", english=False)[0][0], translated=False)


def test_everyday_english_words_translate_to_the_terms_of_the_documents() -> None:
    """"video being the default choice" is "førstevalg" (nynorsk "fyrsteval"), not the free choice of hospital that
    "choice" alone gives; older people who "drink" too much have "alkoholproblemer"; "energy drinks" are
    "energidrikk", not any drink."""
    from graph.phrase import alternatives

    _, (default, _) = alternatives("video default choice", english=True)
    assert {"førstevalg", "fyrsteval"} <= set(default) and "valgfrih" not in default
    (drink, _), = alternatives("drink", english=True)
    assert "alkohol" in drink
    (energy, _), = alternatives("energy drinks", english=True)
    assert energy == ("energidrikk",)
    (since, _), = alternatives("since", english=True)
    assert "siden" in since
    (shifts, _), = alternatives("longer shifts", english=True)
    assert "langvakt" in shifts
    (psychiatry, _), = alternatives("child and adolescent psychiatry", english=True)
    assert "bup" in psychiatry


def test_an_english_words_compound_translation_is_also_found_with_its_parts_apart(tmp_path: Path) -> None:
    """"rehabilitation beds" is "rehabiliteringsplass", which a letter may say as "døgnplassane for rehabilitering";
    its head alone ("plassar" for something else) is no part of it."""
    from graph.phrase import Phrase

    with _letters(tmp_path, {
            "a": _innspill("Fjellby kommune", "Kommunen vil ha fleire rehabiliteringsplassar i Dalby."),
            "b": _innspill("Dalby kommune", "Vi går imot at døgnplassane for rehabilitering i Fjellby vert lagde ned."),
            "c": _innspill("Nesvik kommune", "Kommunen ønskjer fleire plassar i barnehagen og meir rehabilitering "
                                             "heime.")}) as store:
        phrase = Phrase.weigh(store, "rehabilitation beds Fjellby", english=True)
        assert phrase.coverage("Vi går imot at døgnplassane for rehabilitering i Fjellby vert lagde ned.") == 1.0
        assert phrase.coverage("Fleire plassar i barnehagen.") == 0.0


def test_what_has_been_running_since_a_year_is_a_practice_since_then() -> None:
    """"running since 2022" asks for the sender's own practice, said "siden 2022"; "running" is no word the quote
    must hold."""
    it = parse("How many of the submitters report a measure that has been running since 2022?", load_vocabulary())
    assert it.relations == ["REPORTS_AS_EXAMPLE"] and "running" not in (it.phrase or "")


def test_a_four_word_english_name_and_pay_as_financing() -> None:
    """"community mental health centres" is DPS (four words the glossary knows as one, not "community mental
    health" and "centres"); "pay" in a wish is also said "finansiere"."""
    from graph.phrase import alternatives

    assert any("dps" in alts for alts, _ in alternatives("merging the community mental health centres", True))
    assert any("finansier" in alts for alts, _ in alternatives("the state should pay for psychologists", True))


def test_a_price_said_inside_a_compound_is_a_price() -> None:
    """"Who is against patients having to pay for parking" is answered by "innføre parkeringsavgift": a fee named in a
    compound speaks of a price as "avgift" alone does; so does the patient's own payment ("eigenbetaling")."""
    from graph.ask.parse import templates

    price = re.compile(templates()["must_say"], re.IGNORECASE)
    assert price.search("Eldrerådet er usamd i at det skal innførast parkeringsavgift for pasientar")
    assert price.search("Brukaravgifta bør fjernast") and not price.search("Parkeringsplassen bør utvidast")
    assert price.search("Who proposes a user charge for video consultations?")
    assert price.search("Eigenbetaling for digitalt tilsyn vil ramme dei eldre") and price.search("brukerbetalingen")
    assert not price.search("Who wants a pay supplement for health workers with vocational training?")


def test_a_price_asked_of_is_answered_by_a_price_of_the_same_kind(tmp_path: Path) -> None:
    """Who proposes that patients pay a co-payment for X is not answered by who wants X free of charge, nor by a fee
    that is no co-payment (a parking fee); who wants X free, or patients to pay for parking, is."""
    letters = {"fjellheim": "Fjellheim kommune\n\nKommunen foreslår at digital hjemmeoppfølging skal være gratis for "
                            "pasientene.\n\nFjellheim kommune\n",
               "dalbygda": "Dalbygda kommune\n\nKommunen foreslår å innføre en avgift for parkering ved "
                           "legekontoret.\n\nDalbygda kommune\n"}
    with _letters(tmp_path, letters) as store:
        assert _actors(ask(store, "Hvem foreslår at pasientene skal betale egenandel for digital "
                                  "hjemmeoppfølging?")) == set()
        assert _actors(ask(store, "Hvem foreslår gratis digital hjemmeoppfølging?")) == {"Fjellheim kommune"}
        assert _actors(ask(store, "Hvem foreslår å innføre egenandel ved legekontoret?")) == set()
        assert _actors(ask(store, "Hvem foreslår at pasientene skal betale for parkering ved legekontoret?")) \
            == {"Dalbygda kommune"}


def test_an_opposition_speaks_of_a_price_in_the_sentence_it_points_back_to(tmp_path: Path) -> None:
    """"Dette går vi sterkt imot." after the proposal to raise the co-payment opposes the co-payment: the price the
    question names may be said in the sentence the opposition points back to."""
    with _one_letter(tmp_path, "Høringssvar\n\nDepartementet foreslår at egenandelen for fysioterapi økes med 30 "
                     "prosent fra 2027. Dette går vi sterkt imot.\n\nMed vennlig hilsen") as store:
        out = ask(store, "Hvem er imot at egenandelen for fysioterapi økes?")
        assert _actors(out) == {"Fjellheim kommune"}
        assert any("sterkt imot" in e["quote"] for a in out["answers"] for e in a["evidence"])


def test_an_opposition_may_name_the_place_in_the_sentence_it_points_back_to(tmp_path: Path) -> None:
    """"Dette kan kommunestyret ikkje akseptere." after the plan that only the health trust run hospital at home in
    Dalbygda opposes that plan for Dalbygda: the place the question names may be said in the sentence the opposition
    points back to (and an opposition to the plan for another place is still no answer)."""
    letters = {"fjellheim": "Fjellheim kommune\n\nUtkastet gjer framlegg om at berre helseføretaket skal drive "
                            "heimesjukehus i Dalbygda. Dette kan kommunestyret ikkje akseptere.\n\nFjellheim kommune\n",
               "dalbygda": "Dalbygda kommune\n\nKommunen går imot at berre helseføretaket skal drive heimesjukehus i "
                           "Dalbygda.\n\nDalbygda kommune\n",
               "sordal": "Sørdal kommune\n\nKommunen går imot at berre helseføretaket skal drive heimesjukehus i "
                         "Sørdal.\n\nSørdal kommune\n"}
    with _letters(tmp_path, letters) as store:
        assert _actors(ask(store, "Hvem er imot at bare helseforetaket skal drive hjemmesykehus i Dalbygda?")) \
            == {"Fjellheim kommune", "Dalbygda kommune"}


def test_no_name_is_read_across_what_the_question_glosses_in_brackets() -> None:
    """"assertive outreach (FACT) teams": the bracket is the asker's gloss of the FACT alias before it, and once it is
    blanked the words around it are not ACT's "assertive outreach teams"; written without the bracket they are."""
    vocab = load_vocabulary()
    assert parse("Who wants assertive outreach (FACT) teams?", vocab, ()).measures == ["fact"]
    assert parse("Who wants assertive outreach teams?", vocab, ()).measures == ["act-team"]


def test_two_modifiers_of_one_head_each_name_a_measure_with_it() -> None:
    """"oppsøkende eller ambulante behandlingsteam" is "oppsøkende behandlingsteam" (a name of ambulante team) or
    "ambulante behandlingsteam"; a first word that is a thing of its own (a group: "midwifery or maternity
    services") is not read with the head."""
    vocab = load_vocabulary()
    it = parse("Hvem ønsker oppsøkende eller ambulante behandlingsteam innen psykisk helse?", vocab)
    assert it.measures == ["ambulante-team"]
    assert "jordmortjeneste-i-kommunene" not in parse(
        "Which municipalities have proposals on midwifery or maternity services?", vocab).measures


def test_posts_shared_between_places_describe_combined_posts_and_both_keeps_its_two(tmp_path: Path) -> None:
    """"stillinger som deles mellom sykehus og kommune" names kombinerte stillinger (an alias, as "posts shared
    between" is in English); asked what two organisations both want on it, the measure's other backers are no
    answer."""
    folder = tmp_path / "docs"
    folder.mkdir()
    letters = {"fjellheim": "Fjellheim kommune ber om kombinerte stillinger for sykepleiere mellom sykehuset og "
                            "kommunen.",
               "dalbygda": "Dalbygda kommune vil ha flere delte stillinger for jordmødre mellom sykehuset og "
                           "kommunen.",
               "nordvik": "Nordvik kommune ber om kombinerte stillinger for leger mellom sykehuset og kommunen."}
    for name, body in letters.items():
        kommune = body.split(" kommune")[0] + " kommune"
        (folder / f"{name}.txt").write_text(f"{kommune}\n\nHøringsinnspill\n\n{body}\n\n{kommune}\n", "utf-8")
    store = EmbeddedStore(tmp_path / "g")
    try:
        ingest(store, [folder])
        question = ("Hva ønsker både Fjellheim kommune og Dalbygda kommune for stillinger som deles mellom sykehus "
                    "og kommune?")
        assert parse(question, load_vocabulary()).measures == ["kombinerte-stillinger"]
        assert _actors(ask(store, question)) == {"Fjellheim kommune", "Dalbygda kommune"}
    finally:
        store.close()


def test_a_public_body_that_pays_is_funding_not_a_price(tmp_path: Path) -> None:
    """"Who asks the state to pay for X?" is answered by who asks for state funding of X; a price the patients pay
    is still a price the evidence must speak of."""
    body = "Høringsinnspill\n\nKommunen ber om at staten finansierer flere studieplasser for jordmødre.\n"
    with _one_letter(tmp_path, body) as store:
        assert _actors(ask(store, "Who asks the state to pay for more study places for midwives?")) == {
            "Fjellheim kommune"}
        assert _actors(ask(store, "Hvem ber om at staten skal betale for flere studieplasser for jordmødre?")) == {
            "Fjellheim kommune"}
        assert not ask(store, "Who wants students to pay for study places for midwives?")["answers"]


def test_a_verb_or_adjective_the_glossary_knows_is_no_qualifier_of_an_english_name() -> None:
    """"only accept remote monitoring", "publicly accessible defibrillators", "propose or promise job shadowing":
    words the glossary translates do not make the measure another one."""
    vocab = load_vocabulary()
    for question, measure in (
            ("Who will only accept remote monitoring of the chronically ill as a standard service?",
             "digital-hjemmeoppfolging"),
            ("Who wants all publicly accessible defibrillators registered?", "hjertestartere-og-forstehjelp"),
            ("How many of the senders propose or promise job shadowing (hospitering)?", "hospitering")):
        it = parse(question, vocab)
        assert it.measures == [measure] and not it.unrecognised


def test_a_kind_of_actor_known_only_by_its_names_keeps_that_kind(tmp_path: Path) -> None:
    """"Hvilke legeforeninger …" names a kind by words of its members' names (questions.yaml: no type of its own):
    it is asked who of that kind spoke, and a municipality that says the same is no answer."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for file, sender in (("lege.txt", "Fjordvik legeforening"), ("kommune.txt", "Fjellheim kommune")):
        (folder / file).write_text(f"{sender}\n\nHøringsinnspill\n\n{sender} foreslår at det etableres ambulante "
                                   f"akutteam i psykisk helsevern ved alle distriktspsykiatriske sentre.\n\n{sender}\n",
                                   "utf-8")
    store = EmbeddedStore(tmp_path / "g")
    try:
        ingest(store, [folder])
        out = ask(store, "Hvilke legeforeninger har kommet med forslag om psykisk helsevern?")
        assert out["interpretation"]["intent"] != "measures_by_theme"
        assert _actors(out) == {"Fjordvik legeforening"}
        # (in English the kind's words are also the Norwegian Medical Association's name, in the plural)
        en = ask(store, "Which medical associations have made proposals on mental health care?")["interpretation"]
        assert "actor" not in en and en["actor_names"]
    finally:
        store.close()


def test_a_theme_answers_evidence_shows_what_is_said_on_it_first(tmp_path: Path) -> None:
    """"Hvilke kommuner har uttalt seg om psykisk helse?": every quote of the answer concerns the theme, a signature
    under its heading too; what the sender proposes on it comes before that."""
    with _one_letter(tmp_path, "Psykisk helse\n\nKari Nordmann, fagdirektør i psykisk helse og rus\n\nKommunen "
                     "foreslår at det etableres et lavterskeltilbud i psykisk helse for unge.\n") as store:
        out = ask(store, "Hvilke kommuner har uttalt seg om psykisk helse?")
        evidence = [e for a in out["answers"] if a["actor"]["name"] == "Fjellheim kommune" for e in a["evidence"]]
        assert len(evidence) >= 2 and evidence[0]["kind"] == "proposal", evidence


def test_a_narrower_measure_nobody_asked_about_backs_leaves_the_question_its_own(graph: EmbeddedStore) -> None:
    """A narrower measure whose name holds the question's further words is someone else's ("ambulant geriatrisk
    team med base i Nordfjordeid" for "… for Nordfjord"): when nobody in the documents asked about backs it, the
    question's own measure answers, but only through statements that also say what the question adds."""
    first = [f"g35{i}_{n}.txt" for i, n in enumerate(
        ["sykehusapotekene-i-midt-norge-hf", "styret-i-helse-midt-norge-rhf", "nordfjord-psykiatrisenter",
         "fagforbundet-nordlandssykehuset", "hernes-institutt", "nakos", "ungdomsradet-sorlandet-sykehus",
         "helsefellesskapet-i-bergensomradet"], start=1)]
    out = ask(graph, "Hvem vil ha et oppsøkende behandlingsteam etter FACT-modellen for Nordfjord?", documents=first)
    assert _actors(out) == {"Nordfjord psykiatrisenter"}
    assert any("Nordfjord" in e["quote"] for a in out["answers"] for e in a["evidence"])
    # (no FACT ung team is proposed for Vest-Telemark in these letters: FACT's backers elsewhere are no answer)
    second = [f"g68{i}_{n}.txt" for i, n in enumerate(
        ["senja-kommune", "tvedestrand-kommune", "ryggforeningen-i-norge", "norsk-fysioterapeutforbund-vestland",
         "nidaros-dps", "rkbu-vest", "senior-norge", "vest-telemarkradet"], start=1)]
    assert not ask(graph, "Kven føreslår eit FACT ung-team i Vest-Telemark?", documents=second)["answers"]


@pytest.mark.parametrize(("question", "said"), [
    ("Hvem vil ha flere helsesøstre i skolen?", "Kommunen ber om flere helsesykepleiere i skolehelsetjenesten."),
    ("Hvem vil ha en avgift på brus?", "Kommunen ber staten innføre en avgift på sukkerholdig drikke."),
    ("Hvem vil ha flere kostholdseksperter på sykehjem?", "Kommunen ber om flere ernæringsfysiologer på sykehjem."),
])
def test_a_lay_word_finds_the_documents_word_for_it(tmp_path: Path, question: str, said: str) -> None:
    """synonyms_no.yaml: an asker's lay or older word is the title or term the letter writes."""
    with _one_letter(tmp_path, f"Høringsinnspill\n\n{said}\n") as store:
        assert _actors(ask(store, question)) == {"Fjellheim kommune"}


def test_an_answer_shows_the_speakers_other_statements_on_its_measure(tmp_path: Path) -> None:
    """The sentence in the question's words answers; the sender's other proposal on the same measure, in words the
    question does not use, is its view too and is shown after it."""
    body = ("Innspill til helseplanen\n\nKommunen foreslår et felles inntaksteam for alle kommunene i regionen, der "
            "søknadene om plass vurderes samlet.\n\nVi støtter et felles inntaksteam, men bare dersom hver kommune "
            "beholder ansvaret for tildelingen.\n\nVi ber om flere plasser i barnehagene i Fjellheim.\n")
    with _one_letter(tmp_path, body) as store:
        out = ask(store, "Hva mener Fjellheim kommune om at søknadene skal vurderes samlet?")
        quotes = [e["quote"] for a in out["answers"] for e in a["evidence"]]
        assert any("søknadene om plass vurderes samlet" in q for q in quotes)
        assert any("beholder ansvaret for tildelingen" in q for q in quotes)
        assert not any("barnehagene" in q for q in quotes)


def test_an_english_description_finds_the_measure_discovered_in_norwegian(tmp_path: Path) -> None:
    """"jobs shared by hospital and municipality" is the discovered "delte stillingar mellom sjukehus og kommune":
    each English word's Norwegian stem is compared with the measure's key as discovery keys it ("kommune" is
    "kommun" there). ("posts shared between …" names the vocabulary's combined positions, which the letter's
    "delte stillingar" are too.)"""
    body = ("Innspel til utviklingsplanen\n\nKommunen vil ha fleire delte stillingar mellom sjukehus og kommune "
            "for sjukepleiarar i heimetenesta.\n\nVi ber om ny ferjekai i Fjellheim.\n")
    with _one_letter(tmp_path, body) as store:
        out = ask(store, "Who wants jobs shared by the hospital and the municipality?")
        assert out["interpretation"].get("discovered") and "Fjellheim kommune" in _actors(out)
        assert all("ferjekai" not in e["quote"] for a in out["answers"] for e in a["evidence"])
        out = ask(store, "Who wants posts shared between the hospital and the municipality?")
        assert out["interpretation"]["measures"] == ["kombinerte-stillinger"] and "Fjellheim kommune" in _actors(out)


@pytest.mark.parametrize("question", [
    "Kva for organisasjonar og råd har kome med framlegg om tannhelse?",
    "Which organisations or state agencies have made proposals on dental health?",
])
def test_a_kind_coordinated_with_organisations_asks_for_every_actor(question: str) -> None:
    """"organisasjonar og råd": any actor, so no kind narrows the answers, and the kind's words are not the
    topic's (a quote need not say "råd" or "agencies")."""
    it = parse(question, load_vocabulary(), ())
    assert not it.actor_types and it.intent == "who_proposes"
    assert not re.search(r"\b(råd|agencies|state)\b", it.phrase or "")


def test_kinds_the_question_sets_apart_are_left_out(tmp_path: Path) -> None:
    """"Which organisations – not municipalities – …": a municipality that says it is no answer, the others are."""
    letters = {"kommune": "Fjellheim kommune\n\nHøringsinnspill\n\nFjellheim kommune ber om at det innføres "
                          "tannhelsetilbud for eldre på sykehjem.\n\nFjellheim kommune\n",
               "kreft": "Kreftforeningen\n\nHøringsinnspill\n\nKreftforeningen ber om at det innføres "
                        "tannhelsetilbud for eldre på sykehjem.\n\nKreftforeningen\n"}
    with _letters(tmp_path, letters) as store:
        for question in ("Hvilke organisasjoner, ikke kommuner, vil ha tannhelsetilbud for eldre på sykehjem?",
                         "Which organisations – not municipalities – want dental care for older people in nursing "
                         "homes?"):
            it = parse(question, load_vocabulary(), ())
            assert "kommune" in it.not_types and not it.actor_types
            assert _actors(ask(store, question)) == {"Kreftforeningen"}
        assert _actors(ask(store, "Hvem vil ha tannhelsetilbud for eldre på sykehjem?")) == {
            "Fjellheim kommune", "Kreftforeningen"}


def test_a_described_measure_keeps_the_group_the_question_names(tmp_path: Path) -> None:
    """"Who wants nurses to work both at the hospital and in the municipality?" describes combined posts; those for
    nurses answer, not those for pharmacy technicians."""
    letters = {"fjellheim": "Fjellheim kommune\n\nHøringsinnspill\n\nFjellheim kommune ber om kombinerte stillinger "
                            "for sykepleiere mellom sykehuset og kommunen.\n\nFjellheim kommune\n",
               "dalbygda": "Dalbygda kommune\n\nHøringsinnspill\n\nDalbygda kommune ber om kombinerte stillinger "
                           "for apotekteknikere mellom sykehuset og kommunen.\n\nDalbygda kommune\n"}
    with _letters(tmp_path, letters) as store:
        out = ask(store, "Hvem vil at sykepleiere skal kunne jobbe både på sykehuset og i kommunen?")
        assert _actors(out) == {"Fjellheim kommune"}


def test_both_reads_an_english_description_of_a_body_through_the_glossaries() -> None:
    """"the joint user committee in Fjellheim" is Felles brukarutval i Fjellheim, "the air ambulance trust"
    Luftambulansetjenesten HF (the glossary's "air ambulance" is one word, a trust is an HF): the English words
    translated say the Norwegian name."""
    known = (("felles-brukarutval-i-fjellheim", "Felles brukarutval i Fjellheim", ()),
             ("dalbygda-kommune", "Dalbygda kommune", ()),
             ("luftambulansetjenesten-hf", "Luftambulansetjenesten HF", ()))
    vocab = load_vocabulary()
    it = parse("What do both Dalbygda municipality and the joint user committee in Fjellheim want regarding patient "
               "travel?", vocab, known)
    assert set(it.actors) == {"dalbygda-kommune", "felles-brukarutval-i-fjellheim"}
    it = parse("What do both the air ambulance trust and Dalbygda municipality want regarding landing sites?",
               vocab, known)
    assert set(it.actors) == {"dalbygda-kommune", "luftambulansetjenesten-hf"}


def test_a_reopening_is_a_change_the_evidence_must_name(tmp_path: Path) -> None:
    """"Hvem foreslår å gjenåpne fødeavdelingen ved Fjellheim sjukehus?" is not answered by what else is proposed
    for that ward, nor by a reopening elsewhere (in Norwegian or English)."""
    letters = {"dalbygda": "Dalbygda kommune\n\nHøringsinnspill\n\nDalbygda kommune ber om at fødeavdelingen ved "
                           "Fjellheim sjukehus styrkes.\n\nDalbygda kommune\n",
               "nordvik": "Nordvik kommune\n\nHøringsinnspill\n\nNordvik kommune krever at fødestua i Nordvik "
                          "gjenåpnes.\n\nNordvik kommune\n"}
    with _letters(tmp_path, letters) as store:
        for question in ("Hvem foreslår å gjenåpne fødeavdelingen ved Fjellheim sjukehus?",
                         "Who proposes reopening the maternity ward at Fjellheim hospital?"):
            assert not ask(store, question)["answers"], question


def test_a_take_over_is_a_change_the_evidence_must_name(tmp_path: Path) -> None:
    """"Hvem foreslår at kommunene skal overta tannhelsetjenesten?" is not answered by a wish for a better dental
    service; "flytte" is no take-over, though one English word ("transfer") gives both; who opposes a take-over
    need not name it."""
    from graph.phrase import _synonyms, is_change, stem

    assert is_change(_synonyms(stem("overta")), translated=False)
    assert not is_change(_synonyms(stem("flytte")), translated=False)
    letters = {"fjellheim": "Fjellheim kommune\n\nHøringsinnspill\n\nFjellheim kommune ber om at den offentlige "
                            "tannhelsetjenesten styrkes.\n\nFjellheim kommune\n",
               "dalbygda": "Dalbygda kommune\n\nHøringsinnspill\n\nDalbygda kommune mener at staten skal overta "
                           "ansvaret for sykehjemmene.\n\nDalbygda kommune\n",
               "nordvik": "Nordvik kommune\n\nHøringsinnspill\n\nNordvik kommune går imot at kommunene får "
                          "ansvaret for tannhelsetjenesten.\n\nNordvik kommune\n"}
    with _letters(tmp_path, letters) as store:
        assert not ask(store, "Hvem foreslår at kommunene skal overta den offentlige tannhelsetjenesten?")["answers"]
        assert _actors(ask(store, "Hvem foreslår at staten skal overta sykehjemmene?")) == {"Dalbygda kommune"}
        # (who opposes a take-over says it in its own words)
        assert _actors(ask(store, "Hvem er imot at kommunene skal overta tannhelsetjenesten?")) == {"Nordvik kommune"}


@pytest.mark.parametrize(("question", "measure"), [
    ("Hvem ønsker utvidede FACT-team i fylket?", "fact"),  # an inflected modifier says nothing of what it is
    ("Hvem lar ansatte fra kommunene hospitere på sykehuset?", "hospitering"),  # a noun's plural is no adjective
])
def test_a_word_before_a_measure_that_only_sizes_or_names_who_leaves_it_that_measure(question: str,
                                                                                     measure: str) -> None:
    it = parse(question, load_vocabulary(), ())
    assert measure in it.measures and not it.unrecognised


def test_either_of_a_themes_words_asks_for_the_theme() -> None:
    """"digitale helsetjenester eller teknologi": both alternatives are the digitalisation theme's words (an
    inflected "helsetjenester" says nothing more), so the question asks who speaks of the theme."""
    it = parse("Hvilke sykehus har kommet med forslag om digitale helsetjenester eller teknologi?", load_vocabulary(),
               ())
    assert it.theme == "digitalisering" and not it.phrase


def test_a_measures_description_may_name_a_group() -> None:
    """"jordmor følger gravide" describes the municipal midwife service though jordmor and gravide are groups."""
    it = parse("Hvem vil at en jordmor skal følge gravide helt fram til fødeavdelingen?", load_vocabulary(), ())
    assert "jordmortjeneste-i-kommunene" in it.described and {"jordmodre", "gravide"} <= set(it.groups)


_UNITS = (("nsf-geriatri", "NSFs faggruppe for sykepleiere i geriatri og demens", ()),
          ("nsf", "Norsk Sykepleierforbund", ("NSF",)),
          ("innlandet-prehospital", "Divisjon prehospitale tjenester, Sykehuset Innlandet HF", ()),
          ("ostfold", "Sykehuset Østfold HF", ()))


def test_an_english_view_question_names_a_unit_by_describing_it() -> None:
    """"NSF's section for nurses in geriatrics and dementia" is the unit, not NSF; "the prehospital division at
    Sykehuset Østfold" is not another hospital's prehospital division, whose name lacks "Østfold"."""
    vocab = load_vocabulary()
    it = parse("What does NSF's section for nurses in geriatrics and dementia think about GPS trackers?", vocab, _UNITS)
    assert it.actor == "nsf-geriatri"
    it = parse("What does the prehospital division at Sykehuset Østfold think about the new emergency centre?", vocab,
               _UNITS)
    assert it.actor != "innlandet-prehospital"


def test_posts_shared_between_hospital_and_municipality_need_evidence_of_both(tmp_path: Path) -> None:
    """"… mellom sykehus og kommune": a post shared between the hospital and an IT company is no answer, one the
    hospital trust itself proposes "i samarbeid med kommunene" is (its own kind stands for the hospital)."""
    letters = {"kommune": _innspill("Fjellheim kommune", "Fjellheim kommune ber om kombinerte stillinger for "
                                    "sykepleiere mellom sykehuset og hjemmetjenesten."),
               "ikt": _innspill("Nordvik IKT AS", "Nordvik IKT AS ber om kombinerte stillinger for sykepleiere delt "
                                "mellom sykehuset og Nordvik IKT AS."),
               "hf": _innspill("Dalbygda sykehus HF", "Dalbygda sykehus HF ber om flere kombinerte stillinger for "
                               "sykepleiere i samarbeid med kommunene i regionen."),
               # (a university hospital is a hospital, not a university: a party of the levels)
               "forbund": _innspill("Nordvik sykepleierforbund", "Forbundet ber om kombinerte stillinger for "
                                    "sykepleiere mellom Nordvik universitetssykehus og Fjellheim helsesenter.")}
    with _letters(tmp_path, letters) as store:
        assert len(_actors(ask(store, "Hvem foreslår kombinerte stillinger?"))) == 4
        for question in ("Hvem foreslår kombinerte stillinger mellom sykehus og kommune?",
                         "Who proposes combined posts split between the hospital and the municipality?"):
            assert parse(question, load_vocabulary(), ()).between == ["hospital", "municipality"]
            assert _actors(ask(store, question)) == {"Fjellheim kommune", "Dalbygda sykehus HF",
                                                     "Nordvik sykepleierforbund"}


def test_an_english_word_the_measures_name_says_is_no_narrower_measure(tmp_path: Path) -> None:
    """"digital home monitoring" is digital hjemmeoppfølging: "digital" adds nothing to its name, so no discovered
    measure narrower than it ("… av gravide") answers in its place."""
    letters = _two_senders("Fjellheim kommune støtter at digital hjemmeoppfølging blir et "
                           "fast tilbud for kronisk syke i alle kommuner.",
                           "Dalbygda sykehus HF foreslår digital hjemmeoppfølging av gravide "
                           "med svangerskapsdiabetes.")
    with _letters(tmp_path, letters) as store:
        out = ask(store, "Who supports digital home monitoring?")
        assert _actors(out) == {"Fjellheim kommune", "Dalbygda sykehus HF"}
        assert "narrower" not in (out["interpretation"].get("note") or "")


def test_a_fact_team_is_for_the_group_a_question_names_with_it(tmp_path: Path) -> None:
    """"alvorlig psykisk lidelse" (singular, as submissions write it) is the group; a FACT team is for that group by
    what it is, so a question that names both is answered by a FACT quote that does not repeat the group, and a
    quote about another measure for the group is no answer."""
    vocab = load_vocabulary()
    for text in ("personer med alvorlig psykisk lidelse", "folk med alvorleg psykisk liding", "alvorlig psykisk syke"):
        assert vocab.groups.ids(text) == ["alvorlige-psykiske-lidelser-rus"]
    letters = _two_senders("Fjellheim kommune støtter et FACT-team for Indre Fjellheim med "
                           "base i Fjellheim sentrum.",
                           "Dalbygda sykehus HF foreslår gratis tannbehandling for personer "
                           "med alvorlig psykisk lidelse.")
    with _letters(tmp_path, letters) as store:
        out = ask(store, "Hvem foreslår FACT-team for personer med alvorlig psykisk lidelse?")
        assert out["interpretation"]["measures"] == ["fact"] and not out["interpretation"].get("groups")
        assert _actors(out) == {"Fjellheim kommune"}


def test_an_outreach_team_for_a_group_is_answered_by_the_kinds_of_team_for_it(tmp_path: Path) -> None:
    """"team som oppsøker" is an "oppsøkende team" (ambulante team); for people with severe mental illness, a FACT
    team is such a team by what it is, though its quote names no group, and an ambulant geriatric team is not."""
    vocab = load_vocabulary()
    for question in ("Hvem vil ha behandlingsteam som oppsøker folk med alvorlig psykisk lidelse der de bor?",
                     "Kven vil ha eit team som oppsøkjer folk med alvorleg psykisk liding?"):
        assert parse(question, vocab, ()).measures == ["ambulante-team"]
    letters = _two_senders("Fjellheim kommune foreslår et FACT-team for Indre Fjellheim med "
                           "base i Fjellheim sentrum.",
                           "Dalbygda sykehus HF foreslår et ambulant geriatrisk team som "
                           "kan rykke ut til sykehjemmene.")
    with _letters(tmp_path, letters) as store:
        out = ask(store, "Hvem vil ha behandlingsteam som oppsøker folk med alvorlig psykisk lidelse der de bor?")
        assert _actors(out) == {"Fjellheim kommune"}


def test_an_english_question_that_says_something_should_be_free_names_a_price(tmp_path: Path) -> None:
    """"should be free for all adults" names a price as "free dental treatment" does: who wants more adults to get
    dental care, at no stated price, is no answer."""
    letters = _two_senders("Fjellheim kommune foreslår flere kombinerte stillinger.",
                           "Dalbygda sykehus HF foreslår at flere voksne med rusproblemer "
                           "får tannbehandling i den offentlige tannhelsetjenesten.")
    with _letters(tmp_path, letters) as store:
        assert not ask(store, "Who proposes that dental treatment should be free for all adults?")["answers"]


def test_a_description_many_discovered_measures_hold_names_none_of_them(graph: EmbeddedStore) -> None:
    """"a service shared by several municipalities" translates to stems that 101 discovered measures' keys hold
    (felles …, kommun …): that is no measure's name but common words, which the quotes must hold, as the
    Norwegian twin's are."""
    out = ask(graph, "Who reports a service shared by several municipalities?")
    assert len(out["interpretation"].get("discovered") or []) <= 20, out["interpretation"].get("note")
    out = ask(graph, "Who proposes joint municipal solutions?")  # (one measure's name: still that measure)
    assert out["interpretation"].get("discovered"), out["interpretation"]



def test_midwife_service_is_the_municipal_midwifery_service_as_jordmortjeneste_is(graph: EmbeddedStore) -> None:
    """The English for "jordmortjenesten" (an alias of the measure) names the measure too, not only the group."""
    out = ask(graph, "Who wants a midwife service shared by several municipalities?")
    assert "jordmortjeneste-i-kommunene" in (out["interpretation"].get("measures") or []), out["interpretation"]


def test_a_change_the_question_adds_to_a_measure_must_be_said(tmp_path: Path) -> None:
    """"Hvem foreslår at ambulansetjenesten skal overta legevakten?" names legevakt and a take-over: who backs a
    better legevakt is no answer unless a quote about it says the take-over (the note says what no quote says);
    who proposes the take-over is."""
    letters = _two_senders("Kommunen ber om at legevakten i Fjellheim får flere leger på vakt om natten.",
                           "Sykehuset foreslår at ambulansetjenesten tar over legevakten i Dalbygda om natten.")
    with _letters(tmp_path, letters) as store:
        out = ask(store, "Hvem foreslår at ambulansetjenesten skal overta legevakten om natten?")
        assert _actors(out) == {"Dalbygda sykehus HF"}, out
    (tmp_path / "one").mkdir()
    with _letters(tmp_path / "one", {"a": letters["a"]}) as store:
        out = ask(store, "Hvem foreslår at ambulansetjenesten skal overta legevakten om natten?")
        assert not out["answers"] and "also says" in out["interpretation"]["note"], out


def test_a_theme_nobody_speaks_of_is_answered_by_nothing_not_by_every_proposal(tmp_path: Path) -> None:
    """Session 55, tried as a new user would on two letters about other things: a theme question ("Hvem vil ha flere
    desentraliserte tjenester?") or a kind of actor on a theme, when no statement is on the theme, is answered by
    nothing (and says so), not by every proposal or every municipality's once the theme is dropped."""
    letters = {
        "nordvik": "Nordvik kommune\nPostboks 1\n9990 Nordvik\n\nHøringsuttalelse\n\n"
                   "Nordvik kommune støtter forslaget om fritak for egenandel for pasienter som møter til "
                   "overgrepsmottak.\n\nMed vennlig hilsen\nNordvik kommune\n",
        "lyngheia": "Foreningen Lyngheia\n\nHøringssvar\n\nForeningen Lyngheia mener at egenandelstaket ikke bør "
                    "økes.\n\nMed vennlig hilsen\nForeningen Lyngheia\n",
    }
    with _letters(tmp_path, letters) as store:
        for question in ("Hvem vil ha flere desentraliserte tjenester?",
                         "Hvilke kommuner har forslag om digitalisering?"):
            out = ask(store, question)
            assert out["answers"] == [], (question, out["interpretation"], out["answers"])
            assert "without its theme" not in (out["interpretation"].get("note") or "")


def test_a_measure_of_another_is_answered_by_who_backs_both(tmp_path: Path) -> None:
    """"Et øremerket tilskudd til hverdagsrehabilitering" is one thing: who asks for it in one statement, or for
    each of the two in one letter with the grant said to be earmarked, backs it; who asks for a grant for something
    else and supports everyday rehabilitation, or for either alone, does not (the union counted all of them). And
    an English "block grant" is no grant scheme, though an "earmarked grant" is."""
    letters = {"fjellheim": "Fjellheim kommune ber om et øremerket tilskudd til hverdagsrehabilitering i tre år.",
               "dalbygda": "Dalbygda kommune støtter at alle kommuner skal tilby hverdagsrehabilitering. Vi ber om "
                           "at kommunene får et øremerket tilskudd de første tre årene.",
               "elvestad": "Elvestad kommune støtter satsingen på hverdagsrehabilitering. Kommunen ber om at "
                           "tilskuddet til kombinerte stillinger gjøres permanent.",
               "nordvik": "Nordvik kommune ber om et øremerket tilskudd til lærlinger i helsefag.",
               "sørvik": "Sørvik kommune vil innføre hverdagsrehabilitering i hele kommunen."}
    texts = {name: f"{name.title()} kommune\n\nHøringsinnspill\n\n{said}\n\n{name.title()} kommune\n"
             for name, said in letters.items()}
    vocab = load_vocabulary()
    with _letters(tmp_path, texts) as store:
        for question in ("Hvor mange ber om et øremerket tilskudd til hverdagsrehabilitering?",
                         "Hvem ber om et øremerket tilskudd til hverdagsrehabilitering?",
                         "How many ask for an earmarked grant for everyday rehabilitation?"):
            result = ask(store, question, vocab=vocab)
            assert result["interpretation"].get("nested"), question
            assert {a["actor"]["name"] for a in result["answers"]} == {"Fjellheim kommune", "Dalbygda kommune"}, \
                question
    it = parse("Who wants to fold the earmarked grant into the block grant?", vocab)
    assert it.measures == ["tilskudd-til-kommunene"] and "block" in (it.specifics or it.phrase or "")
