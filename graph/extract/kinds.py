"""The kind of a statement, from the prompt it answers and the cue words it carries."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

_CUES = yaml.safe_load(Path(__file__).with_name("cues.yaml").read_text("utf-8"))
_C = {k: [re.compile(p, re.IGNORECASE) for p in v] for k, v in _CUES.items()}


def _any(key: str, text: str) -> bool:
    return any(p.search(text) for p in _C[key])


def statement_kind(sentence: str, role: str | None) -> str:
    """proposal | example | challenge | commitment | other."""
    negated = _any("negation", sentence)
    example, proposal = _any("example", sentence), _any("proposal", sentence)
    if role == "commitment":
        return "commitment"
    if role in ("mandate", "target"):
        return "other"  # a task given to the author, or a target state, is not the author's proposal
    if negated:
        return "proposal" if _any("strong_proposal", sentence) else "challenge"
    if role == "example":
        return "proposal" if proposal and not example and _any("strong_proposal", sentence) else "example"
    if role == "proposal":
        return "example" if example and not _any("strong_proposal", sentence) else "proposal"
    if role == "challenge":
        return "proposal" if _any("strong_proposal", sentence) else "challenge"
    if example and not _any("strong_proposal", sentence):
        return "example"
    if _any("strong_proposal", sentence):
        return "proposal"
    return "other"
