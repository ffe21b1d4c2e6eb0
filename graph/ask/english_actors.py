"""Norwegian organisations named in an English question by a translation of their name ("the Eating Disorders
Association" for Spiseforstyrrelsesforeningen, "the youth council in Verdal" for Ungdomsrådet i Verdal, "the Medical
Clinic at Sørlandet Hospital" for Medisinsk klinikk, Sørlandet sykehus HF). An analyst writing in English translates
a name word by word, and no list of English names foresees every body the documents come from: each word of the
question is translated with the glossaries (``names_en.yaml`` for the words of names, ``glossary_en.yaml`` for the
subject words), a place or name is kept as written, and a run of such words that says every word of one
organisation's name (a compound by most of its letters) names it."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.datafile import read_yaml
from graph.extract.discover import fold_text
from graph.phrase import english_stems

NAMES = Path(__file__).parents[1] / "vocabulary" / "names_en.yaml"
# words inside an English name that translate to nothing ("the Division of Psychiatry at Helse Bergen"); "and" only
# inside a name that says "og" ("Vefsn municipality and Innlandet county" are two)
_CONNECTORS = {"of", "the", "at", "in", "for", "and", "og", "i", "&", "on", "with"}
# words of a Norwegian name a translation need not say: function words, legal forms, "Norwegian"
_OPTIONAL = {"i", "ved", "for", "og", "med", "det", "den", "de", "dei", "av", "til", "på", "hf", "rhf", "as", "asa",
             "iks", "sa", "kf", "da", "ba", "norsk", "norske", "norges", "noreg", "norge", "landsforeningen"}
# the word for a municipality after its place ("Fastlegane i Bømlo kommune" is "the GPs in Bømlo")
_PLACE_WORDS = {"kommune", "herad", "kommuner", "kommunar"}
# definite, plural and adjective endings of a name's word ("psykologiske" is "psychology" and an ending)
_ENDINGS = ("iske", "ene", "ane", "isk", "et", "en", "er", "ar", "a", "e")
# of a name word's letters (without its ending) the translated words must say ("ungdom" + "råd" in "ungdomsrådet";
# not "forening" alone in "ryggforeningen")
_COVERED = 0.75
_GRAM = 3
_LEGAL = re.compile(r"\s+(?:HF|RHF|AS|IKS)$")


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    word: str  # lower case, without a possessive ending
    stems: tuple[str, ...]  # what it may say of a name
    literal: bool  # a place or name kept as written
    capital: bool  # written with a capital (not as the question's first word)


@lru_cache(maxsize=1)
def _glossary() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """The names glossary, and its kinds of body."""
    data = (read_yaml(NAMES) if NAMES.is_file() else None) or {}
    words = {str(k).lower(): tuple(fold_text(str(v)) for v in vs)
             for section in ("bodies", "units", "words") for k, vs in (data.get(section) or {}).items()}
    return words, frozenset(str(k).lower() for k in data.get("bodies") or {})


def _forms(word: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((word, re.sub(r"ies$", "y", word), re.sub(r"e?s$", "", word), re.sub(r"s$", "", word))))


def _translations(word: str) -> tuple[str, ...]:
    """Norwegian name parts an English word (or words) stands for: the names glossary's, and for a word that is no
    kind of body also the statements' glossary's one-word stems ("dental": tannhels)."""
    names, bodies = _glossary()
    found = next((names[f] for f in _forms(word) if f in names), ())
    if not any(f in bodies for f in _forms(word)):  # ("council" is no "kommune" of the statements' glossary)
        found = (*found, *(s for s in english_stems(word) if " " not in s and len(s) >= _GRAM))
    # (without a last -e: "fastlege" in "fastlegane", "område" in "bergensområdet")
    return tuple(dict.fromkeys(s[:-1] if s.endswith("e") and len(s) >= 5 else s for s in found))


def _words_of(name: str) -> tuple[str, ...]:
    found = re.findall(r"\w+", fold_text(name))
    return tuple(dict.fromkeys(w for k, w in enumerate(found) if w not in _OPTIONAL
                               and not (k and w in _PLACE_WORDS) and len(w) >= 2 and not w.isdigit()))


@dataclass(frozen=True)
class _Name:
    needed: tuple[str, ...]  # the words a translation must say
    within: tuple[str, ...]  # the organisation it belongs to, after a comma, which it may say
    joined: bool  # the name says "og": "and" may stand inside its translation


@lru_cache(maxsize=8)
def _index(known: tuple[tuple[str, str, tuple[str, ...]], ...]) -> tuple[dict[str, _Name], dict[str, set[str]],
                                                                        dict[str, tuple[str, ...]]]:
    """Per actor its name's words ("Institutt for helse og samfunn, Universitetet i Oslo" is "the Department of
    Health and Society"); which actors have a word holding each three letters; and the words of the name each
    abbreviation stands for ("HMR": helse, møre, romsdal, in "the HMR youth council")."""
    names: dict[str, _Name] = {}
    grams: dict[str, set[str]] = defaultdict(set)
    folded = [fold_text(name) for _, name, _ in known]
    # (of an organisation others belong to: its words said by the abbreviation are those of their names)
    short = {a.lower(): _words_of(name) for _, name, aliases in known for a in aliases
             if a.isalpha() and sum(c.isupper() for c in a) >= 2
             and sum(fold_text(_LEGAL.sub("", name)) in f for f in folded) >= 2}
    for aid, name, _ in known:
        own, _, parent = name.partition(",")
        entry = _Name(_words_of(own), _words_of(parent), " og " in name.lower())
        if not entry.needed:
            continue
        names[aid] = entry
        for t in entry.needed + entry.within:
            for i in range(len(t) - _GRAM + 1):
                grams[t[i:i + _GRAM]].add(aid)
    return names, grams, short


def _uninflected(word: str) -> str:
    """"rådet" → "råd", "spiseforstyrrelsesforeningen" → "spiseforstyrrelsesforening": what a translation says."""
    return next((word[:-len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 3), word)


def question_words(text: str, short: dict[str, tuple[str, ...]]) -> list[_Word]:
    """The question's words, two or three the names glossary knows together read as one ("mental health", "spina
    bifida"); a capitalised word neither glossary knows is kept as written, and each part of one with a hyphen
    ("Vest-Telemark"), and an organisation's abbreviation also as the words of its name."""
    raw = [(m.start(), m.end(), re.sub(r"['’]s?$", "", m[0].lower()), m[0][:1].isupper() and k > 0)
           for k, m in enumerate(re.finditer(r"\w[\w'’-]*", text))]
    out, i, names = [], 0, _glossary()[0]
    while i < len(raw):
        for n in (3, 2):
            key = " ".join(w for _, _, w, _ in raw[i:i + n])
            if len(raw) - i >= n and any(f in names for f in _forms(key)):
                out.append(_Word(raw[i][0], raw[i + n - 1][1], key, _translations(key), False, raw[i][3]))
                i += n
                break
        else:
            start, end, w, capital = raw[i]
            stems = _translations(w)
            literal = not stems and capital and len(w) >= _GRAM
            if literal:
                stems = tuple(dict.fromkeys((fold_text(w), *fold_text(w).split("-"), *short.get(w, ()))))
            out.append(_Word(start, end, w, stems, literal, capital))
            i += 1
    return out


def _covers(token: str, stems: list[str]) -> bool:
    """Whether the stems say most of a name's word without its ending (each where it first stands in it)."""
    marked = [False] * len(token)
    for s in stems:
        at = token.find(s)
        if at >= 0:
            marked[at:at + len(s)] = [True] * len(s)
    return sum(marked) >= _COVERED * len(_uninflected(token))


def english_actor_hits(text: str, known: tuple[tuple[str, str, tuple[str, ...]], ...]) -> list[tuple[str, int, int]]:
    """(actor id, start, end) of the runs of the question's words that translate one organisation's whole name; of
    runs over the same words, the one whose words say most of a name ("the Department of Medicine at Stavanger
    University Hospital"), none when several say as much."""
    names, grams, short = _index(known)
    qwords = question_words(text, short)
    touched: dict[str, set[int]] = defaultdict(set)  # actor → the question's words that say part of its name
    for i, w in enumerate(qwords):
        for s in w.stems:
            for aid in grams.get(s[:_GRAM], ()) if len(s) >= _GRAM else ():
                name = names[aid]
                if any(s in t for t in name.needed + name.within):
                    touched[aid].add(i)
    found: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)
    for aid, at in touched.items():
        for run in _runs(sorted(at), qwords, names[aid]) if len(at) >= 2 else ():
            if (run := _needed(run, names[aid], qwords)) and _names_a_body(run, qwords):
                found[(qwords[run[0]].start, qwords[run[-1]].end)].append((len(run), aid))
    hits: list[tuple[str, int, int]] = []
    for (start, end), named in sorted(found.items(), key=lambda f: (-max(f[1])[0], f[0][0] - f[0][1])):
        named.sort(reverse=True)
        if (len(named) == 1 or named[0][0] > named[1][0]) and all(end <= s or start >= e for _, s, e in hits):
            hits.append((named[0][1], start, end))
    hits += [h for h in _by_place_and_kind(qwords, names, grams)
             if all(h[2] <= s or h[1] >= e for _, s, e in hits)]
    return sorted(hits, key=lambda h: h[1])


_NEAR_PLACE = 2  # words between a place and what kind of body it is ("the Lofoten regional council")
_PLACE_STEM = 5  # letters of a place's name (less its last two) an organisation's name must start a word with


def _by_place_and_kind(qwords: list[_Word], names: dict[str, _Name],
                       grams: dict[str, set[str]]) -> list[tuple[str, int, int]]:
    """A body named by its place and its kind, not its whole name ("the Nordhordland council" for Interkommunalt
    politisk råd for Nordhordland, "the Lofoten regional council" for Lofotrådet, "the Akershus physiotherapists'
    branch" for Norsk Fysioterapeutforbund Akershus): the one organisation whose name holds the place and a
    translation of a word beside it that names a body (a kind, unit or service of the names glossary); none when
    several do."""
    kinds = set(_glossary()[0])
    hits = []
    for i, w in enumerate(qwords):
        place = fold_text(w.word)  # (without a definite ending: "Lofoten" is the "Lofot" of Lofotrådet)
        place = place[:max(_PLACE_STEM, len(place) - 2)]
        if not w.literal or len(place) < _PLACE_STEM:
            continue
        near = [j for j in range(max(0, i - _NEAR_PLACE - 1), min(len(qwords), i + _NEAR_PLACE + 2))
                if j != i and qwords[j].word not in _CONNECTORS and not qwords[j].literal]
        if not any(qwords[j].word in kinds for j in near):  # (in the singular: "hospitals in Bergen" name none)
            continue
        places = {aid for aid in grams.get(place[:_GRAM], ())
                  if any(t.startswith(place) for t in names[aid].needed)}
        said: dict[str, list[int]] = {}
        for aid in places:
            name = names[aid].needed
            used = [j for j in near if any(s in t.replace(place, " ") for s in qwords[j].stems
                                           if len(s) >= _GRAM for t in name)]
            if used:
                said[aid] = used
        if len(said) == 1:
            (aid, used), = said.items()
            span = [i, *used]
            hits.append((aid, qwords[min(span)].start, qwords[max(span)].end))
    return hits


def _runs(at: list[int], qwords: list[_Word], name: _Name) -> list[list[int]]:
    """The words that say part of a name, grouped where only connectors, or one other word in lower case and nothing
    else ("the Hardanger regional council"), stand between."""
    runs: list[list[int]] = [[at[0]]]
    for i in at[1:]:
        between = qwords[runs[-1][-1] + 1:i]
        others = [w for w in between if w.word not in _CONNECTORS]
        # (the other word alone between two that say the name: "Livsglede for Eldre say the foundation" is not one)
        if (not others or len(between) == 1 and not others[0].capital) \
                and (name.joined or all(w.word != "and" for w in between)):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [r for r in runs if len(r) >= 2]


def _says(run: list[int], name: _Name, qwords: list[_Word]) -> bool:
    stems = [s for i in run for s in qwords[i].stems]
    return all(_covers(t, stems) for t in name.needed)


def _needed(run: list[int], name: _Name, qwords: list[_Word]) -> list[int]:
    """The run without words at its ends the name does not need ("… youth council in Verdal want for the
    adolescent …": not "adolescent"); empty when the run does not say the whole name."""
    if not _says(run, name, qwords):
        return []

    def spare(i: int) -> bool:  # (a place or name, or a word of the organisation it belongs to, is kept)
        w = qwords[i]
        return not w.literal and not any(s in t for s in w.stems for t in name.within)

    while len(run) > 2 and spare(run[-1]) and _says(run[:-1], name, qwords):
        run = run[:-1]
    while len(run) > 2 and spare(run[0]) and _says(run[1:], name, qwords):
        run = run[1:]
    return run


def _names_a_body(run: list[int], qwords: list[_Word]) -> bool:
    """A place or name kept as written, words written with capitals, or a kind of body in the singular at its end."""
    words = [qwords[i] for i in run]
    return any(w.literal for w in words) or all(w.capital for w in words) or words[-1].word in _glossary()[1]
