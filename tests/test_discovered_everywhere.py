"""Discovered measures are first-class (issue 16, items 4 and 5): recipes, API, ask, curation, suggest and
review, on invented letters about a measure the vocabulary does not know ("ambulerende sårteam"). Real
embedded FalkorDB, no mocks; the expectations were written before the code."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.ingest import ingest
from graph.recipes import load_recipes, run_recipe
from graph.store.embedded import EmbeddedStore

from .conftest import ROOT

SIGNED = "\n\nMed vennlig hilsen\n{0}\n"
LETTERS = {
    "fjordby.txt": "Innspill fra Fjordby kommune\n\nFjordby kommune støtter forslaget om ambulerende sårteam.\n\n"
                   "Fjordby kommune foreslår flere kombinerte stillinger." + SIGNED.format("Fjordby kommune"),
    "sjovik.txt": "Innspill fra Sjøvik kommune\n\nSjøvik kommune støtter forslaget om ambulerende sårteam."
                  + SIGNED.format("Sjøvik kommune"),
    "vik.txt": "Innspill fra Vik kommune\n\nVik kommune går imot forslaget om ambulerende sårteam, fordi kommunen "
               "mangler sykepleiere." + SIGNED.format("Vik kommune"),
    "strandvik.txt": "Innspill fra Strandvik kommune\n\nStrandvik kommune har gode erfaringer med ambulerende "
                     "sårteam." + SIGNED.format("Strandvik kommune"),
    "nordvik.txt": "Innspill fra Nordvik kommune\n\nHvilke tiltak er aktuelle?\n\n"
                   "• Nordvik kommune støtter forslaget om hjemmesykehus for barn.\n"
                   "• Nordvik kommune foreslår en felles interkommunal legevakt.\n",
}
SARTEAM = "m-ambuler-sarteam"  # the key of "ambulerende sårteam": ambuler sårteam
REGION = "m-barn-hjemmesykehus"  # "hjemmesykehus for barn", narrower than hjemmesykehus


def write(folder: Path, letters: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in letters.items():
        (folder / name).write_text(text, "utf-8")
    return [folder / name for name in letters]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("discovered")
    store = EmbeddedStore(folder / "graph", graph_name="discovered")
    report = ingest(store, write(folder / "letters", LETTERS), workers=1)
    assert not report.failures
    yield store
    store.close()


def _recipe(store, name: str, **params) -> list[dict]:
    return run_recipe(store, load_recipes(ROOT / "cypher")[name], params)


def test_the_letters_make_the_measures_the_tests_expect(mixed) -> None:
    rows = mixed.query("MATCH (m:Measure) RETURN m.id AS id, m.origin AS origin, m.broader AS broader")
    got = {r["id"]: (r["origin"], r["broader"]) for r in rows}
    assert got[SARTEAM] == ("discovered", None)
    assert got[REGION] == ("discovered", "hjemmesykehus")
    assert got["hjemmesykehus"] == ("vocabulary", None)


def test_most_proposed_ranks_discovered_with_vocabulary_measures(mixed) -> None:
    rows = _recipe(mixed, "most_proposed_measures")
    assert rows[0]["measure_id"] == SARTEAM and rows[0]["actors"] == 2  # Fjordby and Sjøvik; Vik opposes
    assert rows[0]["origin"] == "discovered"
    origins = {r["measure_id"]: r["origin"] for r in rows}
    assert origins["kombinerte-stillinger"] == "vocabulary" and origins["hjemmesykehus"] == "vocabulary"
    assert REGION not in origins  # narrower: its statement already counts for hjemmesykehus
    wide = {r["measure_id"]: r for r in _recipe(mixed, "most_proposed_measures", narrower=True)}
    assert wide[REGION]["broader"] == "hjemmesykehus" and wide[REGION]["origin"] == "discovered"


def test_measures_by_theme_ranks_discovered_and_leaves_narrower_out(mixed) -> None:
    themes = [r["t"] for r in mixed.query("MATCH (:Measure {id: $id})-[:CONCERNS]->(t:Theme) RETURN t.id AS t",
                                          {"id": REGION})]
    assert themes
    ids = {r["measure_id"]: r["origin"] for r in _recipe(mixed, "measures_by_theme", theme=themes[0])}
    assert REGION not in ids and ids.get("hjemmesykehus") == "vocabulary"
    wide = {r["measure_id"]: r["origin"] for r in _recipe(mixed, "measures_by_theme", theme=themes[0],
                                                           narrower=True)}
    assert wide[REGION] == "discovered"


def test_who_recipes_take_a_discovered_id(mixed) -> None:
    proposes = _recipe(mixed, "who_proposes", measure=SARTEAM)
    assert [r["actor_id"] for r in proposes] == ["fjordby-kommune", "sjovik-kommune"]
    assert proposes[0]["evidence"][0]["quote"] == "Fjordby kommune støtter forslaget om ambulerende sårteam."
    opposes = _recipe(mixed, "who_opposes", measure=SARTEAM)
    assert [r["actor_id"] for r in opposes] == ["vik-kommune"]
    assert opposes[0]["evidence"][0]["kind"] == "opposition"
    reports = _recipe(mixed, "who_reports_example", measure=SARTEAM)
    assert [(r["actor_id"], r["evidence"][0]["kind"]) for r in reports] == [("strandvik-kommune", "example")]
    assert [r["actor_id"] for r in _recipe(mixed, "who_proposes", measure=REGION)] == ["nordvik-kommune"]


def test_api_measures_say_origin_broader_and_narrower(mixed) -> None:
    with TestClient(create_app(mixed)) as client:
        items = client.get("/v1/measures", params={"limit": 500}).json()["items"]
        by_id = {m["id"]: m for m in items}
        assert by_id[SARTEAM]["origin"] == "discovered" and by_id[SARTEAM]["broader"] is None
        assert by_id[SARTEAM]["actors"] == 3 and by_id[SARTEAM]["opposes"] == 1  # backers: 2 propose, 1 reports
        assert by_id[REGION]["broader"] == "hjemmesykehus"
        assert by_id["hjemmesykehus"]["origin"] == "vocabulary"
        assert [n["id"] for n in by_id["hjemmesykehus"]["narrower"]] == [REGION]
        found = client.get("/v1/measures", params={"origin": "discovered"}).json()
        assert found["total"] == len(found["items"]) >= 2
        assert {m["origin"] for m in found["items"]} == {"discovered"} and SARTEAM in {m["id"] for m in found["items"]}
        vocab = client.get("/v1/measures", params={"origin": "vocabulary"}).json()["items"]
        assert {m["origin"] for m in vocab} == {"vocabulary"} and "hjemmesykehus" in {m["id"] for m in vocab}
        bad = client.get("/v1/measures", params={"origin": "invented"})
        assert bad.status_code == 422 and set(bad.json()["error"]) == {"code", "message"}

        one = client.get(f"/v1/measures/{SARTEAM}").json()
        assert one["measure"]["origin"] == "discovered" and "ambulerende sårteam" in one["measure"]["aliases"]
        assert {(r["actor_id"], r["relation"]) for r in one["relations"]} == {
            ("fjordby-kommune", "PROPOSES"), ("sjovik-kommune", "PROPOSES"), ("vik-kommune", "OPPOSES"),
            ("strandvik-kommune", "REPORTS_AS_EXAMPLE")}
        assert one["narrower"] == []
        home = client.get("/v1/measures/hjemmesykehus").json()
        assert home["measure"]["origin"] == "vocabulary" and home["measure"]["broader"] is None
        assert [n["id"] for n in home["narrower"]] == [REGION]
        assert client.get(f"/v1/measures/{REGION}").json()["measure"]["broader"] == "hjemmesykehus"

        spec = client.get("/openapi.json").json()["paths"]
        listed = spec["/v1/measures"]["get"]
        assert "origin" in {p["name"] for p in listed["parameters"]}
        example = listed["responses"]["200"]["content"]["application/json"]["example"]["items"]
        assert {m["origin"] for m in example} == {"discovered", "vocabulary"}
        detail = spec["/v1/measures/{measure_id}"]["get"]["responses"]["200"]["content"]["application/json"]
        assert "narrower" in detail["example"] and detail["example"]["measure"]["origin"] == "vocabulary"


@pytest.mark.parametrize(("question", "relation", "actors"), [
    ("Hvem støtter forslaget om ambulerende sårteam?", "PROPOSES", {"fjordby-kommune", "sjovik-kommune"}),
    ("Hvem foreslår ambulerande sårteam?", "PROPOSES", {"fjordby-kommune", "sjovik-kommune"}),  # nynorsk form
    ("Hvem går imot forslaget om ambulerende sårteam?", "OPPOSES", {"vik-kommune"}),
    ("Hvem har gode erfaringer med ambulerende sårteam?", "REPORTS_AS_EXAMPLE", {"strandvik-kommune"}),
    ("Who proposes ambulerende sårteam?", "PROPOSES", {"fjordby-kommune", "sjovik-kommune"}),
    ("Who opposes the proposal for ambulerende sårteam?", "OPPOSES", {"vik-kommune"}),
    ("Who reports ambulerende sårteam as an example?", "REPORTS_AS_EXAMPLE", {"strandvik-kommune"}),
])
def test_ask_answers_through_a_discovered_measure(mixed, question: str, relation: str, actors: set[str]) -> None:
    from graph.ask import ask

    result = ask(mixed, question)
    it = result["interpretation"]
    assert it["measures"] == it["discovered"] == [SARTEAM], it  # never the vocabulary's "ambulante team"
    assert "discovered in the documents" in it["note"]
    assert it["recipe"]["params"]["measure"] == SARTEAM
    assert {a["actor"]["id"] for a in result["answers"]} == actors
    assert {a["relation"] for a in result["answers"]} == {relation}
    assert {a["measure"]["id"] for a in result["answers"]} == {SARTEAM}
    assert all("sårteam" in e["quote"] for a in result["answers"] for e in a["evidence"])


def test_ask_never_puts_a_vocabulary_measure_for_an_unknown_term(mixed) -> None:
    from graph.ask import ask
    from graph.ask.parse import discovered_matches

    known = ((SARTEAM, "ambulerende sårteam", "ambuler sårteam"), ("m-x", "ambulerande sårteam i alle kommunane",
                                                                      "ambuler kommun sårteam"))
    assert discovered_matches("sårteam", known) == ([SARTEAM, "m-x"], True)  # every key holding its words
    assert discovered_matches("ambulerende sårteamet", known) == ([SARTEAM, "m-x"], True)
    assert discovered_matches("ambulerend sårteamene", known) == ([SARTEAM], False)  # a near key
    assert discovered_matches("ambulerende sårteam for eldre", known) == ([], False)  # says more than any key
    assert discovered_matches("kreftgaranti", known) == ([], False)
    result = ask(mixed, "Hvem foreslår kreftgaranti for kvinner?")  # no measure of that name anywhere
    assert not result["interpretation"].get("measures") and not result["interpretation"].get("discovered")
    assert result["answers"] == [] or all(a["measure"] is None or not a["measure"]["id"].startswith("m-")
                                          for a in result["answers"])
    assert ask(mixed, "Hvem foreslår kombinerte stillinger?")["interpretation"]["measures"] == [
        "kombinerte-stillinger"]  # a vocabulary measure is still the vocabulary's


# --- curation: decisions on discovered measures in decisions.yaml, applied on every load --------------------

CURATION = {
    "fjordby.txt": LETTERS["fjordby.txt"],
    "vik.txt": LETTERS["vik.txt"],
    "dalen.txt": "Innspel frå Dalen herad\n\nDalen herad meiner det bør etablerast ambulerande sårteam i alle "
                 "kommunane.\n\nMed helsing\nDalen herad\n",
}


def _curated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, decisions: str,
             letters: dict[str, str] = CURATION) -> EmbeddedStore:
    path = tmp_path / "decisions.yaml"
    path.write_text(decisions, "utf-8")
    monkeypatch.setenv("INNSPILL_DECISIONS", str(path))
    store = EmbeddedStore(tmp_path / "graph", graph_name="curation")
    report = ingest(store, write(tmp_path / "letters", letters), workers=1)
    assert not report.failures, report.failures
    return store


def _edges(store) -> set[tuple[str, str, str]]:
    rows = store.query("MATCH (a:Actor)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(m:Measure) "
                       "RETURN a.id AS a, type(r) AS r, m.id AS m")
    return {(r["a"], r["r"], r["m"]) for r in rows}


def _measure(store, mid: str) -> dict | None:
    rows = store.query("MATCH (m:Measure {id: $id}) RETURN properties(m) AS m", {"id": mid})
    return rows[0]["m"] if rows else None


def test_without_decisions_the_letters_discover_sarteam(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _curated(tmp_path, monkeypatch, "[]")
    try:
        assert {("fjordby-kommune", "PROPOSES", SARTEAM), ("vik-kommune", "OPPOSES", SARTEAM)} <= _edges(store)
        assert _measure(store, SARTEAM)["origin"] == "discovered"
    finally:
        store.close()


def test_reject_drops_the_discovered_measure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _curated(tmp_path, monkeypatch, '- {action: reject, measure: "ambulerende sårteam"}\n')
    try:
        assert _measure(store, SARTEAM) is None
        assert not [e for e in _edges(store) if e[2] == SARTEAM]
        # the statement stays, as evidence about nothing the graph names
        quote = "Fjordby kommune støtter forslaget om ambulerende sårteam."
        assert store.query("MATCH (s:Statement {text: $t}) OPTIONAL MATCH (s)-[:ABOUT]->(m) RETURN count(m) AS n",
                           {"t": quote}) == [{"n": 0}]
        assert ("fjordby-kommune", "PROPOSES", "kombinerte-stillinger") in _edges(store)
    finally:
        store.close()


def test_reject_by_id_and_again_on_a_graph_that_had_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _curated(tmp_path, monkeypatch, "[]")
    try:
        assert _measure(store, SARTEAM) is not None
        path = tmp_path / "decisions.yaml"
        path.write_text(f"- {{action: reject, measure: {SARTEAM}}}\n", "utf-8")
        ingest(store, [tmp_path / "letters"], workers=1)  # re-applied on the next load
        assert _measure(store, SARTEAM) is None and not [e for e in _edges(store) if e[2] == SARTEAM]
    finally:
        store.close()


def test_merge_into_a_vocabulary_measure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _curated(tmp_path, monkeypatch, f'- {{action: merge, measure: {SARTEAM}, into: "ambulante team"}}\n')
    try:
        edges = _edges(store)
        assert {("fjordby-kommune", "PROPOSES", "ambulante-team"), ("vik-kommune", "OPPOSES", "ambulante-team")} \
            <= edges
        assert _measure(store, SARTEAM) is None
        assert _measure(store, "ambulante-team")["origin"] == "vocabulary"
        themes = {r["t"] for r in store.query("MATCH (:Measure {id: 'ambulante-team'})-[:CONCERNS]->(t:Theme) "
                                              "RETURN t.id AS t")}
        assert themes and "unclassified" not in themes  # the vocabulary measure's themes
    finally:
        store.close()


def test_merge_into_another_discovered_measure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elvdal = {"elvdal.txt": "Innspel frå Elvdal herad\n\nElvdal herad meiner det bør etablerast eit sårsenter i "
                            "kvar kommune.\n\nMed helsing\nElvdal herad\n"}
    store = _curated(tmp_path, monkeypatch, f'- {{action: merge, measure: "sårsenter i kvar kommune", '
                                            f'into: {SARTEAM}}}\n', {**CURATION, **elvdal})
    try:
        assert {("elvdal-herad", "PROPOSES", SARTEAM), ("fjordby-kommune", "PROPOSES", SARTEAM)} <= _edges(store)
        assert "sårsenter i kvar kommune" in _measure(store, SARTEAM)["aliases"]
        assert _measure(store, "m-sarsent") is None
        assert not store.query("MATCH (m:Measure) WHERE m.name CONTAINS 'sårsenter' RETURN m.id AS id")
    finally:
        store.close()


def test_merge_into_a_new_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _curated(tmp_path, monkeypatch, '- {action: merge, measure: "ambulerende sårteam", '
                                            'into: "sårbehandling i kommunene"}\n')
    try:
        new = store.query("MATCH (m:Measure {name: 'sårbehandling i kommunene'}) RETURN m.id AS id, "
                          "m.aliases AS aliases")
        assert len(new) == 1 and "ambulerende sårteam" in new[0]["aliases"]
        assert {("fjordby-kommune", "PROPOSES", new[0]["id"]), ("vik-kommune", "OPPOSES", new[0]["id"]),
                ("dalen-herad", "PROPOSES", new[0]["id"])} <= _edges(store)
        assert _measure(store, SARTEAM) is None
    finally:
        store.close()


def test_rename_keeps_the_id_and_the_old_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _curated(tmp_path, monkeypatch, "[]")
    try:
        (tmp_path / "decisions.yaml").write_text(
            f'- {{action: rename, measure: {SARTEAM}, name: "Ambulerende sårteam i kommunene"}}\n', "utf-8")
        ingest(store, [tmp_path / "letters"], workers=1)  # the node exists already: the name changes all the same
        node = _measure(store, SARTEAM)
        assert node["name"] == "Ambulerende sårteam i kommunene" and node["origin"] == "discovered"
        assert "ambulerende sårteam" in node["aliases"]
        assert ("vik-kommune", "OPPOSES", SARTEAM) in _edges(store)
    finally:
        store.close()


def test_promote_makes_a_curated_measure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _curated(tmp_path, monkeypatch, '- {action: promote, measure: "ambulerende sårteam"}\n')
    try:
        node = _measure(store, SARTEAM)
        assert node["origin"] == "curated" and "ambulerende sårteam" in node["aliases"]  # its id kept
        assert ("fjordby-kommune", "PROPOSES", SARTEAM) in _edges(store)
        ranked = {r["measure_id"]: r["origin"] for r in _recipe(store, "most_proposed_measures")}
        assert ranked[SARTEAM] == "curated"
        with TestClient(create_app(store)) as client:
            items = client.get("/v1/measures", params={"origin": "curated"}).json()["items"]
            assert [m["id"] for m in items] == [SARTEAM]
    finally:
        store.close()


@pytest.mark.parametrize(("decision", "message"), [
    ("- {action: reject, measure: hjemmesykehus}", "vocabulary measure"),
    ("- {action: delete, measure: m-ambuler-sarteam}", "unknown action"),
    ("- {action: merge, measure: m-ambuler-sarteam}", "'into'"),
    ("- {action: rename, measure: m-ambuler-sarteam}", "'name'"),
])
def test_a_bad_measure_decision_is_refused_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, decision: str,
                                                   message: str) -> None:
    from graph.extract.decisions import DecisionError
    from graph.extract.vocab import load_vocabulary

    path = tmp_path / "decisions.yaml"
    path.write_text(decision + "\n", "utf-8")
    monkeypatch.setenv("INNSPILL_DECISIONS", str(path))
    with pytest.raises(DecisionError, match=message):
        load_vocabulary()


# --- vocab suggest and vocab review --------------------------------------------------------------------------

def test_suggest_ranks_discovered_measures_by_their_backers(mixed) -> None:
    from graph.suggest import discovered

    ranked = discovered(mixed)
    assert ranked[0]["id"] == SARTEAM and ranked[0]["actors"] == 2 and ranked[0]["opposers"] == 1
    assert ranked[0]["backers"] == ["Fjordby kommune", "Sjøvik kommune"]
    assert ranked[0]["wordings"][0] == ranked[0]["name"] and "ambulerende sårteam" in ranked[0]["wordings"]
    assert [r["actors"] for r in ranked] == sorted((r["actors"] for r in ranked), reverse=True)
    assert all(r["id"].startswith("m-") for r in ranked)  # vocabulary measures are no suggestions
    assert {r["id"]: r["broader"] for r in ranked}[REGION] == "hjemmesykehus"
    assert [r["id"] for r in discovered(mixed, min_actors=2)] == [SARTEAM]


def test_suggest_command_lists_discovered_measures(mixed) -> None:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "INNSPILL_GRAPH": f"embedded:{mixed.folder}", "INNSPILL_GRAPH_NAME": "discovered"}
    run = subprocess.run([sys.executable, "-m", "innspill", "vocab", "suggest", "--json"], capture_output=True,
                         text=True, cwd=ROOT, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["discovered"][0]["id"] == SARTEAM and "phrases" in out
    run = subprocess.run([sys.executable, "-m", "innspill", "vocab", "suggest"], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    line = next(x for x in run.stdout.splitlines() if x.startswith(SARTEAM))
    assert line.split()[1:4] == ["2", "4", "4"] and "ambulerende sårteam" in line  # actors, statements, documents


def test_review_proposes_merges_of_discovered_measures_that_look_alike(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import subprocess
    import sys

    import yaml

    from graph.review import measure_merge_candidates, review

    hamar = {"hamar.txt": "Innspill fra Hamar kommune\n\nHamar kommune støtter forslaget om ambulerende sårteam for "
                          "hjemmeboende eldre." + SIGNED.format("Hamar kommune"),
             "nordvik.txt": LETTERS["nordvik.txt"]}
    store = _curated(tmp_path, monkeypatch, "[]", {**CURATION, **hamar})
    try:
        eldre = store.query("MATCH (:Actor {id: 'hamar-kommune'})-[:PROPOSES]->(m:Measure {origin: 'discovered'}) "
                            "RETURN m.id AS id")[0]["id"]
        assert eldre != SARTEAM
        proposals = [p for p in review(store) if "measure" in p]
        pair = [p for p in proposals if {p["measure"], p["into"]} == {eldre, SARTEAM}]
        assert len(pair) == 1 and pair[0]["measure"] == eldre and pair[0]["into"] == SARTEAM  # fewer statements in
        assert pair[0]["action"] == "merge" and pair[0]["score"] >= 85
        assert not [p for p in proposals if REGION in (p["measure"], p["into"])]  # not alike: no proposal
        # nothing is applied
        assert store.query("MATCH (m:Measure {id: $id}) RETURN count(m) AS n", {"id": eldre}) == [{"n": 1}]
        env = {**os.environ, "INNSPILL_GRAPH": f"embedded:{store.folder}", "INNSPILL_GRAPH_NAME": "curation"}
        out = tmp_path / "review.yaml"
        run = subprocess.run([sys.executable, "-m", "innspill", "vocab", "review", "--out", str(out)],
                             capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
        assert run.returncode == 0, run.stderr
        written = yaml.safe_load(out.read_text("utf-8"))
        assert {"action": "merge", "measure": eldre, "into": SARTEAM} in [
            {k: p[k] for k in ("action", "measure", "into")} for p in written if "measure" in p]
        assert "measure merges" in run.stdout
    finally:
        store.close()
    # the rule on its own: a shared head with keys alike, or keys alike of similar length; not one word of a
    # long phrase, and not a shared head alone
    measures = [{"id": "m-a", "name": "ambulerende sårteam", "key": "ambuler sårteam", "head": "sårteam",
                 "statements": 3},
                {"id": "m-b", "name": "sårteam i kommunen", "key": "kommun sårteam", "head": "sårteam",
                 "statements": 1},
                {"id": "m-c", "name": "utredningen", "key": "utredning", "head": "utredning", "statements": 1},
                {"id": "m-d", "name": "regelverket i lys av utredningen om båtambulanse", "key":
                 "batambulans lys regelverk utredning", "head": "regelverk", "statements": 1}]
    assert measure_merge_candidates(measures) == []
    measures.append({"id": "m-e", "name": "ambulerande sårteamet", "key": "ambulerand sårteam", "head": "sårteam",
                     "statements": 1})
    assert [(p["measure"], p["into"]) for p in measure_merge_candidates(measures)] == [("m-e", "m-a")]


def test_an_english_word_names_the_discovered_measures_its_norwegian_word_names() -> None:
    """"dental health" finds what "tannhelse" finds: the measures whose key has the word itself, before the many
    whose key has it inside a compound (the dental service, its buses, its courses), as for a Norwegian phrase."""
    from graph.ask.parse import _english_matches, discovered_matches
    from graph.extract.discover import key_of

    known = (("m-a", "felles rutine for munnstell og tannhelse hos eldre", key_of("eldre felles munnstell rutine "
                                                                                   "tannhelse")),
             ("m-b", "tannhelse blir tema i helsefellesskapa", key_of("inn tannhelse tema")),
             ("m-c", "ambulerande tannhelseteneste", key_of("ambulerende tannhelsetjeneste")),
             ("m-d", "kurs for ansatte i tannhelsetjenesten", key_of("ansatte kurs tannhelsetjenesten")))
    norwegian, _ = discovered_matches("tannhelse", known)
    assert norwegian == ["m-a", "m-b"]
    assert _english_matches("dental health", known) == norwegian
