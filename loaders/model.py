"""The loaded document: parts → sections → blocks, each block with its page and character span.

Offsets refer to ``Document.text``, the cleaned text; every quote later cut from a block is therefore a
verbatim substring of it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class SourceLine:
    """One line of the source after character repair, with where it came from."""

    text: str
    page: int | None
    line_no: int  # 1-based line in the text file, or running line number in a PDF
    page_first: bool = False  # first non-empty line of a PDF page / line with leading blanks in text
    leading_blank: bool = False


@dataclass
class Block:
    kind: str  # heading | paragraph | bullet | table_row | prompt
    text: str
    start: int = 0
    end: int = 0
    page: int | None = None
    line_start: int = 0
    line_end: int = 0
    part: int = 0
    section: list[str] = field(default_factory=list)
    prompt: str | None = None  # the prompt text this block answers
    role: str | None = None  # the prompt's role: proposal, example, challenge, …
    level: int = 9  # heading level: numbering depth, 9 for unnumbered
    cells: dict[str, str] | None = None  # table rows: column label -> cell text (each a substring of text)
    page_breaks: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, page) where a page begins
    line_breaks: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, line number) of each line

    def page_at(self, offset: int) -> int | None:
        """The page of a character in this block: a paragraph may run over a page break."""
        return _last_at(self.page_breaks, offset, self.page)

    def line_at(self, offset: int) -> int:
        """The source line a character of this block is on (a paragraph's lines are joined in its text)."""
        return _last_at(self.line_breaks, offset, self.line_start)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Part:
    index: int
    title: str
    author: str | None
    author_source: str | None  # how the author was found: sender line, signature, appendix list, …
    date: str | None
    start: int = 0
    end: int = 0
    line_start: int = 0
    line_end: int = 0
    sections: list[str] = field(default_factory=list)
    blocks: int = 0


@dataclass
class Document:
    id: str
    title: str
    file: str
    sha256: str
    kind: str  # submission | plan | report | appendix
    source_format: str  # pdf | text
    pages: int | None
    text: str
    blocks: list[Block]
    parts: list[Part]
    warnings: list[str] = field(default_factory=list)
    date: str | None = None
    path: str | None = None  # the file's path relative to its ingest root (the document's identity)

    @property
    def author(self) -> str | None:
        return self.parts[0].author if self.parts else None

    def summary(self) -> dict[str, Any]:
        """What ``innspill inspect --json`` prints."""
        counts: dict[str, int] = {}
        for b in self.blocks:
            counts[b.kind] = counts.get(b.kind, 0) + 1
        return {
            "id": self.id,
            "file": self.file,
            "title": self.title,
            "kind": self.kind,
            "format": self.source_format,
            "sha256": self.sha256,
            "pages": self.pages,
            "characters": len(self.text),
            "blocks": counts,
            "parts": [
                {
                    "index": p.index, "title": p.title, "author": p.author, "author_source": p.author_source,
                    "date": p.date, "start": p.start, "end": p.end, "lines": [p.line_start, p.line_end],
                    "sections": p.sections, "blocks": p.blocks,
                }
                for p in self.parts
            ],
            "warnings": self.warnings,
        }


def _last_at(starts: list[tuple[int, Any]], offset: int, first: Any) -> Any:
    """The value of the last of ``starts`` (offset, value) at or before ``offset``; ``first`` before them all."""
    value = first
    for at, v in starts:
        if at <= offset:
            value = v
    return value
