"""Conventions a newcomer relies on: counts are integers, unknown ids are 404, every CLI command and option
has help text."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from fastapi.testclient import TestClient

from api.app import create_app
from graph.ingest import ingest
from graph.store.embedded import EmbeddedStore
from innspill.cli import app as cli_app

from .conftest import CORPUS, ROOT
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


# --- layering: the core (graph/, loaders/) does not know the CLI or the API ---------------------------------

def _imports(path: Path, *, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _first(names: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if n.split(".")[0] in packages)


def test_core_imports_nothing_from_cli_or_api() -> None:
    bad = {}
    for folder in ("graph", "loaders"):
        for path in (ROOT / folder).rglob("*.py"):
            if hits := _first(_imports(path, top_level_only=False), ("innspill", "api")):
                bad[str(path.relative_to(ROOT))] = hits
    for folder, other in (("api", "innspill"), ("innspill", "api")):  # not at package level: no cycle
        for path in (ROOT / folder).rglob("*.py"):
            if hits := _first(_imports(path, top_level_only=True), (other,)):
                bad[str(path.relative_to(ROOT))] = hits
    assert not bad, bad
    loaded = subprocess.run([sys.executable, "-c", "import sys, graph.store, graph.ingest, graph.ask, graph.answer, "
                             "graph.export, graph.recipes, graph.settings, loaders; graph.store.open_store; "
                             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('innspill', 'api')))"],
                            capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip()
    assert loaded == "[]", loaded


# --- settings: one readable line for a bad value; MB means 2**20 bytes everywhere ------------------------

@pytest.mark.parametrize("variable, value", [("INNSPILL_WORKERS", "0"), ("INNSPILL_MAX_FILE_MB", "lots"),
                                             ("INNSPILL_MAX_FILE_MB", "-5")])
def test_bad_setting_is_one_readable_line(variable: str, value: str) -> None:
    env = {**os.environ, variable: value}
    out = subprocess.run([sys.executable, "-m", "innspill", "stats"], env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {variable}={value}: "), out.stderr
    assert "Traceback" not in out.stderr and "pydantic" not in out.stderr


def test_size_limit_is_stated_in_the_same_megabytes(tmp_path: Path) -> None:
    from graph.settings import MB, Settings
    from loaders import LoadError, load_document

    settings = Settings(max_file_mb=50)
    assert settings.max_file_bytes == 50 * MB
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: 51 MB on paper, nothing on disk
        f.truncate(51 * MB)
    with pytest.raises(LoadError, match=r"file is 51\.0 MB, over the limit of 50 MB"):
        load_document(big, max_bytes=settings.max_file_bytes)


# --- one name normaliser, one slug function, data read and compiled once ---------------------------------

def test_one_name_normaliser_and_one_slug_function() -> None:
    import graph.evaluate
    import graph.extract.decisions
    import graph.extract.vocab
    import loaders
    import loaders.load
    from loaders.names import normal_name, slugify

    assert graph.evaluate.actor_key is normal_name and graph.extract.vocab.normal_name is normal_name
    assert loaders.slugify is slugify and loaders.load.slugify is slugify
    assert normal_name("Helse  Sør-Øst RHF") == normal_name("helse sør-øst") == "helse sør-øst"
    assert normal_name("Lovisenberg Diakonale Sykehus AS") == "lovisenberg diakonale sykehus"
    # a short name in brackets after the name is no part of it; a name that is only brackets keeps them
    assert normal_name("Regionalt kompetansesenter for eldremedisin (SESAM)") == \
        normal_name("Regionalt kompetansesenter for eldremedisin") and normal_name("(FFO)") == "(ffo)"
    assert slugify("Sykehuset Østfold HF") == "sykehuset-ostfold-hf" and slugify("Café Ærø") == "cafe-aero"
    # curator decisions find an actor under any spelling the normaliser joins
    actors = [{"name": "Sykehuset Østfold HF", "aliases": []}]
    merged = graph.extract.decisions.apply_decisions(
        actors, [{"action": "alias", "actor": "sykehuset  østfold", "alias": "SØHF"}])
    assert merged[0]["aliases"] == ["SØHF"] and merged[0]["id"] == "sykehuset-ostfold-hf"


def test_shared_patterns_and_data_are_read_once() -> None:
    sources = {p: p.read_text("utf-8") for folder in ("graph", "loaders") for p in (ROOT / folder).rglob("*.py")}
    assert sum(s.count('PATTERNS["closing"]') for s in sources.values()) == 1
    assert sum(s.count('"speakers.yaml"') for s in sources.values()) == 1
    relation_tables = [p for p, s in sources.items() if "'proposal'" in s.replace('"', "'") and
                       "'REPORTS_AS_EXAMPLE'" in s.replace('"', "'") and "{" in s and p.name != "relations.py"
                       and "\"proposal\": \"PROPOSES\"" in s]
    assert not relation_tables, relation_tables


def test_recipe_relation_parameter_is_checked(client) -> None:
    r = client.get("/v1/recipes/actors_by_theme", params={"theme": "psykisk-helse-rus", "relation": "LIKES"})
    assert r.status_code == 400 and "PROPOSES, OPPOSES, REPORTS_AS_EXAMPLE" in r.json()["error"]["message"]
    ok = client.get("/v1/recipes/actors_by_theme", params={"theme": "psykisk-helse-rus", "relation": "OPPOSES"})
    assert ok.status_code == 200


def test_no_name_or_alias_stands_for_two_vocabulary_entries() -> None:
    """One organisation entered twice ("Røde Kors" and "Norges Røde Kors") splits its statements between two nodes."""
    from collections import defaultdict

    from graph.extract.vocab import load_vocabulary

    vocab = load_vocabulary()
    for kind in ("actors", "measures", "groups"):
        ids: dict[str, set[str]] = defaultdict(set)
        for e in getattr(vocab, kind).entries.values():
            for name in (e.name, *e.aliases):
                ids[name.lower()].add(e.id)
        assert {n: i for n, i in ids.items() if len(i) > 1} == {}, kind
