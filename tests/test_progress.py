"""Progress of a long ingest: plain lines when stderr is no terminal, a rich bar when it is; files/s and the
file just loaded either way."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from innspill.progress import IngestProgress

from .conftest import CORPUS


def test_plain_lines_without_a_terminal() -> None:
    out = io.StringIO()
    with IngestProgress(4, stream=out, every_s=3600) as progress:
        for name in ("a.txt", "b.pdf", "c.txt", os.fsdecode(b"caf\xe9.txt")):
            progress.advance(f"/some/folder/{name}")
    lines = out.getvalue().splitlines()
    assert [line.split(",")[0] for line in lines] == ["ingest: 1/4 files", "ingest: 4/4 files"]  # first, last
    assert "files/s" in lines[0] and lines[0].endswith("a.txt") and lines[1].endswith("caf\\xe9.txt")
    assert "\x1b[" not in out.getvalue()  # no terminal codes in a log


def test_a_bar_on_a_terminal() -> None:
    out = io.StringIO()
    with IngestProgress(3, stream=out, tty=True) as progress:
        for name in ("a.txt", "b.txt", "c.txt"):
            progress.advance(name)
    text = out.getvalue()
    assert "3/3" in text and "files/s" in text and "c.txt" in text and "━" in text


def test_ingest_command_prints_progress_lines_in_a_pipe(tmp_path) -> None:
    run = subprocess.run([sys.executable, "-m", "innspill", "ingest", str(CORPUS), "--workers", "1",
                          "--graph", f"embedded:{tmp_path / 'g'}"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith("ingest: ")]
    assert lines[0].startswith("ingest: 1/5 files") and lines[-1].startswith("ingest: 5/5 files"), run.stderr
    assert all("files/s" in line and line.endswith(".txt") for line in lines)
