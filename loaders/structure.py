"""Document structure: split a file into parts (letters, appendices), classify blocks, track sections
and the consultation prompt each block answers."""

from __future__ import annotations

import re

from loaders.blocks import PIPE, RawBlock, block_text_and_pages, group, title_like
from loaders.model import Block, SourceLine
from loaders.patterns import CLOSING, PATTERNS
from loaders.persons import find_persons
from loaders.tables import Table, cell_text, split_tables

_PROMPTS = [(p["role"], re.compile(p["pattern"], re.IGNORECASE)) for p in PATTERNS["prompts"]]
_MIN_PART_LINES = 20
_POINT_WORDS = 6  # words: a numbered line this long under a lead-in is a point said, not a title ("1. Finansiering")


def split_parts(lines: list[SourceLine]) -> list[list[SourceLine]]:
    """A new letter starts at a title line that opens a new source file or page, or follows a closing.

    Bundled PDFs printed to text keep a leading blank at the start of each original file; in a real PDF
    the same signal is the first line of a page.
    """
    parts: list[list[SourceLine]] = [[]]
    content = 0
    after_closing = False
    for ln in lines:
        text = ln.text
        if text and content >= _MIN_PART_LINES and title_like(text) and (
            ln.leading_blank or ln.page_first or after_closing
        ):
            parts.append([])
            content, after_closing = 0, False
        parts[-1].append(ln)
        if text:
            content += 1
            if CLOSING.match(text):
                after_closing = True
    return [p for p in parts if any(ln.text for ln in p)]


def prompt_role(text: str) -> str | None:
    if len(text) > (500 if text.endswith("?") else 300):
        return None
    for role, pattern in _PROMPTS:
        if pattern.search(text):
            return role
    return None


# (a subject that names who, not "Dette meiner me må kome på plass", "Det vi mener må til": a list's lead-in)
# (or what is proposed not wanted: "4. Det er ikke ønskelig at pasienter skal betale …")
_STANCE_SENTENCE = re.compile(r"^(?![\d.]*\s*(?:det|dette|hva|kva|her|slik)\b)\S+(?:\s+\S+){0,5}?\s+"
                              + PATTERNS["stance_subject_verbs"] + "|" + PATTERNS["impersonal_stance"], re.IGNORECASE)


def _classify(raw: RawBlock, text: str) -> tuple[str, int]:
    """Kind and heading level (numbering depth, or 9 for an unnumbered heading)."""
    level = len(raw.numbered.split(".")) if raw.numbered else 9
    one_line = len(raw.lines) == 1
    short = len(text) <= 100 and len(text.split()) <= 14
    role = prompt_role(text)
    if role and not raw.bullet and (text.endswith(("?", ":")) or short or (
            len(text) <= 200 and not text.endswith((".", ",", ";")) and len(raw.lines) <= 2)):
        return "prompt", level  # a question, a label, or a list's lead-in ("Eksempler på tjenester som …")
    if raw.bullet:
        return "bullet", level
    if raw.numbered and (len(text) <= 140 and not text.endswith(".") and not _STANCE_SENTENCE.search(text)
                         or text.endswith("?")):
        return "heading", level  # a numbered heading, or a numbered question the text answers (not a numbered
        # point of a decision that takes a stance without a full stop: "2. Kommunen støtter at fristen forlenges")
    if raw.numbered:
        return "bullet", level
    if one_line and (text.count("|") >= 2 or PIPE.search(text)):
        return "paragraph", level  # a `|` table's row: its cells are read, it heads nothing
    # (a line that ends with "!" is a sentence, not a heading: a refusal such as "Forslaget må trekkes!" on a line of
    # its own ends two real responses of two senders, tests/fixtures/genre/README.md)
    if one_line and short and not text.endswith((".", ",", ";", ":", "!")) and text[:1].isupper() \
            and not find_persons(text):  # a roster line ("Tillitsvalgt: Anita Talåsen Granli – NSF")
        return "heading", level
    if one_line and text.isupper() and len(text) <= 120:
        return "heading", level
    return "paragraph", level


def build_blocks(part_lines: list[SourceLine], part_index: int) -> list[Block]:
    builder = _SectionTracker(part_index)
    for n, segment in enumerate(split_tables(part_lines)):
        if isinstance(segment, Table):
            builder.add_table(segment)
            continue
        for raw in group(segment, title_first=n == 0):
            builder.add_raw(raw)
    return builder.blocks


class _SectionTracker:
    """Turns raw blocks and table rows into blocks, keeping the heading path and the open prompt."""

    def __init__(self, part_index: int) -> None:
        self.part = part_index
        self.blocks: list[Block] = []
        self.seen_short: set[str] = set()
        self.stack: list[tuple[int, str]] = []  # (level, heading text)
        self.prompt: tuple[int, str, str] | None = None  # (level, text, role)
        self.signed = False
        self.listing = False  # under a lead-in that ends with a colon, its points so far

    def add_raw(self, raw: RawBlock) -> None:
        text, breaks, lines = block_text_and_pages(raw)
        if not text:
            return
        kind, level = _classify(raw, text)
        if kind == "heading" and raw.numbered and self.listing and len(text.split()) >= _POINT_WORDS:
            kind = "bullet"  # a decision's numbered points after its lead-in ("Kommunen gjev slik høyringsfråsegn:
            # 1. … 2. …"), without full stops, are points of what it says, not headings of sections
        self.listing = text.endswith(":") and kind in ("paragraph", "prompt") or (self.listing and kind == "bullet")
        if CLOSING.match(text):
            self.prompt, self.signed = None, True  # the signature block answers nothing
        if kind == "paragraph" and text.endswith(":") and len(text) <= 160 and self.prompt \
                and self.prompt[2] == "opposition" and level <= self.prompt[0]:
            # a list's own lead-in ("Dette meiner vi må kome på plass:") ends the list of what the sender rejects
            self.prompt = None
        if self.signed and kind == "heading":
            kind = "paragraph"  # names and titles under "Med hilsen" are no sections
        norm = re.sub(r"\W+", " ", text.lower()).strip()
        if kind in ("paragraph", "bullet") and len(text) < 300:
            if norm in self.seen_short:  # repeated infographic labels and boxes: read once
                return
            self.seen_short.add(norm)
        if kind in ("heading", "prompt"):
            while self.stack and self.stack[-1][0] >= level:
                self.stack.pop()
            if self.prompt and level <= self.prompt[0]:
                self.prompt = None
            if kind == "prompt":
                role = prompt_role(text)
                assert role is not None
                self.prompt = (level, text, role)
            else:
                self.stack.append((level, text))
        open_prompt = self.prompt if kind != "prompt" else None
        self.blocks.append(Block(
            kind=kind, text=text, page=raw.first.page, line_start=raw.first.line_no,
            line_end=raw.lines[-1].line_no, part=self.part, section=[h for _, h in self.stack],
            prompt=open_prompt[1] if open_prompt else None,
            role=open_prompt[2] if open_prompt else prompt_role(text) if kind == "prompt" else None,
            level=level, page_breaks=breaks, line_breaks=lines,
        ))

    def add_table(self, table: Table) -> None:
        """One block per row; the row's task cell is the prompt its other cells answer."""
        labels = table.role_labels()
        for row in table.rows:
            cells = {role: cell_text(lines) for role, lines in row.cells.items()}
            cells = {role: t for role, t in cells.items() if t}
            if not cells:
                continue
            ordered = [(labels[role], cells[role]) for role in ("task", "action", "status") if role in cells]
            first = min(ln.line_no for lines in row.cells.values() for ln in lines)
            last = max(ln.line_no for lines in row.cells.values() for ln in lines)
            page = next((ln.page for lines in row.cells.values() for ln in lines if ln.page is not None), None)
            task = cells.get("task")
            self.blocks.append(Block(
                kind="table_row", text="\n".join(t for _, t in ordered), page=page, line_start=first,
                line_end=last, part=self.part, section=[h for _, h in self.stack],
                prompt=task or (self.prompt[1] if self.prompt else None),
                # a row with a task answers that task, not a prompt standing above the table
                role=prompt_role(task) if task else (self.prompt[2] if self.prompt else None),
                cells=dict(ordered),
            ))
