"""Vocabularies (YAML under ``graph/vocabulary``) compiled into matchers that understand Norwegian.

A lower-case alias matches any inflection of its last word (stilling, stillinger, stillingene) and is
case-insensitive; an alias with a capital inside a word (FACT, SiV, HSØ, eMestring) is an abbreviation or
brand and matches only as written. Nothing matches inside a longer word, so SØ never matches in HSØ and
ACT never in FACT; a hyphen ends a word, so FACT-team still matches FACT.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from graph.datafile import read_yaml
from graph.extract.decisions import apply_decisions, measure_decisions, read_decisions
from graph.extract.prefilter import automaton
from loaders.names import normal_name, slugify

VOCAB_DIR = Path(__file__).resolve().parent.parent / "vocabulary"
_W = r"[\wÆØÅæøå]"
_WORD = re.compile(r"[\wÆØÅæøå]+")


@dataclass
class Entry:
    id: str
    name: str
    kind: str  # actor | measure | group | theme
    props: dict = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)


def _is_exact(alias: str) -> bool:
    return any(any(c.isupper() for c in tok[1:]) for tok in alias.split()) or (alias.isupper() and len(alias) <= 5)


def _inflects(word: str) -> bool:
    """A non-exact alias's last word takes endings (stilling, stillinger, stillingene)."""
    return len(word) >= 4 and word[-1].isalpha()


def _inflected_from(word: str) -> str:
    """Where a word's inflections part: its whole, or a plural in -er without it, since nynorsk writes -ar and
    -ane ("døgnplasser", "døgnplassar", "døgnplassane")."""
    if len(word) >= 8 and word.endswith("er") and word[-3] not in "aeiouyæøå":
        return word[:-2]
    return word


def alias_regex(alias: str, *, suffix: int = 6) -> tuple[str, int]:
    words = alias.split()
    if _is_exact(alias):
        body = r"\s+".join(re.escape(w) for w in words)
        return rf"(?<!{_W}){body}(?!{_W})", 0
    parts = [re.escape(w) for w in words]
    if suffix == 1 and len(words) == 1 and alias[:1].isupper():
        # a name of one word takes no ending but the genitive: "Unios", not "Union" for Unio
        return rf"(?<!{_W}){parts[0]}s?(?!{_W})", re.IGNORECASE
    inflects = _inflects(words[-1])
    ending = _inflected_from(words[-1]) if inflects else words[-1]
    if inflects:
        parts[-1] = rf"{re.escape(ending)}{_W}{{0,{suffix + len(words[-1]) - len(ending)}}}"
    if len(words) == 2 and _ADJECTIVE.fullmatch(words[0]):
        # an adjective and its noun: also with a further adjective between them ("ambulant geriatrisk team"), and a
        # long noun as a compound's head ("kombinert jordmorstilling"; a short one is a kind of its own: an
        # "ambulerende sårteam" is discovered as a measure, not taken for the vocabulary's ambulant team). A head
        # ends the compound, with no more than a noun's ending after it, and follows a part of three letters or
        # more: "felles bestillingsløsning" (an ordering system) is no "felles stilling"
        head = (rf"(?:{parts[1]}|{_W}{{3,}}{re.escape(ending)}{_NOUN_ENDING})" if len(words[1]) >= _COMPOUND_HEAD
                else parts[1])
        parts[1] = rf"(?:{_W}+(?:e|isk|ig|leg)\s+)?{head}"
    body = r"[\s-]+".join(parts)
    return rf"(?<!{_W}){body}(?!{_W})", re.IGNORECASE


_COMPOUND_HEAD = 6  # letters: a noun this long may end a compound and still be the alias's noun
_NOUN_ENDING = "(?:e|en|er|ene|et|a|ar|ane|s)?"  # what may follow a compound's head (bokmål and nynorsk)
# the first word of a two-word alias that is an adjective ("kombinerte", "ambulant", "oppsøkende", "delt")
_ADJECTIVE = re.compile(r"[a-zæøå]+(?:e|ert|ant|lt|isk|ig)|felles")  # "felles" does not inflect


class _Words(NamedTuple):
    written: frozenset[str]
    lower: frozenset[str]
    prefixes: frozenset[str]  # the first four letters of each lower-cased word


@lru_cache(maxsize=4096)
def _words(text: str) -> _Words:
    """A text's distinct words as written (for exact aliases) and lower-cased (for the others); a sentence is
    looked up by several matchers (actors, measures, groups), so its words are found once."""
    written = frozenset(_WORD.findall(text))
    lower = frozenset(w.lower() for w in written)
    return _Words(written, lower, frozenset(w[:4] for w in lower))


class Matcher:
    """Finds entries in text; overlapping hits resolve to the longest.

    Every alias starts at a word boundary, so before its regex runs its first word must be one of the text's
    words (lower-cased unless the alias is exact), or begin one when it is a one-word alias that inflects: most
    sentences name none of the hundreds of aliases, and two dictionary look-ups per word are far cheaper than
    testing every alias.
    """

    def __init__(self, entries: list[Entry], *, suffix: int = 6) -> None:
        self.entries = {e.id: e for e in entries}
        self._not_words = {e.id: re.compile("|".join(e.props["not_words"]), re.IGNORECASE)
                           for e in entries if e.props.get("not_words")}
        # (first word, exact, (regex, flags), entry id); a regex is compiled when a text first opens it: of
        # thousands of aliases a corpus names a few hundred, and compiling them all cost a second of every start
        self._patterns: list[tuple[str, bool, tuple[str, int], str]] = []
        self._compiled: dict[int, re.Pattern[str]] = {}
        inflecting: set[int] = set()  # one-word aliases whose word may go on ("stilling" in "stillingene")
        for e in entries:
            for alias in dict.fromkeys([e.name, *e.aliases]):
                pat, flags = alias_regex(alias, suffix=suffix)
                first = alias.split()[0]
                exact = not flags
                if not exact and len(alias.split()) == 1 and _inflects(first):
                    inflecting.add(len(self._patterns))
                    first = _inflected_from(first)
                self._patterns.append((first if exact else first.lower(), exact, (pat, flags), e.id))
        # the patterns a text word opens: as the whole first word, or (a one-word alias that inflects, "stilling"
        # in "stillingene") as its beginning, by the first four letters; a first word with other characters
        # ("kompetansebroen.no") is tested as a substring
        self._by_word: dict[tuple[bool, str], list[int]] = {}
        self._by_prefix: dict[str, list[int]] = {}
        self._substring: list[int] = []
        for n, (key, exact, _, _) in enumerate(self._patterns):
            if not (len(key) >= 2 and _WORD.fullmatch(key)):
                self._substring.append(n)
            elif n in inflecting:
                self._by_prefix.setdefault(key[:4], []).append(n)
            else:
                self._by_word.setdefault((exact, key), []).append(n)
        self._exact_firsts = {w for exact, w in self._by_word if exact}
        self._lower_firsts = {w for exact, w in self._by_word if not exact}
        # the substring keys, as written and lower-cased, each found in one pass over the text
        self._substrings = {exact: automaton({self._patterns[n][0] for n in self._substring
                                               if self._patterns[n][1] == exact}) for exact in (True, False)}
        self._by_substring: dict[tuple[bool, str], list[int]] = {}
        for n in self._substring:
            self._by_substring.setdefault((self._patterns[n][1], self._patterns[n][0]), []).append(n)

    def _candidates(self, text: str, among: set[str] | None = None) -> list[int]:
        found: set[int] = set()
        for exact, finder in self._substrings.items():
            if finder is not None:
                for _, key in finder.iter(text if exact else text.lower()):
                    found.update(self._by_substring[(exact, key)])
        words = _words(text)
        for w in words.written & self._exact_firsts:
            found.update(self._by_word[(True, w)])
        for w in words.lower & self._lower_firsts:
            found.update(self._by_word[(False, w)])
        for p in words.prefixes & self._by_prefix.keys():
            starting = [w for w in words.lower if w.startswith(p)]
            found.update(n for n in self._by_prefix[p] if any(w.startswith(self._patterns[n][0]) for w in starting))
        return sorted(n for n in found if among is None or self._patterns[n][3] in among)

    def _regex(self, n: int) -> re.Pattern[str]:
        pattern = self._compiled.get(n)
        if pattern is None:
            pattern = self._compiled[n] = re.compile(*self._patterns[n][2])
        return pattern

    def _not_word(self, entry_id: str, word: str) -> bool:
        """A word that starts with an alias and goes on into another thing (an entry's ``not_words``: "legemidler"
        and "legevakt" begin with the alias "lege" of doctors, and are medicines and a service)."""
        pattern = self._not_words.get(entry_id)
        return pattern is not None and pattern.fullmatch(word) is not None

    def find(self, text: str, among: set[str] | None = None) -> list[tuple[str, int, int]]:
        """Hits of every entry, or only of the entries ``among``: (entry id, start, end)."""
        hits = [(self._patterns[n][3], m.start(), m.end()) for n in self._candidates(text, among)
                for m in self._regex(n).finditer(text) if not self._not_word(self._patterns[n][3], m[0])]
        hits.sort(key=lambda h: (h[1], -(h[2] - h[1])))
        out: list[tuple[str, int, int]] = []
        end = -1
        for h in hits:
            if h[1] >= end:
                out.append(h)
                end = h[2]
        return out

    def ids(self, text: str) -> list[str]:
        return list(dict.fromkeys(h[0] for h in self.find(text)))


@dataclass
class Vocabulary:
    actors: Matcher
    measures: Matcher
    groups: Matcher
    themes: list[dict]
    org_patterns: list[tuple[re.Pattern[str], str]]
    type_words: list[tuple[re.Pattern[str], str]] = field(default_factory=list)  # actor_types.yaml
    self_types: list[tuple[re.Pattern[str], str]] = field(default_factory=list)  # self_types.yaml
    _alias_index: dict[str, str] = field(default_factory=dict)
    # the curator's decisions on discovered measures, applied as each extraction ends
    measure_decisions: list[dict] = field(default_factory=list)

    def actor_id(self, name: str) -> str | None:
        return self._alias_index.get(normal_name(name))


def english(entry: dict) -> list[str]:
    """An entry's English names, for questions only (never matched in the documents' Norwegian text): name_en
    and what it explains in brackets ("FACT teams (flexible assertive community treatment)"), then aliases_en."""
    names = []
    if entry.get("name_en"):
        head, _, inner = entry["name_en"].partition("(")
        names += [head.strip(), inner.rstrip(") ").strip()]
    return [n for n in dict.fromkeys([*names, *(entry.get("aliases_en") or [])]) if n and len(n) > 2]


def _load(name: str) -> list[dict]:
    return read_yaml(VOCAB_DIR / f"{name}.yaml") or []


def decisions_path() -> Path:
    return Path(os.environ.get("INNSPILL_DECISIONS") or VOCAB_DIR / "decisions.yaml")


def load_vocabulary() -> Vocabulary:
    """The vocabulary with the curator's decisions applied (re-read when the decisions file changes)."""
    path = decisions_path()
    return _load_vocabulary(str(path), path.stat().st_mtime_ns if path.is_file() else 0)


@lru_cache(maxsize=1)
def _nynorsk() -> tuple[re.Pattern[str], dict[str, str]]:
    forms = read_yaml(VOCAB_DIR / "nynorsk.yaml") or {}
    return re.compile("|".join(sorted(map(re.escape, forms), key=len, reverse=True))), forms


def nynorsk_forms(names: list[str], *, keep_case: bool = False) -> list[str]:
    """The names as a nynorsk text writes them, where that differs ("hjemmesykehus" → "heimesjukehus"); an
    organisation's name keeps its capitals ("Statsforvalteren i Vestland" → "Statsforvaltaren i Vestland")."""
    pattern, forms = _nynorsk()
    out = []
    for name in names:
        low = name.lower()
        form = pattern.sub(lambda m: forms[m[0]], low)  # one pass, longest first
        if keep_case and form != low:
            form = " ".join(w if f == w.lower() else f[0].upper() + f[1:] if w[:1].isupper() else f
                            for w, f in zip(name.split(), form.split(), strict=True))
        if form.lower() != low and form not in out:
            out.append(form)
    return out


def _with_nynorsk(entry: dict, *, keep_case: bool = False) -> list[str]:
    aliases = entry.get("aliases", [])
    return [*aliases, *(f for f in nynorsk_forms([entry["name"], *aliases], keep_case=keep_case) if f not in aliases)]


@lru_cache(maxsize=4)
def _load_vocabulary(decisions: str, _mtime: int) -> Vocabulary:
    read = read_decisions(Path(decisions))
    curated = apply_decisions(_load("actors"), read)
    actors = [Entry(a["id"], a["name"], "actor", {"type": a.get("type", "other"), "part_of": a.get("part_of"),
                    "english": english(a)}, _with_nynorsk(a, keep_case=True)) for a in curated]
    measures = [Entry(slugify(m["name"]), m["name"], "measure", {"name_en": m.get("name_en"),
                      "themes": m.get("themes", []), "english": english(m),
                      "includes": m.get("includes", []), "groups": m.get("groups", [])}, _with_nynorsk(m))
                for m in _load("measures")]
    groups = [Entry(g["id"], g["name"], "group", {"name_en": g.get("name_en"), "kind": g.get("kind"),
                    "english": english(g), "not_words": g.get("not_words", [])}, _with_nynorsk(g))
              for g in _load("groups")]
    themes = _load("themes")
    orgs = read_yaml(Path(__file__).with_name("org_patterns.yaml"))
    vocab = Vocabulary(
        actors=Matcher(actors, suffix=1), measures=Matcher(measures), groups=Matcher(groups, suffix=10),
        themes=themes, org_patterns=[(re.compile(o["pattern"]), o["type"]) for o in orgs],
        type_words=[(re.compile(o["pattern"], re.I), o["type"]) for o in read_yaml(
            Path(__file__).with_name("actor_types.yaml"))],
        self_types=[(re.compile(o["pattern"], re.I), o["type"]) for o in read_yaml(
            Path(__file__).with_name("self_types.yaml"))],
        measure_decisions=measure_decisions(read, {m.id: m for m in measures}),
    )
    for a in actors:
        for alias in [a.name, *a.aliases]:
            vocab._alias_index.setdefault(normal_name(alias), a.id)
    return vocab


@lru_cache(maxsize=2048)
def _keyword_regex(keyword: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!{_W}){re.escape(keyword)}")


def theme_ids(text: str, themes: list[dict]) -> list[str]:
    """Themes whose keywords start a word in the text (keywords are prefixes: "rehabiliter" → rehabilitering), as
    written or with nynorsk forms folded to bokmål ("fødande" is "fødende", "heimebuande" "hjemmeboende")."""
    from graph.extract.discover import fold_text  # (discovery builds on this module)

    low = text.lower()
    both = f"{low}\n{fold_text(low)}"
    found = []
    for t in themes:
        for kw in t.get("keywords", []):
            kw = kw.lower()
            if kw in both and _keyword_regex(kw).search(both):
                found.append(t["id"])
                break
    return found
