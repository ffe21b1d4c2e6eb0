"""What differs between Neo4j and FalkorDB: schema DDL and full-text calls.

Everything else in the project is written in the Cypher subset both engines run.
"""

from __future__ import annotations

from graph.store.base import GraphStore, QueryError

NODE_LABELS = ("Document", "Actor", "Measure", "Theme", "Group", "Statement")
FULLTEXT_LABEL = "Statement"
FULLTEXT_PROPERTIES = ("text", "norm")  # norm: nynorsk forms folded to bokmål (discover.fold_text)
FULLTEXT_INDEX = "statement_words"  # Neo4j's name for it (statement_text indexed the text alone)


def neo4j_schema() -> list[str]:
    stmts = [
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in NODE_LABELS
    ]
    stmts.append("CREATE INDEX statement_document IF NOT EXISTS FOR (n:Statement) ON (n.document_id)")
    stmts.append("CREATE INDEX measure_head IF NOT EXISTS FOR (n:Measure) ON (n.head)")  # discovered measures
    stmts.append(
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{FULLTEXT_LABEL}) "
        f"ON EACH [{', '.join('n.' + p for p in FULLTEXT_PROPERTIES)}] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'norwegian'}}"
    )
    return stmts


def neo4j_fulltext_query() -> str:
    return (
        f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $text) YIELD node, score "
        "RETURN properties(node) AS node, score ORDER BY score DESC LIMIT $limit"
    )


def neo4j_fulltext_match() -> str:
    return f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $ft) YIELD node AS s"


def falkordb_fulltext_match() -> str:
    return f"CALL db.idx.fulltext.queryNodes('{FULLTEXT_LABEL}', $ft) YIELD node AS s"


def falkordb_range_indexes() -> list[tuple[str, str]]:
    return [(label, "id") for label in NODE_LABELS] + [("Statement", "document_id"), ("Measure", "head")]


def falkordb_fulltext_create() -> str:
    return (
        f"CALL db.idx.fulltext.createNodeIndex({{label: '{FULLTEXT_LABEL}', language: 'norwegian'}}, "
        + ", ".join(f"'{p}'" for p in FULLTEXT_PROPERTIES) + ")"
    )


def falkordb_indexes(store: GraphStore, *, with_status: bool = False) -> list[dict]:
    status = ", status" if with_status else ""
    try:
        return store.query(f"CALL db.indexes() YIELD label, properties, types{status} RETURN label, properties, "
                           f"types{status}")
    except QueryError:
        return []


def falkordb_setup_schema(store: GraphStore) -> None:
    """Range indexes on every id and the Norwegian full-text index, each created only if missing."""
    indexes = falkordb_indexes(store)
    existing = {(r["label"], p) for r in indexes for p in r["properties"]}
    for label, prop in falkordb_range_indexes():
        if (label, prop) not in existing:
            store.write(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
    fulltext = [r for r in indexes if r["label"] == FULLTEXT_LABEL and "FULLTEXT" in str(r["types"])]
    if fulltext and not set(FULLTEXT_PROPERTIES) <= {p for r in fulltext for p in r["properties"]}:
        store.write(f"CALL db.idx.fulltext.drop('{FULLTEXT_LABEL}')")  # a graph of an older version: re-made
        fulltext = []
    if not fulltext:
        store.write(falkordb_fulltext_create())


def is_falkordb(store: GraphStore) -> bool:
    """FalkorDB's Bolt endpoint calls itself Neo4j; it answers db.indexes(), which Neo4j 5 removed."""
    try:
        store.query("CALL db.indexes() YIELD label RETURN label LIMIT 1")
        return True
    except QueryError:
        return False


def falkordb_fulltext_query() -> str:
    return (
        f"CALL db.idx.fulltext.queryNodes('{FULLTEXT_LABEL}', $text) YIELD node, score "
        "RETURN properties(node) AS node, score ORDER BY score DESC LIMIT $limit"
    )


_SUFFIXES = ("ene", "ane", "ers", "er", "en", "et", "e", "a")


def _stem_prefix(word: str) -> str:
    """A prefix query for an inflected word: jordmødrene -> jordmødr*, so every inflection is found."""
    low = word.lower()
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            return low[: -len(suffix)] + "*"
    return low + "*" if len(low) >= 4 else low


def escape_fulltext(text: str) -> str:
    """A user's words as prefix terms; every query-syntax character is dropped, so it is never syntax."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in text)
    return " ".join(_stem_prefix(w) for w in cleaned.split()[:20])
