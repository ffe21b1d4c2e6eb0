"""Document structure: split a file into parts (letters, appendices), classify blocks, track sections
and the consultation prompt each block answers."""

from __future__ import annotations

import re

from loaders.blocks import RawBlock, block_text, group, title_like
from loaders.model import Block, SourceLine
from loaders.patterns import PATTERNS

_CLOSING = re.compile(PATTERNS["closing"], re.IGNORECASE)
_PROMPTS = [(p["role"], re.compile(p["pattern"], re.IGNORECASE)) for p in PATTERNS["prompts"]]
_MIN_PART_LINES = 20


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
            if _CLOSING.match(text):
                after_closing = True
    return [p for p in parts if any(ln.text for ln in p)]


def prompt_role(text: str) -> str | None:
    if len(text) > 300:
        return None
    for role, pattern in _PROMPTS:
        if pattern.search(text):
            return role
    return None


def _classify(raw: RawBlock, text: str) -> tuple[str, int]:
    """Kind and heading level (numbering depth, or 9 for an unnumbered heading)."""
    level = len(raw.numbered.split(".")) if raw.numbered else 9
    one_line = len(raw.lines) == 1
    short = len(text) <= 100 and len(text.split()) <= 14
    role = prompt_role(text)
    if role and (text.endswith(("?", ":")) or short) and not raw.bullet:
        return "prompt", level
    if raw.bullet:
        return "bullet", level
    if raw.numbered and len(text) <= 140 and not text.endswith("."):
        return "heading", level
    if raw.numbered:
        return "bullet", level
    if one_line and short and not text.endswith((".", ",", ";", ":")) and text[:1].isupper():
        return "heading", level
    if one_line and text.isupper() and len(text) <= 120:
        return "heading", level
    return "paragraph", level


def build_blocks(part_lines: list[SourceLine], part_index: int) -> list[Block]:
    blocks: list[Block] = []
    seen_short: set[str] = set()
    stack: list[tuple[int, str]] = []  # (level, heading text)
    prompt: tuple[int, str, str] | None = None  # (level, text, role)
    for raw in group(part_lines, title_first=True):
        text = block_text(raw)
        if not text:
            continue
        kind, level = _classify(raw, text)
        norm = re.sub(r"\W+", " ", text.lower()).strip()
        if kind in ("paragraph", "bullet") and len(text) < 300:
            if norm in seen_short:  # repeated infographic labels and boxes: read once
                continue
            seen_short.add(norm)
        if kind in ("heading", "prompt"):
            while stack and stack[-1][0] >= level:
                stack.pop()
            if prompt and level <= prompt[0]:
                prompt = None
            if kind == "prompt":
                role = prompt_role(text)
                assert role is not None
                prompt = (level, text, role)
            else:
                stack.append((level, text))
        blocks.append(Block(
            kind=kind, text=text, page=raw.first.page, line_start=raw.first.line_no,
            line_end=raw.lines[-1].line_no, part=part_index, section=[h for _, h in stack],
            prompt=prompt[1] if prompt and kind != "prompt" else None,
            role=prompt[2] if prompt and kind != "prompt" else prompt_role(text) if kind == "prompt" else None,
            level=level,
        ))
    return blocks
