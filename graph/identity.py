"""Document identity: one id per distinct file, from its path relative to the ingest root.

A plain ASCII name at the root of an ingest (``ringsaker-kommune_innspill-nhsp_2022.txt`` in ``data/corpus``)
keeps the readable slug of its stem, as ids always were. Any other name (upper case, non-ASCII, spaces, a
sub-folder, an empty slug) gets a short hash of its relative path after the slug, so ``a/report.txt``,
``b/report.txt``, ``Report.TXT``, ``日本.txt`` and ``中文.txt`` are five documents. When a plain slug is already
held by another path (``report.txt`` and ``report.pdf``, ``a_b.txt`` and ``a-b.txt``), the later one is hashed
too. The same relative path always gets the same id, so re-ingesting a file replaces its earlier version.

File names may hold any bytes (``caf\\xe9.txt`` from an old archive): Python keeps such bytes as surrogate
escapes; :func:`display` turns them into printable text (``caf\\xe9.txt``) for reports, the graph and logs.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path, PurePosixPath

from loaders import slugify

SUFFIXES = {".pdf", ".txt", ".text"}
MAX_SLUG = 80
_PLAIN = re.compile(r"[a-z0-9][a-z0-9._-]*")


def display(value: str | os.PathLike[str]) -> str:
    """Printable text for a path or argument of any bytes: undecodable bytes are shown as ``\\xNN``."""
    text = os.fspath(value)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def clean_text(value: str) -> str:
    """Text that any store and terminal accepts: undecodable bytes shown as ``\\xNN``, other surrogates dropped."""
    text = display(value)
    return text.encode("utf-8", "replace").decode("utf-8")


def relative(path: Path, root: Path | None) -> str:
    """The file's path relative to its ingest root, POSIX style (the name alone when given as a file)."""
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name


def _hash(rel: str) -> str:
    return hashlib.sha1(rel.encode("utf-8", "surrogateescape")).hexdigest()[:8]


def _slug(rel: str) -> str:
    pure = PurePosixPath(rel)
    stem = str(pure.with_suffix("")) if pure.suffix.lower() in SUFFIXES else rel
    slug = slugify(stem.replace("/", "-"))[:MAX_SLUG].strip("-")
    return slug if slug and slug != "x" else "document"


def is_plain(rel: str) -> bool:
    """A root-level name of lower-case ASCII letters, digits, ``._-`` with a lower-case known suffix."""
    pure = PurePosixPath(rel)
    return (len(pure.parts) == 1 and pure.suffix in SUFFIXES and bool(_PLAIN.fullmatch(pure.stem))
            and len(slugify(pure.stem)) <= MAX_SLUG)


def plain_id(rel: str) -> str:
    return slugify(PurePosixPath(rel).stem)


def hashed_id(rel: str) -> str:
    return f"{_slug(rel)}-{_hash(rel)}"


def assign_ids(rels: list[str], held: dict[str, str | None]) -> list[str | None]:
    """Ids for the relative paths of one batch, in order. ``held`` maps ids already in the graph to the path
    that holds them (None when the graph does not know it: a graph written before paths were kept, where
    the file name stands in). None for a path whose id and hashed id are both taken (a hash collision)."""
    taken = dict(held)
    out: list[str | None] = [None] * len(rels)
    # who gets a contested plain slug does not depend on the order of the batch: .txt before .pdf before
    # .text, a stem that is its own slug (report-2022) before one that is not (report_2022)
    rank = {".txt": 0, ".pdf": 1, ".text": 2}
    order = sorted(range(len(rels)), key=lambda i: (not is_plain(rels[i]), rank.get(PurePosixPath(rels[i]).suffix, 3),
                                                   PurePosixPath(rels[i]).stem != plain_id(rels[i]), rels[i]))
    for i in order:
        rel = rels[i]
        candidates = [plain_id(rel), hashed_id(rel)] if is_plain(rel) else [hashed_id(rel)]
        for cand in candidates:
            owner = taken.get(cand, rel)
            if owner is None or owner == rel:
                taken[cand] = rel
                out[i] = cand
                break
    return out


def candidate_ids(rels: list[str]) -> list[str]:
    ids: set[str] = set()
    for rel in rels:
        ids.add(hashed_id(rel))
        if is_plain(rel):
            ids.add(plain_id(rel))
    return sorted(ids)
