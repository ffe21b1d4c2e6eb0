"""Ingest files and folders: load → extract → write, one document at a time, failures reported per file."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.extract.statements import extract
from graph.extract.vocab import load_vocabulary
from graph.store import GraphStore, StoreError
from graph.write.document import write_document
from loaders import LoadError, load_document

SUFFIXES = {".pdf", ".txt", ".text"}
MANIFEST = "authors.yaml"


@dataclass
class IngestReport:
    documents: list[str] = field(default_factory=list)
    statements: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def manifest_author(path: Path) -> str | None:
    """A curator's author for a file whose text never names its sender, from ``authors.yaml`` beside it."""
    manifest = path.parent / MANIFEST
    if not manifest.is_file():
        return None
    import yaml

    entries = yaml.safe_load(manifest.read_text("utf-8")) or {}
    return entries.get(path.name)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out


def ingest(
    store: GraphStore,
    paths: Iterable[str | Path],
    *,
    author: str | None = None,
    max_bytes: int = 50 * 1024 * 1024,
    max_pages: int = 2000,
    progress: Callable[[Path], None] | None = None,
) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    vocab = load_vocabulary()
    store.setup_schema()
    for path in expand(paths):
        if progress:
            progress(path)
        try:
            doc = load_document(path, author=author or manifest_author(path), max_bytes=max_bytes, max_pages=max_pages)
            x = extract(doc, vocab)
            write_document(store, x, vocab)
        except LoadError as exc:
            report.failures.append((str(path), exc.reason))
            continue
        except StoreError as exc:
            report.failures.append((str(path), f"store refused the write: {exc}"))
            continue
        report.documents.append(doc.id)
        report.statements += len(x.statements)
    report.seconds = time.perf_counter() - started
    return report


def stats(store: GraphStore) -> dict[str, dict[str, int]]:
    labels = {}
    for label in ("Document", "Actor", "Measure", "Theme", "Group", "Statement"):
        labels[label] = store.query(f"MATCH (n:{label}) RETURN count(n) AS c")[0]["c"]
    rels = {}
    for rel in ("PROPOSES", "REPORTS_AS_EXAMPLE", "CONCERNS", "AUTHORED", "CONTAINS", "STATES", "ABOUT",
                "MENTIONS", "PART_OF"):
        rels[rel] = store.query(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS c")[0]["c"]
    return {"nodes": labels, "relationships": rels}
