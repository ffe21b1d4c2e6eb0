"""The kind of a statement, from the prompt it answers and the cue words it carries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from graph.datafile import read_yaml
from graph.extract.prefilter import FilteredTable
from loaders.blocks import ITEM_NUMBER

_CUES = read_yaml(Path(__file__).with_name("cues.yaml"))
_C = {k: [re.compile(p, re.IGNORECASE) for p in v] for k, v in _CUES.items()}


_OFF: set[tuple[str, int]] = set()  # cues switched off (leave-one-out evaluation), by (key, index)


# each cue behind the words it cannot match without (most sentences carry none of a table's words)
_FILTERED = {k: FilteredTable(v) for k, v in _C.items()}


# a list item's number or letter ("1. Å la …", "2.5 Vi er bekymret …", "b) Kommunen bør …"): not part of what the
# sentence says, and it would hide the sentence's start from the cues that read the start
_LIST_NUMBER = re.compile(rf"^\s*(?:{ITEM_NUMBER}|[a-zæøå][.)])\s+(?=\S)")


def _any(key: str, text: str) -> bool:
    text = _LIST_NUMBER.sub("", text, count=1)
    off = {i for k, i in _OFF if k == key} if _OFF else ()
    return next(iter(_FILTERED[key].matching(text, text.lower(), off)), None) is not None


def patterns(key: str) -> list[re.Pattern[str]]:
    return _C[key]


@contextmanager
def without(cues: set[tuple[str, int]]) -> Iterator[None]:
    """Extract as if these cues had never been written (the leave-one-sender-kind-out evaluation)."""
    _OFF.update(cues)
    try:
        yield
    finally:
        _OFF.difference_update(cues)


_CONTRAST = re.compile(r"[,;]\s+(?:men|mens|samtidig\s+som)\s+", re.IGNORECASE)


def contrast_split(sentence: str) -> int | None:
    """Where a sentence that supports one thing and rejects another turns ("støtter hovedgrepet …, men går
    imot at …"): the offset of the second clause, so each stance is its own statement."""
    m = _CONTRAST.search(sentence)
    if not m:
        return None
    first, second = sentence[:m.start()], sentence[m.start() + 1:]  # "men uenig i …" keeps its "men"
    if _any("opposition", first) != _any("opposition", second) and (
            _any("stance", first) or _any("stance", second)):
        return m.start() + 1
    return None


def exists_at_place(sentence: str) -> bool:
    return _any("existing_at", sentence)


def attributes_to(before: str) -> bool:
    """The words before an organisation attribute a practice to it ("…, slik de har etablert ved ")."""
    return _any("attributes_to", before)


def stance_heading(heading: str) -> bool:
    """A heading that says what its sender wants or rejects ("Behov for fleire LIS1-stillingar …", "Nei til …")."""
    return _any("stance_heading", heading)


def reports_another(sentence: str) -> bool:
    """Another body's proposal, reported ("Departementet foreslår …"): no stance, but what follows may take one."""
    return _any("reported_proposal", sentence) or _any("reported_member", sentence)


def reporting_member(sentence: str) -> str | None:
    """The council or committee whose request a sentence reports ("Brukerutvalget ved SSHF har bedt om …"): the
    sender's own only when the sender is that council, which its name alone cannot tell ("… i Helgelandssykehuset")."""
    if not _any("reported_member", sentence):
        return None
    text = _LIST_NUMBER.sub("", sentence, count=1)
    return next(m.group("body") for p in _C["reported_member"] if (m := p.search(text)))


def tells_view(sentence: str) -> bool:
    """A view someone else gave the sender, told ("Kommuneoverlegen har sagt til oss at ho meiner …")."""
    return _any("told_view", sentence)


def own_commitment(sentence: str) -> bool:
    return _any("own_commitment", sentence)


def before_remarks(sentence: str) -> str | None:
    """What a lead-in says before its clause that announces remarks, when it has one."""
    m = next((m for p in _C["remarks_follow"] if (m := p.search(sentence))), None)
    return sentence[:m.start()] if m else None


def refers_back(sentence: str) -> bool:
    return _any("refers_back", sentence)


def points_back(sentence: str) -> bool:
    return _any("points_back", sentence)


def opens_target(sentence: str) -> bool:
    return _any("target_start", sentence)


def statement_kind(sentence: str, role: str | None, positional: bool = True, own_report: bool = False) -> str:
    """proposal | opposition | example | challenge | commitment | other (see ``_kind_of``); a practice of nobody in
    particular ("Mange kommuner har …") is no example, what some of a group need ("Mange av medlemmene har behov
    for …") no proposal."""
    kind = _kind_of(sentence, role, positional, own_report)
    if kind == "proposal" and _any("not_proposal", sentence):
        return "challenge"
    return "other" if kind == "example" and _any("not_example", sentence) else kind


def _kind_of(sentence: str, role: str | None, positional: bool, own_report: bool) -> str:
    """proposal | opposition | example | challenge | commitment | other.

    The sentence decides first: procedure, a quoted question or another body's proposal is no stance of the
    sender; a rejection is an opposition; a negated practice or what falls short today is a problem unless a
    stance word says more; support, a demand or a view is a proposal wherever it stands. The
    prompt a block answers (``role``) decides what the sentence's own words leave open. ``positional`` says
    the sentence takes its kind from where it stands (a list item or the first sentence of one, a heading
    under a prompt); prose sentences under the same prompt need a cue of their own, so that context and
    elaboration ("Dette er særlig viktig …") do not become proposals. ``own_report``: the body the sentence
    reports is its author ("Helsedirektoratet anbefaler …" in the directorate's own letter): its own stance."""
    if role == "commitment":
        return "commitment"
    if role in ("mandate", "target") or _any("lead_in", sentence):
        return "other"  # a task given to the author, a target state or a list's lead-in is no statement
    if _any("not_stance", sentence) or (reports_another(sentence) and not own_report):
        return "other"
    if _any("opposition", sentence):
        return "opposition"
    @cache
    def cue(key: str) -> bool:  # each cue table at most once per sentence, and only when the branch needs it
        return _any(key, sentence)

    def strong() -> bool:
        return cue("stance") or cue("strong_proposal")

    if role == "opposition" and strong():  # under "Forslag … som vi avviser:": "Kravet om … må skrotes"
        return "opposition"
    if cue("negation") or cue("shortfall"):
        # (a "må" beside what people have to do today describes it: "Mange kommuner må i dag kjøpe …, fordi de
        # mangler …")
        return "proposal" if cue("stance") or (cue("negation") and cue("strong_proposal") and not cue("shortfall")) \
            else "challenge"
    if role == "example" and (positional or cue("example")):
        return "proposal" if cue("proposal") and not cue("example") and strong() else "example"
    if role == "proposal" and (positional or cue("proposal") or strong()):
        return "example" if cue("example") and not strong() and not cue("action_start") else "proposal"
    if role == "challenge":
        return "proposal" if strong() else "challenge"
    if cue("example") and not strong():
        return "example"
    if strong() or (positional and role is None and cue("action_start")):
        return "proposal"
    return "other"
