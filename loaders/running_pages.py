"""Pages of a text without pages, read from the page number in its running header or footer.

A letter saved as text repeats its header ("Vik kommune   Høyringsuttale – …   Side 2 av 4") or footer ("NSF Vestland ·
Høyringsfråsegn · side 3") where a page ended. A header opens its page and a footer closes it, so the same marker
means different lines depending on which it is; that is read from where the series sits in the text: a header
series starts at the top of the text, a footer series ends it. When that is unclear, or the numbers do
not run on one by one, no page is given: a wrong page is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from loaders.model import SourceLine
from loaders.patterns import PATTERNS

_MARK = re.compile(PATTERNS["running_page_marker"], re.IGNORECASE)
_ABOVE_HEADER = 2  # text lines that may stand above a first header (a letterhead's other lines)


@dataclass(frozen=True)
class Mark:
    """A running line with a page number: where it is, the page it names, and whether it opens its page."""

    index: int
    page: int
    header: bool


def pages_from_running_marks(lines: list[SourceLine]) -> bool:
    """Give lines the page their running header or footer names; True when pages were given."""
    marks = running_marks(lines)
    if not marks:
        return False
    for index, page in _page_of_lines(marks, len(lines)):
        lines[index].page = page
    return True


def running_marks(lines: list[SourceLine]) -> list[Mark]:
    """Every running page marker in reading order, with its role; none when any series is unclear."""
    series: dict[str, list[tuple[int, int]]] = {}
    for i, ln in enumerate(lines):
        if (m := _MARK.match(ln.text)) and (m["total"] is None or int(m["page"]) <= int(m["total"])):
            series.setdefault(_shape(ln.text), []).append((i, int(m["page"])))
    text_at = [i for i, ln in enumerate(lines) if ln.text.strip()]
    marks: list[Mark] = []
    for found in series.values():
        if len(found) < 2:  # a line that does not come back may be a sentence that ends "… side 3"
            continue
        roles = _roles(found, text_at)
        if roles is None:
            return []
        marks += [Mark(i, page, header) for (i, page), header in zip(found, roles, strict=True)]
    marks.sort(key=lambda m: m.index)
    return marks if _consistent(marks) else []


def _shape(text: str) -> str:
    """The line with digits and spacing aside: a running line's copies on every page share it."""
    return " ".join(re.sub(r"\d+", "#", text.lower()).split())


def _roles(found: list[tuple[int, int]], text_at: list[int]) -> list[bool] | None:
    """Header (True) or footer (False) for each marker of one series, or None when that cannot be told.

    Pages one by one (1, 2, 3): a series that starts at the top of the text is a header, one whose last marker is
    the text's last line a footer; both or neither is unclear (an empty last page, a first page without its
    header, a footer with more lines under it). Each page twice (1, 1, 2, 2): the same line as header and footer,
    which must then both start and end the text."""
    pages = [page for _, page in found]
    at_top = sum(i < found[0][0] for i in text_at) <= _ABOVE_HEADER
    at_bottom = not any(i > found[-1][0] for i in text_at)
    if all(b == a + 1 for a, b in pairwise(pages)):
        return [at_top] * len(found) if at_top != at_bottom else None
    pairs = pages[::2] == pages[1::2] and all(b == a + 1 for a, b in pairwise(pages[::2]))
    if len(pages) % 2 == 0 and pairs and at_top and at_bottom:
        return [n % 2 == 0 for n in range(len(found))]
    return None


def _consistent(marks: list[Mark]) -> bool:
    """Markers of all series together run page by page: a header, then its page's footer, then the next header."""
    for a, b in pairwise(marks):
        same = b.page == a.page and not (b.header and not a.header)  # no footer of page N before a header of N
        following = b.page == a.page + 1 and not (a.header and not b.header)  # nor a header of N, a footer of N+1
        if not (same or following):
            return False
    return True


def _page_of_lines(marks: list[Mark], count: int) -> list[tuple[int, int]]:
    """(line, page) for each line a marker decides: the lines a header opens and a footer closes, the markers'
    own lines, and the top of the text above the first marker; a gap between a footer and the next header and
    the lines after a last footer stay unknown."""
    out = [(m.index, m.page) for m in marks]
    out += [(i, marks[0].page) for i in range(marks[0].index)]
    for a, b in pairwise(marks):
        if (page := _between(a, b)) is not None:
            out += [(i, page) for i in range(a.index + 1, b.index)]
    if marks[-1].header:
        out += [(i, marks[-1].page) for i in range(marks[-1].index + 1, count)]
    return out


def _between(a: Mark, b: Mark) -> int | None:
    """The page of the lines between two markers next to each other: one page's header and footer enclose it,
    two headers open it, two footers close it; between a footer and the next header it is not told."""
    if a.page == b.page:
        return a.page
    if a.header and b.header:
        return a.page
    if not a.header and not b.header:
        return b.page
    return None
