"""Read a Norwegian or English question into an intent and parameters: templates + vocabulary, no LLM.

Small steps each find one kind of thing in the question and mask it (actors, quoted names, measures in Norwegian
and English, groups, kinds of actor, relations, theme, the words left over); then the first question class of
``questions.yaml`` whose conditions hold decides the intent. The vocabulary does the heavy lifting; what it does
not know is kept as a phrase and looked for in the statements' text, never replaced by a measure it merely
resembles ("caseload midwifery" is not the municipal midwife service).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.ask.described_actors import NAME_WORD, described_pair, described_subject, named_by_word
from graph.ask.english_actors import english_actor_hits
from graph.datafile import read_yaml
from graph.extract.discover import fold_text, function_words, is_action, is_generic, key_of, stem
from graph.extract.vocab import Entry, Matcher, Vocabulary
from graph.phrase import (
    ACCENTS,
    alternatives,
    english_known,
    english_phrase,
    english_stems,
    folded_words,
    is_change,
    synonym_groups,
)
from graph.phrase import stem as word_stem
from graph.phrase import words as phrase_words
from graph.relations import STANCE_RELATIONS

RELATIONS = STANCE_RELATIONS
# the intent of a stance question about exactly one relation; any other mix asks who_states
WHO_INTENT = {"PROPOSES": "who_proposes", "OPPOSES": "who_opposes", "REPORTS_AS_EXAMPLE": "who_reports_example"}
# possessive endings ("Helse Sør-Østs", "Sunnaas'", "SiV's") blanked to spaces, so offsets stay the same
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])(?:'s|s'|'|s)(?=[\s,.?!;:]|$)")
_QUOTED = re.compile(r"«([^»]{2,80})»|[\"“]([^\"”]{2,80})[\"”]|(?:^|(?<=[\s(]))['‘]([^']{2,80})['’](?=[\s,.?!)]|$)")
# an English question names the Norwegian term in brackets: "the development plans (utviklingsplaner)"
_QUOTED_EN = re.compile(_QUOTED.pattern + r"|\(([^()]{3,60})\)")
_CLAUSE_END = re.compile(r",\s*(?:og|and|eller|or|men|but)\b|[?;!]|\s+(?:og|and)\s+(?:hva|hvem|hvordan|hvor|"
                         r"what|who|how|where|is|finnes)\b", re.I)
_WORD = re.compile(r"[^\W_][\w-]*")
_EITHER = re.compile(r"\b([^\W_][\w-]{2,})\s+(?:eller|or)\s+([^\W_][\w-]{2,})\b", re.I)
_LIST = re.compile(r"\b([^\W_][\w-]{2,}(?:,\s+[^\W_][\w-]{2,})+)\s+(?:eller|or)\s+([^\W_][\w-]{2,})\b", re.I)
_ALTERNATIVES = re.compile(r"[^\W_][\w-]*(?:\|[^\W_][\w-]*)*")


@dataclass
class Interpretation:
    """What was understood; ``as_dict`` is the ``interpretation`` object of the ask contract."""

    intent: str
    language: str
    relations: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    phrase: str | None = None
    actor: str | None = None
    named: str | None = None  # a second actor the statements must name ("… sammen med NAV")
    actors: list[str] = field(default_factory=list)  # every actor a "both" question names
    actor_types: list[str] = field(default_factory=list)  # "Hvilken fagforening …", "Which hospitals …"
    actor_names: list[str] = field(default_factory=list)  # words in a name that make it of that kind ("legevakt")
    not_types: list[str] = field(default_factory=list)  # kinds the question leaves out ("…, ikke offentlige instanser")
    not_names: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    theme: str | None = None
    authors: list[str] = field(default_factory=list)
    discovered: list[str] = field(default_factory=list)  # measures matched among those found in the documents
    question_class: str | None = None  # the class of questions.yaml that decided the intent
    count: bool = False  # "how many …": the answer is also a number of actors
    unrecognised: str | None = None  # words the vocabulary knows only a part of ("caseload midwifery")
    exact: bool = False  # the phrase is a name (quoted, or unrecognised): every word of it must be in the quote
    wording: str | None = None  # a measure question in the question's words: also looked for in the quotes
    specifics: str | None = None  # words beside a measure: the answers whose quotes hold them come first
    topic: str | None = None  # every topic word (the measure's too): what each answer's first quote should say
    described: list[str] = field(default_factory=list)  # measures the question describes without naming them
    described_by: str | None = None  # the question's words that describe them
    between: list[str] = field(default_factory=list)  # the levels of the service something is shared between
    nested: bool = False  # two measures, one of the other ("tilskudd til hverdagsrehabilitering"): both, not either
    note: str | None = None

    @property
    def kinds(self) -> bool:
        """A kind of actor is asked for, by its type or only by words of its names ("legeforeninger")."""
        return bool(self.actor_types or self.actor_names)

    def add_note(self, text: str) -> None:
        """What the answer had to do beyond the question's plain reading, after what was noted before."""
        self.note = f"{self.note}; {text}" if self.note else text

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if v not in (None, [], False)}
        if len(self.measures) == 1:
            out["measure"] = self.measures[0]
        if len(self.groups) == 1:
            out["group"] = self.groups[0]
        recipe = self.recipe()
        if recipe:
            out["recipe"] = {"name": recipe[0], "params": recipe[1]}
        return out

    def recipe(self) -> tuple[str, dict[str, str]] | None:
        """The canned recipe that asks the same thing, for users who want to rerun or adapt it."""
        rel = self.relations[0] if len(self.relations) == 1 else None
        one = len(self.measures) == 1 and len(self.groups) <= 1 and not self.kinds
        if self.intent in ("who_proposes", "who_opposes") and one:
            return self.intent, {"measure": self.measures[0], "group": self.groups[0] if self.groups else ""}
        if self.intent == "who_reports_example" and one and not self.groups:
            return "who_reports_example", {"measure": self.measures[0]}
        if self.intent == "what_does_actor_propose" and rel and not (self.measures or self.theme or self.groups):
            return "what_actor_proposes", {"actor": self.actor or "", "relation": rel}
        if self.intent in ("measures_by_theme", "actors_by_theme") and rel and self.theme and not self.actor:
            return self.intent, {"theme": self.theme, "relation": rel}
        return None


@lru_cache(maxsize=1)
def templates() -> dict[str, Any]:
    data = read_yaml(Path(__file__).with_name("questions.yaml"))
    data["stop"] = {w for words in data["stop_words"].values() for w in words} | function_words()
    if not all(isinstance(w, str) for w in data["stop"]):  # YAML reads a bare on / no / yes as a boolean
        raise ValueError("questions.yaml: quote the stop words YAML reads as booleans or numbers")
    data["modifier"] = set(data["modifiers"])
    return data


# --- finding things in the question ------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _actor_matcher(known: tuple[tuple[str, str, tuple[str, ...]], ...]) -> Matcher:
    return Matcher([Entry(i, n, "actor", {}, [*a, *english_names(n), *short_names(n)]) for i, n, a in known],
                   suffix=1)


# an organisation within another or a place, named first: "Farmasiforbundet i Parat", "Ambulanseforbundet i Delta",
# a unit before its trust ("Kvinneklinikken, Oslo universitetssykehus HF"), or a name of capitalised words
# ("Haraldsplass Diakonale Sykehus")
_WITHIN = re.compile(r"((?-i:[A-ZÆØÅ])[\wæøå-]{7,})(?:\s+(?:i|ved)\s+\S|,\s|(?:\s+(?-i:[A-ZÆØÅ])[\wæøå-]+)+$)")


def _own_names(known: tuple[tuple[str, str, tuple[str, ...]], ...], vocab: Vocabulary) -> dict[str, tuple[str, ...]]:
    """An organisation within another by its own name, when no other actor's name begins with it and the vocabulary
    names no organisation so ("Farmasiforbundet" for "Farmasiforbundet i Parat"; not "Eldrerådet", which the graph
    has many of, nor "Fagforbundet" for "Fagforbundet i Innlandet")."""
    firsts = Counter(n.split()[0].rstrip(",") for _, n, _ in known if n.split())
    return {i: (m[1],) for i, n, _ in known
            if (m := _WITHIN.match(n)) and firsts[m[1]] == 1 and not vocab.actor_id(m[1])}


def short_names(name: str) -> list[str]:
    """The name as a question may shorten it, without its legal form or the word for its municipality
    ("Møreforsking AS" → "Møreforsking", "Eldrerådet i Ullensvang herad" → "Eldrerådet i Ullensvang"), when what is
    left still names it: several words, or one long capitalised word (not a bare place name like "Ullensvang"); or
    without the word for its kind before the name ("Stiftelsen Norsk Luftambulanse" → "Norsk Luftambulanse")."""
    t, name = templates(), name.strip()
    if m := re.fullmatch(r"(.+?)\s+\((?-i:[A-ZÆØÅ][\wæøå-]*)\)", name):  # "Legemiddelindustrien (LMI)"
        return [m[1], *short_names(m[1])]
    if "," in name and _named_by(head := name.split(",")[0].strip()):
        return [head]  # "NTNU, Institutt for samfunnsmedisin og sykepleie" → "NTNU"
    if m := re.fullmatch(t["actor_name_national"], name):  # "Norges Optikerforbund" → "Optikerforbundet"
        return [f"{m['w'][:1].upper()}{m['w'][1:]}{m['kind']}{t['actor_name_definite'][m['kind'].lower()]}"]
    if m := re.fullmatch(t["actor_name_place"], name):
        # "Fylkesrådet for personer med … i Innlandet" → "Fylkesrådet i Innlandet"; also without "kommune"
        shorter = [f"{m['head']} {m['place']}", re.sub(r"\s+(?:kommune|herad)$", "", name)]
        return [s for s in dict.fromkeys(shorter) if s != name]
    if m := re.fullmatch(t["actor_name_within"], name):
        return [m["rest"]]  # "Eldrerådet i Vestland fylkeskommune" → "Eldrerådet i Vestland"
    if m := re.fullmatch(t["actor_name_prefix"], name):
        rest = m["rest"]  # "Hovedorganisasjonen Virke" → "Virke": a capitalised name of its own
        return [rest] if len(rest) >= 4 else []
    m = re.fullmatch(t["actor_name_suffix"], name)
    if not m:
        return []
    rest = m["rest"]
    if len(rest.split()) >= 2 or (m["form"].isupper() or "Norge" in m["form"]) and len(rest) >= 5 \
            and rest[0].isupper() and " " not in rest:  # ("Autismeforeningen i Norge", "Blå Kors Norge")
        return [rest]
    return []


def _named_by(head: str) -> bool:
    """A name before a comma that names the organisation alone: an abbreviation or several capitalised words."""
    return sum(c.isupper() for c in head) >= 2 and len(head) >= 3 and " " not in head or \
        len(head.split()) >= 2 and all(w[:1].isupper() for w in head.split())


def english_names(name: str) -> list[str]:
    """How an English question names a Norwegian organisation ("Steinkjer kommune" → "Steinkjer municipality"),
    by the patterns of ``actor_names_en`` in questions.yaml."""
    for pattern, forms in templates()["actor_names_en"]:
        if m := re.fullmatch(pattern, name.strip()):
            # (a joint name in English too: "Ulstein, Herøy og Sande kommunar", "municipalities of Ulstein, Herøy
            # and Sande")
            return [f.format(x=x) for x in dict.fromkeys((m["x"], m["x"].replace(" og ", " and "))) for f in forms]
    return [name.replace(" og ", " and ")] if " og " in name else []


@lru_cache(maxsize=16)
def bilingual(matcher: Matcher) -> Matcher:
    """The matcher with its entries' English names added (questions only: the documents are Norwegian)."""
    suffix = 1 if next(iter(matcher.entries.values()), Entry("", "", "")).kind == "actor" else 6
    return Matcher([Entry(e.id, e.name, e.kind, e.props, [*e.aliases, *_either_preposition(e.props.get("english", [])),
                                                          *(english_names(e.name) if e.kind == "actor" else [])])
                    for e in matcher.entries.values()], suffix=suffix)


_OF_FOR = re.compile(r"\b(of|for)\b")


def _either_preposition(names: list[str]) -> list[str]:
    """English names with "of" and "for" either way: a translator writes "the Norwegian Society for Infectious
    Diseases" as readily as "… of Infectious Diseases"."""
    return list(dict.fromkeys([*names, *(_OF_FOR.sub(lambda m: "for" if m[1] == "of" else "of", n) for n in names)]))


_BLANKED = "   "  # three spaces: what the reading blanks out leaves at least as many (a question writes one)


def _find(matcher: Matcher, text: str) -> list[tuple[str, int, int]]:
    """Hits in the text as written and with possessive endings blanked, longest first, no overlaps. A hit across
    something the reading blanked out is no name the question writes ("assertive outreach (FACT) teams" with the
    bracket blanked is not ACT's "assertive outreach teams")."""
    hits = [h for h in matcher.find(text) + matcher.find(_POSSESSIVE.sub(lambda m: " " * len(m[0]), text))
            if _BLANKED not in text[h[1]:h[2]]]
    hits.sort(key=lambda h: (h[1], -(h[2] - h[1])))
    out, end = [], -1
    for h in hits:
        if h[1] >= end:
            out.append(h)
            end = h[2]
    return out


@lru_cache(maxsize=4096)  # asked again with every question
def _branch_aliases(name: str, actors: Matcher) -> tuple[str, ...]:
    """A branch named by its organisation's short name: "Norsk Sykepleierforbund Agder" is also "NSF Agder"."""
    hit = next((h for h in actors.find(name) if h[1] == 0 and h[2] < len(name)), None)
    rest = name[hit[2]:].strip() if hit else ""
    return tuple(f"{a} {rest}" for a in actors.entries[hit[0]].aliases if a.isupper()) if hit and rest else ()


def _longest(hits: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Hits without overlaps, the longest of overlapping ones kept."""
    kept: list[tuple[str, int, int]] = []
    for h in sorted(hits, key=lambda h: -(h[2] - h[1])):
        if all(h[2] <= k[1] or h[1] >= k[2] for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h[1])


def _mask(text: str, hits: list[tuple[str, int, int]]) -> str:
    for _, s, e in hits:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


@dataclass
class _Reading:
    """The question while the steps read it: ``rest`` is the text with everything recognised blanked out."""

    text: str
    low: str
    rest: str
    it: Interpretation
    subject: list[str] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # the measures as the question words them
    worded: list[str] = field(default_factory=list)  # the same, a compound also by the measure's name in it
    bracketed: str | None = None  # the Norwegian term an English question gives in brackets
    grouped: str = ""  # ``rest`` before its groups were blanked: a description may name one ("jordmor følger gravide")
    unnamed: frozenset[str] = frozenset()  # actors whose names are read as words of the topic


def _translated(r: _Reading, hits: list[tuple[str, int, int]],
                known: tuple[tuple[str, str, tuple[str, ...]], ...]) -> list[tuple[str, int, int]]:
    """Names an English question translates word by word ("the Eating Disorders Association"), where they hold the
    names found as written ("the Division of Psychiatry at Helse Bergen") or overlap none; not after a preposition,
    where a name says where something is ("the rehabilitation beds at the hospital in Lærdal"), nor beside a name
    written in brackets, the asker's own gloss ("the doctors' union for community medicine (LSA)")."""
    def holds_or_misses(h: tuple[str, int, int], k: tuple[str, int, int]) -> bool:
        return h[2] <= k[1] or h[1] >= k[2] or h[1] <= k[1] and k[2] <= h[2] and h[2] - h[1] > k[2] - k[1]

    def glossed(h: tuple[str, int, int], k: tuple[str, int, int]) -> bool:
        return bool(re.fullmatch(r"\s*[()]\s*", r.text[min(h[2], k[2]):max(h[1], k[1])]))

    return [h for h in english_actor_hits(r.text, known)
            if all(holds_or_misses(h, k) for k in hits) and not any(glossed(h, k) for k in hits)
            and not re.search(templates()["place_before_name_en"], r.low[:h[1]])]


def _actors(r: _Reading, vocab: Vocabulary, known: tuple[tuple[str, str, tuple[str, ...]], ...]) -> None:
    """Actors of the vocabulary (also by English name) and of the graph; one named right by a word like
    "innspill" is the scope (the document's author), any other is a subject of the question."""
    t = templates()
    listed = bilingual(vocab.actors)
    hits = _find(listed, r.text)
    own = _own_names(known, vocab)
    extra = tuple((i, n, (*a, *_branch_aliases(n, vocab.actors), *own.get(i, ()))) for i, n, a in known
                  if i not in vocab.actors.entries or i in own)
    if extra:  # the longer name wins: "FFO Vestland" (a branch the graph knows) over the vocabulary's "FFO"
        # (a one-word name only as a name, capitalised: "Unio" is not "unions")
        hits = _longest(hits + [h for h in _find(_actor_matcher(extra), r.text)
                                if " " in r.text[h[1]:h[2]].strip() or r.text[h[1]].isupper()])
    hits = _longest(hits + _capitalised_short_names(r.text, known, vocab))
    if r.it.language == "en":
        hits = _longest(hits + _translated(r, hits, known))
    hits = [h for h in hits if h[0] not in r.unnamed]
    hits = _longest([_unit_of(r.text, h, known) for h in hits] + _units_at_places(r.text, known))
    placed = [h for h in hits if re.search(r"\b(?:ved|at)\s+$", r.low[:h[1]]) and h[1] > 0]
    hits = [h for h in hits if h not in placed]  # "… døgnbehandlingen ved Oslo universitetssykehus": where, words
    if len(hits) <= 1 and re.search(t["patterns"]["both"], r.low):  # "både A og B" names two
        hits = _longest(hits + described_pair(r.text, hits, known, r.it.language == "en"))
        if len(hits) == 1:
            hits = _longest(hits + _one_capitalised_name(r.text, hits, known))
    else:
        hits = _longest(hits + described_subject(r.text, hits, known, r.it.language == "en"))
    if (first := _kind_openings()[0].match(r.text)) and (kind := _kind_at(r.text, first.end(), t["actor_types"])):
        # "Which medical associations …" asks for a kind, not for the Norwegian Medical Association in the plural;
        # a name written with its capital is the organisation ("Hva mener Fagforbundet om …", "What does
        # Fagforbundet want?"), not the kind its name's word also names
        hits = [h for h in hits if not (first.end() <= h[1] and h[2] <= kind[1]) or r.text[h[1]].isupper()]
    for aid, s, e in sorted(hits, key=lambda h: h[1]):
        if re.match(t["scope_after_actor"], r.low[e:]) or re.search(t["scope_before_actor"], r.low[:s]):
            r.it.authors.append(aid)
        elif aid not in r.subject:
            r.subject.append(aid)
    r.rest = _mask(r.text, hits)




def _one_capitalised_name(text: str, hits: list[tuple[str, int, int]],
                          known: tuple[tuple[str, str, tuple[str, ...]], ...]) -> list[tuple[str, int, int]]:
    """The second of two organisations a "både A og B" question names, by one capitalised word of its name ("Hva
    meiner både Olaviken og Lærdal kommune …" for NKS Olaviken alderspsykiatriske sykehus): the one organisation
    whose name has that word; none when several have it (a place many names share)."""
    found = []
    for m in re.finditer(r"(?<!\w)([A-ZÆØÅ][\wæøå-]+)", text):
        if m.start() == 0 or len(m[1]) < NAME_WORD or any(s <= m.start() < e for _, s, e in hits):
            continue
        if aid := named_by_word(m[1], known, frozenset(h[0] for h in hits)):
            found.append((aid, m.start(), m.end()))
    return found[:1]


def _capitalised_short_names(text: str, known: tuple[tuple[str, str, tuple[str, ...]], ...],
                             vocab: Vocabulary) -> list[tuple[str, int, int]]:
    """A vocabulary actor named by one word of its name, capitalised inside the question ("Hva ønsker både
    Luftambulansetjenesten og …", "… Legemiddelindustrien …"): the organisation, though a document's lower-case
    word is the service or the industry, which is why the vocabulary has no such alias."""
    pattern, ids = _one_word_names(known, frozenset(vocab.actors.entries))
    return [(ids[m[1]], m.start(), m.end()) for m in pattern.finditer(text) if m.start() > 0] if ids else []


@lru_cache(maxsize=8)
def _one_word_names(known: tuple[tuple[str, str, tuple[str, ...]], ...],
                    listed: frozenset[str]) -> tuple[re.Pattern[str], dict[str, str]]:
    """The one-word short names of the vocabulary's actors in the graph, as one pattern (case as written)."""
    ids = {short: i for i, name, _ in known if i in listed
           for short in short_names(name) if " " not in short and len(short) >= _ONE_WORD_NAME}
    alternatives = "|".join(re.escape(s) for s in sorted(ids, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives})s?(?!\w)"), ids


_ONE_WORD_NAME = 8  # letters: a one-word name this long names one organisation ("Legemiddelindustrien")
_UNIT_BEFORE = re.compile(r"((?:[^\W\d_][\w-]*\s+){0,3}[^\W\d_][\w-]*)\s+(?:i|ved|på)\s+$")
_UNIT_WORD = 5  # letters: a word of a unit's name, not "de" or "og"


def _unit_of(text: str, hit: tuple[str, int, int],
             known: tuple[tuple[str, str, tuple[str, ...]], ...]) -> tuple[str, int, int]:
    """"etikkomiteen i Vestre Viken", "de tillitsvalgte ved Kongsberg sykehus", "Kvinne- og barneklinikken i Helse
    Førde": a unit named before the organisation it belongs to is the graph's actor whose name holds both the
    organisation's name and the unit's words (it speaks for itself, not for the trust)."""
    aid, s, e = hit
    m = _UNIT_BEFORE.search(text[:s])
    if not m:
        return _placed_unit(text, hit, known)
    parent = " ".join(folded_words(text[s:e]))
    words = [(w.start(), word_stem(folded_words(w[0].translate(ACCENTS))[0]))
             for w in re.finditer(r"[^\W\d_][\w-]*", m[1]) if folded_words(w[0])]
    best: list[tuple[int, str, int]] = []
    for i, name, _ in known:
        have = folded_words(name.translate(ACCENTS))
        if i == aid or parent not in " ".join(have):
            continue
        said = [at for at, st in words if len(st) >= _UNIT_WORD and any(h.startswith(st) for h in have)]
        if said:
            best.append((len(said), i, m.start(1) + min(at for at, st in words
                                                          if any(h.startswith(st) for h in have))))
    best.sort(reverse=True)
    if not best or len(best) > 1 and best[1][0] == best[0][0]:
        return hit
    return best[0][1], best[0][2], e


_PLACE_AFTER = re.compile(r"\s+(?:i|ved|på)\s+((?-i:[A-ZÆØÅ])[\w-]+(?:\s+(?-i:[A-ZÆØÅ])[\w-]+)*)")


def _placed_unit(text: str, hit: tuple[str, int, int],
                 known: tuple[tuple[str, str, tuple[str, ...]], ...]) -> tuple[str, int, int]:
    """"Overlegeforeningen i Volda": an organisation's branch at a place is the one graph actor whose name holds the
    name and the place ("Overlegeforeningen ved Volda sjukehus"), not the organisation as a whole."""
    aid, s, e = hit
    m = _PLACE_AFTER.match(text, e)
    if not m:
        return hit
    name, place = " ".join(folded_words(text[s:e])), " ".join(folded_words(m[1]))
    found = [i for i, n, _ in known if i != aid and name in (have := " ".join(folded_words(n)))
             and re.search(rf"\b{re.escape(place)}\b", have)]
    return (found[0], s, m.end()) if len(found) == 1 else hit


_UNIT_AT = re.compile(r"\b((?-i:[a-zæøå])[\w-]{4,})\s+(?:i|ved|på)\s+"
                      r"((?-i:[A-ZÆØÅ])[\w-]+(?:\s+(?:og\s+)?(?-i:[A-ZÆØÅ])[\w-]+)*)")


def _units_at_places(text: str, known: tuple[tuple[str, str, tuple[str, ...]], ...]) -> list[tuple[str, int, int]]:
    """"eldrerådet på Bømlo", "fastlegene i Bømlo": a body named by its kind and its place, when one graph actor's
    name holds both ("Eldrerådet i Bømlo kommune", "Fastlegane i Bømlo kommune")."""
    hits = []
    for m in _UNIT_AT.finditer(text):
        unit = word_stem(folded_words(m[1].translate(ACCENTS))[0]) if folded_words(m[1]) else ""
        place = " ".join(folded_words(m[2]))
        if len(unit) < _UNIT_WORD:
            continue
        found = [i for i, n, _ in known if (have := folded_words(n.translate(ACCENTS)))
                 and have[0].startswith(unit) and re.search(rf"\b{re.escape(place)}\b", " ".join(have))]
        if len(found) == 1:
            hits.append((found[0], m.start(1), m.end(2)))
    return hits


def _quoted(r: _Reading, vocab: Vocabulary) -> None:
    """A quoted name is one name: a measure only if the vocabulary knows all of it, else a phrase to look for."""
    pattern = _QUOTED_EN if r.it.language == "en" else _QUOTED
    for m in pattern.finditer(r.rest):
        inner = next(g for g in m.groups() if g)
        hits = bilingual(vocab.measures).find(inner)
        if m.group(0).startswith("("):
            before = _find(bilingual(vocab.measures), r.rest[:m.start()].rstrip())
            remark = not _phrase(inner) or r.rest[:m.start()].endswith(_BLANKED)  # after an actor named: its name
            if remark or before and before[-1][2] == len(r.rest[:m.start()].rstrip()):  # "eMestring (any spelling)"
                r.rest = _mask(r.rest, [("", m.start(), m.end())])
                continue
            if hits or vocab.groups.find(inner) or _theme(inner, vocab.themes):
                continue  # the Norwegian word for what the English says, and the vocabulary knows it
        if not (len(hits) == 1 and hits[0][2] - hits[0][1] >= len(inner.strip()) - 1):
            if m.group(0).startswith("("):  # "a glucose sensor (CGM)": the Norwegian term beside the English
                r.bracketed = inner.strip()
            else:
                r.quoted.append(inner.strip())
            r.rest = _mask(r.rest, [("", m.start(), m.end())])


def _norwegian_name(entry: Entry, text: str) -> bool:
    return text.strip().lower() in {n.lower() for n in (entry.name, *entry.aliases)}


def _participles(r: _Reading, vocab: Vocabulary) -> None:
    """"et team som oppsøker folk" is an "oppsøkende team": a noun and a relative clause whose verb, as a
    participle before the noun, names a measure (Norwegian says it either way; nynorsk "oppsøkjande")."""
    def swap(m: re.Match[str]) -> str:
        for ending in ("ende", "ande"):
            name = f"{m['verb']}{ending} {m['noun']}"
            if any(s == 0 and e == len(name) for _, s, e in _find(bilingual(vocab.measures), name)):
                return name
        return m[0]

    if r.it.language == "no":
        r.rest = re.sub(r"(?<![\w-])(?P<noun>[^\W\d_][\w-]*) som (?P<verb>[^\W\d_]+?)(?:er|ar)\b", swap, r.rest)


def _measures(r: _Reading, vocab: Vocabulary) -> None:
    """Measures and groups the vocabulary names, in Norwegian or English. One right after a content word the
    vocabulary does not know ("caseload midwifery", "ambulante sårteam") is not that measure or group: the
    whole phrase is looked for instead, and the interpretation says what was not recognised."""
    _participles(r, vocab)
    hits = _unqualified(r, _find(bilingual(vocab.measures), r.rest), vocab.measures.entries)
    hits += _elided_heads(r, vocab, {h[0] for h in hits})
    # the measure as the question words it, or by its Norwegian name when the question is in English (unless it
    # gives a Norwegian name itself: "an escort service (følgetjeneste)")
    r.terms = [r.rest[s:e] if r.it.language == "no" or _norwegian_name(vocab.measures.entries[mid], r.rest[s:e])
               else _core_name(vocab.measures.entries[mid]) for mid, s, e in hits]
    r.worded = [_compound_or_name(t, vocab.measures.entries[mid])
                for t, (mid, _, _) in zip(r.terms, hits, strict=True)]
    ordered = sorted(hits, key=lambda h: h[1])
    r.it.nested = len({h[0] for h in hits}) == 2 and len(ordered) == 2 \
        and bool(re.match(templates()["nested_measure"], r.rest[ordered[0][2]:ordered[1][1]], re.I))
    r.rest = _mask(r.rest, hits)
    r.it.measures = list(dict.fromkeys(h[0] for h in hits))
    # (in Norwegian a group with an adjective before it is still that group: "nyutdannede leger", "hjemmeboende
    # eldre" are leger and eldre, the word left for the quotes to say; English puts a noun before a noun:
    # "caseload midwifery" is no midwifery)
    groups = bilingual(vocab.groups).find(r.rest)
    if r.it.language == "en":
        groups = [h for h in _unqualified(r, groups) if not _modifies(r.rest, h)]
    r.grouped = r.rest
    r.rest = _mask(r.rest, groups)
    # (not a group the measure is for by what it is: "FACT-team for personer med alvorlig psykisk lidelse" is FACT)
    implied = {g for mid in r.it.measures for g in vocab.measures.entries[mid].props.get("groups") or []}
    r.it.groups = [g for g in dict.fromkeys(h[0] for h in groups) if g not in implied]


def _modifies(text: str, hit: tuple[str, int, int]) -> bool:
    """An English group word before a noun the glossary knows the two as one thing with is no group: a "GP
    surgery" is a doctor's office (legekontor), not GPs."""
    after = re.match(r"\s+([^\W_][\w-]*)", text[hit[2]:])
    return bool(after and phrase_words(after[1])) and english_phrase(f"{text[hit[1]:hit[2]]} {after[1]}".lower())


DESCRIPTIONS = Path(__file__).parents[1] / "vocabulary" / "descriptions.yaml"


def _elided_heads(r: _Reading, vocab: Vocabulary, known: set[str]) -> list[tuple[str, int, int]]:
    """Two modifiers of one head name two things ("oppsøkende eller ambulante behandlingsteam"): the measure the
    first modifier names with the head ("oppsøkende behandlingsteam"), over the whole coordination. Not when the
    first is a thing of its own, a group or a theme ("midwifery or maternity services")."""
    out: list[tuple[str, int, int]] = []
    seen = set(known)
    for m in re.finditer(templates()["elided_head"], r.rest):
        if bilingual(vocab.groups).find(m["a"]) or _theme(m["a"], vocab.themes, r.it.language == "en"):
            continue
        whole = f"{m['a']} {m['head']}"
        for mid, s, e in _find(bilingual(vocab.measures), whole):
            if s == 0 and e == len(whole) and mid not in seen:
                out.append((mid, m.start(), m.end()))
                seen.add(mid)
    return out


@lru_cache(maxsize=4)
def _descriptions(entries: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """(measure id, language, description, its content stems) for each everyday description of a vocabulary
    measure (descriptions.yaml): what a question says when it does not know the measure's name."""
    data = read_yaml(DESCRIPTIONS) if DESCRIPTIONS.is_file() else {}
    ids = {name: mid for mid, name in entries}
    out = []
    for name, by_language in (data or {}).items():
        for language, texts in (by_language or {}).items():
            for text in texts or []:
                stems = tuple(dict.fromkeys(word_stem(w) for w in folded_words(text) if w not in _LINKING))
                if name in ids and len(stems) >= _DESCRIBED_FROM:
                    out.append((ids[name], language, text, stems))
    return tuple(out)


_DESCRIBED_FROM = 2  # words a description needs: one word alone is too often said of something else
# the only words of a description a question need not say (every other one it must, as a word's start)
_LINKING = {"i", "og", "for", "med", "at", "på", "til", "av", "som", "en", "et", "ei", "eit", "ein", "the", "of",
            "to", "a", "an", "in", "on", "by", "and", "from"}


def _described(r: _Reading, vocab: Vocabulary) -> None:
    """A measure the question describes in everyday words instead of naming it ("hvem vil at pasient og lege skal
    bestemme sammen?" is samvalg): every word of one of its descriptions starts a word of the question. The longest
    description wins. The question is still read in its own words; the measure's answers are added to theirs."""
    if r.it.measures or r.quoted:
        return
    entries = tuple((mid, e.name) for mid, e in vocab.measures.entries.items())
    # (a word's start is a space before it: a plain substring test, not thousands of regexes per question, which
    # overflow the re module's cache and make every other pattern compile again)
    have = " " + " ".join(folded_words(r.grouped or r.rest))
    found = [(len(st), mid, text, st) for mid, language, text, st in _descriptions(entries)
             if language == r.it.language and all(f" {s}" in have for s in st)]
    if not found:
        return
    most = max(f[0] for f in found)
    best = [f for f in found if f[0] == most]
    r.it.described = list(dict.fromkeys(mid for _, mid, _, _ in best))
    stems = {s for _, _, _, st in best for s in st}
    r.it.described_by = " ".join(m[0] for m in _WORD.finditer(r.grouped or r.rest)
                                 if any(" ".join(folded_words(m[0])).startswith(s) for s in stems))


def _core_name(entry: Entry) -> str:
    """A measure's Norwegian name for an English question: the name, or for a one-word name its shortest one-word
    wording ("simulering" of simuleringstrening), as a Norwegian question would word it."""
    if " " in entry.name:
        return entry.name
    return min([entry.name, *(a for a in entry.aliases if a.islower() and " " not in a)], key=len)


def _compound_or_name(term: str, entry: Entry) -> str:
    """A one-word term that holds the measure's one-word name and more ("hospiteringsordninger" for hospitering)
    also as that name: the statements say "hospitert" or "hospitering" without the compound's head."""
    core = _core_name(entry)
    low, name = fold_text(term.lower()), fold_text(core.lower())
    if re.fullmatch(r"\w+", low) and " " not in core and low.startswith(word_stem(name)) and len(low) >= len(name) + 4:
        return f"{term}|{core}"
    return term


def _describes(word: str, entry: Entry | None) -> bool:
    """The word says what the measure's English names already say ("oppsøkende FACT-team": FACT is "flexible
    assertive community treatment", and the glossary gives oppsøkende for assertive; "outreach" in "assertive
    outreach"): a description of the measure, not another one."""
    if entry is None:
        return False
    low = word.lower()
    english = " ".join([entry.props.get("name_en") or "", *(entry.props.get("english") or [])]).lower()
    if re.search(rf"\b{re.escape(low)}\b", english):
        return True
    st = stem(low)
    return any(len(st) >= 5 and (n.startswith(st) or st.startswith(n)) for w in re.findall(r"[a-z]+", english)
               for n in english_stems(w) if len(n) >= 5 and " " not in n)


def _unqualified(r: _Reading, hits: list[tuple[str, int, int]],
                 entries: dict[str, Entry] | None = None) -> list[tuple[str, int, int]]:
    kept = []
    for h in hits:
        before = re.search(r"(?:(\S+) )?([^\W_][\w-]*) ?$", r.rest[:h[1]])
        if before and r.it.language == "en" and _another_thing(before[2], r.rest[h[1]:h[2]].strip(),
                                                                (entries or {}).get(h[0])):
            continue
        if before and _qualifier(before[2], before[1], r.it.language) and not r.it.unrecognised \
                and not _describes(before[2], (entries or {}).get(h[0])) and not _second_verb(r.rest[:h[1]]):
            r.it.unrecognised = r.rest[before.start(2):h[2]]
            r.quoted.insert(0, r.it.unrecognised)  # one name, looked for as a whole like a quoted one
            r.rest = _mask(r.rest, [(h[0], before.start(2), h[2])])
        else:
            kept.append(h)
    return kept


def _another_thing(word: str, name: str, entry: Entry | None) -> bool:
    """An English measure word after a word the glossary knows the two as something else by: a "block grant"
    (rammetilskudd) is no grant scheme, though an "earmarked grant" (øremerket tilskudd) is one."""
    words = f"{word} {name}"
    if entry is None or len(phrase_words(word)) != 1 or len(phrase_words(name)) != 1 \
            or not english_phrase(words.lower()):
        return False
    names = {w for n in (entry.name, *entry.aliases) for w in fold_text(n).split()}
    return not any(all(any(n.startswith(w) for n in names) for w in t.split())
                   for t in english_stems(words.lower()))


# a verb coordinated with one after a modal ("få se og endre …", "vil bygge ut eller finansiere …"): the word before
# the measure is the second verb, no adjective of it ("skal ha ambulante og mobile team" has none after the modal)
_SECOND_VERB = re.compile(r"(?:^|\s)(\S+) \S+(?: (?:ut|inn|ned|opp|over|fram|frem))? (?:og|eller|and|or) "
                          r"[^\W_][\w-]* ?$", re.I)


def _second_verb(before: str) -> bool:
    m = _SECOND_VERB.search(before)
    return bool(m) and m[1].lower() in templates()["verb_before"]


def _qualifier(word: str, previous: str | None, language: str) -> bool:
    """A word that may make a measure another one when it stands right before it: a content word, not a name
    (capitalised) and not a verb ("å tilby NIPT", "to offer NIPT"); in Norwegian, one with an adjective's ending
    ("ambulante", "interkommunal"), since Norwegian writes a noun before a noun as one compound word; in English,
    one the glossary does not know ("caseload midwifery", not "regular GPs")."""
    low = word.lower()
    if not _content(low) or word[0].isupper() or (previous or "").lower() in templates()["verb_before"]:
        return False
    if language == "en":  # (a word right after "who" or "which" is its verb: "Who offers hospital at home?")
        return not english_known(low) and low not in templates()["function_words_en"] \
            and (previous or "").lower() not in templates()["verb_after"]
    return bool(re.search(templates()["adjective_ending"], low))


def _content(word: str) -> bool:
    t = templates()
    return len(word) > 2 and word not in t["stop"] and word not in t["modifier"] and not any(
        re.search(p, word) for p in t["relation"].values())


_COORDINATOR = re.compile(r"\s*(?:,\s*)?(?:eller|og|or|and)\s+|\s*,\s*", re.I)
_MODIFIER = re.compile(r"[^\W\d_][\w-]*")
# an adjective before the kinds asked for, said of them all ("regionale", "nasjonale", "lokale", "national")
_ADJECTIVE_PLURAL = re.compile(r"[a-zæøå]{3,}(?:ale|ele|ige|ske|nal)", re.I)
_SPACE = re.compile(r"\s+")
# a word for any actor, coordinated with a kind ("organisasjonar og råd"): the two ask for all actors
_WIDE_KIND = re.compile(r"organisasjon(?:er|ar|ane|ene)?|aktør(?:er|ar|ane|ene)?|instans(?:er|ar|ane|ene)?"
                        r"|organi[sz]ations?|actors?|bodies", re.I)


@lru_cache(maxsize=1)
def _kind_openings() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a question's kind of actor begins, after its question word or "blant / among": the opening is
    followed by a kind's words, perhaps after coordinated words that share its head ("frivillige eller …")."""
    t = templates()
    ahead = (rf"(?=(?:{_ADJECTIVE_PLURAL.pattern}\s+)?(?:{_MODIFIER.pattern}(?:{_COORDINATOR.pattern})){{0,5}}"
             rf"(?:{'|'.join(k['words'] for k in t['actor_types'])})\b)")
    return (re.compile(f"(?:{t['actor_type_opening']}){ahead}", re.I),
            re.compile(f"{t['actor_type_among']}{ahead}", re.I))


def _kind_at(text: str, start: int, kinds: list[dict[str, Any]]) -> tuple[dict[str, Any], int] | None:
    """The first kind of actor whose words begin at ``start`` (the table's order decides: a hospital's
    clinics before the hospitals), and where its words end."""
    for kind in kinds:
        m = re.compile(rf"({kind['words']})\b", re.I).match(text, start)
        if m:
            return kind, m.end()
    return None


def _elided(modifier: str, head: str, kinds: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The kind a coordinated modifier names with the head it shares: "forsknings- eller kompetansesentre" →
    "forskningssentre", "frivillige eller ideelle organisasjoner" → "frivillige organisasjoner", "youth or
    disability councils" → "youth councils" (the shortest shared ending that names a kind)."""
    joined = modifier[:-1] if modifier.endswith("-") else f"{modifier} "
    for i in range(len(head) - 3, -1, -1):
        for kind in kinds:
            if re.fullmatch(kind["words"], joined + head[i:], re.I):
                return kind
    return None


def _kinds_from(text: str, start: int, kinds: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int, bool]:
    """The kinds a coordinated phrase at ``start`` names, where it ends, and whether it also names any actor:
    "universiteter eller høgskoler", "pasient-, bruker- eller frivillige organisasjoner", "frivillige, religiøse
    eller interesseorganisasjoner". Words before the last that name no kind alone share its head (else the kind
    asked for is wider than the table's: none); the phrase ends at the first kind not followed by another one.
    A word for any actor among them ("organisasjonar og råd", "organisations or state agencies") asks for all
    actors: the phrase is still the question's kinds, not its topic."""
    found: list[dict[str, Any]] = []
    modifiers: list[str] = []
    pos, end, wide = start, start, False
    while len(modifiers) < 5:
        hit = _kind_at(text, pos, kinds)
        if hit:
            head = text[pos:hit[1]].split()[-1]
            shared = [_elided(w, head, kinds) for w in modifiers]
            if not all(shared):  # "organisasjoner eller brukerorgan": a wider kind than the table knows
                if not all(s or _WIDE_KIND.fullmatch(w) for s, w in zip(shared, modifiers, strict=True)):
                    break
                wide = True
            found += [hit[0], *(s for s in shared if s)]
            modifiers, end = [], hit[1]
            at = end
        else:  # a modifier that shares the next kind's head ("ideelle organisasjoner eller pasient- og …")
            word = _MODIFIER.match(text, pos)
            if not word:
                break
            space = _SPACE.match(text, word.end())
            if space and not found and not modifiers and _ADJECTIVE_PLURAL.fullmatch(word.group(0)) \
                    and not _COORDINATOR.match(text, word.end()):
                pos = space.end()  # "regionale kunnskaps- eller kompetansesentre": said of them all
                continue
            modifiers.append(word.group(0))
            at = word.end()
        gap = _COORDINATOR.match(text, at)
        if not gap:
            break
        pos = gap.end()
    if found and len(modifiers) == 1 and _WIDE_KIND.fullmatch(modifiers[0]):  # "råd eller organisasjoner"
        end, wide = at, True
    return (found, end, wide) if found else ([], start, False)


def _actor_types(r: _Reading, vocab: Vocabulary) -> None:
    """The kind of actor asked for ("Hvilken fagforening …", "Which hospitals …", "… blant kommunene", "Hvilke
    frivillige eller ideelle organisasjoner …"); not a word of a measure's name ("critical of hospital at home")."""
    t = templates()
    kinds = t["actor_types"]
    named = [(s, e) for _, s, e in _find(bilingual(vocab.measures), r.rest)]
    opening, among = _kind_openings()
    first = opening.match(r.rest)
    starts = [first.end()] if first else []
    starts += [m.end() for m in among.finditer(r.rest)]
    for start in starts:
        found, end, wide = _kinds_from(r.rest, start, kinds)
        if not found or start and any(s <= start < e for s, e in named):
            continue
        if (paren := _PAREN_OPEN.match(r.rest, end)) and (inner := _kinds_from(r.rest, paren.end(), kinds))[0] \
                and (close := _PAREN_CLOSE.match(r.rest, inner[1])):
            # "interkommunale samarbeid (regionråd eller interkommunale selskap)": the kinds it names, spelt out
            found, end, wide = found + inner[0], close.end(), wide or inner[2]
        _add_kinds([] if wide else found, r.it.actor_types, r.it.actor_names)
        r.rest = _mask(r.rest, [("", start, end)])
        return


_PAREN_OPEN, _PAREN_CLOSE = re.compile(r"\s*\(\s*(?:(?:og|eller|and|or)\s+)?"), re.compile(r"\s*\)")


def _add_kinds(found: list[dict[str, Any]], types: list[str], names: list[str]) -> None:
    """The types and name words of the kinds found, each once, after those already there."""
    for kind in found:
        types += [x for x in kind["types"] if x not in types]
        names += [x for x in kind.get("names", []) if x not in names]


_LEFT_OUT = re.compile(r"(?:,|–|—|\s-|\()\s*(?:men\s+|but\s+)?(?:ikke|ikkje|not)\s+", re.I)
_LEFT_OUT_END = re.compile(r"\s*(?:,|–|—|-\s|\))?")


def _left_out_kinds(r: _Reading) -> None:
    """Kinds of actor set apart by a negation ("Hvilke organisasjoner, ikke offentlige instanser, …", "Which
    organisations – not municipalities or hospitals – …"): answers of those kinds are left out, and the words are
    neither the kinds asked for nor the topic."""
    kinds = templates()["actor_types"]
    for m in _LEFT_OUT.finditer(r.rest):
        found, end, _ = _kinds_from(r.rest, m.end(), kinds)
        if not found:
            continue
        _add_kinds(found, r.it.not_types, r.it.not_names)
        r.rest = _mask(r.rest, [("", m.start(), _LEFT_OUT_END.match(r.rest, end).end())])
        return


def _relations(r: _Reading) -> None:
    """The relations a question asks about. What an opposition is against ("går imot forslaget om …",
    "opposes the proposal to …") is its object, not a second question about proposals."""
    t = templates()
    low = r.rest.lower()
    if re.match(t["view_question"], r.low):  # "Kva meiner X om at … når AMK ber om det?": the view, not a stance
        low = re.split(t["topic_after"], low, maxsplit=1)[0]
    # a stance the question asks before a relative clause is its stance; the clause's verbs describe what it is
    # about ("driver allerede tilbud der frivillige besøker eller støtter eldre")
    head = re.split(t["relative_clause"], low, maxsplit=1)[0]
    r.it.relations = (_stances(head) if head != low else []) or _stances(low)


_OPENING_WORDS = 4  # words before a question's stance verb ("Hvilke av kommunene går imot …")


def _stances(low: str) -> list[str]:
    t = templates()
    opposed = re.search(t["relation"]["OPPOSES"], low)
    if not opposed:
        return [rel for rel in RELATIONS if re.search(t["relation"][rel], low)]
    # what follows an opposition the question opens with is what it is against, not a second stance asked about
    # ("Who is against requiring …", "Hvem fraråder å ta i bruk …"); later in a question it may be one of several
    # ("… enten som forslag, innvending eller egen erfaring")
    opens = len(low[:opposed.start()].split()) <= _OPENING_WORDS
    rest = re.sub(f'{t["relation"]["OPPOSES"]}|{t["opposition_object"]}', " ",
                  low[:opposed.start()] if opens else low)
    return [rel for rel in RELATIONS if re.search(t["relation"][rel], low if rel == "OPPOSES" else rest)]


def _theme(text: str, themes: list[dict], english: bool = False) -> str | None:
    """The theme whose name or longest keyword the question uses (a longer stem is a surer sign)."""
    low, best = text.lower(), (0, None)
    for t in themes:
        if t["id"] == "unclassified":
            continue
        for kw in [t["name"].lower(), (t.get("name_en") or "").lower(), *t.get("keywords", [])]:
            if kw and len(kw) >= 4 and re.search(rf"(?<![^\W\d_]){re.escape(kw.lower())}", low):
                best = max(best, (len(kw), t["id"]), key=lambda b: b[0])
    if best[1] is None and english:  # "maternity care": the theme of the Norwegian words the glossary gives
        stems = [s for w in re.findall(r"[a-z]+", low) for s in english_stems(w)]
        # (a stem is also a keyword's start: "relatives" is "pårør", the keyword "pårørende")
        whole = [kw for t in themes for kw in t.get("keywords", []) for s in stems
                 if len(s) >= _THEME_STEM and kw.lower().startswith(s)]
        return _theme(" ".join([*stems, *whole]), themes) if stems else None
    return best[1]


_THEME_STEM = 5  # letters of a translated stem that stand for a theme keyword it starts


def _only_theme_words(words: str, theme: str, themes: list[dict]) -> bool:
    """True when every topic word left is one of the theme's own words (name, English name, keywords)."""
    t = next(x for x in themes if x["id"] == theme)
    names = [k.lower() for k in [*t.get("keywords", []), *t["name"].split(), *(t.get("name_en") or "").split()]]
    stems = [k for k in names if len(k) >= 4]
    def own(w: str) -> bool:  # a short keyword ("rus") only as a word of its own
        return w in names or any(w.startswith(k) or k.startswith(w) for k in stems)
    # an English word is the theme's when its Norwegian stems are ("preparedness" → beredskap)
    neutral = templates()["theme_neutral"]  # "health" in "recruiting and retaining health personnel"
    # (words the glossary translates together are the theme's when that translation is: "substance abuse
    # treatment", "addiction treatment" → rusbehandling, though "abuse" or "treatment" alone is no keyword)
    tokens = words.lower().replace("|", " ").split()  # (either of "digitale helsetjenester eller video")
    kept = [True] * len(tokens)
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            joined = " ".join(tokens[i:i + n])
            if (n > 1 or "-" in joined) and all(kept[i:i + n]) \
                    and any(own(a) for a in english_stems(joined.replace("-", " "))):
                kept[i:i + n] = [False] * n
    return all(w in neutral or own(w) or any(own(a) for a in english_stems(w))
               for w, k in zip(tokens, kept, strict=True) if k)


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[tuple[str, ...]]:
    """The translations of the English stop words the glossary knows ("establish": etabler, opprett …)."""
    return frozenset(st for w in templates()["stop"] if (st := english_stems(w)))


def _glossary_phrases(tokens: list[str]) -> set[int]:
    """The tokens of an English question inside a phrase the glossary translates as a whole ("fire service",
    "substance use", "taking over"), whose words are kept though one alone is a stop word ("service", "use",
    "taking"), unless it says what a stop word says ("setting up" is "establish")."""
    stop = _stop_stems()
    kept: set[int] = set()
    for i in range(len(tokens)):
        for n in (3, 2):
            window = tokens[i:i + n]
            if len(window) == n and "|" not in "".join(window) and english_phrase(" ".join(window)) \
                    and phrase_words(window[0]) and phrase_words(window[-1]) \
                    and english_stems(" ".join(window)) not in stop:  # (not "the" or "for" at either end)
                kept.update(range(i, i + n))
                break
    return kept


def _synonym_phrases(tokens: list[str]) -> set[int]:
    """The tokens of a Norwegian question inside a phrase synonyms_no.yaml names as a whole ("ta imot", "bygge ut",
    "beboere på sykehjem"), whose words are kept though one is a stop word ("imot", "ut", "på"): without it "ta imot
    sykepleierstudenter" asked for statements saying "ta", too short a word to look for."""
    forms = _multiword_synonyms()
    kept: set[int] = set()
    for i in range(len(tokens)):
        for n in (4, 3, 2):
            window = tokens[i:i + n]
            if len(window) < n or "|" in "".join(window):
                continue
            said = fold_text(" ".join(window).lower())
            # (the form's last word a stem: it reaches into the window's last word, "hjemmetjenest" in "…tenesta")
            if any(said.startswith(f) and len(f) > len(said) - len(fold_text(window[-1].lower())) for f in forms):
                kept.update(range(i, i + n))
                break
    return kept


@lru_cache(maxsize=1)
def _multiword_synonyms() -> tuple[str, ...]:
    """The groups' phrases of two words or more, but a kind of change's ("slås sammen"): named whole, a change decides
    the question (changes_no.yaml), where its verb alone ("slås") leaves it to the words (development −4 when kept)."""
    return tuple(w for group in synonym_groups() if not is_change(group) for w in group if " " in w)


# what follows a stance word inside a compound noun that names a thing ("støtte|ordning", "støtte|kontakter",
# "ønske|liste"), not one of its own endings ("anbefal|ingene", "tilrå|dingane", "ønske|r")
_STANCE_COMPOUND = re.compile(r"[es]?(?!ing|els|ene|ane|ende|ande|ding|er\b|ar\b|te\b)[a-zæøå]{5,}")


def _phrase(text: str, english: bool = False) -> str | None:
    """The topic words left in the first clause once question words and cues are gone."""
    first = _CLAUSE_END.split(text, maxsplit=1)[0]
    # "personell, arbeidstid eller kompetanse", "styrke eller forskriftsfeste": any of the words will do
    first = _LIST.sub(lambda m: "|".join([*re.split(r",\s+", m[1]), m[2]]), first)
    first = _EITHER.sub(r"\1|\2", first)
    t = templates()
    def topical(w: str) -> bool:  # a stance word is no topic
        return w.lower() not in t["stop"] and len(w) > 1 and not any(
            (m := re.search(p, w.lower())) and not _STANCE_COMPOUND.match(w.lower()[m.end():])
            for p in t["relation"].values())

    tokens = _ALTERNATIVES.findall(first)
    kept = _glossary_phrases(tokens) if english else _synonym_phrases(tokens)
    # (nor are two of them: "foreslår eller støtter")
    words = [w for w in (token if i in kept else "|".join(x for x in token.split("|") if topical(x))
                         for i, token in enumerate(tokens)) if w]
    while words and words[0].lower() in t["modifier"]:  # "more video consultations": the measure is the rest
        words.pop(0)
    return " ".join(words) or None


def _topic(r: _Reading, vocab: Vocabulary) -> None:
    """The theme, and the words left over as a phrase, unless the theme's own words are all there is."""
    it = r.it
    words = _phrase(r.rest, it.language == "en")
    if it.measures and it.kinds and words and not it.relations and not r.quoted:
        # "Hvilke kommuner har uttalt seg om jordmortjenesten eller fødetilbudet?": a measure beside more words of
        # one theme asks which of them speak of the theme, not only of the measure
        broad = _theme(" ".join(r.terms), vocab.themes)
        if broad and _only_theme_words(words, broad, vocab.themes):
            it.measures, r.terms = [], []
    theme = None if it.measures else _theme(r.rest, vocab.themes, it.language == "en")
    if theme and words and not _only_theme_words(words, theme, vocab.themes):
        theme = None  # "samhandlingsprosjektet om barnefedme" names a project, not the theme samhandling
    it.theme = theme
    if r.bracketed:  # weighed with the English words around it, the rare Norwegian term decides
        words = f"{r.bracketed} {words or ''}".strip()
    it.phrase = r.quoted[0] if r.quoted else (None if it.measures or theme else words)
    it.topic = " ".join([*r.terms, words or ""]).strip() or None
    it.exact = bool(r.quoted)
    if it.measures:  # the question's own words, for the statements no measure names
        it.wording = " ".join([*r.worded, words or ""]).strip() or None
    # what narrows the measure: not what is to be done to it ("… at pasientens legemiddelliste innføres")
    specific = [w for w in (words or "").split() if not is_generic(w) and not is_action(w)]
    if it.measures and specific and not r.quoted:  # "legevakt … samlokalisert med akuttmottaket": what narrows it
        it.specifics = " ".join(specific)


_GENERIC = 8  # discovered measures one word may name before it is taken for a common word
_DISCOVERED_AT_MOST = 20  # discovered measures a description may name before its words are taken for common ones
_KEYED = 4  # letters at least of a translated word's key compared with a measure's key
_SAME_KEY = 90  # rapidfuzz token_set_ratio of two keys that name one measure (as in discovery)


def _english_matches(phrase: str, known: tuple[tuple[str, str, str], ...]) -> list[str]:
    """Discovered measures an English phrase names: every word the glossary translates has one of its Norwegian
    stems in the measure's key, inside a compound too ("decentralised nursing education" → "desentraliser …
    sykepleierutdanning"); words it does not translate ("the", a name it keeps) must be in the key as they are."""
    alts = [(a, True) if translated else (tuple(key_of(" ".join(a)).split()) or a, False)  # an untranslated word
            for a, translated in alternatives(phrase, english=True)  # keyed as discovery keys it ("ambulerende" →
            if a and not all(w in function_words() for w in a)]  # "ambuler")
    if not alts:
        return []

    # (the words the question capitalises: names, kept as they are)
    capitalised = set(key_of(" ".join(re.findall(r"(?<![\w-])[A-ZÆØÅ][\wÆØÅæøå-]*", phrase))).split())

    def holds(key: str, stems: tuple[str, ...], translated: bool) -> bool:
        # a translated stem anywhere in a key word (a compound), an untranslated name only as its start: "agd"
        # (Agder) is not in "lagd"; an English word the glossary lacks only as a key word of its own ("same" is no
        # start of "samhandling", "sammensatt"); a translated word as discovery keys it too ("kommune" is "kommun")
        keyed = (*stems, *(k for w in stems if " " not in w and (k := key_of(w)) and len(k) >= _KEYED)) \
            if translated else stems
        return any(w in k if translated else k.startswith(w) if w in capitalised else k == w
                   for w in keyed for k in key.split())

    def names(key: str, stems: tuple[str, ...]) -> bool:
        # a key word that is the translated word itself, not a compound it is part of: "tannh" (tannhelse) for
        # "dental health", as a Norwegian question's "tannhelse" finds it, not "tannhelsetjenest"
        return any(k == w or k == key_of(w) or len(k) > _KEYED and w.startswith(k)
                   for w in stems if " " not in w for k in key.split())

    # as discovered_matches does for a Norwegian phrase: first the measures the words name as words of their own
    whole = [mid for mid, _, key in known if key and all(names(key, a) if t else holds(key, a, t)
                                                          for a, t in alts)]
    if whole and (len(alts) > 1 or len(whole) <= _GENERIC):
        return whole
    return [mid for mid, _, key in known if key and all(holds(key, a, t) for a, t in alts)]


def discovered_matches(phrase: str, known: tuple[tuple[str, str, str], ...]) -> tuple[list[str], bool]:
    """Discovered measures a phrase the vocabulary does not know names, compared by key (content words
    folded and stemmed, as discovery keys them), and whether they hold all of it. First those whose key holds
    every key word of the phrase ("sårteam" → "ambulerende sårteam", "ambulerande sårteam i alle kommunane");
    only when none does, those whose key is near (rapidfuzz token_set_ratio ≥ 90: another spelling or
    inflection the stemmer keeps apart) and not just a part of the phrase; the caller then keeps the phrase
    for the quotes to match as well. ``known``: (id, name, key). Never a vocabulary measure."""
    from rapidfuzz import fuzz

    words = set(key_of(phrase).split())
    if not words:
        return [], True
    keyed = [(mid, key or "") for mid, _, key in known]
    within = [mid for mid, key in keyed if words <= set(key.split())]
    if len(words) == 1 and len(within) > _GENERIC:  # one word in the keys of many measures ("tilbud", "team"):
        return [], True  # a common word, no measure's name; the quotes must hold it
    if within:
        return within, True
    # near, but not a measure that says less than the phrase: "samhandlingsprosjekt" is no answer to
    # "samhandlingsprosjektet om barnefedme" (token_set_ratio is 100 for any key inside the phrase)
    return [mid for mid, key in keyed if key and not set(key.split()) < words
            and fuzz.token_set_ratio(" ".join(sorted(words)), key) >= _SAME_KEY], False


def _discovered(r: _Reading, known_measures: Callable[[str], tuple[tuple[str, str, str], ...]] | None) -> None:
    """A phrase the vocabulary does not know, answered through the measures discovered in the documents
    ("ambulerende sårteam"); called only then (a graph of a thousand documents holds thousands of them)."""
    it = r.it
    if not (it.phrase and not it.measures and known_measures):
        return
    english = it.language == "en"
    found: list[str] = []
    if english:  # looked up by the Norwegian stems the glossary gives its words
        # (a glossary stem is the start of a word, keyed as the word would be: "tannhels" as "tannhelse" → "tannh")
        discovered = known_measures(" ".join(f"{w} {w}e" if given and " " not in w else w
                                             for a, given in alternatives(it.phrase, english=True) for w in a))
        found, whole = (_english_matches(it.phrase, discovered), True) if discovered else ([], True)
    if not found:  # a Norwegian phrase, also in an English question ("Who proposes ambulerende sårteam?")
        discovered = known_measures(it.phrase)
        found, whole = discovered_matches(it.phrase, discovered) if discovered else ([], True)
    if not found or len(found) > _DISCOVERED_AT_MOST:  # (many: common words, no measure's name; the quotes
        return  # must hold them: "a service shared by several municipalities" is in 101 measures' keys)
    keys = {mid: key for mid, _, key in discovered}
    named = [g for g in it.groups if any(stem(g) in keys[m] for m in found)]
    if named:  # the group is part of the measures' names ("nursing education" → "sykepleierutdanning"): those
        found = [m for m in found if all(stem(g) in keys[m] for g in named)]  # measures, not a filter on quotes
        it.groups = [g for g in it.groups if g not in named]
    names = {mid: name for mid, name, _ in discovered}
    it.note = (f"«{it.phrase}» is not in the vocabulary; answered through "
               + ("the measure" if len(found) == 1 else f"{len(found)} measures")
               + " discovered in the documents: " + "; ".join(names[m] for m in found[:5])
               + (" …" if len(found) > 5 else "") + ("" if whole else " (quotes that also use the question's words)"))
    it.measures = it.discovered = found
    it.wording = it.phrase  # also the statements in its words that discovery did not link to it
    it.phrase = None if whole else it.phrase  # a near key may lack words: the quotes must have them


# --- deciding what is asked --------------------------------------------------------------------------------

def _conditions(r: _Reading) -> dict[str, bool]:
    """The facts the question classes of questions.yaml are written in."""
    t, it, low = templates(), r.it, r.low
    topic = bool(it.measures or it.groups or it.phrase)
    facts = {"topic": topic, "subject": bool(r.subject), "two_actors": len(r.subject) >= 2,
             "authors": bool(it.authors), "actor_types": it.kinds, "theme": bool(it.theme),
             "relations": bool(it.relations), "quoted": bool(r.quoted),
             "topic_or_subject": topic or bool(r.subject), "view": bool(re.match(t["view_question"], low)),
             "detail": bool(re.match(t["detail"], low) or re.search(t["detail_words"], low))}
    for name, pattern in t["patterns"].items():
        facts[name] = bool(re.search(pattern, low))
    return facts


def _classify(r: _Reading) -> dict[str, Any] | None:
    facts = _conditions(r)
    for cls in templates()["classes"]:
        if all(facts[c] for c in cls.get("needs", [])) and not any(facts[c] for c in cls.get("without", [])) \
                and (not cls.get("any") or any(facts[c] for c in cls["any"])):
            return cls
    return None


def _apply(r: _Reading, cls: dict[str, Any]) -> Interpretation:
    it = r.it
    it.question_class = cls["name"]
    if not it.relations and cls.get("relations"):
        it.relations = list(cls["relations"])
    intent = cls["intent"]
    if intent == "stance":
        intent = WHO_INTENT.get(it.relations[0], "who_states") if len(it.relations) == 1 else "who_states"
    it.intent = intent
    it.count = bool(cls.get("count"))
    role = cls.get("subject")  # what the first actor named is: the speaker (actor) or one the statements name
    if role == "actor" and r.subject:
        it.actor = r.subject[0]
    elif role == "named" and r.subject:
        it.named = r.subject[0]
    elif role == "author" and it.authors:
        it.actor = it.authors[0]
    elif role == "both":
        it.actors, it.named = list(r.subject), None
    if it.intent in ("responsible", "when"):  # who leads it, or when: any statement may say so, stance or not
        it.relations = ["STATES"]
    if not it.relations:
        it.relations = ["STATES"] if it.intent == "about" else list(RELATIONS)
    return it


# "…, og hvem har ansvaret?", "… and who takes part?": a second question, for more actors, about the same thing
COMPOUND = re.compile(r"\s*,?\s+(?:og|and)\s+(?=(?:hvem|kven|hvilke\w*|who|which)\b)", re.I)


def _coordinated(text: str, known: tuple[tuple[str, str, tuple[str, ...]], ...]) -> str:
    """Places that share the word for their kind each get it, so each is found as an actor (questions.yaml
    ``coordinated``); a joint actor's own name is left as it is."""
    t = templates()
    names = [n.lower() for _, n, _ in known]

    def each(m: re.Match[str]) -> str:
        if any(m[0].lower() in n for n in names) or m["a"].lower() in names:  # (or the first is an actor's name:
            return m[0]  # "både Norsk Kvinnesaksforening og Årdal kommune")
        kind = t["coordinated_kind"][m["kind"].lower()]
        return f"{m['a']} {kind} {m['and']} {m['b']} {kind}"

    return re.sub(t["coordinated"], each, text)


def parse(question: str, vocab: Vocabulary,
          known_actors: tuple[tuple[str, str, tuple[str, ...]], ...] = (),
          known_measures: Callable[[str], tuple[tuple[str, str, str], ...]] | None = None,
          context: Interpretation | None = None, unnamed: frozenset[str] = frozenset()) -> Interpretation:
    """``known_actors``: (id, name, aliases) of the graph's actors, so discovered organisations are found too;
    ``known_measures``: given a phrase, returns (id, name, key) of the graph's discovered measures that share a
    key word with it (a graph of a thousand documents holds thousands of them); ``context``: the first part
    of a compound question, whose topic a second part that names none is about."""
    t = templates()
    text = re.sub(r"\s+", " ", question).strip()
    text = re.sub(t["purpose_lead"], "", text, flags=re.IGNORECASE) or text  # "For å knytte … sammen: hvem …"
    text = re.sub(t["senders_counted"], r"\1", text, flags=re.IGNORECASE)
    for asks, question_word in t["imperative_asks"].items():  # "Vis meg hvem som …", "Finn alle som …"
        text = re.sub(t["imperative_lead"] + asks, question_word, text, count=1, flags=re.IGNORECASE) or text
    text = _coordinated(text, known_actors)
    low = text.lower()
    r = _Reading(text, low, text, Interpretation(intent="search", language="en" if re.search(t["english"], low)
                                                 else "no"), unnamed=unnamed)
    _actors(r, vocab, known_actors)
    _quoted(r, vocab)
    _left_out_kinds(r)
    _between(r)
    _actor_types(r, vocab)  # "Hvilke legevakter …" asks for a kind of actor before "legevakt" can be a measure
    _measures(r, vocab)
    _described(r, vocab)
    _relations(r)
    _topic(r, vocab)
    _discovered(r, known_measures)
    r.it.named = r.subject[1] if len(r.subject) > 1 else None
    if context and not (r.it.measures or r.it.groups or r.it.phrase or r.it.theme or r.subject):
        for name in ("measures", "groups", "phrase", "theme", "exact", "discovered", "authors", "topic"):
            setattr(r.it, name, getattr(context, name))
    if r.it.unrecognised:
        r.it.note = (f"«{r.it.unrecognised}» is not in the vocabulary (it knows only a part of it): answered from "
                     "the statements that use the words")
    cls = _classify(r)
    if cls and cls["intent"] == "stance" and not cls.get("subject") and r.subject and not unnamed:
        # "Who is against merging the Nordhordland out-of-hours call centre with …": an organisation the class
        # does not ask about is part of what is asked, its words the topic's
        return parse(question, vocab, known_actors, known_measures, context, frozenset(r.subject))
    if cls is None or cls["intent"] == "search":
        why = (cls or {}).get("why", "the question matches no template")
        return _fallback(r.it, why)
    return _apply(r, cls)


def _between(r: _Reading) -> None:
    """"… delt mellom sykehus og kommune", "split between hospital and municipality": the two levels of the service
    (questions.yaml ``levels``) the question says something is shared between; posts shared between a hospital and
    an IT company, or a university and the municipalities, are no answer (graph/ask: _shared_between)."""
    t = templates()
    if not (m := re.search(t["between"], r.low)):
        return
    levels = [name for name, level in t["levels"].items() if re.search(level["words"], m[1])]
    r.it.between = levels if len(levels) >= 2 else []


def _fallback(out: Interpretation, why: str) -> Interpretation:
    out.intent, out.note = "search", f"not understood ({why}); showing a full-text search over statements"
    out.relations, out.measures, out.groups, out.actor, out.theme, out.phrase = [], [], [], None, None, None
    return out
