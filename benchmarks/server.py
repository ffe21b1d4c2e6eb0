"""The API in its own process for latency runs: clients in the benchmark process must not share the server's
GIL, or the figures measure Python thread contention instead of the server."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import httpx


def _serve(folder: str, port: int) -> None:
    import uvicorn

    from api.app import create_app
    from graph.store.embedded import EmbeddedStore

    uvicorn.run(create_app(EmbeddedStore(Path(folder))), host="127.0.0.1", port=port, log_level="warning")


def start(folder: Path, port: int, timeout_s: float = 60) -> multiprocessing.Process:
    proc = multiprocessing.get_context("spawn").Process(target=_serve, args=(str(folder), port), daemon=True)
    proc.start()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if not proc.is_alive():
            break
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"the API did not start on port {port} for {folder}")
