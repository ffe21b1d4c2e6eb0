"""Load one file into a :class:`Document`: read, clean, structure, attribute. Refuse bad input early."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from loaders import authorship
from loaders.aligned import join_aligned_tables
from loaders.errors import LoadError
from loaders.lines import clean_lines
from loaders.model import Block, Document, Part
from loaders.names import slugify
from loaders.readers import decode_text, read_pdf, sniff_format, source_lines, text_to_pages
from loaders.structure import build_blocks, split_parts

_TITLE_HINT = re.compile(r"(innspill|plan|høring|strategi|rapport|delprosjekt|utredning)", re.IGNORECASE)


def load_document(
    path: str | Path,
    *,
    author: str | None = None,
    max_bytes: int = 50 * 1024 * 1024,
    max_pages: int = 2000,
    doc_id: str | None = None,
) -> Document:
    path = Path(path)
    if not path.is_file():
        raise LoadError(path, "no such file")
    size = path.stat().st_size
    if size == 0:
        raise LoadError(path, "empty file (0 bytes)")
    if size > max_bytes:
        raise LoadError(path, f"file is {size / 2**20:.1f} MB, over the limit of {max_bytes / 2**20:g} MB")  # 2**20
    data = path.read_bytes()
    fmt = sniff_format(path, data[:8])
    if fmt == "pdf":
        pages = read_pdf(path, data, max_pages)
        known = True
    else:
        pages, known = text_to_pages(decode_text(path, data))
        if len(pages) > max_pages:
            raise LoadError(path, f"the text has {len(pages)} pages, more than the limit of {max_pages}")
    lines = join_aligned_tables(source_lines(pages, known))  # before spaces are squeezed out
    lines, stats = clean_lines(lines, paged=known, pages=len(pages))
    if not any(ln.text for ln in lines):
        raise LoadError(path, "no text content after cleaning (empty or only page furniture)")
    return _assemble(path, data, fmt, lines, pages if known else None, stats, author, doc_id)


def _assemble(path, data, fmt, lines, pages, stats, author_override, doc_id) -> Document:  # noqa: ANN001
    warnings: list[str] = []
    page_count = len(pages) if pages is not None else None
    if fmt == "text" and all(ln.page is None for ln in lines if ln.text):
        warnings.append("no page markers found: pages are unknown")
    elif fmt == "text" and any(ln.page is None for ln in lines if ln.text):
        warnings.append("page markers cover only part of the text: the rest has unknown pages")
    if stats["glyphs_dropped"]:
        warnings.append(f"{stats['glyphs_dropped']} unreadable glyphs dropped")

    blocks: list[Block] = []
    parts: list[Part] = []
    for index, part_lines in enumerate(split_parts(lines)):
        part_blocks = build_blocks(part_lines, index)
        if not part_blocks:
            continue
        texts = [b.text for b in part_blocks]
        name, source = authorship.author_from_lines(texts)
        date = next((d for t in texts[:12] if (d := authorship.find_date(t))), None)
        title = next((t for t in texts[:15] if _TITLE_HINT.search(t) and len(t) <= 160), texts[0])[:160]
        parts.append(Part(index=len(parts), title=title, author=name, author_source=source, date=date,
                          line_start=part_lines[0].line_no, line_end=part_lines[-1].line_no))
        for b in part_blocks:
            b.part = len(parts) - 1
        blocks.extend(part_blocks)

    _fill_missing_authors(parts, blocks, warnings, slugify(path.stem))
    if author_override:
        for p in parts[:1]:
            p.author, p.author_source = author_override, "--author"
    kind = _document_kind(parts, blocks)

    text = _lay_out(blocks, parts)
    title = parts[0].title if parts else path.stem
    return Document(
        id=doc_id or slugify(path.stem), title=title, file=path.name, sha256=hashlib.sha256(data).hexdigest(),
        kind=kind, source_format=fmt, pages=page_count, text=text, blocks=blocks, parts=parts,
        warnings=warnings, date=parts[0].date if parts else None,
    )


def _fill_missing_authors(parts: list[Part], blocks: list[Block], warnings: list[str], file_slug: str) -> None:
    main_texts = [b.text for b in blocks if b.part == 0]
    listed = authorship.appendix_list(main_texts)
    commitments = sum(1 for b in blocks if b.kind == "prompt" and b.text.lower().startswith("regjeringen vil"))
    for p in parts:
        if p.index > 0 and (p.index in listed):
            name, date = listed[p.index]
            p.date = p.date or date
            if not p.author:
                p.author, p.author_source = name, "appendix list"
        if not p.author and commitments >= 2:
            p.author, p.author_source = "Regjeringen", "'Regjeringen vil' commitments"
        own = [b.text for b in blocks if b.part == p.index]
        if not p.author and (named := authorship.org_in_file_name(own, file_slug)):
            p.author, p.author_source = authorship.speaking_unit(named, own) or named, "file name"
        if not p.author and (named := authorship.stance_subject(own)):
            p.author, p.author_source = authorship.of_municipality(named, own), "stance subject"
        if not p.author and (named := authorship.most_named_org(own)):
            p.author, p.author_source = named, "most named organisation"
        if not p.author:
            warnings.append(f"part {p.index + 1} ({p.title[:50]!r}): author not found; pass --author")


def _document_kind(parts: list[Part], blocks: list[Block]) -> str:
    if any(p.author_source in ("title line", "letterhead", "sender line", "signature", "sender label",
                               "stance subject", "byline") for p in parts):
        return "submission"
    if any(b.kind == "prompt" and b.role == "commitment" for b in blocks):
        return "plan"
    return "report"


def _lay_out(blocks: list[Block], parts: list[Part]) -> str:
    """Join block texts into the cleaned document text and record every block's span in it."""
    chunks: list[str] = []
    pos = 0
    for b in blocks:
        if chunks:
            chunks.append("\n\n")
            pos += 2
        b.start, b.end = pos, pos + len(b.text)
        chunks.append(b.text)
        pos = b.end
    for p in parts:
        own = [b for b in blocks if b.part == p.index]
        p.start, p.end, p.blocks = own[0].start, own[-1].end, len(own)
        p.sections = list(dict.fromkeys(b.text for b in own if b.kind in ("heading", "prompt")))
    return "".join(chunks)
