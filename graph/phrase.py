"""Words of a question the vocabulary does not know, looked for in the statements.

Each word is weighed by how rare it is among the statements (from the full-text index), so a statement holds the
phrase when it has the words that carry most of its weight: "nedleggelse av dialysen i Lærdal" finds "dialysetilbodet
i Lærdal blir lagt ned", while "gratis tannhelse for eldre" finds nothing when no statement speaks of tannhelse.
Words are compared folded (nynorsk forms to bokmål) and by their first letters, so inflections and compounds match.
An English word is looked up in the glossary (``graph/vocabulary/glossary_en.yaml``) and matches any Norwegian stem
it lists; one the glossary lacks and no statement uses is the asker's, not evidence.
"""

from __future__ import annotations

import itertools
import math
import re
import weakref
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from graph.datafile import read_yaml
from graph.extract.discover import fold_text, starts_a_head
from graph.store import GraphStore
from graph.store.base import QueryError

_STOP = {"for", "og", "i", "på", "av", "med", "til", "om", "en", "et", "the", "of", "and"}
GLOSSARY = Path(__file__).parent / "vocabulary" / "glossary_en.yaml"


def words(phrase: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", phrase.lower()) if w not in _STOP]


_SUFFIXES = ("elsene", "elsen", "else", "ingane", "ingene", "ingen", "inga", "ing", "ene", "ane", "er", "ar",
             "en", "et", "e", "a")  # inflection and the -else/-ing of a verb made noun, longest first


# a definite plural leaves a short noun whole: "skolene" is "skol" (skole, skolen), not "skolen"; "sengene" is "seng"
_SHORTEST = {"ene": 4, "ane": 4}
_CONTRACTED = re.compile(r"[^aeiouyæøå\W\dlr][rl]$")


def stem(word: str) -> str:
    """The part of a word its inflections and compounds share: "nedleggelse" → "nedlegg" (nedlegging, nedlegge)."""
    health = word.endswith(("helse", "helsen", "helsene"))  # no verb made noun: "tannhelse" → "tannhels", not "tannh"
    for suffix in _SUFFIXES:
        if health and suffix.startswith("else"):
            continue
        if word.endswith(suffix) and len(word) - len(suffix) >= _SHORTEST.get(suffix, 5):
            st = word[:-len(suffix)]
            # an m doubled before the ending is single in the bare word: "sykehjemmet" → "sykehjem", "programmet";
            # an -er/-el the ending contracted is cut from the bare word too: "helikoptrene" → "helikopt"
            # (helikopter), "legemidler" → "legemid" (legemiddel), "sentrene" → "sent" (senter)
            return st[:-1] if st.endswith("mm") or len(suffix) <= 3 and suffix != "ing" and _CONTRACTED.search(st) \
                else st
    if len(word) <= 6 and word[-1] in "iouy":  # no ending to strip ("video" is no "vide" of "videre")
        return word
    # no ending to strip: the last letters may be inflected away, but a long word is a compound whose head is
    # a word ("behandlingsteam" is no "behandlingstilbud", "sykehjem" no "sykehus")
    return word[:max(4, len(word) - (3 if len(word) < 8 else 1))]


@lru_cache(maxsize=65536)
def folded_words(text: str) -> tuple[str, ...]:
    """The text's words in lower case, nynorsk forms folded to bokmål ("følgjetenesta" → "følgetjenesta"); kept
    per text, since a question's phrase is tested against the same statements request after request."""
    return tuple(re.findall(r"[^\W_]+", fold_text(text)))


def has(have: str | tuple[str, ...] | list[str], st: str) -> bool:
    """A word of the text starts with the stem, ends a compound with it ("plan" in "sykehusplanen") or, when the
    stem is long enough to be a word of its own, holds it ("følgetjen" in "jordmorfølgjetenesta", folded).
    ``have``: the text's folded words, or those words joined by single spaces (one search instead of one a word)."""
    return _stem_pattern(st).search(have if isinstance(have, str) else " ".join(have)) is not None


@lru_cache(maxsize=8192)
def _stem_pattern(st: str) -> re.Pattern[str]:
    e = re.escape(st)
    alternatives = [rf"(?<!\S){e}"]
    if len(st) >= 4:
        alternatives.append(e + _TAIL[len(st) >= 5])
    if len(st) >= 7:
        alternatives.append(e)
    return re.compile("|".join(alternatives))


# what may follow a stem that ends a compound, up to the word's end: a short ending, or for a longer stem also a
# verb made noun with its inflection ("utdann" in "sykepleierutdanninger")
_TAIL = (r"\w{0,3}(?!\S)", r"(?:\w{0,3}|ing\w{0,3}|else\w{0,3})(?!\S)")


def mentions(text: str, phrase: str) -> bool:
    """Every word of the phrase is in the text, up to a short inflected ending, in bokmål or nynorsk."""
    have = folded_words(text)
    return all(has(have, stem(w)) for w in words(fold_text(phrase)))


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    if not GLOSSARY.is_file():
        return {}
    data = read_yaml(GLOSSARY) or {}
    return {str(k).lower(): tuple(fold_text(str(v)) for v in vs) for k, vs in data.items()}


ACCENTS = str.maketrans("áàâäéèêëíìîïóòôúùûü", "aaaaeeeeiiiiooouuuu")  # "Sámi", "etikkomité"


def _forms(key: str) -> tuple[str, ...]:
    """A word as written and the base forms it may be the plural or a verb form of."""
    return (key, re.sub(r"ies$", "y", key), re.sub(r"e?s$", "", key), re.sub(r"s$", "", key),
            re.sub(r"ing$", "", key), re.sub(r"ing$", "e", key), re.sub(r"ed$", "", key), re.sub(r"d$", "", key),
            re.sub(r"ied$", "y", key),
            re.sub(r"(\w)\1(?:ing|ed)$", r"\1", key),  # "cutting", "planned": the doubled consonant
            f"{key}s")  # (a singular the glossary has only in the plural: "wound" of "wounds")


def _english(key: str) -> tuple[str, ...] | None:
    """The Norwegian stems of an English word or phrase, also when it is written in the plural or as a verb form
    (of its last word, or of the first of a phrasal verb: "taking over", "follows up")."""
    g = glossary()
    key = key.translate(ACCENTS)  # "Sámi", "café": the glossary writes English without accents
    head, _, rest = key.partition(" ")
    for form in (*_forms(key), *(f"{h} {rest}" for h in _forms(head)[1:] if rest)):
        if form in g:
            return g[form]
    return None


SYNONYMS = Path(__file__).parent / "vocabulary" / "synonyms_no.yaml"


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    data = read_yaml(SYNONYMS) if SYNONYMS.is_file() else []
    return tuple(tuple(fold_text(str(w)) for w in group) for group in data or [])


CHANGES = Path(__file__).parent / "vocabulary" / "changes_no.yaml"


@lru_cache(maxsize=2)
def _changes(opposing: bool = False) -> tuple[str, ...]:
    data = (read_yaml(CHANGES) if CHANGES.is_file() else None) or {}
    kinds = data.get("always", []) + ([] if opposing else data.get("not_opposed", []))
    return tuple(fold_text(str(c)) for c in kinds)


def is_change(alts: tuple[str, ...], translated: bool = True, opposing: bool = False) -> bool:
    """The word names a kind of change that decides the question (closing, merging, cutting: changes_no.yaml): an
    English word by any of its translations, a Norwegian one by its stem or that stem's synonyms, not by a stem one
    English word also gives ("transfer" gives flytt and overta, yet "flytte" is no take-over); a stem only the start
    of an entry is not one ("sentral", of "nødsentralen", is no "sentralisering")."""
    whole = any(alts[0].startswith(g) for group in synonym_groups() for g in group if " " not in g)
    return any(a.startswith(c) for a in (alts if translated else whole and _synonym_group(alts[0]) or alts[:1])
               for c in _changes(opposing))


def _synonyms(st: str, word: str = "") -> tuple[str, ...]:
    """A Norwegian word's stem with the stems that stand for the same (synonyms_no.yaml, else the stems the English
    glossary gives for one English word beside it), itself first."""
    return _synonym_group(st, word) or (st, *(g for g in _translated_alike(st) if not st.startswith(g)))


@lru_cache(maxsize=8192)
def _synonym_group(st: str, word: str = "") -> tuple[str, ...]:
    """The stem and its synonyms (synonyms_no.yaml), itself first; nothing when no group has it. ``word``: the word
    the stem was cut from, whose entry the stemmer may have cut into ("overta" stems to "overt", "avvikle" to
    "avvik" of the group of adverse events, "ungdom" to "ungd"): the group of the entry the word starts with."""
    def said(g: str) -> float:
        """How much of the stem a one-word entry says: all of the entry it starts with (or the word starts with,
        when longer than the stem), else (a little less) the stem itself when a long stem starts the entry."""
        if " " in g:
            return 0.0
        if st.startswith(g) or len(g) > len(st) and word.startswith(g):
            return len(g)
        return len(st) - 0.5 if len(st) >= 6 and g.startswith(st) else 0.0

    # the group whose entry says most of it: "distriktspsykiatrisk" is DPS, not the "distrikt" of bygd and utkant
    found = max(synonym_groups(), key=lambda group: max(map(said, group)), default=())
    return (st, *(g for g in found if not st.startswith(g))) if any(map(said, found)) else ()


_ALIKE_FROM = 5  # letters: a shorter stem is the start of too many words ("syke" of sykehus) to translate alike


@lru_cache(maxsize=1)
def _glossary_alike() -> dict[str, frozenset[str]]:
    """Per Norwegian stem of the glossary, the one-word stems one English word also stands for ("medicine":
    medisin, legemid)."""
    alike: dict[str, set[str]] = {}
    for key, stems in glossary().items():
        singles = [s for s in stems if " " not in s and len(s) >= 4]
        if " " in key or len(singles) < 2:
            continue
        for s in singles:  # (looked up by the stem and by how a question's word of it stems)
            for key in {s, stem(s)}:
                alike.setdefault(key, set()).update(singles)
    return {s: frozenset(v) for s, v in alike.items()}


def _translated_alike(st: str) -> tuple[str, ...]:
    return tuple(sorted(_glossary_alike().get(st, ()))) if len(st) >= _ALIKE_FROM else ()


def english_stems(word: str) -> tuple[str, ...]:
    return _english(word) or ()


def english_phrase(text: str) -> bool:
    """Several words the glossary translates as one ("fire service", "substance use")."""
    key = " ".join(words(text.replace("-", " ")))
    return " " in key and _english(key) is not None


def english_known(word: str) -> bool:
    """The glossary knows the word, or a gerund ("offering"): a word that does not make a measure another."""
    return _english(" ".join(words(word.replace("-", " ")))) is not None \
        or any(_english(w) for w in word.split("-")) or word.endswith("ing")


def alternatives(text: str, english: bool) -> list[tuple[tuple[str, ...], bool]]:
    """Per word of the phrase, the stems any of which stands for it (one, unless an English word is translated),
    and whether the glossary gave them."""
    if "|" in text:  # "styrke|forskriftsfeste": either word stands for that place of the phrase
        out: list[tuple[tuple[str, ...], bool]] = []
        runs: list[str] = []  # the alternatives, and the words between them together (a synonym of several
        for token in text.split():  # words is still one)
            if "|" in token or not runs or "|" in runs[-1]:
                runs.append(token)
            else:
                runs[-1] += f" {token}"
        for token in runs:
            if "|" in token:  # each word with its synonyms, an English one as the glossary translates it
                alts = [alternatives(part, english) for part in token.split("|")]
                out.append((tuple(dict.fromkeys(s for a in alts for stems, _ in a for s in stems)),
                            english and all(given for a in alts for _, given in a)))
            else:
                out += alternatives(token, english)
        return out
    ws = words(fold_text(text))
    names = _names(text)
    if not english:
        out = []
        while ws:  # a synonym of several words ("legge ned") stands for its group as one word of the phrase
            group, size = next(((g, len(m)) for g in synonym_groups() for m in map(_said_words, g)
                                if len(m) > 1 and tuple(ws[:len(m)]) == m),
                               ((ws[0],) if ws[0] in names else _synonyms(stem(ws[0]), ws[0]), 1))
            out.append((group, False))
            ws = ws[size:]
        return out
    out, i = [], 0
    while i < len(ws):
        for n in (4, 3, 2, 1):
            found = _english(" ".join(ws[i:i + n])) if i + n <= len(ws) else None
            if found:
                out.append((_with_synonyms(found), True))
                i += n
                break
        else:
            out.append(((ws[i] if ws[i] in names else stem(ws[i]),), False))
            i += 1
    return out


@lru_cache(maxsize=1024)
def _said_words(entry: str) -> tuple[str, ...]:
    """A several-word entry as a question's words are compared with it: without the stop words the question's
    words lose ("mangel på leger" is the question's "mangel leger")."""
    return tuple(words(entry))


def _with_synonyms(stems: tuple[str, ...]) -> tuple[str, ...]:
    """An English word's Norwegian stems with the synonyms each has in Norwegian (synonyms_no.yaml), so the English
    question finds what the Norwegian one finds: "dental health" gives tannhels, and "tannhelse" tannbehandl too."""
    def grouped(st: str) -> tuple[str, ...]:
        group = () if " " in st else _synonym_group(st)
        # (a kind of change keeps the glossary's words: which change the question names decides it, changes_no.yaml)
        return (st,) if not group or any(g.startswith(c) for g in group for c in _changes()) else group

    return tuple(dict.fromkeys(s for st in stems for s in grouped(st)))


def _names(text: str) -> set[str]:
    """The words written with a capital (not all capitals): names of places, looked for whole, since a name does
    not inflect like a word ("Valldal" is no "Valle")."""
    return set(words(fold_text(" ".join(t for t in re.findall(r"[^\W_]+", text)
                                        if t[:1].isupper() and not t.isupper() and len(t) >= 4))))


@dataclass
class Phrase:
    text: str
    stems: list[tuple[tuple[str, ...], float]]  # (the stems any of which stands for a word, its weight)
    share: float = 0.6  # of the weight a statement must hold when the phrase has three words or more (1: a name)
    statements: int = 0  # in the graph when it was weighed
    unseen: tuple[tuple[str, ...], ...] = ()  # words no statement uses
    size: int = 0  # the phrase's words ("A eller B" is two): with two or fewer, each is needed
    parts: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)  # a compound's parts, both needed
    # what one part of a compound alone earns, said in another compound ("helikopterbesetningen" for
    # "ambulansehelikoptrene", "video" for "videokonsultasjon"): part of the head's own weight, next to nothing
    # for a common head ("ordning")
    head_weight: dict[tuple[str, ...], float] = field(default_factory=dict)
    # per word, the full-text query that finds it: its prefixes, and the compounds of the statements it ends or is
    # inside ("skolehelsetjenesten" for "helsetjenesten"), which a prefix query of the index cannot find
    queries: dict[tuple[str, ...], str] = field(default_factory=dict)
    translated: frozenset[tuple[str, ...]] = frozenset()  # the words given by an English word's translations
    opposing: bool = False  # looked for in oppositions (is_change)

    @cached_property
    def changes(self) -> list[tuple[str, ...]]:
        """The words that name a kind of change (is_change)."""
        return [alts for alts, _ in self.stems if is_change(alts, alts in self.translated, self.opposing)]

    @classmethod
    def weigh(cls, store: GraphStore, text: str, *, exact: bool = False, english: bool = False,
              opposing: bool = False) -> Phrase:
        total = _count(store, "*")
        seen: dict[tuple[str, ...], int] = {}
        split: dict[tuple[str, ...], tuple[str, ...]] = {}
        heads: dict[tuple[str, ...], float] = {}
        filler = set()
        groups = list(dict.fromkeys(alternatives(text, english)))
        said = {stem(w): w for w in words(fold_text(text))}  # a stem's word as the question writes it
        singles = {alts[0] for alts, _ in groups if len(alts) == 1}
        queries: dict[tuple[str, ...], str] = {}
        for alts, translated in groups:
            if len(alts) == 1 and any(alts[0] != o and alts[0].startswith(o) for o in singles):
                continue  # "simulering og simuleringstrening": the longer word says the shorter again
            if not _query([alts]):  # too short to look up ("ta", "KI"): carries nothing
                continue
            queries[alts] = _query([alts], store, total)
            df = _count(store, queries[alts])
            whole = alts[0]
            if not df and not translated and (parts := _compound_parts(store, whole, total, said.get(whole))):
                # "røntgenbilder" that no statement uses: "røntgen" and "bild", each looked for on its own
                for part, part_df in parts:
                    seen.setdefault((part,), part_df)
                continue
            while not df and len(alts) == 1 and len(alts[0]) > 7:  # "forskriftsfeste": the word it grows from,
                if starts_a_head(whole[len(alts[0]) - 1:]):  # not the first part of a compound without its head
                    break  # ("vaksinasjonsprogram" is no "vaksinasjonsregister")
                alts = (alts[0][:-1],)
                queries[alts] = _query([alts], store, total)
                df = _count(store, queries[alts])
            seen.setdefault(alts, df)
            if df and (len(alts) == 1 or translated) and len(whole) >= _SPLIT_FROM \
                    and (parts := _compound_parts(store, whole, total, None if translated else said.get(whole))):
                # "rustjenester": also rus … tjenester apart; an English word's compound too ("rehabilitation beds"
                # is "rehabiliteringsplass", said "døgnplassene for rehabilitering")
                split[alts] = tuple(part for part, _ in parts)
                if not translated:  # (a translation's parts count together only: its head alone is a guess)
                    heads[alts] = _PART_CREDIT * math.log((total + 1) / (parts[-1][1] + 0.5))
            if not df and (english and not translated or not english and _ADJECTIVE.search(said.get(whole, ""))):
                filler.add(alts)  # (a Norwegian adjective no statement uses is the asker's too: "begynnende")
        unseen = tuple(alts for alts, df in seen.items() if not df)
        if not exact and filler and len(filler) < len(seen):
            # an English word the glossary lacks and no statement uses is the asker's, around the words that
            # matter: it cannot be evidence either way; beside fewer than three words that matter it may be the
            # point of the question ("decriminalising drugs"), so it stays unseen (no loose answer without it)
            if len(seen) - len(filler) >= 3:
                unseen = tuple(alts for alts in unseen if alts not in filler)
            seen = {alts: df for alts, df in seen.items() if alts not in filler}
        return cls(text, [(alts, math.log((total + 1) / (df + 0.5)) if df else math.log(total + 2) + 2.0)
                          for alts, df in seen.items()], 1.0 if exact else 0.6, total, unseen,
                   len(seen) + text.count("|"), {a: p for a, p in split.items() if a in seen},
                   {a: w for a, w in heads.items() if a in seen}, {a: q for a, q in queries.items() if a in seen},
                   frozenset(alts for alts, translated in groups if translated), opposing)

    def _query_of(self, alts: tuple[str, ...]) -> str:
        return self.queries.get(alts) or _query([alts])

    def speaks_of(self) -> bool:
        """Whether the statements speak of what the phrase describes: every word is in some statement, or all but
        one common word beside three or more that are (the asker's own word for it: "ufaglærte" where the
        documents say "uten helsefaglig utdanning"); a name no statement uses (a place) always means they do not."""
        if not self.unseen:
            return True
        names = {stem(w) for w in words(fold_text(" ".join(w for w in self.text.split() if w[:1].isupper())))} \
            | _names(self.text)
        return len(self.unseen) == 1 and len(self.stems) - 1 >= _SEEN_BESIDE \
            and not any(a in names for a in self.unseen[0])

    def coverage(self, text: str) -> float:
        flat = " ".join(folded_words(text))
        total = sum(w for _, w in self.stems) or 1.0
        held = [(self.held(alts, flat), alts, w) for alts, w in self.stems]
        return sum(w if h == 1.0 else self.head_weight.get(alts, 0.0) if h else 0.0 for h, alts, w in held) / total

    def held(self, alts: tuple[str, ...], flat: str) -> float:
        """How much of one word of the phrase a text (its folded words joined by spaces) holds: all of it, or,
        for a compound, its parts close together; part of it when only one part is there, said on its own or in
        another compound ("video" for "videokonsultasjon", "kvalitetsindikatorer" for "kvalitetsmål",
        "FACT-team" for "behandlingsteam"), as a ranking among a few statements may count it."""
        said = _AMOUNTS.sub("mer enn", flat) if any(" " in a for a in alts) else flat
        if any(a in said if " " in a else has(flat, a) for a in alts):
            return 1.0
        parts = self.parts.get(alts)
        if not parts:
            return 0.0
        if _near(tuple(flat.split()), parts):
            return 1.0
        first, *_, head = parts  # the head anywhere a stem may be; the first part only where a word starts
        one = has(flat, head) or len(first) >= 4 and re.search(rf"(?<!\S){re.escape(first)}", flat) is not None
        return _PART_CREDIT if one else 0.0

    def holds(self, text: str) -> bool:
        changes = [(alts, w) for alts, w in self.stems if alts in self.changes]
        if changes and len(changes) < len(self.stems):
            # a kind of change the phrase names is in the text too ("legge ned X" is not answered by "X får …"),
            # and what changes is held on its own: "nedleggelse av dialysen i Lærdal" needs dialysis and Lærdal
            rest = replace(self, stems=[s for s in self.stems if s not in changes], size=self.size - len(changes))
            return rest.holds(text) and replace(self, stems=changes, size=len(changes), share=1.0).holds(text)
        if self.size <= 2 and self.share > 0.5:  # two words: both (unless asked for loosely)
            return self.coverage(text) >= 0.999
        return self.coverage(text) >= self.share

    def query(self) -> str:
        """The full-text query for the statements that may hold the phrase (the coverage then decides): all the
        words when all are needed, else the word no statement can do without, else any of them."""
        total = sum(w for _, w in self.stems) or 1.0
        if self.size <= 2 and self.share > 0.5 or self.share >= 0.999:
            return " ".join(f"({q})" for alts, _ in self.stems if (q := self._query_of(alts)))
        needed = [alts for alts, w in self.stems if total - w < self.share * total]
        return " ".join(f"({q})" for alts in needed if (q := self._query_of(alts))) or \
            " | ".join(q for alts, _ in self.stems if (q := self._query_of(alts)))


# "over" before an amount of time or distance is "more than", never a verb's particle: "reisa tek over to timar" is no
# take-over ("ta over")
_AMOUNTS = re.compile(r"(?<!\S)over(?= (?:\d+|ein|en|eitt|ett|to|tre|fire|fem|seks|sju|åtte|ni|ti|halvannen|halvannan) "
                      r"(?:time|timar|timer|timen|minutt\w*|døgn|dag|dagar|dager|veke|veker|uke|uker|år|mil|km|kilometer)"
                      r"(?!\S))")
_SEEN_BESIDE = 3  # words the statements use, beside one they do not, for a description they speak of
_ADJECTIVE = re.compile(r"(?:ende|ande|ige|lige|iske|ske|elle)$")  # "begynnende", "langvarige", "kroniske"
_SPLIT_FROM = 10  # letters: a word the statements use this long is also looked for as its two parts
_LINKS = ("s", "e", "")  # what joins the parts of a compound ("helsestasjon", "barnehage"), tried first
_PART_CREDIT = 0.5  # of the weight of a compound's head, for either part said without the other (in the few
# statements of a question's documents: of the compound's weight)
_NEAR = 4  # words: a compound's parts said apart belong together this close ("kjernetjenester innen rusfeltet")


def _near(have: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Every part of a compound in the text, all within a few words of each other."""
    at = [[i for i, w in enumerate(have) if has(w, p)] for p in parts]
    return all(at) and any(all(any(abs(i - j) <= _NEAR for j in other) for other in at[1:]) for i in at[0])


def _uninflected(word: str) -> str:
    return next((word[:-len(x)] for x in _SUFFIXES if word.endswith(x) and len(word) - len(x) >= 4), word)


_KEYS: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()
_NEXT_KEY = itertools.count()


def store_key(store: Any) -> int:
    """A number for the store that no later store gets: ``id`` is reused once a store is gone, and with it what was
    cached of another graph (a compound split by the words of the store before)."""
    try:
        if (key := _KEYS.get(store)) is None:
            key = _KEYS[store] = next(_NEXT_KEY)
        return key
    except TypeError:  # (a store that cannot be weakly referenced keeps its id)
        return id(store)


_PARTS: dict[tuple[int, int, str], list[tuple[str, int]]] = {}  # (store, its statements, stem and word): asked again


def _compound_parts(store: GraphStore, word: str, statements: int, written: str | None = None) -> list[tuple[str, int]]:
    """The parts of a compound (its stem ``word``): the two word starts its stem is (``_split_compound``), and when
    it has such parts, the two words of the statements the word as written is made of, if it is ("responstidskrav"
    is "responstid" and "krav", not "respon" and the "tidskr" of "tidskrevende"; a compound with no parts by its stem
    gets none, so that one part of it, "base" of "helikopterbase", earns nothing)."""
    key = (store_key(store), statements, f"{word} {written}")
    if key not in _PARTS:
        if len(_PARTS) > 65536:
            _PARTS.clear()
        parts = _split_compound(store, word)
        _PARTS[key] = (parts and written and _split_words(store, written, statements)) or parts
    return _PARTS[key]


_WORD_ENDS = ("", "e", "en", "er", "et", "a", "ar", "ene", "ane")  # a part is a word when one of these forms is


def _split_words(store: GraphStore, word: str, statements: int) -> list[tuple[str, int]]:
    """A compound as two words the statements use on their own (in some inflected form), the longest last part
    first; none when no split gives two such words of nine letters or more together."""
    if len(word) < 8 or not re.fullmatch(r"\w+", word):
        return []
    known = _statement_words(store, statements).written
    for cut in range(4, len(word) - 3):
        head = _uninflected(word[cut:])
        for link in _LINKS:
            first = word[:cut - len(link)] if word[:cut].endswith(link) else ""
            if len(first) >= 4 and len(first) + len(head) >= 9 and any(first + e in known for e in _WORD_ENDS) \
                    and any(head + e in known for e in _WORD_ENDS):
                return [(first, _count(store, f"{first}*")), (head, _count(store, f"{head}*"))]
    return []


def _split_compound(store: GraphStore, word: str) -> list[tuple[str, int]]:
    """A compound no statement uses, as two words the statements do use (its first part, and its last part
    uninflected), with how many statements use each; none when no split gives two such words, or two so short
    they may be chance ("parkering" is no "park" and "ring"). The longest last part wins ("rustjenester" → "rus",
    "tjenest"; "kartleggingsskjema" → "kartlegging", "skjem")."""
    if len(word) < 8 or not re.fullmatch(r"\w+", word):
        return []
    for cut in range(3, len(word) - 3):
        head = _uninflected(word[cut:])
        if not (head_df := _count(store, f"{head}*")):
            continue
        for link in _LINKS:
            first = word[:cut - len(link)] if word[:cut].endswith(link) else ""
            if len(first) >= 3 and len(first) + len(head) >= 9 and (df := _count(store, f"{first}*")):
                return [(first, df), (head, head_df)]
    return []


def _query(groups: list[tuple[str, ...]], store: GraphStore | None = None, statements: int = 0) -> str:
    """Prefix terms, any of which may match; with the store, also the statements' compounds that hold a word
    where ``has`` finds it (the index knows a word by its start only)."""
    terms = []
    for alts in groups:
        for a in alts:
            word = max(a.split(), key=len)  # of a multi-word stem ("legges ned"), its longest word
            if len(word) >= 3 and re.fullmatch(r"\w+", word):
                terms.append(f"{word}*")
                if store is not None and " " not in a:
                    terms += _inside(store, statements, word)
    return " | ".join(dict.fromkeys(terms))


class _StatementWords(NamedTuple):
    joined: str  # the statements' distinct words folded to bokmål, one a line
    written: dict[str, set[str]]  # per folded word, the words as written
    statements: Counter[str]  # per folded word, the statements that use it


_WORDS: dict[tuple[int, int], _StatementWords] = {}  # (store, its statements)


def _statement_words(store: GraphStore, statements: int) -> _StatementWords:
    key = (store_key(store), statements)
    if (found := _WORDS.get(key)) is None:  # (the value itself is returned: another thread may clear the cache)
        _WORDS.clear()
        _INSIDE.clear()
        written: dict[str, set[str]] = {}
        used: Counter[str] = Counter()
        for r in store.query("MATCH (s:Statement) RETURN s.text AS text"):
            folded = set()
            for w in set(re.findall(r"[^\W_]+", (r["text"] or "").lower())):
                folded.add(f := fold_text(w))
                written.setdefault(f, set()).add(w)
            used.update(folded)
        _WORDS[key] = found = _StatementWords("\n".join(sorted(written)), written, used)
    return found


_INSIDE: dict[tuple[int, int, str], tuple[str, ...]] = {}
_FIRST_PART = 3  # letters at least before a word inside a compound
_MOST_INSIDE = 200  # compounds a word is looked for in, the most used first (a store's query holds only so many terms)


def _inside(store: GraphStore, statements: int, st: str) -> tuple[str, ...]:
    """Index terms for the statements' compounds that end with the stem or (a long one) hold it: the compound
    up to the stem's end as a prefix, or the word as written when nynorsk folding moved the letters."""
    key = (store_key(store), statements, st)
    if (inside := _INSIDE.get(key)) is None:
        if len(_INSIDE) > 65536:
            _INSIDE.clear()
        words = _statement_words(store, statements)
        e = re.escape(st)
        body = rf"{e}[^\W_]*" if len(st) >= 7 else e + _TAIL[len(st) >= 5].replace("(?!\\S)", "")
        terms: list[str] = []
        if len(st) >= 4:
            found = [m[0] for m in re.finditer(rf"^[^\W_]{{{_FIRST_PART},}}?{body}$", words.joined, re.M)]
            for folded in sorted(found, key=lambda f: -words.statements[f])[:_MOST_INSIDE]:
                at = folded.find(st, _FIRST_PART)
                for w in sorted(words.written[folded]):
                    terms.append(f"{w[:at + len(st)]}*" if w == folded else w)
        _INSIDE[key] = inside = tuple(dict.fromkeys(terms))
    return inside


def _count(store: GraphStore, ft: str) -> int:
    if ft == "*":
        return store.query("MATCH (s:Statement) RETURN count(s) AS n")[0]["n"] or 1
    if not ft:
        return 0
    try:
        return store.query(f"{store.fulltext_match()} RETURN count(s) AS n", {"ft": ft})[0]["n"]
    except QueryError:  # a word the index's query syntax refuses: treat it as unseen
        return 0
