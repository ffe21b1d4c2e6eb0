"""Conventions a newcomer relies on: counts are integers, unknown ids are 404, every CLI command and option
has help text."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from fastapi.testclient import TestClient

from api.app import create_app
from graph.ingest import ingest
from graph.store.embedded import EmbeddedStore
from innspill.cli import app as cli_app

from .conftest import CORPUS
from .test_opposition import write_letters

FLOAT_KEYS = {"score", "seconds", "confidence"}  # scores and durations are the only real numbers


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("conventions")
    store = EmbeddedStore(folder / "graph", graph_name="conventions")
    report = ingest(store, [CORPUS, *write_letters(folder / "letters")])  # the letters oppose, the corpus does not
    assert not report.failures
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def _floats(value: Any, path: str = "") -> list[str]:
    if isinstance(value, float):
        return [] if path.rsplit(".", 1)[-1] in FLOAT_KEYS else [path]
    if isinstance(value, dict):
        return [f for k, v in value.items() for f in _floats(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [f for v in value for f in _floats(v, path)]
    return []


def test_counts_are_integers_everywhere(client) -> None:
    stats = client.get("/v1/stats").json()
    assert all(type(v) is int for section in stats.values() for v in section.values()), stats
    urls = ["/v1/health", "/v1/actors?limit=500", "/v1/measures?limit=500", "/v1/themes", "/v1/groups",
            "/v1/documents", "/v1/measures/legevakt", "/v1/actors/helse-sor-ost-rhf", "/v1/themes/psykisk-helse-rus",
            "/v1/graph", "/v1/graph?whole=true", "/v1/graph?center=fact&depth=2", "/v1/search?q=legevakt",
            "/v1/ask?q=Hvem+går+imot+forslaget+om+å+legge+ned+legevakten?", "/v1/export?format=json"]
    for url in urls:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text)
        assert not _floats(r.json()), (url, _floats(r.json()))
    actors = client.get("/v1/actors?limit=500").json()["items"]
    assert any(a["opposes"] > 0 for a in actors) and any(a["proposes"] > 0 for a in actors)
    assert all(type(a[k]) is int for a in actors for k in ("proposes", "opposes", "examples"))
    for recipe in client.get("/v1/recipes").json():
        for relation in ("PROPOSES", "OPPOSES", "REPORTS_AS_EXAMPLE"):
            params = dict(recipe["example"])
            if any(p["name"] == "relation" for p in recipe["params"]):
                params["relation"] = relation
            r = client.get(f"/v1/recipes/{recipe['name']}", params=params)
            assert r.status_code == 200, (recipe["name"], r.text)
            assert not _floats(r.json()), (recipe["name"], relation, _floats(r.json()))


def test_unknown_graph_center_is_404(client) -> None:
    r = client.get("/v1/graph", params={"center": "no-such-node"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert client.get("/v1/graph", params={"center": "fact"}).status_code == 200
    assert client.get("/v1/graph", params={"center": "psykisk-helse-rus", "depth": 2}).json()["nodes"]


def test_every_command_and_option_has_help() -> None:
    missing = []

    def walk(command: Any, path: str) -> None:
        if not (command.help or "").strip():
            missing.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}")
        for param in getattr(command, "params", []):
            if param.name != "help" and not (getattr(param, "help", None) or "").strip():
                missing.append(f"{path} {param.name}")

    walk(typer.main.get_command(cli_app), "innspill")
    assert not missing, missing
