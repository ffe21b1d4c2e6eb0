"""Ingest files and folders: load → extract in a process pool, write one atomic query per document.

Loading and extraction are pure Python and CPU-bound (85 % of ingest time), so they run in worker processes;
the writer stays in this process and writes results in input order, so the graph is the same as a serial
load whatever the number of workers. Failures are reported per file and never stop the rest.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from graph import identity
from graph.extract.statements import Extraction, extract, warm_up
from graph.extract.vocab import load_vocabulary
from graph.relations import STANCE_RELATIONS
from graph.store import GraphStore, QueryError, StoreError
from graph.write.document import write_document
from loaders import LoadError, load_document

SUFFIXES = identity.SUFFIXES
MANIFEST = "authors.yaml"


@dataclass
class IngestReport:
    """What one ingest did, file by file. ``documents``: the ids written (new or replaced), in input order;
    ``loaded``: (file, id) of documents new to the graph; ``replaced``: (file, id, previous file) of documents
    that replaced an earlier version with the same id; ``failures``: (file, reason) of refused files;
    ``not_loaded``: files never tried because the store went away (``aborted`` says why)."""

    documents: list[str] = field(default_factory=list)
    statements: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    loaded: list[tuple[str, str]] = field(default_factory=list)
    replaced: list[tuple[str, str, str]] = field(default_factory=list)
    not_loaded: list[str] = field(default_factory=list)
    aborted: str | None = None

    @property
    def refused(self) -> list[tuple[str, str]]:
        return self.failures


def manifest_author(path: Path) -> str | None:
    """A curator's author for a file whose text never names its sender, from ``authors.yaml`` beside it."""
    manifest = path.parent / MANIFEST
    if not manifest.is_file():
        return None
    import yaml

    try:
        entries = yaml.safe_load(manifest.read_text("utf-8")) or {}
    except (OSError, ValueError, yaml.YAMLError):
        return None
    return entries.get(path.name) if isinstance(entries, dict) else None


def expand_rooted(paths: Iterable[str | Path]) -> list[tuple[Path, Path | None]]:
    """Every file to load with its ingest root: the folder it was found in, or None for a file given alone."""
    out: list[tuple[Path, Path | None]] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file())
            out.extend((f, p) for f in found)
        else:
            out.append((p, None))
    return out


def expand(paths: Iterable[str | Path]) -> list[Path]:
    return [f for f, _ in expand_rooted(paths)]


Prepared = tuple[Extraction | None, str | None]  # the extraction, or the loader's reason it failed


def prepare(path: Path, author: str | None, max_bytes: int, max_pages: int, doc_id: str | None = None,
            name: str | None = None) -> Prepared:
    """Load and extract one file (in a worker process when ingesting in parallel)."""
    try:
        doc = load_document(path, author=author or manifest_author(path), max_bytes=max_bytes,
                            max_pages=max_pages, doc_id=doc_id)
    except LoadError as exc:
        return None, exc.reason
    except MemoryError:
        return None, "the document needs more memory than this machine has"
    except Exception as exc:  # noqa: BLE001 - an unreadable file (permissions, vanished) refuses this file only
        return None, f"cannot read the file ({type(exc).__name__}: {identity.clean_text(str(exc))})"
    doc.file = identity.clean_text(name or path.name)
    doc.title = identity.clean_text(doc.title)
    try:
        return extract(doc, load_vocabulary()), None
    except Exception as exc:  # noqa: BLE001 - one odd document must not stop a thousand others
        return None, f"extraction failed ({type(exc).__name__}: {exc}); please report this file"


def _die_with_parent() -> None:
    """Pool worker initializer: Linux sends SIGKILL to the worker when the process that started it dies
    (kill -9 of ``innspill ingest`` would otherwise leave its workers running, holding its stdout)."""
    import ctypes
    import signal

    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() == 1:  # the parent died before the line above ran
        os._exit(1)


def _pool_context() -> multiprocessing.context.BaseContext:
    """Fork shares the warmed-up tokenizer and vocabulary with the workers for free; forking a process that
    runs other threads (a server) can deadlock a child, so that case starts clean interpreters instead."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


Job = tuple[Path, str | None, str]  # file, document id, name shown


def _new_pool(workers: int, context: multiprocessing.context.BaseContext | None = None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=context or _pool_context(), initializer=_die_with_parent)


def _prepared(jobs: list[Job], workers: int, *args: object, executor: Executor | None = None) -> Iterator[Prepared]:
    """Results in input order; at most a few files per worker in flight, so memory stays bounded. A worker
    that dies (out of memory, killed) costs only the files it held: the pool is restarted and a file that
    breaks it twice is refused. ``executor``: load and extract there instead, one file at a time (the API
    keeps the server's own process free for reads)."""
    if executor is not None:
        for path, doc_id, name in jobs:
            try:
                yield executor.submit(prepare, path, *args, doc_id, name).result()
            except BrokenProcessPool:
                yield None, "the worker loading this file died (out of memory or killed)"
        return
    if workers <= 1 or len(jobs) <= 1:
        for path, doc_id, name in jobs:
            yield prepare(path, *args, doc_id, name)
        return
    warm_up()
    pool = _new_pool(workers)
    tries: dict[int, int] = {}
    try:
        pending: deque[tuple[int, Future[Prepared]]] = deque()
        queue = iter(enumerate(jobs))

        def submit(i: int) -> None:
            path, doc_id, name = jobs[i]
            pending.append((i, pool.submit(prepare, path, *args, doc_id, name)))

        for i, _ in queue:
            submit(i)
            if len(pending) >= 4 * workers:
                break
        while pending:
            i, fut = pending.popleft()
            try:
                result = fut.result()
            except BrokenProcessPool:
                tries[i] = tries.get(i, 0) + 1
                again = [j for j, _ in pending]
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(workers)
                if tries[i] < 2:
                    again.insert(0, i)
                else:
                    result = None, "the worker loading this file died (out of memory or killed)"
                for j in again:
                    submit(j)
                if tries[i] < 2:
                    continue
            nxt = next(queue, None)
            if nxt is not None:
                submit(nxt[0])
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _held(store: GraphStore, ids: list[str]) -> dict[str, str | None]:
    """Ids among ``ids`` already in the graph, with the relative path (or, in older graphs, the file name)
    of the document holding each."""
    rows = store.query("MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.path AS path, d.file AS file",
                       {"ids": ids}, timeout_ms=60_000)
    return {r["id"]: r["path"] or r["file"] for r in rows}


def ingest(
    store: GraphStore,
    paths: Iterable[str | Path],
    *,
    author: str | None = None,
    max_bytes: int = 50 * 1024 * 1024,
    max_pages: int = 2000,
    progress: Callable[[Path], None] | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
) -> IngestReport:
    """Load ``paths`` (files and folders). ``workers``: processes for load + extract (default: the CPUs this
    process may use; 1 = no pool). Each document's id comes from its path relative to the folder it was
    found in (:mod:`graph.identity`). A file that cannot be loaded or written is refused and the rest go on;
    when the store itself goes away the ingest stops at once and lists the files it did not load."""
    started = time.perf_counter()
    report = IngestReport()
    author = identity.clean_text(author) if author else author
    vocab = load_vocabulary()
    rooted = expand_rooted(paths)
    rels = [identity.clean_text(identity.relative(f, root)) for f, root in rooted]
    try:  # (the store may go away before the first write, while the schema and the ids held are read)
        store.setup_schema()
        held = _held(store, identity.candidate_ids(rels))
    except StoreError as exc:
        report.aborted = f"the store went away: {exc}"
        report.not_loaded = [identity.display(f) for f, _ in rooted]
        report.seconds = time.perf_counter() - started
        return report
    ids = identity.assign_ids(rels, held)
    jobs: list[Job] = []
    shown: dict[int, str] = {}
    for n, ((f, _root), rel, doc_id) in enumerate(zip(rooted, rels, ids, strict=True)):
        shown[n] = identity.display(f)
        if doc_id is None:
            report.failures.append((shown[n], "no free document id for this path (hash collision); rename it"))
            continue
        jobs.append((f, doc_id, PurePosixPath(rel).name))
    keep = [n for n, doc_id in enumerate(ids) if doc_id is not None]
    results = _prepared(jobs, workers or default_workers(), author, max_bytes, max_pages, executor=executor)
    for step, (n, (x, reason)) in enumerate(zip(keep, results, strict=True)):
        path, rel = rooted[n][0], rels[n]
        if progress:
            progress(path)
        if x is None:
            report.failures.append((shown[n], reason or "unreadable"))
            continue
        x.document.path = rel
        try:
            write_document(store, x, vocab)
        except QueryError as exc:
            report.failures.append((shown[n], f"store refused the write: {exc}"))
            continue
        except StoreError as exc:
            report.aborted = f"the store went away: {exc}"
            report.not_loaded = [shown[k] for k in keep[step:]]
            break
        doc_id = x.document.id
        if doc_id in held:
            report.replaced.append((shown[n], doc_id, held[doc_id] or ""))
        else:
            report.loaded.append((shown[n], doc_id))
        held[doc_id] = rel
        report.documents.append(doc_id)
        report.statements += len(x.statements)
    if report.aborted:
        with contextlib.suppress(Exception):
            results.close()  # type: ignore[attr-defined]
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
