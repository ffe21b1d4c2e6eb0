"""OPPOSES end to end, on two invented submissions: Testvik kommune rejects hospital at home and moving the
legevakt ("går imot", "støtter ikke"), Nordvik kommune proposes both. Real embedded FalkorDB, no mocks."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.ask import ask
from graph.export import export_csv, export_evidence, export_graphml, export_json
from graph.export_html import export_html
from graph.ingest import ingest, stats
from graph.recipes import load_recipes, run_recipe
from graph.store.embedded import EmbeddedStore

from .conftest import ROOT

TESTVIK = ("Innspill fra Testvik kommune\n\nHvilke tiltak er aktuelle?\n\n"
           "• Testvik kommune foreslår flere kombinerte stillinger.\n\f"
           "• Testvik kommune går imot forslaget om å legge ned sengeposten i Testvik og erstatte den med "
           "hjemmesykehus.\n"
           "• Testvik kommune støtter ikke at legevakten flyttes til Nordvik.\n")
NORDVIK = ("Innspill fra Nordvik kommune\n\nHvilke tiltak er aktuelle?\n\n"
           "• Nordvik kommune foreslår å bygge ut hjemmesykehus i hele regionen.\n"
           "• Nordvik kommune foreslår en felles interkommunal legevakt.\n")
OPPOSED_QUOTE = ("Testvik kommune går imot forslaget om å legge ned sengeposten i Testvik og erstatte den med "
                 "hjemmesykehus.")


def write_letters(folder: Path) -> list[Path]:
    """The two invented submissions as text files in ``folder`` (Testvik's opposition is on page 2)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = [folder / "testvik-kommune_innspill.txt", folder / "nordvik-kommune_innspill.txt"]
    for path, text in zip(files, (TESTVIK, NORDVIK), strict=True):
        path.write_text(text, "utf-8")
    return files


@pytest.fixture(scope="module")
def opposing(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("opposition")
    store = EmbeddedStore(folder / "graph", graph_name="opposition")
    report = ingest(store, write_letters(folder / "letters"))
    assert not report.failures and len(report.documents) == 2
    yield store
    store.close()


def _stance_edges(store) -> dict[tuple[str, str, str], dict]:
    rows = store.query("MATCH (a:Actor)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(m:Measure) RETURN a.id AS a, "
                       "type(r) AS rel, m.id AS m, r.statement_ids AS ids, r.count AS count")
    return {(r["a"], r["rel"], r["m"]): r for r in rows}


def test_opposition_makes_an_opposes_edge_and_no_proposes_edge(opposing) -> None:
    edges = _stance_edges(opposing)
    for measure in ("hjemmesykehus", "legevakt"):
        opposed = edges[("testvik-kommune", "OPPOSES", measure)]
        assert opposed["count"] == len(opposed["ids"]) == 1
        assert ("testvik-kommune", "PROPOSES", measure) not in edges
        assert ("nordvik-kommune", "PROPOSES", measure) in edges
    assert ("testvik-kommune", "PROPOSES", "kombinerte-stillinger") in edges  # its own proposal stays one
    sid = edges[("testvik-kommune", "OPPOSES", "hjemmesykehus")]["ids"][0]
    s = opposing.query("MATCH (s:Statement {id: $id}) RETURN s.kind AS kind, s.relation AS relation, "
                       "s.text AS text, s.page AS page", {"id": sid})[0]
    assert s == {"kind": "opposition", "relation": "OPPOSES", "text": OPPOSED_QUOTE, "page": 2}
    # no statement behind a PROPOSES edge is an opposition
    behind = [i for (_, rel, _), e in edges.items() if rel == "PROPOSES" for i in e["ids"]]
    kinds = {r["k"] for r in opposing.query("MATCH (s:Statement) WHERE s.id IN $ids RETURN s.kind AS k",
                                            {"ids": behind})}
    assert kinds <= {"proposal", "commitment"}
    # hjemmesykehus and legevakt from the vocabulary, and the discovered "legge ned sengeposten i Testvik …" and
    # "legevakten flyttes til Nordvik" (the move is what is opposed, not legevakt as such)
    assert stats(opposing)["relationships"]["OPPOSES"] == 4
    discovered = opposing.query("MATCH (:Actor {id: 'testvik-kommune'})-[:OPPOSES]->(m:Measure "
                                "{origin: 'discovered'}) RETURN m.name AS n")
    assert sorted(r["n"] for r in discovered) == [
        "legevakten flyttes til Nordvik", "legge ned sengeposten i Testvik og erstatte den med hjemmesykehus"]


def test_opposes_edge_is_recomputed_when_the_letter_changes(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g", graph_name="opposition-change")
    try:
        testvik, _ = write_letters(tmp_path / "letters")
        ingest(store, [testvik])
        assert ("testvik-kommune", "OPPOSES", "legevakt") in _stance_edges(store)
        testvik.write_text(TESTVIK.replace("støtter ikke at legevakten flyttes til Nordvik",
                                           "foreslår en døgnåpen legevakt i Testvik"), "utf-8")
        ingest(store, [testvik])
        edges = _stance_edges(store)
        assert ("testvik-kommune", "OPPOSES", "legevakt") not in edges
        assert edges[("testvik-kommune", "PROPOSES", "legevakt")]["count"] == 1
        assert edges[("testvik-kommune", "OPPOSES", "hjemmesykehus")]["count"] == 1
    finally:
        store.close()


def _recipe(store, name: str, **params) -> list[dict]:
    return run_recipe(store, load_recipes(ROOT / "cypher")[name], params)


def test_recipes_show_opposition_apart_from_support(opposing) -> None:
    rows = _recipe(opposing, "who_opposes", measure="hjemmesykehus")
    assert [r["actor_id"] for r in rows] == ["testvik-kommune"]
    assert [(e["quote"], e["page"], e["kind"]) for e in rows[0]["evidence"]] == [(OPPOSED_QUOTE, 2, "opposition")]
    assert _recipe(opposing, "who_opposes", **load_recipes(ROOT / "cypher")["who_opposes"].example)  # its example
    assert [r["actor_id"] for r in _recipe(opposing, "who_proposes", measure="hjemmesykehus")] == ["nordvik-kommune"]
    opposes = _recipe(opposing, "what_actor_proposes", actor="testvik-kommune", relation="OPPOSES")
    assert _vocabulary({r["measure_id"] for r in opposes}) == {"hjemmesykehus", "legevakt"}
    assert all(r["relation"] == "OPPOSES" for r in opposes)
    proposes = _recipe(opposing, "what_actor_proposes", actor="testvik-kommune")
    assert {r["measure_id"] for r in proposes} == {"kombinerte-stillinger"}
    support = _recipe(opposing, "support_by_actor_type", measure="legevakt")
    assert {(r["relation"], r["stance"], tuple(r["actor_names"])) for r in support} == {
        ("PROPOSES", "for", ("Nordvik kommune",)), ("OPPOSES", "against", ("Testvik kommune",))}
    pair = _recipe(opposing, "evidence_for_pair", actor="testvik-kommune", measure="hjemmesykehus")
    assert [(r["relation"], r["kind"], r["quote"]) for r in pair] == [("OPPOSES", "opposition", OPPOSED_QUOTE)]
    around = _recipe(opposing, "neighbourhood", id="hjemmesykehus")
    assert {(r["source"], r["relation"]) for r in around} >= {("testvik-kommune", "OPPOSES"),
                                                              ("nordvik-kommune", "PROPOSES")}
    theme = "desentraliserte-tjenester-pasientforlop"
    assert [r["actor"] for r in _recipe(opposing, "actors_by_theme", theme=theme)] == ["Nordvik kommune"]
    assert [r["actor"] for r in _recipe(opposing, "actors_by_theme", theme=theme, relation="OPPOSES")] == [
        "Testvik kommune"]
    by_theme = _recipe(opposing, "measures_by_theme", theme=theme)
    assert [(r["measure_id"], r["actor_names"]) for r in by_theme if _vocabulary({r["measure_id"]})] == [
        ("hjemmesykehus", ["Nordvik kommune"])]
    assert [r["measure_id"] for r in _recipe(opposing, "most_proposed_measures")] and all(
        r["actors"] == 1 for r in _recipe(opposing, "most_proposed_measures"))  # Testvik's opposition not counted


def _only_testvik_opposes(result: dict) -> None:
    it = result["interpretation"]
    assert it["intent"] == "who_opposes" and it["relations"] == ["OPPOSES"], it
    assert it["recipe"] == {"name": "who_opposes", "params": {"measure": "hjemmesykehus", "group": ""}}
    answers = result["answers"]
    assert [(a["actor"]["id"], a["relation"], a["measure"]["id"]) for a in answers] == [
        ("testvik-kommune", "OPPOSES", "hjemmesykehus")]
    assert [(e["quote"], e["page"]) for e in answers[0]["evidence"]] == [(OPPOSED_QUOTE, 2)]


@pytest.mark.parametrize("question", ["Hvem går imot hjemmesykehus?", "Hvem er imot hjemmesykehus?",
                                      "Hvem støtter ikke hjemmesykehus?", "Kven går imot hjemmesykehus?",
                                      "Who opposes hospital at home?", "Who is against hospital at home?",
                                      "Who rejects hospital at home?",
                                      "Hvem går imot forslaget om å erstatte sengeposten med hjemmesykehus?"])
def test_ask_who_opposes(opposing, question: str) -> None:
    _only_testvik_opposes(ask(opposing, question))


def test_ask_who_opposes_through_the_cli(opposing) -> None:
    env = {**os.environ, "INNSPILL_GRAPH": f"embedded:{opposing.folder}", "INNSPILL_GRAPH_NAME": "opposition"}
    run = subprocess.run([sys.executable, "-m", "innspill", "ask", "--json", "Hvem går imot hjemmesykehus?"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    _only_testvik_opposes(json.loads(run.stdout))


@pytest.mark.parametrize("question", ["Hvem foreslår hjemmesykehus?", "Who proposes hospital at home?"])
def test_who_proposes_never_answers_an_opposer(opposing, question: str) -> None:
    result = ask(opposing, question)
    assert result["interpretation"]["intent"] == "who_proposes"
    assert [(a["actor"]["id"], a["relation"]) for a in result["answers"]] == [("nordvik-kommune", "PROPOSES")]


def test_what_an_actor_opposes(opposing) -> None:
    result = ask(opposing, "Hva går Testvik kommune imot?")
    assert result["interpretation"]["relations"] == ["OPPOSES"]
    assert {(a["relation"], a["measure"]["id"]) for a in result["answers"]
            if _vocabulary({a["measure"]["id"]})} == {("OPPOSES", "hjemmesykehus"),
                                                                                ("OPPOSES", "legevakt")}


def test_api_lists_opposition_with_evidence(opposing) -> None:
    with TestClient(create_app(opposing)) as client:
        m = client.get("/v1/measures/hjemmesykehus").json()
        opposed = [r for r in m["relations"] if r["relation"] == "OPPOSES"]
        assert [r["actor_id"] for r in opposed] == ["testvik-kommune"]
        # (a PDF's quote is found by its page; the line is a text file's)
        assert opposed[0]["evidence"] == [{"quote": OPPOSED_QUOTE, "document": "testvik-kommune-innspill", "page": 2,
                                           "line": None, "kind": "opposition"}]
        assert [r["actor_id"] for r in m["relations"] if r["relation"] == "PROPOSES"] == ["nordvik-kommune"]
        a = client.get("/v1/actors/testvik-kommune").json()
        assert {(r["relation"], r["measure_id"]) for r in a["relations"] if _vocabulary({r["measure_id"]})} == {
            ("PROPOSES", "kombinerte-stillinger"), ("OPPOSES", "hjemmesykehus"), ("OPPOSES", "legevakt")}
        actors = {x["id"]: x for x in client.get("/v1/actors").json()["items"]}
        assert (actors["testvik-kommune"]["proposes"], actors["testvik-kommune"]["opposes"]) == (1, 4)
        assert actors["nordvik-kommune"]["opposes"] == 0
        measures = {x["id"]: x for x in client.get("/v1/measures").json()["items"]}
        assert (measures["hjemmesykehus"]["actors"], measures["hjemmesykehus"]["opposes"]) == (1, 1)
        assert client.get("/v1/stats").json()["relationships"]["OPPOSES"] == 4  # two to discovered measures
        theme = client.get("/v1/themes/akutt-tjenester").json()
        assert {(x["id"], tuple(x["opposed_by"]), tuple(x["proposed_by"])) for x in theme["measures"]} == {
            ("legevakt", ("Testvik kommune",), ("Nordvik kommune",)),
            ("m-flytt-legevakt-nordvik", ("Testvik kommune",), ())}  # moving it, discovered
        g = client.get("/v1/graph", params={"center": "hjemmesykehus"}).json()
        assert {"source": "testvik-kommune", "target": "hjemmesykehus", "type": "OPPOSES", "count": 1} in g["edges"]
        assert client.get("/v1/graph", params={"whole": "true"}).json()["edges"]
        ask_body = client.get("/v1/ask", params={"q": "Who opposes hospital at home?"}).json()
        assert [a["relation"] for a in ask_body["answers"]] == ["OPPOSES"]
        spec = client.get("/openapi.json").json()
        assert "Hvem går imot forslaget om å legge ned legevakten?" in json.dumps(spec, ensure_ascii=False)


def test_exports_carry_opposition(opposing, tmp_path: Path) -> None:
    data = export_json(opposing)
    assert {(r["start"], r["end"]) for r in data["relationships"] if r["type"] == "OPPOSES"
            and _vocabulary({r["end"]})} == {
        ("testvik-kommune", "hjemmesykehus"), ("testvik-kommune", "legevakt")}
    rows = list(csv.DictReader(io.StringIO(export_evidence(opposing))))
    assert {(r["actor"], m, r["page"]) for r in rows if r["relation"] == "OPPOSES"
            for m in r["measure"].split("; ") if m in ("hjemmesykehus", "legevakt")} == {
        ("Testvik kommune", "hjemmesykehus", "2"), ("Testvik kommune", "legevakt", "2")}
    assert OPPOSED_QUOTE in {r["quote"] for r in rows if r["relation"] == "OPPOSES"}
    assert 'OPPOSES' in export_graphml(opposing)
    _, edges = export_csv(opposing, tmp_path / "csv")
    with edges.open(encoding="utf-8") as f:
        assert sum(r["type"] == "OPPOSES" for r in csv.DictReader(f)) == 4  # with the discovered measures
    html = export_html(opposing)
    assert "OPPOSES (1 statements)" in html and "#d62728" in html


def _vocabulary(ids: set[str]) -> set[str]:
    """The vocabulary's measures among these ids (discovered ones are "m-…")."""
    return {i for i in ids if not i.startswith("m-")}


@pytest.mark.parametrize(("sentence", "opposes"), [
    ("Testvik kommune går imot at legevakten flyttes til Nordvik.", True),
    ("Vi er kjent med at Nordvik kommune går imot at legevakten flyttes.", False),
    ("Vi forstår at Nordvik kommune er imot hjemmesykehus i regionen.", False),
    ("Nordvik kommune har i møte 3. mars gitt uttrykk for at den er imot en felles legevakt.", False),
    ("Kommuneoverlegen har sagt til oss at hun er imot en felles legevakt med Nordvik.", False),
])
def test_anothers_opposition_acknowledged_or_told_is_not_the_senders(tmp_path: Path, sentence: str,
                                                                     opposes: bool) -> None:
    """"Vi er kjent med at Nordvik kommune går imot …" in Testvik's letter is Nordvik's rejection, told: no OPPOSES of
    Testvik's (nor a PROPOSES); its own "går imot" is one."""
    from graph.extract.statements import extract
    from loaders import load_document

    f = tmp_path / "testvik-kommune_innspill.txt"
    f.write_text(f"Testvik kommune\nPostboks 1\n9999 Testvik\n\nHøringssvar\n\n{sentence}\n\n"
                 "Med hilsen\nTestvik kommune\n", "utf-8")
    x = extract(load_document(f))
    said = [s.kind for s in x.statements if x.actors[s.speaker].name == "Testvik kommune"
            and s.kind in ("opposition", "proposal")]
    assert said == (["opposition"] if opposes else [])


@pytest.mark.parametrize("question", ["Hva er de vanligste innvendingene?", "What are the most common objections?"])
def test_the_most_common_objections_are_the_measures_most_actors_oppose(opposing, question: str) -> None:
    """"Hva er de vanligste innvendingene?" ranks what is opposed, each measure with those who oppose it and their
    quotes; not the proposals (graph/ask/most_backed.py)."""
    out = ask(opposing, question)
    assert out["interpretation"]["intent"] == "most_backed" and out["answers"]
    assert all(a["relation"] == "OPPOSES" and a["evidence"][0]["quote"] for a in out["answers"])
    assert "oppose" in out["interpretation"]["note"]
