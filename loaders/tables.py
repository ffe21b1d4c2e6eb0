"""Rebuild tables whose grid was lost when the PDF became text.

A three-column table ("Oppgave | Tiltak / utførelse | Status") printed to text keeps one header line and
then gives each cell as a run of lines: the side columns are narrow lines, the middle column wide ones,
in reading order but with rows run together. The rules read only line widths, gaps, case and a short list
of status words (``tables`` in patterns.yaml), so they apply to any such table, and they give up where
the text does not allow more: a cell that cannot be placed stays in the row it follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.blocks import NUMBERED, block_text, group, typical_width
from loaders.model import SourceLine
from loaders.patterns import PATTERNS

_CFG = PATTERNS["tables"]
_HEADER_WORDS = set(_CFG["header_words"])
_STATUS = re.compile(r"^(" + "|".join(map(re.escape, _CFG["status_words"])) + r")\b", re.IGNORECASE)
_ROLES = {1: ["action"], 2: ["task", "action"], 3: ["task", "action", "status"]}


def header_labels(text: str) -> list[str] | None:
    """Column labels of a table header line, or None: "Oppgave Tiltak / utførelse Status" ->
    ["Oppgave", "Tiltak / utførelse", "Status"]."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 8 or any(t.lower().strip(",") not in _HEADER_WORDS for t in tokens):
        return None
    labels: list[str] = []
    for t in tokens:
        if t[:1].isupper() or not labels:
            labels.append(t)
        else:
            labels[-1] += " " + t
    return labels if 2 <= len(labels) <= 3 else None


@dataclass
class Row:
    cells: dict[str, list[SourceLine]] = field(default_factory=dict)  # role -> lines

    def add(self, role: str, lines: list[SourceLine]) -> None:
        self.cells.setdefault(role, []).extend(lines)


@dataclass
class Table:
    labels: list[str]
    rows: list[Row]

    def role_labels(self) -> dict[str, str]:
        return dict(zip(_ROLES[len(self.labels)], self.labels, strict=True))


def split_tables(lines: list[SourceLine]) -> list[list[SourceLine] | Table]:
    """The part's lines as a sequence of plain stretches and rebuilt tables."""
    out: list[list[SourceLine] | Table] = [[]]
    i = 0
    while i < len(lines):
        labels = header_labels(lines[i].text) if lines[i].text else None
        if labels is None:
            out[-1].append(lines[i])  # type: ignore[union-attr]
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not _ends_table(lines[end].text):
            end += 1
        out.append(Table(labels, _rows(lines[i + 1:end], typical_width(lines), len(labels))))
        out.append([])
        i = end
    return [seg for seg in out if seg]


def _ends_table(text: str) -> bool:
    m = NUMBERED.match(text)
    return bool(m and len(text) <= 140 and not text.endswith(".")) or header_labels(text) is not None


def _cells(lines: list[SourceLine], width: float) -> list[tuple[bool, list[SourceLine]]]:
    """Runs of lines as (narrow, lines). A short line that ends a wide paragraph (straight after it, or
    after a gap when it starts in lower case) or leads straight into one (a sub-heading, a bullet) belongs
    to the wide run."""
    content = _with_gaps(lines)
    wide = [len(ln.text) >= _CFG["narrow_share"] * width for ln, _ in content]
    for k, (ln, gap) in enumerate(content):
        if wide[k]:
            continue
        tail = k > 0 and wide[k - 1] and (gap == 0 or (ln.text[:1].islower() and not _ends_sentence(content[k - 1][0])))
        lead = k + 1 < len(content) and content[k + 1][1] == 0 and wide[k + 1]
        wide[k] = bool(tail or lead)
    runs: list[tuple[bool, list[SourceLine]]] = []
    for k, (ln, gap) in enumerate(content):
        narrow = not wide[k]
        same = runs and runs[-1][0] == narrow
        if same and narrow and gap >= 1 and (_new_cell(runs[-1][1][-1].text, ln.text) or _is_status(runs[-1][1])):
            same = False
        if same:
            runs[-1][1].append(ln)
        else:
            runs.append((narrow, [ln]))
    return runs


def _with_gaps(lines: list[SourceLine]) -> list[tuple[SourceLine, int]]:
    out, gap = [], 0
    for ln in lines:
        if not ln.text:
            gap += 1
            continue
        out.append((ln, gap))
        gap = 0
    return out


def _ends_sentence(line: SourceLine) -> bool:
    return line.text.rstrip().endswith((".", "?", "!", ":"))


def _new_cell(prev: str, line: str) -> bool:
    return line[:1].isupper() and not prev.endswith(("-", ","))


def _is_status(lines: list[SourceLine], before_new_text: bool = False) -> bool:
    """A status cell: a status word ("Utført – sendt …"), or a short name ("Odd Petter", "Faglig
    samarbeidsutvalg") without sentence punctuation, unless a new wide cell starts right after it - then
    the short text is the next row's task ("Rekruttere sykepleiere")."""
    text = " ".join(ln.text for ln in lines)
    if _STATUS.match(text):
        return True
    return len(text.split()) <= 3 and not text.rstrip().endswith((".", "?", ":")) and not before_new_text


def _rows(lines: list[SourceLine], width: float, columns: int) -> list[Row]:
    roles = _ROLES[columns]
    rows: list[Row] = []
    runs = _cells(lines, width)
    for k, (narrow, run) in enumerate(runs):
        row = rows[-1] if rows else None
        before_new_text = k + 1 < len(runs) and not runs[k + 1][0] and runs[k + 1][1][0].text[:1].isupper()
        if not narrow or "task" not in roles:
            role = "action"
        elif "status" in roles and _is_status(run, before_new_text):
            role = "status"
        elif run[0].text[:1].islower() and row is not None:
            role = "task"  # the task cell went on after the middle column started
        elif row is None or "action" in row.cells or "status" in row.cells:
            row, role = None, "task"
        else:
            role = "task"
        if row is None:
            row = Row()
            rows.append(row)
        row.add(role, run)
    return rows


def cell_text(lines: list[SourceLine]) -> str:
    """A cell's text: its paragraphs and bullets, one per line."""
    return "\n".join(t for raw in group(lines) if (t := block_text(raw)))
