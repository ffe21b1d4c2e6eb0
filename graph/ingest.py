"""Ingest files and folders: load → extract in a process pool, write one atomic query per document.

Loading and extraction are pure Python and CPU-bound (85 % of ingest time), so they run in worker processes;
the writer stays in this process and writes results in input order, so the graph is the same as a serial
load whatever the number of workers. Failures are reported per file and never stop the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from graph.extract.statements import Extraction, extract, warm_up
from graph.extract.vocab import load_vocabulary
from graph.relations import STANCE_RELATIONS
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


Prepared = tuple[Extraction | None, str | None]  # the extraction, or the loader's reason it failed


def prepare(path: Path, author: str | None, max_bytes: int, max_pages: int) -> Prepared:
    """Load and extract one file (in a worker process when ingesting in parallel)."""
    try:
        doc = load_document(path, author=author or manifest_author(path), max_bytes=max_bytes, max_pages=max_pages)
    except LoadError as exc:
        return None, exc.reason
    try:
        return extract(doc, load_vocabulary()), None
    except Exception as exc:  # noqa: BLE001 - one odd document must not stop a thousand others
        return None, f"extraction failed ({type(exc).__name__}: {exc}); please report this file"


def _pool_context() -> multiprocessing.context.BaseContext:
    """Fork shares the warmed-up tokenizer and vocabulary with the workers for free; forking a process that
    runs other threads (a server) can deadlock a child, so that case starts clean interpreters instead."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _prepared(files: list[Path], workers: int, *args: object) -> Iterator[Prepared]:
    """Results in input order; at most a few files per worker in flight, so memory stays bounded."""
    if workers <= 1 or len(files) <= 1:
        for path in files:
            yield prepare(path, *args)
        return
    warm_up()
    with ProcessPoolExecutor(workers, mp_context=_pool_context()) as pool:
        pending: deque[Future[Prepared]] = deque()
        queue = iter(files)
        for path in queue:
            pending.append(pool.submit(prepare, path, *args))
            if len(pending) >= 4 * workers:
                break
        while pending:
            result = pending.popleft().result()
            nxt = next(queue, None)
            if nxt is not None:
                pending.append(pool.submit(prepare, nxt, *args))
            yield result


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ingest(
    store: GraphStore,
    paths: Iterable[str | Path],
    *,
    author: str | None = None,
    max_bytes: int = 50 * 1024 * 1024,
    max_pages: int = 2000,
    progress: Callable[[Path], None] | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Load ``paths`` (files and folders). ``workers``: processes for load + extract (default: the CPUs this
    process may use; 1 = no pool)."""
    started = time.perf_counter()
    report = IngestReport()
    vocab = load_vocabulary()
    store.setup_schema()
    files = expand(paths)
    results = _prepared(files, workers or default_workers(), author, max_bytes, max_pages)
    for path, (x, reason) in zip(files, results, strict=True):
        if progress:
            progress(path)
        if x is None:
            report.failures.append((str(path), reason or "unreadable"))
            continue
        try:
            write_document(store, x, vocab)
        except StoreError as exc:
            report.failures.append((str(path), f"store refused the write: {exc}"))
            continue
        report.documents.append(x.document.id)
        report.statements += len(x.statements)
    report.seconds = time.perf_counter() - started
    return report


def stats(store: GraphStore) -> dict[str, dict[str, int]]:
    labels = {}
    for label in ("Document", "Actor", "Measure", "Theme", "Group", "Statement"):
        labels[label] = store.query(f"MATCH (n:{label}) RETURN count(n) AS c")[0]["c"]
    rels = {}
    for rel in (*STANCE_RELATIONS, "CONCERNS", "AUTHORED", "CONTAINS", "STATES", "ABOUT", "MENTIONS", "PART_OF"):
        rels[rel] = store.query(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS c")[0]["c"]
    return {"nodes": labels, "relationships": rels}
