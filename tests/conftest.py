"""Shared fixtures: real FalkorDB processes in temporary folders, never mocks."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from graph.store.embedded import BOLT_PORT_LIMIT, EmbeddedStore, free_port

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
GOLD = Path(__file__).resolve().parent / "fixtures" / "gold"
OUTPUT = ROOT / "test-output"


@contextmanager
def served(app: Any) -> Iterator[tuple[str, int]]:
    """The app on a real socket (uvicorn in a thread), as a browser or a raw client reaches it: (url, port)."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path_factory.mktemp("falkordb"), graph_name="contract")
    yield store
    store.close()


@pytest.fixture(scope="session")
def bolt_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Neo4jStore (official driver) against FalkorDB's experimental Bolt endpoint."""
    from graph.store.neo4j_store import Neo4jStore

    server = EmbeddedStore(tmp_path_factory.mktemp("falkordb-bolt"), bolt_port=free_port(below=BOLT_PORT_LIMIT))
    store = Neo4jStore(f"bolt://127.0.0.1:{server.bolt_port}")
    yield store
    store.close()
    server.close()


@pytest.fixture(scope="session")
def real_neo4j() -> Iterator[object]:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("NEO4J_URI is not set: no real Neo4j server to test against")
    from graph.store.neo4j_store import Neo4jStore

    store = Neo4jStore(
        uri, user=os.environ.get("NEO4J_USER", "neo4j"), password=os.environ.get("NEO4J_PASSWORD", ""),
        database=os.environ.get("NEO4J_DATABASE"),
    )
    yield store
    store.close()


@pytest.fixture(params=["embedded", "bolt_store", "real_neo4j"])
def store(request: pytest.FixtureRequest):
    s = request.getfixturevalue(request.param)
    s.clear()
    return s


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "chaos: fault injection (kills the store and the ingest at random points); "
                            "part of the normal suite, select alone with -m chaos")
