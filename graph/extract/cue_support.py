"""Which documents each cue and prompt pattern matches: a cue earns its place by matching the genre (at least
two documents), not one sentence of one document. Used by the cue lint test and by the leave-one-sender-kind-out
evaluation, which drops the cues that only the left-out kind's documents justify."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from graph.extract import kinds
from loaders.patterns import PATTERNS

Cue = tuple[str, int]  # (cues.yaml key or "prompt:<role>", index in its list)

# keys whose patterns decide a kind from the words of a sentence; the others are checked the same way
LINTED = ("negation", "shortfall", "example", "not_stance", "not_proposal", "reported_proposal", "told_view",
          "opposition", "stance", "proposal", "strong_proposal", "action_start", "existing_at", "target_start",
          "refers_back")


def _units(text: str) -> list[str]:
    from graph.extract.statements import sentences

    units = [text[a:b].strip() for a, b in sentences(text)]
    return units + [line.strip() for line in text.split("\n") if line.strip()]


def support(texts: dict[str, str]) -> dict[Cue, set[str]]:
    """For every cue: the documents with a sentence (or line, for prompts) it matches."""
    units = {doc: _units(text) for doc, text in texts.items()}
    out: dict[Cue, set[str]] = {}
    for key in LINTED:
        for i, pattern in enumerate(kinds.patterns(key)):
            out[(key, i)] = {doc for doc, us in units.items() if any(pattern.search(u) for u in us)}
    for i, prompt in enumerate(PATTERNS["prompts"]):
        pattern = re.compile(prompt["pattern"], re.IGNORECASE)
        out[(f"prompt:{prompt['role']}", i)] = {
            doc for doc, text in texts.items() if any(pattern.search(line.strip()) for line in text.split("\n"))}
    return out


def texts_of(folders: Iterable[Path]) -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for folder in folders for p in sorted(folder.glob("*.txt"))}
