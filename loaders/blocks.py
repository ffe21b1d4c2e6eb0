"""Group cleaned lines into blocks (paragraphs, bullets, headings) and join them into clean text.

PDF text breaks lines mid-sentence, often with a blank line in between, and hyphenates at line ends. The
rules here decide from the lines themselves (punctuation, case, length against the typical line width,
size of the gap) whether a line continues the previous one; they know nothing of particular documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.model import SourceLine
from loaders.patterns import CLOSING, PATTERNS

_PUNCT_END = (".", "!", "?", ":", ";")
ITEM_NUMBER = r"\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}[.)]"  # "2.", "3)", "2.5", "4.1.2."
NUMBERED = re.compile(
    rf"^(?:(?:spørsmål|pkt\.?|punkt)\s*(?P<q>\d{{1,2}})\s*[:.)]?|(?P<num>{ITEM_NUMBER}))"
    r"\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_LETTERED = re.compile(r"^[a-zæøå]\)\s+\S")
_SUSPENDED_NEXT = {"og", "eller", "til", "samt", "så", "enn"}
_FUNCTION_WORDS = {"og", "i", "med", "til", "for", "av", "på", "om", "som", "en", "et", "ei", "der", "fra", "mellom",
                   "ved", "den", "det", "de", "å", "at", "eller", "samt", "er", "har", "kan", "skal", "vil", "må"}
_BULLET_CHARS = tuple(b for b in PATTERNS["bullets"] if b)
_PART_TITLE = re.compile(PATTERNS["part_title"], re.IGNORECASE)
_APPENDIX = re.compile(PATTERNS["appendix_list"], re.IGNORECASE)
_PROMPT_LINE = [re.compile(p["pattern"], re.IGNORECASE) for p in PATTERNS["prompts"]]


def _prompt_line(text: str) -> bool:
    """A line that is one of the consultation's questions or a list lead-in, e.g. "Er dere kjent med …"."""
    return text[:1].isupper() and len(text) <= 200 and any(p.search(text) for p in _PROMPT_LINE)


def title_like(text: str) -> bool:
    """A letter's title line ("Innspill fra X", "X sine innspill til …")."""
    return (
        text[:1].isupper() and bool(_PART_TITLE.search(text)) and len(text) <= 120
        and len(text.split()) <= 16 and not text.endswith((".", ",", ";", ":")) and not _APPENDIX.match(text)
    )


@dataclass
class RawBlock:
    lines: list[SourceLine] = field(default_factory=list)
    bullet: bool = False
    numbered: str | None = None

    @property
    def first(self) -> SourceLine:
        return self.lines[0]


def bullet_body(text: str) -> str | None:
    """The text after a bullet glyph, or None when the line is not a bullet."""
    for glyph in _BULLET_CHARS:
        if text.startswith(glyph):
            rest = text[len(glyph):]
            if glyph.isalpha():  # "o " as a second-level bullet needs the space
                return rest.strip() if rest.startswith(" ") and rest.strip() else None
            if glyph in "-–—" and rest[:1] not in (" ", "\t"):  # "-5 %" or "–2022" is no bullet
                return None
            return rest.strip() or None
    return None


def join_lines(a: str, b: str) -> str:
    """Join two wrapped lines, removing an end-of-line hyphen only where it splits a word."""
    if not a:
        return b
    if a.endswith("-") and len(a) >= 2:
        before = a[-2]
        first_word = re.match(r"[\wæøåÆØÅ]+", b)
        word = first_word.group(0) if first_word else ""
        if before.islower() and word[:1].islower() and word.lower() not in _SUSPENDED_NEXT:
            return a[:-1] + b  # pasien- / tens -> pasientens
        if before.isalpha() and word[:1].isupper() and before.islower():
            return a + b  # Sør- / Øst -> Sør-Øst
        if before.isupper() or before.isdigit():
            return a + b  # FACT- / team -> FACT-team
        return a + " " + b  # helse- / og -> helse- og
    return a + " " + b


def typical_width(lines: list[SourceLine]) -> float:
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) > 20)
    if not lengths:
        return 80.0
    return float(lengths[int(len(lengths) * 0.8)])


def _starts_lower(text: str) -> bool:
    m = re.match(r"[(«\"']*(\S)", text)
    return bool(m) and (m.group(1).islower() or m.group(1).isdigit() and not NUMBERED.match(text))


_CELLS = re.compile(r"\S\s*\|\s*\S.*\S\s*\|\s*\S")  # "Tiltak | Ansvar | Status": a row of a text table
PIPE = re.compile(r"\S\s+\|\s+\S")  # "Forslag | Vår vurdering": two cells, when the next row has them too


def _continues(prev: str, line: str, gap: int, width: float) -> bool:
    """Does ``line`` continue the block that ``prev`` (its last line) ends? A row of a table written with
    "|" between its cells (three, or two in consecutive rows) is a block of its own."""
    if _CELLS.search(prev) or _CELLS.search(line) or PIPE.search(prev) and PIPE.search(line):
        return False
    if prev.endswith("-"):
        return True
    full = len(prev) >= 0.72 * width
    if line[:1].isdigit() and gap and prev.endswith((".", "!", "?")):
        return False  # a heading numbered without a dot after a finished sentence ("… nykomne." / "2 Tuberkulose")
    if _starts_lower(line):
        return not (prev.endswith(("?", ":")) and gap >= 2)
    if prev.endswith(_PUNCT_END):
        return full and gap == 0 and not prev.endswith((":", "?"))
    if prev.endswith(","):
        return gap <= 1
    return full and gap <= 1


def _headline(text: str, width: float) -> bool:
    """A line that stands between blank lines and reads as a heading, not as a wrapped sentence."""
    words = text.split()
    return (
        text[:1].isupper() and not text.endswith((".", ",", ";", ":", "-")) and len(words) <= 12
        and len(text) < 0.9 * width and words[-1].lower() not in _FUNCTION_WORDS
    )


def group(lines: list[SourceLine], *, title_first: bool = False) -> list[RawBlock]:
    """Lines into blocks; with ``title_first`` the first line (a part's title) stands alone."""
    width = typical_width(lines)
    blocks: list[RawBlock] = []
    cur: RawBlock | None = None
    gap = gap_before = 0
    for ln in lines:
        if not ln.text:
            gap += 1
            continue
        body = bullet_body(ln.text)
        numbered = NUMBERED.match(ln.text)
        lettered = _LETTERED.match(ln.text)
        starts_item = body is not None or bool(numbered) or bool(lettered) or bool(_APPENDIX.match(ln.text)) \
            or bool(CLOSING.match(ln.text)) or (gap >= 1 and _prompt_line(ln.text) and cur is not None
                and cur.lines[-1].text.split()[-1].lower() not in _FUNCTION_WORDS)
        alone = cur is not None and len(cur.lines) == 1 and (
            (title_first and len(blocks) == 1 and not _starts_lower(ln.text))
            or (gap >= 1 and title_like(cur.lines[0].text))
            or (gap >= 1 and gap_before >= 1 and _headline(cur.lines[0].text, width) and not _starts_lower(ln.text))
        )
        if cur is not None and not starts_item and not alone and _continues(cur.lines[-1].text, ln.text, gap, width):
            cur.lines.append(ln)
        else:
            cur = RawBlock(lines=[ln], bullet=body is not None or bool(lettered),
                           numbered=(numbered.group("num") or numbered.group("q")).rstrip(".)") if numbered else None)
            if body is not None:
                ln.text = body
            blocks.append(cur)
            gap_before = gap
        gap = 0
    return blocks


def block_text(block: RawBlock) -> str:
    return block_text_and_pages(block)[0]


def block_text_and_pages(block: RawBlock) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """The joined text, the offsets in it where a new page begins, and where each source line begins (with its
    number: a plain-text document's quote is found by its line, as a PDF's by its page)."""
    text = ""
    breaks: list[tuple[int, int]] = []
    lines: list[tuple[int, int]] = []
    page = block.first.page
    for ln in block.lines:
        text = join_lines(text, ln.text)
        lines.append((max(0, len(text) - len(ln.text)), ln.line_no))
        if ln.page is not None and ln.page != page:
            breaks.append((len(text) - len(ln.text), ln.page))
            page = ln.page
    return text, breaks, lines
