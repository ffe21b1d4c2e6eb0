"""Tables laid out with spaces in plain text, read back as rows.

A text table aligns its columns with runs of spaces ("Forslag      Vår vurdering    Begrunnelse"), and a
long cell wraps onto lines of its own that start at its column. Once the spaces are squeezed out the cells of
a row run together with the next row's; so before the lines are cleaned, each row becomes one line with its
cells joined by " | ", the form a table written with bars already has, and the row is read like one. The
rule reads only where text starts on the line, so it holds for any table with a header line whose columns
the rows keep; text that does not keep them is left as it was.
"""

from __future__ import annotations

import re

from loaders.model import SourceLine

_GAP = re.compile(r"\S(?: ?\S)*")  # a run of text; two spaces or more end it
_MIN_COLUMNS = 3
_SLACK = 1  # a cell may start this many characters off its column


def _runs(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _GAP.finditer(text.replace("\t", " "))]  # PDF text: a tab is a space


def _columns(text: str) -> list[int] | None:
    """The start of each column of a header line: three runs of text or more, set apart by three spaces."""
    runs = _runs(text)
    if len(runs) < _MIN_COLUMNS or runs[0][0] > 2:
        return None
    gaps = [b[0] - (a[0] + len(a[1])) for a, b in zip(runs, runs[1:], strict=False)]
    return [start for start, _ in runs] if min(gaps) >= 3 else None


def _column_of(start: int, columns: list[int]) -> int | None:
    return next((n for n, c in enumerate(columns) if abs(start - c) <= _SLACK), None)


def _keeps(text: str, columns: list[int]) -> bool:
    """Every run of the line starts at a column and ends before the next one begins (prose does not)."""
    for start, run in _runs(text):
        n = _column_of(start, columns)
        if n is None or (n + 1 < len(columns) and start + len(run) > columns[n + 1] - 2):
            return False
    return True


def _rows(lines: list[SourceLine], columns: list[int]) -> list[list[SourceLine]]:
    """The table's rows: blank-separated groups of lines when the table has blank lines between rows, else a
    line with text in the first column and the lines that continue its other columns."""
    spaced = any(not ln.text.strip() for ln in lines)
    rows: list[list[SourceLine]] = []
    for ln in lines:
        if not ln.text.strip():
            rows.append([])
        elif not rows or (not spaced and _runs(ln.text)[0][0] <= _SLACK + columns[0]):
            rows.append([ln])
        else:
            rows[-1].append(ln)
    return [r for r in rows if r]


def _joined(row: list[SourceLine], columns: list[int]) -> str:
    cells: list[list[str]] = [[] for _ in columns]
    for ln in row:
        for start, text in _runs(ln.text):
            cells[_column_of(start, columns) or 0].append(text)
    return " | ".join(" ".join(c) for c in cells if c)


def join_aligned_tables(lines: list[SourceLine]) -> list[SourceLine]:
    """Every space-aligned table's rows as one line each ("cell | cell | cell"), at the row's first line; the
    lines the row wrapped onto are left blank, so line numbers and pages stay where they were."""
    i = 0
    while i < len(lines):
        columns = _columns(lines[i].text)
        if columns is None:
            i += 1
            continue
        end, blanks = i + 1, 0
        while end < len(lines) and blanks < 2:
            text = lines[end].text
            if not text.strip():
                blanks += 1
            elif _keeps(text, columns):
                blanks = 0
            else:
                break
            end += 1
        while end > i + 1 and not lines[end - 1].text.strip():
            end -= 1
        body = lines[i + 1:end]
        if not any(len(_runs(ln.text)) >= 2 for ln in body):
            i += 1  # one line that looks like a header is no table
            continue
        for row in [[lines[i]], *_rows(body, columns)]:
            row[0].text = _joined(row, columns)
            for ln in row[1:]:
                ln.text = ""
        i = end
    return lines
