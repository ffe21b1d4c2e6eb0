"""The HTTP API against the real embedded store loaded with the corpus."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.ingest import ingest, stats
from graph.store.embedded import EmbeddedStore

from .conftest import CORPUS


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
    assert stats(client.store) == before


def test_search_uses_norwegian_stemming(client) -> None:
    body = client.get("/v1/search", params={"q": "jordmødrene"}).json()
    assert any("jordm" in r["quote"].lower() for r in body["results"])


def test_openapi_and_start_page(client) -> None:
    assert "/v1/recipes/{name}" in client.get("/openapi.json").json()["paths"]
    assert "Innspill Graph" in client.get("/").text
