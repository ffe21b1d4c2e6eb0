"""Measures the vocabulary does not name, found in the stance statements that are about them.

A stance ("støtter forslaget om å lovfeste følgjetenesta for gravide") or an action ("har sidan 2019 drive
eit ambulant team for eldre") names what it is about right after its verb; a measure-like compound
("sårteam", "jordmortenesta", "ALIS-ordningen") names it wherever it stands. The phrase is kept verbatim
(it is evidence); its *key* — content words folded to bokmål and stemmed, sorted — is what makes
"følgjetenesta for gravide" in one letter and "følgjetenester for gravide" in another one measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer
from rapidfuzz import fuzz

from graph.datafile import read_yaml
from graph.extract.vocab import Matcher
from loaders import slugify

_DATA = read_yaml(Path(__file__).with_name("discovery.yaml"))
_LEAD_INS = [re.compile(p.replace("{ACTION}", _DATA["action_verbs"]).replace("{ADVERBS}", _DATA["adverbs"]),
                        re.IGNORECASE) for p in _DATA["object_lead_ins"]]
_BOUNDARY = re.compile(_DATA["boundary"], re.IGNORECASE)
_FUNCTION = set(_DATA["function_words"])
_GENERIC = set(_DATA["generic"])
_FOLD = sorted(_DATA["fold"].items(), key=lambda kv: -len(kv[0]))
_FOLD_ENDINGS = list(_DATA["fold_endings"].items())
_HEADS = "|".join(sorted(map(re.escape, _DATA["heads"]), key=len, reverse=True))
_W = r"[\wÆØÅæøå]"
# a compound ending in a measure-like head, with up to two modifiers before it ("ambulerande sårteam")
_COMPOUND = re.compile(
    rf"(?:(?<!{_W})(?:[a-zæøå]{{2,}}(?:ende|ande|ant|ante|isk|iske|ig|ige|al|alt|ale|ell|elt|elle|lig|lige|leg|lege|ert|erte|kt|kte)"
    rf"|felles|ny|nye|fast|faste|egne|eigne|eget|eige|lokal|lokale|regional|regionale|nasjonal|nasjonale|mobil|mobile|mobilt)"
    rf"\s+){{0,2}}"
    rf"(?<!{_W}){_W}*?(?:{_HEADS})(?:en|et|a|ene|ane|er|ar|ne|t|met|mer|mene)?(?!{_W})", re.IGNORECASE)
_QUOTED = re.compile(r"«([^«»]{3,80})»")
_MAX_WORDS = 10
SAME = 90  # rapidfuzz token_sort_ratio of two keys with one head that makes them one measure (in one document)
_ITEM_WORDS = 16  # a list item or a line this short names its measure
_INFINITIVE = re.compile(r"(?-i:[A-ZÆØÅ])[a-zæøå]{1,}e")  # an item opens with a verb: "Utvikle", "Øke", "Ta"
# a scope that does not make another measure: "ambulerende sårteam i alle kommuner", "… i heile fylket"
_SCOPE = re.compile(r"\s(i|på|ved|for|til|hos)\s+(alle|hele|heile|kvar|hver|samtlige|begge)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\s(som|der|slik)\s", re.IGNORECASE)  # the measure's core ends before a relative clause
_AUX = set(_DATA["auxiliaries"])
# a passive verb ends a measure's name ("utvides", "økes", "finansierast"); "felles" is no verb
_PASSIVE = re.compile(r"(?!felles\b)[a-zæøå]+[a-zæøår]es|[a-zæøå]{3,}ast", re.IGNORECASE)
_CLAUSE_VERB = re.compile(_DATA["clause_verbs"], re.IGNORECASE)
_MODAL = re.compile(r"\s(bør|må|skal|skulle|burde|kan|kunne)\s+(?:også\s+|òg\s+|derfor\s+|difor\s+|heller\s+|"
                    r"ikke\s+|ikkje\s+|likevel\s+|i\s+stedet\s+|i\s+staden\s+)*", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?:(?:" + _DATA["answer_labels"] + r"):\s+)+", re.IGNORECASE)  # "Kommentar: Det bør …"
# someone named as the doer of the object clause, and its verb: "Helse Førde og kommunane saman lagar ein …"
_DOER = re.compile(r"(?:[\wæøåÆØÅ-]+\s+){1,7}?(?!(?:etter|under|over|heller|tidligere|tidlegare|senere|seinare)\s)"
                   r"(?:(?-i:[a-zæøå]{2,}(?:er|ar))\s+(?=(?:en|ei|et|eit|ein|ny|nye|nytt|felles|flere|fleire)\s)"
                   r"|(?:får|gir|gjev)\s+)", re.IGNORECASE)  # what someone gets needs no article: "får økte rammer"
_POSSESSIVE = re.compile(r"(?-i:[A-ZÆØÅ])[\wæøåÆØÅ-]*(?:'|s'?)\s+([\wæøå]+)")  # "KS' forslag", "FFOs innspel"
_INNER_CAPITAL = re.compile(r"[a-zæøå][A-ZÆØÅ]")
_COPULA = re.compile(r"(bli|verte|vere|være)\s+", re.IGNORECASE)
_GETS = re.compile(r"(få|ha)\s+", re.IGNORECASE)
_DOER_VERB = re.compile(r"^(?:\s*(?:og|,)\s*[^\s,]+(?:\s+(?-i:[A-ZÆØÅ])\S*)*)*\s*\S+(?:\s+(?:ut|opp|inn|seg|til))?\s+",
                        re.IGNORECASE)  # the rest of the doers and their verb: "… og Helse Vest IKT prioriterer "
_SECOND_VERB = re.compile(r"(?:og|eller)\s+(?-i:[a-zæøå]{3,}(?:et|t|dd|a))\s+(?=\S)", re.IGNORECASE)
_NOT_PROPOSED = re.compile(r"^\S+\s+(er|var)\s|\b(ikke|ikkje)\b", re.IGNORECASE)
_ACTION = re.compile(r"\s*" + _DATA["action_verbs"] + r"\s+", re.IGNORECASE)
_CHANGED = re.compile(_DATA["changed"], re.IGNORECASE)
_PLACE = re.compile(r"\s+(?:i|til|på|ved|frå|fra)\s+(?-i:[A-ZÆØÅ])[\wæøå-]+"  # where to: "… samla i Førde"
                    r"(?:\s+(?:og|eller)\s+(?-i:[A-ZÆØÅ])[\wæøå-]+)?")
_CHANGE = re.compile(r"\s*(?:(?:kunne|kan|få)\s+)?" + _DATA["change_verbs"], re.IGNORECASE)  # "kunne legge ned …"
# a subject before the clause a stance is about ("meiner heradet at …", "mener det er viktig at …")
_INVERTED = re.compile(r"(?:(?!slik\b|for\b|og\b)[\wÆØÅæøå-]+\s+){1,4}?at\s+", re.IGNORECASE)
# what is to be made, when no one is named to make it ("at det utarbeides en mal …", "det blir oppretta …")
_EXISTENTIAL = re.compile(r"det\s+(?:(?:blir|vert)\s+[\wæøå]+|[\wæøå]+(?:es|ast))\s+", re.IGNORECASE)


@dataclass
class Found:
    phrase: str  # the measure's core, verbatim, as the statement says it ("ambulansestasjonen i Ulvik")
    key: str  # stems of its content words, sorted: the same measure in any inflection or form
    head: str  # the stem of its last content word
    wording: str = ""  # the whole object, verbatim ("ambulansestasjonen i Ulvik blir lagd ned og flytta")


@dataclass
class DiscoveredMeasure:
    id: str
    name: str
    key: str
    aliases: list[str] = field(default_factory=list)
    broader: str | None = None  # the vocabulary measure it qualifies ("hjemmesykehus" for "… i hele regionen")
    head: str = ""  # the stem of its head noun: near-identical keys with one head are one measure


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("norwegian")


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Nynorsk morphemes to bokmål inside a word ("følgjetenesta" → "følgetjenesta"); cached, as every word of
    every statement is folded for the full-text index and words repeat."""
    w = word.lower()
    for nn, nb in _FOLD:
        w = w.replace(nn, nb)
    for nn, nb in _FOLD_ENDINGS:
        if w.endswith(nn) and len(w) > len(nn) + 2:
            return w[:-len(nn)] + nb
    return w


_INFLECTIONS = ("", "et", "en", "a", "ene", "ane", "er", "ar")  # the stemmer cuts "senter" and "senteret" apart


@lru_cache(maxsize=1)
def _head_stems() -> frozenset[str]:
    return frozenset(stem(w + ending) for w in _DATA["heads"] for ending in _INFLECTIONS)


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in _GENERIC)


def function_words() -> set[str]:
    """Words of grammar in bokmål and nynorsk (discovery.yaml), never a topic."""
    return set(_FUNCTION)


def is_generic(word: str) -> bool:
    """A word that never names a measure by itself ("tiltak", "tilbudet", "samarbeid"), in any inflection."""
    return stem(word) in _generic_stems()


def starts_a_head(text: str) -> bool:
    """The text is the start of a measure-like head ("prog" of "program"): what makes a compound what it is."""
    return len(text) >= 4 and any(h.startswith(text.lower()) for h in _DATA["heads"])


def is_action(word: str) -> bool:
    """A verb of doing or its passive ("innføre", "innføres", "styrkes"): what is to happen, not what to."""
    return bool(_ACTION.fullmatch(word + " ") or _PASSIVE.fullmatch(word))


def fold_text(text: str) -> str:
    """The text in lower case with nynorsk forms folded to bokmål word by word, so one search finds both."""
    return re.sub(r"[\wÆØÅæøå]+", lambda m: fold(m[0]), text.lower())


def content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\wÆØÅæøå]+(?:-[\wÆØÅæøå]+)*", text) if w.lower() not in _FUNCTION
            and not w.isdigit()]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word folded to bokmål and stemmed (Snowball, Norwegian)."""
    return _stemmer().stemWord(fold(word))


def key_of(text: str) -> str:
    return " ".join(sorted({stem(w) for w in content_words(text)}))


def _trim(text: str) -> str:
    """The phrase without function words at its edges (kept inside: "følgjetenesta for gravide")."""
    words = text.split()
    while words and words[0].lower().strip("«»\"'") in _FUNCTION:
        words.pop(0)
    words = words[:_MAX_WORDS]
    # nor a word cut off from the one it shares its ending with ("psykisk helse-" of "helse- og rustjenesten")
    while words and (words[-1].lower().strip("«»\"'") in _FUNCTION or words[-1].endswith("-")):
        words.pop()
    return " ".join(words).strip("«»\"' ,;:")


def _specific(phrase: str) -> bool:
    """Generic words alone ("tiltaket", "samarbeid") never make a measure; one word must be a long compound."""
    words = [w.lower() for w in content_words(phrase)]
    if not words or all(is_generic(w) for w in words) or _PASSIVE.fullmatch(words[0]):
        return False  # generic words alone, or what is to happen to something unnamed ("utvides til …")
    core = {stem(w) for w in words} - _modifier_stems()
    if len(core) <= 1 and core <= _head_stems():
        return False  # a head alone, or with a word that only qualifies it: "løsninger", "ny ordning"
    if (owned := _POSSESSIVE.fullmatch(phrase.strip())) and is_generic(owned[1]):
        return False  # whose it is, of something generic: "KS' forslag", "Helsedirektoratets innspill"
    return len(words) >= 2 or len(words[0]) >= 10 or (len(words[0]) >= 7 and bool(_COMPOUND.fullmatch(words[0]))) \
        or phrase.isupper() or bool(_INNER_CAPITAL.search(phrase))  # a name: "HelseCERT"


_QUALIFIED = re.compile(r"\s+(for|med|om|innen|innan)\s", re.IGNORECASE)  # "program for …", "modell med …"


def _measure_compound(text: str, opening: bool = False) -> re.Match[str] | None:
    """The first measure-like compound of the text that names something; a head alone ("program", "felles modell")
    only when a phrase qualifies it ("et program for utvikling av ledere") and, with ``opening``, when it opens
    the text."""
    for c in _COMPOUND.finditer(text):
        if _specific(c.group(0)):
            return c
        if (not opening or not _trim(text[:c.start()])) and _QUALIFIED.match(text, c.end()) \
                and _specific(_trim(" ".join(_until_verb(text[c.start():].split())))):
            return c
    return None


def _until_verb(words: list[str]) -> list[str]:
    """The words before the first auxiliary or passive verb after the first word."""
    return next((words[:n] for n, w in enumerate(words) if n >= 1 and (w.lower() in _AUX or _PASSIVE.fullmatch(w))),
                words)


def _focus(span: str, stance_object: bool = False) -> str:
    """The measure inside an object span: from its measure-like compound when it has one ("departementet
    opprettar ei øyremerkt tilskotsordning for …" → "øyremerkt tilskotsordning for …"), up to the first
    auxiliary ("ambulansestasjonen i Ulvik blir lagd ned" → "ambulansestasjonen i Ulvik"). ``stance_object``: the span
    is what a stance is about ("… føreset at tiltaka blir kostnadsrekna …"), so a clause whose subject names
    nothing is about what is to be done; "ordninga bør …" refers back and names nothing itself."""
    existential = _EXISTENTIAL.match(span)
    span = span[existential.end():] if existential else span
    doer = _DOER.match(span)  # "Nordlandssykehuset og kommunene i Vesterålen utarbeider en felles plan for …"
    span = span[doer.end():] if doer else span
    modal = _MODAL.search(span)
    if modal and len(span[:modal.start()].split()) <= 7:
        subject, predicate = span[:modal.start()], span[modal.end():]
        if _REFERENCE.match(subject.strip()):  # "Modellen bør tas i bruk …": the measure named before, and
            # in a stance's object what is to be done to it ("… meiner slike team må finansierast som …")
            return _trim(span) if stance_object and len(content_words(predicate)) >= 2 else ""
        first = predicate.split()[0] if predicate.split() else ""
        copula = _COPULA.match(predicate)
        gets = _GETS.match(predicate)  # "kommunene må få et lovfestet ansvar"
        if copula and _specific(_trim(subject)) and _specific(_trim(predicate[copula.end():])):
            # "videokonsultasjon bør bli et standardtilbud i alle poliklinikker": what it is to become says which
            return _trim(span)
        if (_PASSIVE.fullmatch(first) or copula) and _specific(_trim(subject)):
            span = subject  # "jordmorbemanningen må styrkes": the subject is the measure
        elif (copula or gets) and _specific(_trim(predicate[(copula or gets).end():])):
            span = predicate[(copula or gets).end():]  # "det skal vere ein døgnbemanna ambulanse …"
        elif _PASSIVE.fullmatch(first) and _specific(_trim(predicate[len(first):])):
            span = predicate[len(first):]  # "det må settes en øvre grense for …"
        elif _specific(_trim(predicate)):
            span = predicate  # "staten bør dekke en større andel …": what is to be done
    clause = _CLAUSE_VERB.search(span)
    if clause and len(span[:clause.start()].split()) <= 4:  # "høyringsnotatet opnar for at delar av …"
        span = span[clause.end():]
        action = _ACTION.match(span)
        span = span[action.end():] if action else span
    action = _ACTION.match(span)  # "bygge ut hjemmesykehus i hele regionen": what is built, not the building
    span = span[action.end():] if action and _specific(_trim(span[action.end():])) else span
    compound = _measure_compound(span, opening=True)
    if compound and not _CHANGE.match(span):  # "svekke kravet om koordinerende enhet" keeps its verb
        span = span[compound.start():]
    words = span.split()
    cut = len(_until_verb(words))
    if stance_object and cut < len(words) and (change := _CHANGED.match(rest := " ".join(words[cut:]))) \
            and _specific(_trim(" ".join(words[:cut]))):
        # "døgnplassane blir samla i Førde": the change is the measure, not the beds (with where to, not how)
        place = _PLACE.match(rest, change.end())
        return _trim(" ".join(words[:cut]) + " " + rest[:(place or change).end()])
    if stance_object and cut < len(words) and not _specific(_trim(" ".join(words[:cut]))) \
            and (_PASSIVE.fullmatch(words[cut]) or words[cut].lower() in _TO_BE_DONE):
        # "tiltaka blir kostnadsrekna før …", "ansvaret fordeles etter …", "slike kurs blir en fast del av …":
        # what is to be done (to what was named before, when the subject refers back)
        return _trim(span)
    return _trim(" ".join(words[:cut]))


_REFERENCE = re.compile(_DATA["references"], re.IGNORECASE)
_TO_BE_DONE = ("blir", "vert", "skal")  # "at tiltaka blir kostnadsrekna …": what is to be done to it
_DEMONSTRATIVE = r"\b(?:denne|dette|disse|desse|slike|slik|slikt|en\s+slik|ei\s+slik|et\s+slikt|eit\s+slikt|" \
    r"(?:en\s+|ei\s+|et\s+|eit\s+|ein\s+)?tilsvarende|(?:en\s+|ei\s+|et\s+|eit\s+|ein\s+)?tilsvarande)"
_AFTER_DEMONSTRATIVE = re.compile(_DEMONSTRATIVE + r"\s+$", re.IGNORECASE)  # "… denne " right before a phrase
_HOLDS_DEMONSTRATIVE = re.compile(_DEMONSTRATIVE + r"\s+[\wæøå]", re.IGNORECASE)
_REFERRING = re.compile(_DEMONSTRATIVE + r"\s+([\wæøåÆØÅ-]+)", re.IGNORECASE)  # "en slik norm" → "norm"
_HISTORY = 12  # how many sentences back a reference may reach in its part
# a practice the sentence opens with, and how long it has existed: "Dokumentdeling via kjernejournal har siden 2022 …"
_SUBJECT_SINCE = re.compile(r"(?P<subject>[^,.;:]{3,80}?)\s+(?:har|hadde)\s+(?:siden|sidan|sia)\s+(?:19|20)\d\d\b")
_OBJECT_FIRST = re.compile(r"\s*(?:det|dette|denne|disse|desse)\s+", re.IGNORECASE)
_INVERTED_PRONOUN = re.compile(r"\b(?:vi|eg|jeg|dei|de|han|ho|hun)\b", re.IGNORECASE)  # "Det støtter vi …"
_GENERIC_OBJECT = ("", "")  # a stance whose object is generic ("ber om at tilbudet videreføres"): no measure


# the rest of an enumeration after its first comma: "døgnbehandling, dagkirurgi og fødestue", "Kristiansund,
# Molde og Volda" (up to three words an item)
_ENUMERATION = re.compile(r",\s*(?:[\wæøåÆØÅ-]+\s+){0,2}?[\wæøåÆØÅ-]+(?:,\s*(?:[\wæøåÆØÅ-]+\s+){0,2}?[\wæøåÆØÅ-]+)*"
                          r"\s+(?:og|eller)\s+(?:[\wæøåÆØÅ-]+\s+){0,2}?[\wæøåÆØÅ-]+(?=[\s,.;:!?)]|$)")


_VERB_AFTER_COMMA = re.compile(r"\s*(?:\w+\s+)?(?:skal|må|bør|kan|får|skulle|blir|vert)\s", re.IGNORECASE)


def _span_end(rest: str, described: bool = False) -> int:
    """Where the object that starts ``rest`` ends: at its boundary, or past an enumeration the comma opens;
    ``described``: also past what a comma and "med" add to it (its wording, not its name)."""
    def boundary_from(at: int) -> int:
        after = _BOUNDARY.search(rest, at)
        return after.start() if after else len(rest)

    end = _BOUNDARY.search(rest)
    if end is None:
        return len(rest)
    comma, first = end.group(0) == ",", rest[end.end():].split(maxsplit=1)
    if comma and first and first[0].lower() not in _FUNCTION and (more := _ENUMERATION.match(rest, end.start())):
        return boundary_from(more.end())
    if comma and _RELATIVE.search(rest[:end.start()]) and _VERB_AFTER_COMMA.match(rest, end.end()):
        return boundary_from(end.end())  # a relative clause closed by a comma: "alle som har X, skal ha …"
    if described and comma and first and first[0].lower() == "med":  # "…, med kombinerte stillingar og …"
        return boundary_from(end.end())
    return end.start()


@lru_cache(maxsize=4096)
def _leads(sentence: str) -> tuple[re.Match[str], ...]:
    """Every lead-in of the sentence, first first (read by the object and, for a generic one, by discover)."""
    return tuple(sorted((m for pattern in _LEAD_INS for m in pattern.finditer(sentence)), key=lambda m: m.start()))


def _object(sentence: str) -> tuple[str, str] | None:
    """The core of the measure the sentence's stance or action is about, and the whole object it stands in;
    ``_GENERIC_OBJECT`` when the stance names nothing specific (the sentence then names no measure at all)."""
    stance = False
    # the lead-in that comes first in the sentence: its main verb, not a noun further on ("behovet for …"); one
    # that another continues within a few words is read through it ("støtter forslaget om …", "ser positivt på
    # at høyringsnotatet opnar for at …")
    leads = _leads(sentence)
    for m in leads:
        stance = True
        if _OBJECT_FIRST.fullmatch(sentence[:m.start()]) and _INVERTED_PRONOUN.search(sentence[m.start():m.end() + 12]):
            return _GENERIC_OBJECT  # "Det støtter vi fullt ut.", "Dette er vi usamde i": what was said before
        rest = sentence[m.end():]
        span, described = rest[:_span_end(rest)], rest[:_span_end(rest, described=True)]
        if any(m.end() <= n.start() <= m.end() + len(span) and len(sentence[m.end():n.start()].split()) <= 4
               and not _CHANGE.match(sentence[m.end():n.start()]) for n in leads if n is not m):
            continue
        inverted = _INVERTED.match(span) or _SECOND_VERB.match(span)  # "… utviklet og implementert X"
        span = span[inverted.end():] if inverted else span
        described = described[inverted.end():] if inverted else described
        candidate = _focus(span, stance_object=True)
        if candidate and _specific(candidate):
            # the wording keeps a verb of doing: "lovfeste en rett til koordinator", not "rett til koordinator"
            wording = m.group(0) + described if _ACTION.fullmatch(m.group(0)) else described
            return candidate, " ".join(_trim(wording).split()[:_MAX_WORDS + 4])
    if stance:
        return _GENERIC_OBJECT
    if (since := _SUBJECT_SINCE.match(sentence)) and _specific(_trim(since["subject"])):
        rest = sentence[since.end():]  # "Mobil røntgen har sidan 2021 reist til sjukeheimane i Sogn …"
        wording = f"{since['subject']} {rest[:_span_end(rest)]}"
        return _trim(since["subject"]), " ".join(wording.split()[:_MAX_WORDS + 4])
    modal = _MODAL.search(sentence)
    if modal and len(sentence[:modal.start()].split()) <= 5:  # "Koordinatoren må ha avsatt tid …": a modal
        end = _BOUNDARY.search(sentence)
        span = sentence[: end.start()] if end else sentence
        subject = sentence[:modal.start()].rstrip()
        if subject.endswith(",") and _RELATIVE.search(subject):  # "Alle som får ein diagnose, bør få rett til …":
            rest = sentence[modal.end():]  # the people it is for, then what they should have
            span = rest[:_span_end(rest)]
        candidate = _focus(span)
        if candidate and _specific(candidate):
            return candidate, " ".join(_trim(span).split()[:_MAX_WORDS + 4])
    return None


def _item(sentence: str) -> tuple[str, str] | None:
    """A list item or a short line is its measure ("Utvikle gode AMLer", "Desentralisert dialyse etablert fire
    steder i Telemark", "Hjemmeoppfølging for kreftpasienter."): without the verb that opens it."""
    end = _BOUNDARY.search(sentence)
    span = sentence[: end.start()] if end else sentence
    words = span.split()
    if len(words) > 1 and _INFINITIVE.fullmatch(words[0]) and _specific(_trim(" ".join(words[1:]))):
        span = " ".join(words[1:])
    candidate = _focus(span)
    return (candidate, _trim(span)) if candidate and _specific(candidate) else None


def discover(sentence: str, item: bool = False) -> Found | None:
    """The measure a stance statement is about, when it names one the vocabulary does not know; ``item``
    says the statement is a list item or a short line, which names its measure even without a verb."""
    sentence = _LABEL.sub("", sentence)
    quoted = _QUOTED.search(sentence)
    wording = ""
    # a table row: its first cell with words names the measure ("1 | Samle all karkirurgi … | Støttar | …")
    cell = next((c for c in sentence.split("|") if content_words(c)), "") if "|" in sentence else ""
    if cell and len(cell.split()) <= 16 and _specific(cell):
        phrase: str | None = _trim(cell)
    elif quoted and _specific(quoted.group(1)):
        phrase = _trim(quoted.group(1))
        # its wording: the name with what the sentence says of it ("«Røykfri lærling», eit tilbod om gratis …")
        wording = " ".join(sentence[quoted.start():].strip(" .").split()[:_MAX_WORDS + 4])
    else:
        found = _object(sentence)
        if found is None and item and len(sentence.split()) <= _ITEM_WORDS:
            found = _item(sentence)
        if found == _GENERIC_OBJECT:  # the subject may name it ("Det felles introduksjonsprogrammet …, som …");
            # what follows a generic object is no measure ("er usamd i dette, fordi pengane … øyremerkte legevakt")
            sentence = sentence[:_leads(sentence)[0].start()]
        phrase, wording = found if found and found != _GENERIC_OBJECT else (None, "")
    if phrase is None and (compound := _measure_compound(sentence)):
        # the compound with the phrase that says which, if one does ("et program for utvikling av ledere",
        # "Samhandlingsprosjekt om barnefedme")
        qualified = _QUALIFIED.match(sentence, compound.end()) or not _specific(compound.group(0))
        phrase = _trim(_BOUNDARY.split(" ".join(_until_verb(sentence[compound.start():].split())))[0]) \
            if qualified else _trim(compound.group(0))
    return _found(phrase, wording) if phrase else None


_ITEM_SPLIT = re.compile(r",\s*|\s+(?:og|eller)\s+")


def _items(phrase: str) -> list[str]:
    """The items of an enumeration of three or more that each name something ("X, Y og Z"); none otherwise."""
    if not _ENUMERATION.search(phrase):
        return []
    items = [_trim(i) for i in _ITEM_SPLIT.split(phrase)]
    # each a measure of its own kind ("…tilbud", "…skole"), not conditions or abstractions ("kognitiv svikt")
    # ("hjemmetjenesten": the definite -n the compound pattern leaves out, lest a sector alone become a measure)
    return items if len(items) >= 3 and all(_specific(i) and _COMPOUND.search(re.sub(r"(?<=e)n\b", "", i))
                                            for i in items) else []


def _found(phrase: str, wording: str = "") -> Found | None:
    """The phrase with its key (of its core: before a relative clause or a scope) and the stem of its head."""
    words = content_words(phrase)
    if not words:
        return None
    compound = _COMPOUND.search(phrase)
    # the head is the noun's, not the change done to it ("døgnplassane blir samla i Førde")
    noun = content_words(" ".join(_until_verb(phrase.split()))) or words
    head = content_words(compound.group(0))[-1] if compound else noun[-1]
    core = phrase[:m.start()] if (m := _RELATIVE.search(phrase)) and _specific(phrase[:m.start()]) else phrase
    core = core[:m.start()] if (m := _SCOPE.search(core)) and _specific(core[:m.start()]) else core
    return Found(phrase, key_of(core), stem(head), wording)


def measure_id(key: str) -> str:
    return "m-" + slugify(key)[:80]


_VOCAB_KEYS: dict[int, dict[str, str]] = {}


def _vocabulary_keys(entries: dict) -> dict[str, str]:  # type: ignore[type-arg]
    """Key → vocabulary measure id, for every name and alias: a discovered phrase that is a vocabulary
    measure in other words ("kombinasjonsstillingar") resolves to it. Built once per vocabulary."""
    if id(entries) not in _VOCAB_KEYS:
        keys: dict[str, str] = {}
        for mid, entry in entries.items():
            for name in (entry.name, *entry.aliases):
                keys.setdefault(key_of(name), mid)
        _VOCAB_KEYS[id(entries)] = keys
    return _VOCAB_KEYS[id(entries)]


class MeasureFinder:
    """The measures of one document that the vocabulary does not name. Phrases with one key are one measure;
    within the document, a phrase close to an earlier one with the same head (rapidfuzz) joins it."""

    def __init__(self, vocabulary: Matcher, actors: Matcher | None = None) -> None:
        self.matcher = vocabulary
        self.actors = actors  # an organisation's name is never a measure ("har etablert på SiV")
        self.entries = vocabulary.entries
        self.vocabulary = _vocabulary_keys(vocabulary.entries)
        self.found: dict[str, DiscoveredMeasure] = {}
        self._heads: dict[str, list[str]] = {}  # head stem → ids
        self.recent: list[str] = []  # the measures the part named last: what "forslaget", "en slik ordning" mean
        self.history: list[tuple[str, list[str]]] = []  # the part's last sentences and the measures they name
        self._pending: tuple[str, list[str]] | None = None  # another body's proposal and the known measures it names

    def new_part(self) -> None:
        self.recent, self._pending, self.history = [], None, []

    def note(self, sentence: str, measures: list[str], reports_another: bool) -> None:
        """Remember what the sentence named, or the proposal of another body it reports ("Departementet
        foreslår å samle …"), for a later "Kommunen støtter forslaget" / "går imot en slik samling"."""
        self.history = [*self.history[-(_HISTORY - 1):], (sentence, list(measures))]
        if reports_another:  # even when it names a known measure: what is proposed for it says which one
            self._pending = (sentence, list(measures))
        elif measures:
            self._pending = None
        if measures:
            self.recent = list(measures)

    def referred(self, sentence: str, named: list[str] | None = None) -> list[str]:
        """The measures a stance refers back to ("støtter forslaget", "går imot en slik samling"). When the
        stance already has measures (``named``, its own or its predecessor's vocabulary ones), only the
        proposal just reported can add to them: "Departementet føreslår legevakt utan lege om natta. Senteret
        kan ikkje tilrå ei slik ordning." is about more than "legevakt"."""
        if not _REFERENCE.search(sentence):
            return []
        if named:
            return self._reported(named, recent_only=True)
        if (antecedent := self._antecedent(sentence)) is not None:
            return antecedent
        if self._pending is None and self.history and not self.history[-1][1] \
                and (mid := self.measure(self.history[-1][0], [])):
            self.recent = [mid]  # what the sentence before proposed: "Notatet drøfter om … Vi advarer mot dette."
            return [mid]
        return self._reported([]) if self._pending is not None else list(self.recent)

    def _reported(self, named: list[str], recent_only: bool = False) -> list[str]:
        """The measure of the proposal reported last (with the known ones it names), once: the stance that
        answers it consumes it. ``recent_only``: only if it was reported one or two sentences ago (a quoted
        question may stand between: "Kva meiner høyringsinstansen?")."""
        if self._pending is None or (recent_only and self._pending[0] not in [s for s, _ in self.history[-2:]]):
            return []
        (pending, known), self._pending = self._pending, None
        mid = self.measure(pending, known)
        found = [m for m in dict.fromkeys((*known, mid)) if m and m not in named]
        if found or not recent_only:
            self.recent = [*known, *([mid] if mid else [])]
        return found

    def _antecedent(self, sentence: str) -> list[str] | None:
        """What "en slik norm", "en slik lovfesting", "denne modellen" stand for: the last sentence before that
        says the noun or its verb ("… en nasjonal bemanningsnorm …", "… vil lovfeste at …"), and the measure it
        names. None when the noun says nothing of its own ("dette forslaget") or no sentence before says it."""
        noun = _REFERRING.search(sentence)
        if noun is None or is_generic(noun[1]) or noun[1].lower() in _FUNCTION:
            return None
        target = stem(noun[1])
        target = target[:-3] if target.endswith("ing") and len(target) > 6 else target  # lovfesting → lovfest
        for earlier, measures in reversed(self.history):
            stems = [stem(w) for w in content_words(earlier)]
            if any(s.endswith(target) or (len(target) >= 5 and s.startswith(target))
                   or (len(s) >= 6 and target.startswith(s)) for s in stems):  # "køyretid" … "køyretidsgrense"
                found = measures or [m for m in [self.measure(earlier, [])] if m]
                if found:
                    self.recent, self._pending = found, None
                return found or None
        return None

    def measures(self, sentence: str, named: list[str], item: bool = False) -> list[str]:
        """The measures the stance is about beyond the vocabulary measures it names (``named``): a discovered
        one, with the vocabulary measure it narrows when the sentence names that only in other words
        ("kombinerte stillingar blir eit fast tilbod …"); none when the phrase says no more than they do
        ("tilskuddet" beside the vocabulary's "tilskudd")."""
        hit = discover(sentence, item)
        mid = self._resolve(hit, sentence, named)
        broader = self.found[mid].broader if mid in self.found else None
        # "… meiner slike team må finansierast som …": also the measure the subject refers back to
        at = sentence.find(hit.phrase) if hit and mid else -1
        refers = at >= 0 and not named and bool(  # also "en utvidelse av denne ordningen til …"
            _REFERENCE.match(hit.phrase) or _AFTER_DEMONSTRATIVE.search(sentence[:at])
            or _HOLDS_DEMONSTRATIVE.search(hit.phrase))
        earlier = self.referred(sentence) if refers else []
        # an enumeration is about each of its items as well ("dagaktivitetstilbud på kveldstid, avlastning i helgene
        # og pårørendeskole"): who asks for "pårørendeskole" finds it
        items = [self._resolve(_found(item), sentence, named) for item in _items(hit.phrase)] if hit and mid else []
        return [m for m in dict.fromkeys((*earlier, broader, mid, *items)) if m and m not in named]

    def measure(self, sentence: str, named: list[str], item: bool = False) -> str | None:
        """The one measure the stance is about beyond ``named`` (see ``measures``)."""
        return self._resolve(discover(sentence, item), sentence, named)

    def _resolve(self, hit: Found | None, sentence: str, named: list[str]) -> str | None:
        if hit is None or not hit.key:
            return None
        at = sentence.lower().find(hit.phrase.lower())
        if len(hit.phrase.split()) <= 2 and at > 0 and _AFTER_DEMONSTRATIVE.search(sentence[:at]):
            return None  # "støtter at denne plikten lovfestes": the measure named before, not a new one
        actors = self.actors.find(hit.phrase) if self.actors else []
        if any(e - s >= len(hit.phrase) - 2 for _, s, e in actors):
            return None  # an organisation's name is never a measure
        if (doer := next((e for _, s, e in actors if s == 0), None)) is not None:
            # what an organisation it opens with is to do: "Helse Bergen greier ut ei tilsvarande ordning for …"
            rest = _DOER_VERB.sub("", hit.phrase[doer:], count=1)
            hit = _found(_focus(rest, stance_object=True), hit.wording) if rest else None
            if hit is None or not _specific(hit.phrase):
                return None
        key, known = hit.key, self.vocabulary.get(hit.key)
        said_otherwise = bool(known) and known not in named  # "kombinerte stillingar": the vocabulary's measure
        # one named measure, perhaps "felles" or "flere" of it (two together say more than either) …
        same = [mid for mid in named if set(key.split()) - self._keys_of(mid) <= _modifier_stems()]
        if known or same:
            # … unless what the core leaves out says which one: "kombinerte stillinger som praksisveileder og
            # klinisk sykepleier", "videokonsultasjon bør bli et standardtilbud i alle poliklinikker"
            base = self._keys_of(known or same[0]) | _modifier_stems()
            # "hjemmesykehus også bør utvikles for eldre med …" (not what it is or is not: "FACT ung er …")
            wordings = [hit.wording] if not _NOT_PROPOSED.search(hit.wording) else []
            for phrase in (hit.phrase, *wordings):
                key = key_of(" ".join(w for w in phrase.split() if w.lower() not in _AUX and not _PASSIVE.fullmatch(w)))
                if len(set(key.split()) - base) >= 2:
                    hit.phrase = phrase
                    break
            else:
                return known if said_otherwise else None
        first = self.matcher.find(hit.phrase)
        # "hjemmesykehus i hele regionen", "ordningen med LIS1-stillinger delt …": what comes before says nothing
        broader = first[0][0] if first and (len(hit.phrase[:first[0][1]].split()) <= 1 or all(
            w.lower() in _FUNCTION or is_generic(w) for w in hit.phrase[:first[0][1]].split())) else None
        broader = known if said_otherwise else broader
        mid = next((m for m in self._heads.get(hit.head, []) if fuzz.token_sort_ratio(self.found[m].key, key) >= SAME
                    and min(len(key.split()), len(self.found[m].key.split())) >= 2), measure_id(key))
        entry = self.found.setdefault(mid, DiscoveredMeasure(mid, hit.phrase, key, broader=broader, head=hit.head))
        for wording in (hit.phrase, hit.wording):
            if wording and wording not in entry.aliases:
                entry.aliases.append(wording)
        self._heads.setdefault(hit.head, [])
        if mid not in self._heads[hit.head]:
            self._heads[hit.head].append(mid)
        return mid

    def _keys_of(self, mid: str) -> set[str]:
        entry = self.entries.get(mid)
        names = [entry.name, *entry.aliases] if entry else [self.found[mid].key] if mid in self.found else []
        return {w for n in names for w in key_of(n).split()}


@lru_cache(maxsize=1)
def _modifier_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in _DATA["modifiers"])
