"""Fault injection: kill the ingest (kill -9) or its store at random points over many small documents, then
re-run the ingest once and check the graph is exactly the one a clean ingest builds. Real processes only.

Run alone with ``pytest -m chaos``; it is part of the normal suite (~25 s)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.export import export_json
from graph.ingest import ingest
from graph.store.embedded import EmbeddedStore

from .conftest import ROOT

pytestmark = pytest.mark.chaos

TOWNS = ["Aurvik", "Bergdal", "Celvik", "Dalby", "Elvnes", "Fjordby", "Gransund", "Holmvik", "Isfjell", "Jarnes",
         "Kvitby", "Lysvik", "Moldal", "Nordnes", "Oddvik", "Porsby", "Rypdal", "Solvik", "Tindby", "Utvik",
         "Vassby", "Ytre Berg", "Ørnes", "Åsvik"]
COPIES = 3
PROPOSALS = ["hospitering mellom kommune og sykehus", "flere kombinerte stillinger for jordmødre",
             "felles journalsystem", "ambulante team i psykisk helsevern", "FACT-team i hele fylket"]


def _documents(folder: Path) -> Path:
    for i, town in enumerate(t if n == 0 else f"{t} {n}" for n in range(COPIES) for t in TOWNS):
        sub = folder / (f"del{i % 3}" if i % 2 else "")
        sub.mkdir(parents=True, exist_ok=True)
        text = [f"Innspill fra {town} kommune", "", "Hvilke tiltak er aktuelle?", ""]
        text += [f"• {town} kommune foreslår {PROPOSALS[(i + k) % len(PROPOSALS)]}." for k in range(3)]
        text += ["", f"{town} kommune har siden 2019 drevet hospitering med gode erfaringer.", ""]
        (sub / f"{town.lower().replace(' ', '-')}.txt").write_text("\n".join(text), "utf-8")
    return folder


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _store_pid(folder: Path) -> int | None:
    try:
        return int(json.loads((folder / "server.json").read_text())["pid"])
    except (OSError, ValueError, KeyError):
        return None


def _wait_store_gone(folder: Path) -> None:
    pid = _store_pid(folder)
    deadline = time.monotonic() + 20
    while pid and _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not (pid and _alive(pid)), "a FalkorDB outlived the ingest that owned it"


def _ingest_cmd(docs: Path, graph: Path) -> list[str]:
    return [sys.executable, "-m", "innspill", "ingest", str(docs), "--workers", "2", "--graph", f"embedded:{graph}"]


def _canonical(store: EmbeddedStore) -> str:
    return json.dumps(export_json(store), sort_keys=True)


def test_the_graph_converges_after_kills_at_random_points(tmp_path: Path) -> None:
    docs = _documents(tmp_path / "docs")
    with EmbeddedStore(tmp_path / "clean") as clean:
        report = ingest(clean, [docs], workers=1)
        assert not report.failures and len(report.documents) == COPIES * len(TOWNS)
        want = _canonical(clean)

    graph = tmp_path / "chaos"
    rng = random.Random(17)
    outcomes = []
    for round_ in range(4):
        _wait_store_gone(graph)
        old = _store_pid(graph)
        proc = subprocess.Popen(_ingest_cmd(docs, graph), cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        started = time.monotonic()  # wait for the store to be up, then let a random part of the writes happen
        while proc.poll() is None and _store_pid(graph) in (None, old) and time.monotonic() - started < 30:
            time.sleep(0.01)
        deadline = time.monotonic() + rng.uniform(0.05, 1.0)
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.01)
        victim = "store" if round_ % 2 else "ingest"
        if proc.poll() is None:
            if victim == "ingest":
                proc.send_signal(signal.SIGKILL)
            elif (pid := _store_pid(graph)) not in (None, old) and _alive(pid) \
                    and b"redis-server" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)
        rc = proc.wait(timeout=60)
        err = proc.stderr.read().decode() if proc.stderr else ""
        outcomes.append((victim, rc))
        assert "Traceback" not in err, err[-2000:]
        if victim == "store" and rc not in (0, -9):
            assert rc in (2, 3), (rc, err[-1000:])  # the store went away: one clear error, never a hang
    assert any(rc != 0 for _, rc in outcomes), outcomes  # at least one run was really cut short

    _wait_store_gone(graph)
    final = subprocess.run(_ingest_cmd(docs, graph), cwd=ROOT, capture_output=True, timeout=120)
    assert final.returncode == 0, final.stderr.decode()[-2000:]
    _wait_store_gone(graph)
    with EmbeddedStore(graph) as store:
        assert _canonical(store) == want


def test_a_store_gone_before_the_first_write_is_a_clear_stop(tmp_path: Path) -> None:
    """The store may die while ingest still reads (its schema, the ids it holds), before any write: the report
    says so and lists every file as not loaded, instead of a traceback."""
    docs = _documents(tmp_path / "docs")
    with EmbeddedStore(tmp_path / "g") as store:
        os.kill(store.pid, signal.SIGKILL)
        _wait_store_gone(tmp_path / "g")
        report = ingest(store, [docs], workers=1)
    assert report.aborted and "went away" in report.aborted
    assert not report.documents and len(report.not_loaded) == COPIES * len(TOWNS)
