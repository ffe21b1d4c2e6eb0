"""Curator decisions on discovered measures (reject, merge, rename, promote), applied to each document's
extraction as it ends, so they hold on every load like the actor decisions (checked in
:func:`graph.extract.decisions.measure_decisions`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.extract.discover import DiscoveredMeasure, key_of, measure_id

if TYPE_CHECKING:
    from graph.extract.statements import Extraction


@dataclass
class CuratedMeasure(DiscoveredMeasure):
    """A discovered measure a decision touched: ``origin`` 'curated' once promoted; ``curated`` says the writer
    must set its name and origin on every load (not only when the node is created)."""

    origin: str = "discovered"
    curated: bool = False


def _names(m: DiscoveredMeasure, ref: str) -> bool:
    """Whether a decision's reference names this discovered measure: its id, its name or a wording, or any
    phrase with its key."""
    key = key_of(ref)
    return ref in (m.id, m.name) or ref in m.aliases or bool(key) and (key == m.key or measure_id(key) == m.id)


def _curated(m: DiscoveredMeasure) -> CuratedMeasure:
    if isinstance(m, CuratedMeasure):
        return m
    return CuratedMeasure(**{f.name: getattr(m, f.name) for f in dataclasses.fields(m)})


def apply_measure_decisions(x: Extraction, decisions: list[dict[str, Any]], vocabulary: Any) -> Extraction:
    """The extraction with the curator's measure decisions applied in order (``vocabulary``: the vocabulary's
    measure Matcher): ``reject`` drops the discovered measure from every statement; ``merge`` puts the measure
    ``into`` in its place (a vocabulary measure, another discovered one, or a new one named so) and keeps its
    wordings as aliases; ``rename`` gives it a new name (the old one stays a wording); ``promote`` makes its
    origin 'curated', keeping its id (``name`` optional). A decision naming no measure of this document does
    nothing here."""
    if not decisions or not x.discovered:
        return x
    for d in decisions:
        action, ref = d["action"], d["measure"].strip()
        for m in [m for m in list(x.discovered.values()) if _names(m, ref)]:
            if action == "reject":
                _replace(x, m.id, None)
                del x.discovered[m.id]
            elif action == "merge":
                into = _merge_target(x, d, m, vocabulary)
                if into == m.id:
                    continue
                _replace(x, m.id, into, vocabulary.entries[into].props.get("themes", [])
                         if into in vocabulary.entries else [])
                del x.discovered[m.id]
                if into in x.discovered:
                    target = x.discovered[into]
                    target.aliases.extend(a for a in [m.name, *m.aliases] if a not in target.aliases)
            else:
                c = x.discovered[m.id] = _curated(m)
                new = str(d.get("name") or "").strip()
                if new and new != c.name:
                    c.aliases = [c.name, *[a for a in c.aliases if a != c.name]]
                    c.name = new
                if action == "promote":
                    c.origin = "curated"
                c.curated = True
    return x


def _merge_target(x: Extraction, d: dict[str, Any], m: DiscoveredMeasure, vocabulary: Any) -> str:
    """The id a merge puts in the measure's place: a vocabulary measure (by id, name or alias), a discovered
    measure of this document or of the graph (by id, or by a wording of this document), else a new measure
    with the name given."""
    into = str(d["into"]).strip()
    if _names(m, into):
        return m.id  # into itself: nothing to do
    if into in vocabulary.entries:
        return into
    whole = vocabulary.find(into)
    if len(whole) == 1 and whole[0][1] == 0 and whole[0][2] >= len(into) - 1:
        return whole[0][0]  # "hjemmesykehus": the vocabulary's own name or alias
    here = next((o for o in x.discovered.values() if o is not m and _names(o, into)), None)
    if here is not None:
        return here.id
    if into.startswith("m-"):  # a discovered measure of another document; its node keeps its own name
        mid, name = into, str(d.get("name") or m.name)
    else:
        mid, name = measure_id(key_of(into)), into
    x.discovered[mid] = CuratedMeasure(id=mid, name=name, key=key_of(name) if not into.startswith("m-") else m.key,
                                       aliases=[], broader=m.broader)
    return mid


def _replace(x: Extraction, old: str, new: str | None, themes: list[str] | None = None) -> None:
    """Every statement about ``old`` is about ``new`` instead (or no longer about it, for None); merged into a
    vocabulary measure, the statement concerns that measure's ``themes`` as well, as if it had named it."""
    for s in x.statements:
        if old in s.measures:
            s.measures = list(dict.fromkeys(new if mid == old else mid for mid in s.measures if new or mid != old))
            if themes:
                s.themes = [t for t in dict.fromkeys([*s.themes, *themes]) if t != "unclassified"]
