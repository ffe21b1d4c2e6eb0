"""Score the extractor on a development set of annotated submissions, beside a cue-word baseline.

The development set (``tests/fixtures/genre/``) is a folder of text files and ``genre-*.yaml`` annotation
files (one entry per document: sender, sender_kind, language, relations, must_not). Documents are loaded
and extracted in-process: the statements view of the evaluation needs no store, and the score must not
depend on one. The scoring rule is the gold one (:mod:`graph.evaluate`): actor by any alias, relation type,
>= 60 % of the gold quote's tokens.

The baseline is the one a reviewer writes in ten minutes: every sentence with a stance word is a proposal
of the document's sender, one with a rejection word an opposition, one with a practice word an example
(words in ``baseline_cues.yaml``). The extractor has to beat it to be worth its rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from graph.evaluate import Gold, RelationReport, SystemRelation, actor_key, score_relations
from graph.relations import RELATION_OF_KIND

_BASELINE = yaml.safe_load(Path(__file__).with_name("baseline_cues.yaml").read_text("utf-8"))


@dataclass
class DevDocument:
    file: str
    path: Path
    sender: str
    sender_kind: str
    language: str
    layout: str
    annotation: str  # the annotation file's stem: sets written at different times are scored apart too
    gold: list[Gold]
    must_not: list[Gold]


def load_devset(folder: Path) -> list[DevDocument]:
    docs: list[DevDocument] = []
    for ann in sorted(folder.glob("genre-*.yaml")):
        for e in yaml.safe_load(ann.read_text("utf-8")) or []:
            def gold(r: dict[str, Any], e: dict[str, Any] = e) -> Gold:
                actor = r.get("actor") or e["sender"]
                names = {actor_key(n) for n in [actor, *(r.get("actor_aliases") or [])]}
                return Gold(e["document"], actor, names, r.get("relation", ""), r["quote"], "",
                            bool(r.get("optional")), r.get("why", ""), r.get("measure") or "",
                            r.get("implementer") or "")
            docs.append(DevDocument(
                e["document"], folder / e["document"], e["sender"], e.get("sender_kind", "?"),
                e.get("language", "nb"), e.get("layout", "?"), ann.stem,
                [gold(r) for r in e.get("relations") or []],
                [gold(r) for r in e.get("must_not") or [] if r.get("relation")]))
    return docs


def _names(name: str, aliases: Iterable[str] = ()) -> set[str]:
    return {actor_key(n) for n in [name, *aliases]}


def extractor_relations(doc: DevDocument) -> list[SystemRelation]:
    """The statements view of what the extractor finds in one document: one relation per speaker."""
    from graph.extract.statements import extract
    from graph.extract.vocab import load_vocabulary
    from loaders import load_document

    entries = load_vocabulary().measures.entries
    ex = extract(load_document(doc.path))
    out: list[SystemRelation] = []
    for s in ex.statements:
        relation = RELATION_OF_KIND.get(s.kind)
        if relation is None:
            continue
        names = [n for m in s.measures for n in (
            [entries[m].name, *entries[m].aliases] if m in entries else ex.discovered[m].aliases)]
        for aid in s.speakers:
            actor = ex.actors[aid]
            out.append(SystemRelation(doc.file, actor.name, _names(actor.name, actor.aliases), relation, s.text,
                                      s.page, names))
    return out


def measure_coverage(docs: list[DevDocument], system: dict[str, list[SystemRelation]]) -> dict[str, Any]:
    """The share of required gold stances found by a statement ABOUT a measure whose name (or a wording of
    it) shares at least half the gold measure name's content words, folded and stemmed."""
    from graph.extract.discover import key_of

    total = covered = 0
    for d in docs:
        for g in d.gold:
            if g.optional or not g.measure:
                continue
            total += 1
            want = set(key_of(g.measure).split())
            hits = [s for s in system[d.file] if g.matched_by(s)]
            if want and any(len(want & set(key_of(n).split())) * 2 >= len(want) for s in hits for n in s.measures):
                covered += 1
    return {"gold": total, "covered": covered, "share": round(covered / total, 3) if total else 0.0}


_CUES = {rel: re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE) for rel, words in _BASELINE.items()}


def baseline_relations(doc: DevDocument) -> list[SystemRelation]:
    """The cue-word baseline, with the sender taken from the annotation (the most it could be given)."""
    from graph.extract.statements import sentences

    text = doc.path.read_text("utf-8")
    out: list[SystemRelation] = []
    for a, b in sentences(text):
        sentence = text[a:b].strip()
        for relation in ("OPPOSES", "REPORTS_AS_EXAMPLE", "PROPOSES"):
            if _CUES[relation].search(sentence):
                out.append(SystemRelation(doc.file, doc.sender, _names(doc.sender), relation, sentence))
                break
    return out


def score(docs: list[DevDocument], system: dict[str, list[SystemRelation]]) -> RelationReport:
    gold = [g for d in docs for g in d.gold]
    must_not = [g for d in docs for g in d.must_not]
    rel = [s for d in docs for s in system[d.file]]
    return score_relations(rel, gold, must_not, {d.file for d in docs}, "statements")


def leave_one_kind_out(docs: list[DevDocument], texts: dict[str, str]) -> dict[str, Any]:
    """Score each kind of sender with the cues that other documents justify: a cue or prompt pattern that
    matches fewer than two documents once the kind's own documents are left out is switched off, as if it
    had never been written, and the kind is scored with what remains. Micro-averaged over all kinds."""
    from graph.extract import kinds
    from graph.extract.cue_support import support

    matched = support(texts)
    system: dict[str, list[SystemRelation]] = {}
    dropped: dict[str, int] = {}
    for kind in sorted({d.sender_kind for d in docs}):
        mine = {d.file for d in docs if d.sender_kind == kind}
        off = {cue for cue, where in matched.items() if len(where - mine) < 2 and not cue[0].startswith("prompt:")}
        dropped[kind] = len(off)
        with kinds.without(off):
            system.update({d.file: extractor_relations(d) for d in docs if d.file in mine})
    return {"all": score(docs, system).as_dict(), "cues_dropped_per_kind": dropped}


def evaluate_devset(folder: Path, others: Iterable[Path] = ()) -> dict[str, Any]:
    """Extractor and baseline on the whole set, per language and per kind of sender, and the extractor
    leaving out one kind of sender at a time (``others``: more folders whose documents justify cues)."""
    from graph.extract.cue_support import texts_of

    docs = load_devset(folder)
    systems = {"extractor": {d.file: extractor_relations(d) for d in docs},
               "baseline": {d.file: baseline_relations(d) for d in docs}}
    out: dict[str, Any] = {"documents": len(docs), "sender_kinds": sorted({d.sender_kind for d in docs})}
    for name, system in systems.items():
        whole = score(docs, system)
        by_language = {lang: score([d for d in docs if d.language == lang], system).as_dict()["scores"]
                       for lang in sorted({d.language for d in docs})}
        by_kind = {kind: score([d for d in docs if d.sender_kind == kind], system).as_dict()["scores"]
                   for kind in out["sender_kinds"]}
        by_set = {name: score([d for d in docs if d.annotation == name], system).as_dict()["scores"]
                  for name in sorted({d.annotation for d in docs})}
        out[name] = {"all": whole.as_dict(), "by_language": by_language, "by_sender_kind": by_kind,
                     "by_annotation_file": by_set}
    out["measure_coverage"] = measure_coverage(docs, systems["extractor"])
    out["leave_one_kind_out"] = leave_one_kind_out(docs, texts_of([folder, *others]))
    return out
