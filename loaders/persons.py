"""Person names ("Odd Petter Nilsen", "Anita Talåsen Granli") from a list of common given names.

Rosters, signatures and status cells name people; the loader must not take a roster line for a heading,
and the extractor keeps people as actors of type ``person`` so "who is X?" and "who represents Y?" have
an answer. A given name alone ("Per", "Odd") is never a person: at least one more capitalised name must
follow, so ordinary sentence starts are safe.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from graph.datafile import read_yaml

_NAME = r"[A-ZÆØÅ][a-zæøåéèü]+(?:-[A-ZÆØÅ][a-zæøåéèü]+)?"
_TWO_NAMES = re.compile(r"[A-ZÆØÅ][a-zæøåéèü]+(?:-[A-ZÆØÅ][a-zæøåéèü]+)? [A-ZÆØÅ]")


@lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern[str], frozenset[str]]:
    data = read_yaml(Path(__file__).with_name("given_names.yaml"))
    given = frozenset(n for key in ("women", "men") for n in data[key])
    stop = "|".join(map(re.escape, data["not_names"]))
    name = rf"(?!(?:{stop})\b){_NAME}"
    alternatives = "|".join(map(re.escape, sorted(given, key=len, reverse=True)))
    return re.compile(rf"\b(?:{alternatives})(?:[ ]{name}){{1,3}}\b(?![-\w])"), given


def find_persons(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each person name in the text; "Terje Rootwelt Jan Frich" is two people (a
    given name after a surname starts the next one)."""
    if not _TWO_NAMES.search(text):
        return []  # no two capitalised words in a row: no name (the common case, and a cheap test)
    pattern, given = _names()
    found = []
    for m in pattern.finditer(text):
        start, words, surname = m.start(), m.group(0).split(" "), False
        for n, word in enumerate(words):
            if surname and word in given and n + 1 < len(words):
                found.append((start, start + len(" ".join(words[:n])), " ".join(words[:n])))
                start, words, surname = start + len(" ".join(words[:n])) + 1, words[n:], False
                break
            surname = surname or word not in given
        found.append((start, m.end(), " ".join(words)))
    return found


def is_person_name(text: str) -> bool:
    """The whole text is one person's name ("Kari Solberg Nilsen"), nothing before or after it."""
    return [p[2] for p in find_persons(text)] == [text]
