"""Reading order of a page: pdfminer.six's hierarchical grouping of text boxes only where it can matter.

pdfminer orders a page's text boxes by clustering them pairwise (``group_textboxes``), which is quadratic
in the boxes of a page and costs about a quarter of the reading time on ordinary letters. Its purpose is
columns: boxes side by side. A page whose boxes all stand one above another (a letter, a plan in one
column) has one reading order, top to bottom, so there the grouping is skipped. A page with two boxes of
several lines side by side (columns) is grouped exactly as pdfminer does.
"""

from __future__ import annotations

from typing import Any

from pdfminer.converter import TextConverter
from pdfminer.layout import LAParams, LTPage, LTTextBox


def _columns(boxes: list[LTTextBox]) -> bool:
    """Two boxes of several lines each share height on the page but not width: the page has columns.

    A single line beside a box (a page number beside the last lines, a date beside the address, a
    row of table cells) reads in order of height and then from the left, like the rest of the page."""
    rows = sorted((b for b in boxes if len(b) > 1), key=lambda b: -b.y1)
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if b.y1 <= a.y0:
                break  # b and every box after it lie wholly below a
            if not a.is_hoverlap(b):
                return True
    return False


class _Page(LTPage):
    def group_textboxes(self, laparams: LAParams, boxes: Any) -> Any:
        if _columns(boxes):
            return super().group_textboxes(laparams, boxes)
        return sorted(boxes, key=lambda b: (-b.y1, b.x0))  # each box its own group, in reading order


class TextConverterInOrder(TextConverter):
    """``TextConverter`` whose pages group text boxes only when the page has columns."""

    def begin_page(self, page: Any, ctm: Any) -> None:
        super().begin_page(page, ctm)
        self.cur_item.__class__ = _Page
