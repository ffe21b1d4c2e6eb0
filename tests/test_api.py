"""The HTTP API against the real embedded store loaded with the corpus."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.ingest import ingest, stats
from graph.store.embedded import EmbeddedStore

from .conftest import CORPUS, GOLD


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    store = EmbeddedStore(tmp_path_factory.mktemp("api-graph"), graph_name="api")
    ingest(store, [CORPUS])
    with TestClient(create_app(store)) as c:
        c.store = store
        yield c
    store.close()


def test_health_reports_store_and_counts(client) -> None:
    body = client.get("/v1/health").json()
    assert body["store"] == "embedded" and body["nodes"]["Document"] == 5


def test_recipe_by_name_with_evidence(client) -> None:
    body = client.get("/v1/recipes/who_reports_example", params={"measure": "fact"}).json()
    assert body["rows"]
    assert all(e["quote"] and e["document"] for r in body["rows"] for e in r["evidence"])


@pytest.mark.parametrize("url, status", [
    ("/v1/recipes/who_proposes", 400),  # missing parameter
    ("/v1/recipes/most_proposed_measures?limit=abc", 400),
    ("/v1/recipes/most_proposed_measures?nope=1", 400),
    ("/v1/recipes/no_such_recipe", 404),
    ("/v1/search?q=", 422),
    ("/v1/documents?limit=-1", 422),
])
def test_bad_parameters_get_one_error_shape(client, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert set(r.json()["error"]) == {"code", "message"}


def test_injection_attempts_change_nothing(client) -> None:
    before = stats(client.store)
    for evil in ["'}) DETACH DELETE n //", "x' OR 1=1 MATCH (n) DETACH DELETE n //", "\") DETACH DELETE n //"]:
        client.get("/v1/recipes/who_proposes", params={"measure": evil})
        client.get("/v1/search", params={"q": evil})
        client.get("/v1/recipes/documents_by_actor", params={"actor": evil})
        client.get("/v1/ask", params={"q": f"hvem foreslår {evil}?"})
        client.get("/v1/actors", params={"q": evil, "type": evil})
        client.get(f"/v1/measures/{evil}")
        client.get("/v1/graph", params={"center": evil, "depth": 2})
        client.get("/v1/recipes/search_statements", params={"q": evil})
    assert stats(client.store) == before


def test_search_uses_norwegian_stemming(client) -> None:
    body = client.get("/v1/search", params={"q": "jordmødrene"}).json()
    assert any("jordm" in r["quote"].lower() for r in body["results"])


def test_openapi_lists_every_endpoint(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ["/v1/health", "/v1/stats", "/v1/actors", "/v1/actors/{actor_id}", "/v1/measures",
              "/v1/measures/{measure_id}", "/v1/themes", "/v1/themes/{theme_id}", "/v1/groups", "/v1/groups/{group_id}",
              "/v1/documents", "/v1/documents/{document_id}", "/v1/search", "/v1/ask", "/v1/recipes",
              "/v1/recipes/{name}", "/v1/graph", "/v1/export"]:
        assert p in paths, p
    assert "post" in paths["/v1/documents"]


def test_entity_lists_filter_and_paginate(client) -> None:
    hf = client.get("/v1/actors", params={"type": "HF", "limit": 3}).json()
    assert len(hf["items"]) == 3 and hf["total"] > 3 and all(a["type"] == "HF" for a in hf["items"])
    page2 = client.get("/v1/actors", params={"type": "HF", "limit": 3, "offset": 3}).json()
    assert not {a["id"] for a in hf["items"]} & {a["id"] for a in page2["items"]}
    found = client.get("/v1/actors", params={"q": "ahus"}).json()["items"]  # an alias
    assert [a["id"] for a in found] == ["akershus-universitetssykehus-hf"]
    digital = client.get("/v1/measures", params={"theme": "digitalisering", "limit": 500}).json()["items"]
    assert "emestring" in {m["id"] for m in digital} and all("digitalisering" in m["themes"] for m in digital)
    assert client.get("/v1/themes").json()["total"] == 16
    assert any(g["id"] == "jordmodre" for g in client.get("/v1/groups").json()["items"])
    subs = client.get("/v1/documents", params={"kind": "plan"}).json()
    assert subs["total"] == 1 and subs["items"][0]["kind"] == "plan"


def test_entity_details_carry_evidence(client) -> None:
    m = client.get("/v1/measures/fact").json()
    assert m["measure"]["name"] == "FACT" and m["themes"]
    examples = [r for r in m["relations"] if r["relation"] == "REPORTS_AS_EXAMPLE"]
    assert {"Akershus universitetssykehus HF", "Lovisenberg Diakonale Sykehus"} <= {r["actor"] for r in examples}
    assert all(e["quote"] and e["document"] for r in m["relations"] for e in r["evidence"])
    a = client.get("/v1/actors/ringsaker-kommune").json()
    assert a["documents"] and a["relations"] and a["actor"]["type"] == "kommune"
    t = client.get("/v1/themes/psykisk-helse-rus").json()
    assert "fact" in {x["id"] for x in t["measures"]}
    g = client.get("/v1/groups/jordmodre").json()
    assert any("jordm" in s["quote"].lower() for s in g["statements"])
    doc_id = client.get("/v1/documents").json()["items"][0]["id"]
    d = client.get(f"/v1/documents/{doc_id}", params={"kind": "proposal", "limit": 5}).json()
    assert d["authors"] and len(d["statements"]) <= 5 and all(s["kind"] == "proposal" for s in d["statements"])
    rows = [r for item in client.get("/v1/documents").json()["items"]
            for r in client.get(f"/v1/documents/{item['id']}", params={"limit": 500}).json()["statements"]]
    assert len({r["id"] for r in rows}) == len(rows)  # one row per statement, co-speakers listed in it
    assert all(r["speaker"] == r["speakers"][0] for r in rows) and any(len(r["speakers"]) > 1 for r in rows)
    for url in ["/v1/actors/nobody", "/v1/measures/nothing", "/v1/themes/x", "/v1/groups/x", "/v1/documents/x"]:
        r = client.get(url)
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_graph_for_the_explorer(client) -> None:
    start = client.get("/v1/graph").json()
    labels = {n["label"] for n in start["nodes"]}
    assert {"Actor", "Measure"} <= labels and start["edges"]
    ids = {n["id"] for n in start["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in start["edges"])
    around = client.get("/v1/graph", params={"center": "fact"}).json()
    assert all("fact" in (e["source"], e["target"]) for e in around["edges"])
    deeper = client.get("/v1/graph", params={"center": "fact", "depth": 2}).json()
    assert len(deeper["nodes"]) > len(around["nodes"])
    assert client.get("/v1/graph", params={"depth": 9}).status_code == 422


def test_export_formats(client) -> None:
    body = client.get("/v1/export").json()
    assert body["nodes"] and body["relationships"]
    assert "<graphml" in client.get("/v1/export", params={"format": "graphml"}).text[:200]
    assert client.get("/v1/export", params={"format": "evidence"}).text.splitlines()[0].startswith("actor")
    assert client.get("/v1/export", params={"format": "exe"}).status_code == 422


def test_ask_in_english_and_norwegian_gives_the_same_answer(client) -> None:
    en = client.get("/v1/ask", params={"q": "Who proposes combined positions for midwives?"}).json()
    no = client.get("/v1/ask", params={"q": "Hvem foreslår kombinerte stillinger for jordmødre?"}).json()
    assert en["interpretation"]["intent"] == no["interpretation"]["intent"] == "who_proposes"
    assert en["interpretation"]["measure"] == "kombinerte-stillinger" and en["interpretation"]["group"] == "jordmodre"
    assert [a["actor"]["id"] for a in en["answers"]] == [a["actor"]["id"] for a in no["answers"]]
    # every actor with a proposal about combined positions that mentions midwives, each with its quotes
    rows = client.get("/v1/recipes/who_proposes", params={"measure": "kombinerte-stillinger",
                                                           "group": "jordmodre"}).json()["rows"]
    assert {a["actor"]["id"] for a in en["answers"]} == {r["actor_id"] for r in rows}
    for a in en["answers"]:
        assert a["relation"] == "PROPOSES" and a["measure"]["id"] == "kombinerte-stillinger"
        assert all(e["quote"] and e["document"] and "page" in e for e in a["evidence"])


def test_ask_falls_back_to_search_and_says_so(client) -> None:
    body = client.get("/v1/ask", params={"q": "jordmødrene ultralyd"}).json()
    assert body["interpretation"]["intent"] == "search" and "full-text" in body["interpretation"]["note"]
    assert body["answers"] and any("jordm" in e["quote"].lower() for a in body["answers"] for e in a["evidence"])


def test_gold_questions_through_ask(client) -> None:
    """The visible gold questions, asked as written (Norwegian and English), through /v1/ask with the question's
    document scope. Floors, not targets: the figures are printed by `innspill eval` (59/60 in each language at the
    end of session 26; a floor of 57 would have caught a generic "organisasjoner" kind that took three of them)."""
    import yaml

    from graph.evaluate import evaluate_questions

    questions = yaml.safe_load((GOLD / "questions.yaml").read_text("utf-8"))
    for lang, floor in (("no", 0.95), ("en", 0.95)):
        def asked(q, lang=lang):
            return client.get("/v1/ask", params={"q": q[f"question_{lang}"], "document": q.get("documents")}).json()[
                "answers"]
        results = evaluate_questions(GOLD, asked)
        assert sum(r.ok for r in results) / len(questions) >= floor, [r.id for r in results if not r.ok]
    by_id = {r.id: r for r in evaluate_questions(GOLD, lambda q: client.get(
        "/v1/ask", params={"q": q["question_no"], "document": q.get("documents")}).json()["answers"])}
    assert by_id["q085"].ok  # the card's own question: who proposes combined positions for midwives


def test_upload_needs_the_key_and_loads_the_file(client, monkeypatch) -> None:
    from innspill.settings import get_settings

    text = ("Innspill fra Opplastvik kommune\n\nHvilke tiltak er aktuelle?\n\n"
            "• Opplastvik kommune foreslår hospitering mellom kommune og sykehus.\n").encode()
    files = {"file": ("opplastvik.txt", text, "text/plain")}
    monkeypatch.setattr(get_settings(), "api_key", None)
    assert client.post("/v1/documents", files=files).status_code == 403
    monkeypatch.setattr(get_settings(), "api_key", "s3cret")
    monkeypatch.setattr(get_settings(), "home", client.store.folder.parent)
    before = stats(client.store)
    r = client.post("/v1/documents", files=files)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert client.post("/v1/documents", files=files, headers={"X-API-Key": "wrong"}).status_code == 401
    bad = {"file": ("broken.pdf", b"%PDF-1.4 garbage", "application/pdf")}
    r = client.post("/v1/documents", files=bad, headers={"X-API-Key": "s3cret"})
    assert r.status_code == 422 and r.json()["error"]["message"]
    r = client.post("/v1/documents", files={"file": ("x.exe", b"MZ", "application/octet-stream")},
                    headers={"X-API-Key": "s3cret"})
    assert r.status_code == 422
    monkeypatch.setattr(get_settings(), "max_file_mb", 0.0001)
    r = client.post("/v1/documents", files=files, headers={"X-API-Key": "s3cret"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    assert stats(client.store) == before  # nothing refused changed the graph
    monkeypatch.setattr(get_settings(), "max_file_mb", 50.0)
    r = client.post("/v1/documents", files=files, headers={"X-API-Key": "s3cret"})
    assert r.status_code == 201 and r.json()["statements"] >= 1
    ask = client.get("/v1/ask", params={"q": "Hva foreslår Opplastvik kommune?"}).json()
    assert any(a["actor"]["id"] == "opplastvik-kommune" and a["measure"]["id"] == "hospitering"
               for a in ask["answers"])
    client.store.write("MATCH (d:Document {id: $id})-[:CONTAINS]->(s) DETACH DELETE s, d",
                       {"id": r.json()["documents"][0]})


def test_cors_is_configurable(client, monkeypatch) -> None:
    from innspill.settings import get_settings

    monkeypatch.setattr(get_settings(), "cors_origins", "https://example.org")
    with TestClient(create_app(client.store)) as c:
        r = c.get("/v1/health", headers={"Origin": "https://example.org"})
        assert r.headers.get("access-control-allow-origin") == "https://example.org"
    assert "access-control-allow-origin" not in client.get("/v1/health", headers={"Origin": "https://x.org"}).headers


def _fuzz(op, failures: list) -> None:
    from hypothesis import HealthCheck, given, settings

    @settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(case=op.as_strategy())
    def check(case) -> None:
        r = case.call()
        failures.append(None)  # a call was made
        if r.status_code >= 500:
            failures.append((op.path, case.path_parameters, case.query, r.status_code, r.text[:200]))

    check()


def test_schema_fuzzing_finds_no_server_error(client) -> None:
    """Property-based requests generated from the OpenAPI schema (schemathesis): no 5xx, no write."""
    import schemathesis

    before = stats(client.store)
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    failures: list = []
    for result in schema.get_all_operations():
        op = result.ok()
        if op.method.upper() == "GET":
            _fuzz(op, failures)
    assert len(failures) > 200  # the generated requests really ran
    errors = [f for f in failures if f]
    assert not errors, errors[:5]
    assert stats(client.store) == before


def test_errors_never_echo_internals(client) -> None:
    """An unexpected exception and a store's query error reach the log, not the client: a fixed message."""
    from graph.store import QueryError

    app = create_app(client.store)  # its own app: the routes below never reach the schema fuzzing

    @app.get("/v1/_boom")
    def boom() -> None:
        raise RuntimeError("secret /srv/innspill/.innspill/graph/password")

    @app.get("/v1/_query")
    def query() -> None:
        raise QueryError("errMsg: Invalid input at end of input: expected MATCH near 'DETACH' line: 1")

    with TestClient(app, raise_server_exceptions=False) as c:
        for path, status in (("/v1/_boom", 500), ("/v1/_query", 400)):
            r = c.get(path)
            assert r.status_code == status
            assert set(r.json()) == {"error"}
            text = r.text.lower()
            assert "secret" not in text and "password" not in text and "detach" not in text and "errmsg" not in text
