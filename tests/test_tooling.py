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
    files = sorted(str(p) for p in (ROOT / "graph" / "cypher").glob("*.cypher"))
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


def _processes() -> list[tuple[int, int, str]]:
    """(pid, parent pid, command line) of every process, from /proc (no procps needed)."""
    from pathlib import Path

    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmd = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        out.append((int(stat.parent.name), ppid, cmd))
    return out


def test_serve_with_two_worker_processes_shares_one_store(tmp_path) -> None:
    """`innspill serve --workers 2`: both processes attach to the FalkorDB the parent started and answer."""
    import sys
    import time

    import httpx

    from graph.store.embedded import free_port

    graph = f"embedded:{tmp_path / 'g'}"
    subprocess.run([sys.executable, "-m", "innspill", "ingest", str(ROOT / "data" / "corpus" /
                    "ringsaker-kommune_innspill-nhsp_2022.txt"), "--graph", graph], cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "innspill", "serve", "--graph", graph, "--port", str(port),
                             "--workers", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline, answered = time.monotonic() + 60, 0
        while time.monotonic() < deadline and answered < 20:
            try:
                with httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:  # a new connection each time
                    r = http.get("/v1/stats")
                assert r.status_code == 200 and r.json()["nodes"]["Document"] == 1
                answered += 1
            except httpx.HTTPError:
                time.sleep(0.2)
        workers = [pid for pid, ppid, cmd in _processes() if ppid == proc.pid and "spawn_main" in cmd]
        assert answered == 20 and len(workers) == 2, (answered, workers)
    finally:
        proc.terminate()
        proc.wait(30)
    assert not (tmp_path / "g" / "server.json").exists()  # the parent stopped the FalkorDB it started


def test_make_demo_installs_runtime_dependencies_only() -> None:
    if not shutil.which("make"):
        pytest.skip("no make on this machine")
    demo = subprocess.run(["make", "-n", "-B", "demo"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    installs = [line for line in demo.splitlines() if "pip install" in line and "--upgrade pip" not in line]
    assert installs and all("[" not in line for line in installs), installs  # no extras
    test = subprocess.run(["make", "-n", "-B", "test"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "-e '.[dev]'" in test and "pytest -q" in test
