"""Build-time checks: recipes pass Neo4j's own Cypher linter; the compose file is valid."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from .conftest import ROOT

LINT = ROOT / "tools" / "lint_cypher.mjs"


def _lint(*files: str) -> dict[str, list[dict]]:
    if not (ROOT / "tools" / "node_modules" / "@neo4j-cypher").exists():
        pytest.fail("the Cypher linter is not installed: run `make test` (it runs npm install in tools/)")
    out = subprocess.run(["node", str(LINT), *files], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_every_recipe_passes_neo4j_linter() -> None:
    files = sorted(str(p) for p in (ROOT / "cypher").glob("*.cypher"))
    assert files
    errors = {f: [d for d in diags if d["severity"] == 1] for f, diags in _lint(*files).items()}
    assert errors == {f: [] for f in files}


def test_linter_catches_errors(tmp_path) -> None:
    bad = tmp_path / "bad.cypher"
    bad.write_text("// params: x: string\nMATCH (n) WHERE n.id = $y RETURN n LIMIT")
    assert any(d["severity"] == 1 for d in _lint(str(bad))[str(bad)])


def test_compose_file_is_valid() -> None:
    docker = shutil.which("docker")
    if not docker or subprocess.run([docker, "compose", "version"], capture_output=True).returncode != 0:
        pytest.skip("no docker compose CLI plugin on this machine")
    out = subprocess.run([docker, "compose", "config", "-q"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
