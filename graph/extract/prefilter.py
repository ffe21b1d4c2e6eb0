"""Cheap tests that let a sentence skip a regular expression that cannot match it.

A cue table holds a few dozen alternations, and Python's ``re`` tries each of them at every position of a
sentence; most sentences carry none of their words. Every cue needs some word ("ber", "støtter",
"siden"): read from the pattern itself, those words decide with plain substring tests, which cost a
fraction of a regex scan, whether the scan can find anything. The words are derived, never written by
hand, so a cue and its filter cannot drift apart; a pattern whose words cannot be derived is always run.

A table's patterns share one Aho-Corasick automaton over all their words: one pass over a sentence says which
words it holds, and only the patterns needing one of those are run (a test per word and pattern cost more
than the scans it saved once the tables held a few hundred words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as c  # the standard library's own pattern parser (public since 1.5 as sre_parse)
from re import _parser as parser
from typing import Any

import ahocorasick

_MIN_LEN = 3  # shorter necessary strings ("å", "at") are in nearly every sentence: no use as a filter


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several necessary sets: longest shortest member, then fewest members."""
    good = [o for o in options if o and min(map(len, o)) >= _MIN_LEN]
    if not good:
        return None
    return max(good, key=lambda o: (min(map(len, o)), -len(o)))


_MAX_STRINGS = 64


def _finite(items: Any) -> set[str] | None:
    """Every string a pattern without repetition can match ("(siden|sidan|sia)"), or None."""
    out = {""}
    for op, av in items:
        if op is c.LITERAL:
            options: set[str] | None = {chr(av).lower()}
        elif op is c.AT:
            options = {""}  # \b, ^, $: zero width
        elif op is c.SUBPATTERN:
            options = _finite(av[-1])
        elif op is c.BRANCH:
            parts = [_finite(b) for b in av[1]]
            options = None if any(p is None for p in parts) else set().union(*parts)  # type: ignore[arg-type]
        elif op is c.IN and all(o is c.LITERAL for o, _ in av):
            options = {chr(v).lower() for _, v in av}
        else:
            options = None
        if options is None or len(out) * len(options) > _MAX_STRINGS:
            return None
        out = {a + b for a in out for b in options}
    return out


def _seq(items: Any) -> frozenset[str] | None:
    """A set of strings of which every match of this sequence contains at least one."""
    options: list[frozenset[str]] = []
    run = {""}  # the strings the items since the last open-ended one spell

    def close() -> None:
        nonlocal run
        if run != {""}:
            options.append(frozenset(run))
        run = {""}

    for item in items:
        op, av = item
        spelled = _finite([item])
        if spelled is not None and len(run) * len(spelled) <= _MAX_STRINGS:
            run = {a + b for a in run for b in spelled}
            continue
        close()
        sub: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            sub = _seq(av[-1])
        elif op is c.BRANCH:
            branches = [_seq(b) for b in av[1]]
            if all(b is not None for b in branches):
                sub = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            sub = _seq(av[2])
        if sub is not None:
            options.append(sub)
    close()
    return _best(options)


def necessary_strings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which every match contains, or None when none can be derived."""
    try:
        return _seq(parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 — an unreadable pattern just goes unfiltered
        return None


class Filtered:
    """A pattern behind its substring filter: ``search`` returns None without scanning when the lower-cased
    text holds none of the pattern's necessary strings."""

    __slots__ = ("pattern", "needs")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.needs = necessary_strings(pattern)

    def search(self, text: str, low: str) -> re.Match[str] | None:
        if self.needs is not None and not any(s in low for s in self.needs):
            return None
        return self.pattern.search(text)


def automaton(words: set[str]) -> ahocorasick.Automaton | None:
    """Finds every one of ``words`` in a text (overlapping ones too) in one pass; None when there are none."""
    if not words:
        return None
    found = ahocorasick.Automaton()
    for w in words:
        found.add_word(w, w)
    found.make_automaton()
    return found


class FilteredTable:
    """The patterns of one cue table, each behind its necessary words, found in one pass over the text."""

    __slots__ = ("patterns", "_words")

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.patterns = [Filtered(p) for p in patterns]
        self._words = automaton({w for f in self.patterns for w in f.needs or ()})

    def matching(self, text: str, low: str, skip: Iterable[int] = ()) -> Iterable[tuple[int, re.Match[str]]]:
        """(index, match) of each pattern that matches, in table order; indexes in ``skip`` are not run."""
        held = {w for _, w in self._words.iter(low)} if self._words is not None else set()
        for i, f in enumerate(self.patterns):
            if (f.needs is None or not f.needs.isdisjoint(held)) and i not in skip:
                m = f.pattern.search(text)
                if m:
                    yield i, m
