"""The API as users run it (`innspill serve`), in its own process for latency runs: clients in the benchmark
process must not share the server's GIL, or the figures measure Python thread contention."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def start(folder: Path, port: int, workers: int = 1, timeout_s: float = 60) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(  # noqa: S603 - fixed argv
        [sys.executable, "-m", "innspill", "serve", "--graph", f"embedded:{folder}", "--port", str(port),
         "--workers", str(workers)], cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"`innspill serve` did not start on port {port} for {folder}")
