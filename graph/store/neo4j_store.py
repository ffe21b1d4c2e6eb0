"""Neo4j through the official ``neo4j`` driver: the production store.

Reads run in READ access mode so the server itself refuses writes; writes run as managed transactions,
which the driver retries on transient errors (leader changes, deadlocks) and which are atomic.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import neo4j
from neo4j import GraphDatabase, unit_of_work
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from graph.store import dialect
from graph.store.base import GraphStore, QueryError, Row, StoreError


def redact(uri: str) -> str:
    """The URI without a password (``bolt://user:secret@host`` → ``bolt://user:***@host``)."""
    return re.sub(r"^([a-z0-9+.-]+://[^/@:]*):[^/@]*@", r"\1:***@", uri, flags=re.IGNORECASE)


def _split_credentials(uri: str) -> tuple[str, str | None, str | None]:
    """A URI that carries ``user:password@`` (which the driver refuses) → the bare URI and the credentials."""
    from urllib.parse import unquote, urlsplit, urlunsplit

    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri, None, None
    creds, host = parts.netloc.rsplit("@", 1)
    user, _, password = creds.partition(":")
    return urlunsplit(parts._replace(netloc=host)), unquote(user) or None, unquote(password) if password else None


class Neo4jStore(GraphStore):
    kind = "neo4j"

    def __init__(
        self,
        uri: str,
        *,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        timeout_ms: int = 10_000,
        retry_s: float = 30.0,
    ) -> None:
        uri, uri_user, uri_password = _split_credentials(uri)
        user, password = uri_user or user, uri_password if uri_password is not None else password
        auth = (user, password) if user and password is not None and password != "" else None
        self.uri, self.database, self.timeout_ms = uri, database, timeout_ms
        try:
            self._driver = GraphDatabase.driver(uri, auth=auth, max_transaction_retry_time=retry_s)
            self._driver.verify_connectivity()
        except Exception as exc:  # noqa: BLE001 - any failure here is one line that never shows the password
            message = redact(str(exc)).replace(password, "***") if password else redact(str(exc))
            raise StoreError(f"cannot reach Neo4j at {redact(uri)}: {type(exc).__name__}: {message}") from None

    def _session(self, mode: str) -> neo4j.Session:
        return self._driver.session(database=self.database, default_access_mode=mode)

    def query(self, cypher: str, params: dict[str, Any] | None = None, *, timeout_ms: int | None = None) -> list[Row]:
        @unit_of_work(timeout=(timeout_ms or self.timeout_ms) / 1000)
        def read(tx: neo4j.ManagedTransaction) -> list[Row]:
            return tx.run(cypher, params or {}).data()

        try:
            with self._session(neo4j.READ_ACCESS) as session:
                return session.execute_read(read)
        except Neo4jError as exc:
            raise QueryError(str(exc.message or exc)) from exc
        except ServiceUnavailable as exc:
            raise StoreError(f"Neo4j at {self.uri} is not reachable: {exc}") from exc

    def write(self, cypher: str, params: dict[str, Any] | None = None) -> list[Row]:
        try:
            with self._session(neo4j.WRITE_ACCESS) as session:
                return session.execute_write(lambda tx: tx.run(cypher, params or {}).data())
        except Neo4jError as exc:
            raise QueryError(str(exc.message or exc)) from exc
        except ServiceUnavailable as exc:
            raise StoreError(f"Neo4j at {self.uri} is not reachable: {exc}") from exc

    @functools.cached_property
    def engine(self) -> str:
        """neo4j, or falkordb when the Bolt server is FalkorDB's endpoint (same driver, other DDL)."""
        return "falkordb" if dialect.is_falkordb(self) else "neo4j"

    def setup_schema(self) -> None:
        if self.engine == "falkordb":
            dialect.falkordb_setup_schema(self)
            return
        for stmt in dialect.neo4j_schema():
            self.write(stmt)

    def fulltext(self, label: str, text: str, limit: int = 20) -> list[Row]:
        words = dialect.escape_fulltext(text)
        if not words:
            return []
        query = dialect.falkordb_fulltext_query() if self.engine == "falkordb" else dialect.neo4j_fulltext_query()
        return self.query(query, {"text": words, "limit": int(limit)})

    def fulltext_match(self) -> str:
        return dialect.falkordb_fulltext_match() if self.engine == "falkordb" else dialect.neo4j_fulltext_match()

    def close(self) -> None:
        self._driver.close()

    def info(self) -> dict[str, Any]:
        return {"kind": self.kind, "uri": self.uri, "database": self.database}
