"""Character repair and page-furniture removal, line by line.

Repair never raises: a glyph we cannot map is dropped, and the caller is told how many were.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from loaders.model import SourceLine
from loaders.patterns import PATTERNS

_CID = re.compile(r"\(cid:\d+\)")
_PUA = re.compile("[\ue000-\uf8ff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_FURNITURE = [re.compile(p, re.IGNORECASE) for p in PATTERNS["furniture"]]
_CONTROL = {c for c in map(chr, range(32)) if c not in "\t\n"}


def repair(text: str) -> tuple[str, int]:
    """Return the repaired line and how many unreadable glyphs were dropped."""
    dropped = 0
    stripped = text.strip()
    if stripped[:1] and "\uf000" <= stripped[0] <= "\uf0ff":  # Symbol-font bullet (U+F0B7 and kin)
        text = "• " + stripped[1:]
    for lig, rep in _LIGATURES.items():
        text = text.replace(lig, rep)
    text, n = _CID.subn("", text)
    dropped += n
    text, n = _PUA.subn("", text)
    dropped += n
    dropped += text.count("\ufffd")
    text = text.replace("\ufffd", "").replace("\u00ad", "")
    if any(c in _CONTROL for c in text):
        dropped += sum(c in _CONTROL for c in text)
        text = "".join(c for c in text if c not in _CONTROL)
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text).strip(), dropped


def is_furniture(text: str) -> bool:
    return any(p.search(text) for p in _FURNITURE)


def line_shape(text: str) -> str:
    """A margin line with its numbers aside: the same header or footer on every page shares it."""
    return re.sub(r"\d+", "#", text.lower())


def repeated_margins(lines: list[SourceLine], pages: int) -> set[str]:
    """Header/footer shapes: a line at the top or bottom of at least three pages (and half of them)."""
    if pages < 3:
        return set()
    by_page: dict[int, list[str]] = {}
    for ln in lines:
        if ln.page is not None and ln.text:
            by_page.setdefault(ln.page, []).append(ln.text)
    counts: Counter[str] = Counter()
    for texts in by_page.values():
        counts.update({line_shape(t) for t in texts[:2] + texts[-2:]})
    need = max(3, pages // 2)
    return {shape for shape, n in counts.items() if n >= need and len(shape) < 120}


_RUNNING = re.compile(PATTERNS["running_margin"], re.IGNORECASE)


def _running_margins(running: list[SourceLine]) -> set[str]:
    """A text without pages repeats its running header or footer ("… Side 2 av 4") where a page ended; glued to the
    sentence after it, it would become part of a quote: the shapes of such lines that come back."""
    counts = Counter(line_shape(ln.text) for ln in running if ln.text)
    return {shape for shape, n in counts.items() if n >= 2}


def clean_lines(lines: list[SourceLine], paged: bool, pages: int) -> tuple[list[SourceLine], dict[str, int]]:
    """Repair every line; blank out furniture (kept as blank lines so gaps stay visible)."""
    stats = {"glyphs_dropped": 0, "furniture_lines": 0}
    running = [] if paged else [ln for ln in lines if _RUNNING.search(ln.text)]  # (before spaces are squeezed)
    for ln in lines:
        ln.text, dropped = repair(ln.text)
        stats["glyphs_dropped"] += dropped
    margins = repeated_margins(lines, pages) if paged else _running_margins(running)
    first = next((ln for ln in lines if ln.text), None)  # a letterhead as well: it names the sender
    for ln in lines:
        if ln.text and (is_furniture(ln.text) or line_shape(ln.text) in margins and (paged or ln is not first)):
            ln.text = ""
            stats["furniture_lines"] += 1
    return lines, stats
