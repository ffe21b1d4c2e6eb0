"""The installed package, not the checkout: build the wheel, install it into a fresh venv and use it from a
folder outside the checkout. Offline: the wheel is built with the test venv's setuptools (no build isolation)
and the fresh venv finds the runtime dependencies through a .pth line naming the test venv's site-packages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT

PACKAGES = ("innspill", "loaders", "graph", "api")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv holding only the wheel (the checkout stays untouched: it is copied)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, src / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    out = subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
                          "-w", str(tmp / "dist"), str(src)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    wheel = next((tmp / "dist").glob("innspill_graph-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # the runtime dependencies, after the venv's own site-packages (so the wheel's packages win)
    Path(purelib, "zz-runtime-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    out = subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return venv / "bin"


def _env(cwd: Path) -> dict[str, str]:
    """No INNSPILL_* and no PYTHONPATH from the caller: only the installed package can be found."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INNSPILL_") and k != "PYTHONPATH"}
    env["INNSPILL_HOME"] = str(cwd / ".innspill")
    return env


def _run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bin_dir / "innspill"), *args], cwd=cwd, env=_env(cwd), capture_output=True,
                          text=True, timeout=300)


def test_wheel_ships_recipes_and_runs_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run([str(installed / "python"), "-c", "import graph, innspill; "
                            "print(graph.__file__); print(innspill.__file__)"],
                           cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True, check=True).stdout.split()
    assert all(str(installed.parent) in w for w in where), where  # the installed copy, not the checkout
    api_static = Path(where[0]).parent.parent / "api" / "static"
    for asset in ("index.html", "vendor/swagger_ui/swagger-ui-bundle.js", "vendor/swagger_ui/swagger-ui.css",
                  "vendor/redoc/redoc.standalone.js", "vendor/vis-network.min.js"):
        assert (api_static / asset).is_file(), asset  # /docs, /redoc and the explorer work offline when installed

    listed = _run(installed, tmp_path, "recipes", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    names = {r["name"] for r in json.loads(listed.stdout)}
    assert names == {p.stem for p in (ROOT / "graph" / "cypher").glob("*.cypher")} and len(names) >= 12

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    loaded = _run(installed, tmp_path, "ingest", "--workers", "1", str(corpus))
    assert loaded.returncode == 0, loaded.stderr
    assert "documents loaded: 5" in loaded.stdout

    ran = _run(installed, tmp_path, "recipes", "run", "who_proposes", "--param", "measure=kombinerte-stillinger",
               "--param", "group=jordmodre")
    assert ran.returncode == 0, ran.stderr
    rows = json.loads(ran.stdout)
    assert any(r["actor"] == "Helse Sør-Øst RHF" for r in rows), rows


def test_empty_recipe_folder_is_an_error(tmp_path: Path) -> None:
    env = {**os.environ, "INNSPILL_CYPHER_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "innspill", "recipes", "list"], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 2 and "no recipes" in out.stderr
