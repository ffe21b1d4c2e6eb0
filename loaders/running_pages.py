"""Pages of a text without pages, read from its page markers: a line that is only "Side 2 av 4", or the page number
at the end of a running header or footer line.

A letter saved as text keeps its page markers where a page ended: "Side 2 av 4" alone on a line, or inside a header
("Vik kommune   Høyringsuttale – …   Side 2 av 4") or footer ("NSF Vestland · Høyringsfråsegn · side 3") that comes
back on every page. A header opens its page and a footer closes it, so the same marker means different lines
depending on which it is; that is read from where the series sits in the text: a header series starts at the top
of the text, a footer series ends it. When that is unclear, or the numbers do not run on one by one, no page is
given: a wrong page is worse than none. The one exception is marker lines that run on from page 2 below the top
(a single "Side 2 av 15" among them): taken as headers, the way such lines were always read, since a letter's first
page has its letterhead instead; they give no page they are not sure of (see _page_of_lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from loaders.lines import line_shape
from loaders.model import SourceLine
from loaders.patterns import PATTERNS

_MARK = re.compile(PATTERNS["running_page_marker"], re.IGNORECASE)
_LINE_MARK = re.compile(PATTERNS["page_marker"], re.IGNORECASE)
_ABOVE_HEADER = 2  # text lines that may stand above a first header (a letterhead's other lines)


@dataclass(frozen=True)
class Mark:
    """A page marker: where it is, the page it names (of how many, when it says), whether it opens its page, and
    whether its series told that, by where it sits and by coming back on the next pages (not a single marker line,
    nor marker lines taken as headers when their place does not tell)."""

    index: int
    page: int
    header: bool
    total: int | None = None
    told: bool = True


def pages_from_running_marks(lines: list[SourceLine]) -> bool:
    """Give lines the page their marker lines and running headers or footers name; True when pages were given."""
    marks = running_marks(lines)
    if not marks:
        return False
    text_at = [i for i, ln in enumerate(lines) if ln.text.strip()]
    for index, page in _page_of_lines(marks, text_at, len(lines)):
        lines[index].page = page
    return True


def running_marks(lines: list[SourceLine]) -> list[Mark]:
    """Every page marker in reading order, with its role; none when any series is unclear."""
    series: dict[tuple[bool, str], list[tuple[int, int, int | None]]] = {}
    for i, ln in enumerate(lines):
        whole = _LINE_MARK.match(ln.text.strip())
        m = whole or _MARK.match(ln.text)
        if m and (m["total"] is None or int(m["page"]) <= int(m["total"])):
            total = int(m["total"]) if m["total"] else None
            series.setdefault((bool(whole), _shape(ln.text)), []).append((i, int(m["page"]), total))
    text_at = [i for i, ln in enumerate(lines) if ln.text.strip()]
    marks: list[Mark] = []
    for (whole, _), found in series.items():
        if len(found) < 2 and not whole:  # a running line that does not come back may be a sentence ending "… side 3"
            continue
        told = _roles([(i, page) for i, page, _ in found], text_at)
        roles = told or _taken_roles([page for _, page, _ in found], whole and not _at_top(found[0][0], text_at))
        if roles is None:
            return []
        marks += [Mark(i, page, header, total, told is not None and len(found) > 1)
                  for (i, page, total), header in zip(found, roles, strict=True)]
    marks.sort(key=lambda m: m.index)
    return marks if _consistent(marks) else []


def _shape(text: str) -> str:
    """The line with digits and spacing aside (read before spaces are squeezed)."""
    return " ".join(line_shape(text).split())


def _roles(found: list[tuple[int, int]], text_at: list[int]) -> list[bool] | None:
    """Header (True) or footer (False) for each marker of one series, or None when that cannot be told.

    Pages one by one (1, 2, 3): a series that starts at the top of the text is a header, one whose last marker is
    the text's last line a footer; both or neither is unclear (an empty last page, a first page without its
    header, a footer with more lines under it). Each page twice (1, 1, 2, 2): the same line as header and footer,
    which must then both start and end the text."""
    pages = [page for _, page in found]
    at_top = _at_top(found[0][0], text_at)
    at_bottom = not any(i > found[-1][0] for i in text_at)
    if all(b == a + 1 for a, b in pairwise(pages)):
        return [at_top] * len(found) if at_top != at_bottom else None
    pairs = pages[::2] == pages[1::2] and all(b == a + 1 for a, b in pairwise(pages[::2]))
    if len(pages) % 2 == 0 and pairs and at_top and at_bottom:
        return [n % 2 == 0 for n in range(len(found))]
    return None


def _at_top(index: int, text_at: list[int]) -> bool:
    """Whether a line stands at the top of the text: at most a letterhead's other lines above it."""
    return sum(i < index for i in text_at) <= _ABOVE_HEADER


def _taken_roles(pages: list[int], marker_lines_below_top: bool) -> list[bool] | None:
    """Headers, for marker lines ("Side 2 av 3" alone) whose place does not tell and which run one by one from
    page 2: the way such lines were always read, and the usual letter, whose first page has its letterhead instead
    of a page number (a single "Side 2" in the middle of a text has nothing else to tell by). A running line, or
    marker lines from page 1 on below the top (a header under a long letterhead or footers with text after the
    last), stays untold."""
    if marker_lines_below_top and pages[0] == 2 and all(b == a + 1 for a, b in pairwise(pages)):
        return [True] * len(pages)
    return None


def _consistent(marks: list[Mark]) -> bool:
    """Markers of all series together run page by page: a header, then its page's footer, then the next header."""
    for a, b in pairwise(marks):
        same = b.page == a.page and not (b.header and not a.header)  # no footer of page N before a header of N
        following = b.page == a.page + 1 and not (a.header and not b.header)  # nor a header of N, a footer of N+1
        if not (same or following):
            return False
    return True


def _page_of_lines(marks: list[Mark], text_at: list[int], count: int) -> list[tuple[int, int]]:
    """(line, page) for each line a marker decides: the markers' own lines, the lines a header opens and a footer
    closes, and the top of the text where one page holds it. A gap between a footer and the next header, the
    lines after a last footer, and lines that may run over more than one page stay unknown: above a first footer
    of page 2 or later (page 1 had none), above a first header below the top that names page 3 or later, and
    after a last header that its series did not tell, unless it names the last page (after a single "Side 2 av 15"
    the other pages' markers are lost)."""
    out = [(m.index, m.page) for m in marks]
    if (page := _page_above(marks[0], text_at)) is not None:
        out += [(i, page) for i in range(marks[0].index)]
    for a, b in pairwise(marks):
        if (page := _between(a, b)) is not None:
            out += [(i, page) for i in range(a.index + 1, b.index)]
    last = marks[-1]
    if last.header and (last.told or last.total == last.page):
        out += [(i, last.page) for i in range(last.index + 1, count)]
    return out


def _page_above(first: Mark, text_at: list[int]) -> int | None:
    """The page of the lines above the first marker: a header's own page when it stands at the top (a letterhead's
    other lines above it), the page before when it stands lower and names page 2 (page 1 had no header), and a
    footer's page when it closes page 1; otherwise those lines may run over more than one page."""
    if not first.header:
        return 1 if first.page == 1 else None
    if _at_top(first.index, text_at):
        return first.page
    return 1 if first.page == 2 else None


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
