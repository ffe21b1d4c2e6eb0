"""The substring filter in front of the cue patterns: what it derives, and that it never changes an answer."""

from __future__ import annotations

import re
from pathlib import Path

from graph.extract import kinds
from graph.extract.prefilter import Filtered, necessary_strings

from .conftest import CORPUS

GENRE = Path(__file__).parent / "fixtures" / "genre"


def _needs(pattern: str) -> set[str] | None:
    found = necessary_strings(re.compile(pattern, re.IGNORECASE))
    return None if found is None else set(found)


def test_necessary_strings_are_read_from_the_pattern() -> None:
    assert _needs(r"\b(vi|og)\s+ber\b|\bber\s+vi\b") == {"ber"}
    assert _needs(r"\b(siden|sidan|sia)\s+(19|20)\d\d\b") == {"siden", "sidan", "sia"}
    assert _needs(r"\bStøtt(er|ar)\b") == {"støtter", "støttar"}  # lower case, spelled out
    assert _needs(r"\b(går|gjekk)\s+(\w+\s+)?imot\b") == {"imot"}  # the longest necessary word wins
    assert _needs(r"\bmå\b") is None  # too short to filter anything
    assert _needs(r"(\w+\s+)?(bør)?") is None  # nothing is necessary


def test_the_filter_never_changes_what_a_cue_matches() -> None:
    """Every cue of every table, on every line of the corpus and the development set: the filtered search
    finds a match exactly when the plain one does."""
    lines = [ln for folder in (CORPUS, GENRE) for f in sorted(folder.glob("*.txt"))
             for ln in f.read_text("utf-8").splitlines() if ln.strip()]
    checked = filtered = 0
    for table in kinds._CUES:
        for pattern in kinds.patterns(table):
            f = Filtered(pattern)
            filtered += f.needs is not None
            for ln in lines:
                assert (f.search(ln, ln.lower()) is None) == (pattern.search(ln) is None), (table, pattern.pattern, ln)
            checked += 1
    assert checked > 50 and filtered >= 0.9 * checked  # nearly every cue can be skipped cheaply


def test_a_tables_one_pass_finds_what_each_filtered_cue_finds() -> None:
    """FilteredTable (what extraction runs: one Aho-Corasick pass per table) matches a line with exactly the cues the
    plain patterns match, on every line of the corpus and the development set."""
    from graph.extract.prefilter import FilteredTable

    lines = [ln for folder in (CORPUS, GENRE) for f in sorted(folder.glob("*.txt"))
             for ln in f.read_text("utf-8").splitlines() if ln.strip()]
    for table in kinds._CUES:
        patterns = kinds.patterns(table)
        one_pass = FilteredTable(patterns)
        for ln in lines:
            assert [i for i, _ in one_pass.matching(ln, ln.lower())] == \
                [i for i, p in enumerate(patterns) if p.search(ln)], (table, ln)
