"""Organisations a question names in its own words rather than by their names: "kommunene Lurøy, Rødøy og Træna" for
Lurøy, Rødøy og Træna kommuner, "Molde legevakt" for Molde legevakt og KAD, "sykepleiernes faggruppe for psykisk helse
og rus" for NSFs faggruppe for sykepleiere i psykisk helse og rus, "Ungdomsrådet ved OUS" for Ungdomsrådet ved Oslo
universitetssykehus. An analyst who asks what two bodies both want, or what one thinks, writes each as it comes to
mind; where such a question names one, its words are read against the organisations' names: the one whose name holds
most of those words, from the first on, names it."""

from __future__ import annotations

import re
from functools import lru_cache

from graph.ask.english_actors import question_words
from graph.extract.discover import fold_text
from graph.phrase import ACCENTS, english_stems, stem

Known = tuple[tuple[str, str, tuple[str, ...]], ...]
Hit = tuple[str, int, int]
Words = list[tuple[tuple[tuple[str, str], ...], int, int]]  # a description's words: their forms, start, end

_BOTH = re.compile(r"\b(?:både|båe|both)\s+", re.IGNORECASE)
_AND = re.compile(r",?\s+(?:og|and)\s+", re.IGNORECASE)
# words a name and a description of it may each have or lack
_FUNCTION = {"og", "i", "ved", "for", "av", "på", "til", "med", "frå", "fra", "den", "det", "de", "dei", "the", "of",
             "at", "in", "and", "hf", "rhf", "as", "iks", "sf"}
# words after which the question says what it asks of them ("… og Aurland om at kommunane …"): the description ends
_ENDS = {"om", "når", "imot", "mot", "gjelder", "gjeld", "about", "on", "when", "regarding", "against"}
_MISSES = 2  # words in a row that are not in the name end the description
_LEAST = 2  # words of the name the description must say
_SHARE = 0.5  # … and of all the words of the name
_SAID = 2 / 3  # of a view question's description of its organisation, the words its name must say
NAME_WORD = 5  # letters at least of one capitalised word that names an organisation by one word of its name
_PREFIX = 5  # letters at least of the shorter of two stems one starts the other with
_TRUST = re.compile(r"\sR?HF$")
_HEAD = 6  # … or ends it with, the head of a compound ("gruppe" of "faggruppe", "forening" of "kvinnesaksforening")


def described_pair(text: str, hits: list[Hit], known: Known, english: bool = False) -> list[Hit]:
    """The organisations of "både A og B" that ``hits`` (the names found) lack, named by a description; in an
    English question, by its words translated ("the joint user committee in Sogn og Fjordane" for Felles brukarutval
    i Sogn og Fjordane)."""
    both = _BOTH.search(text)
    if not both or len(hits) >= 2 or not known:
        return []
    taken = {h[0] for h in hits}
    hit = hits[0] if hits else None

    def described(start: int, end: int) -> tuple[Hit, tuple[tuple[str, str], ...]] | None:
        return _described(_words(text, start, end, known, english), known, taken, english)

    if hit and hit[1] > both.end():
        gap = _AND.search(text, both.end(), hit[1])
        if gap and gap.end() == hit[1]:  # B was found: A is what stands between "både" and the "og" before it
            first = described(both.end(), gap.start())
            return [first[0]] if first else []
        if gap:  # a name inside B's description ("ungdomsrådet i HMR"): the words around it are read
            hit = None
        # (else it is A, after words of its own: "kommunene Lurøy, Rødøy og Træna")
    found = None if hit else described(both.end(), len(text))
    first = found[0] if found else None
    if first:
        taken.add(first[0])
    # (B after the "og" that ends A, or, when A is not known, after the first "og")
    gap = _AND.match(text, (hit or first)[2]) if hit or first else _AND.search(text, both.end())
    second = described(gap.end(), len(text)) if gap else None
    return [h for h in (first, second and second[0]) if h]


# "Kva meiner etikkomiteen i Vestre Viken om …": what a question asks an organisation's view with, before its name
_VIEW = re.compile(r"^\s*(?:hva|kva)\s+(?:mener|meiner|sier|seier|foreslår|føreslår|ønsker|ønskjer|vil|synes|syns)\s+",
                   re.IGNORECASE)


# "What does NSF's section for nurses in geriatrics think about …": the description stands before the verb
_VIEW_EN = re.compile(r"^\s*what\s+(?:does|do|did)\s+(?:the\s+)?(.+?)\s+(?:think|say|want|propose|suggest|recommend"
                      r"|mean|feel|believe)\b", re.IGNORECASE)


def described_subject(text: str, hits: list[Hit], known: Known, english: bool = False) -> list[Hit]:
    """The organisation whose view a question asks ("Kva meiner etikkomiteen i Vestre Viken om …", "Hva sier
    Fagforbundet ved Nordlandssykehuset om …", "What does NSF's section for nurses in geriatrics think …"), named by
    a description that says more of its name than the names found there (Vestre Viken HF, Fagforbundet) say of
    theirs."""
    view = (_VIEW_EN if english else _VIEW).match(text)
    if not view or not known:
        return []
    words = _words(text, view.start(1), view.end(1), known, True) if english \
        else _words(text, view.end(), len(text), known)
    if len(words) == 1 and (one := _one_word_name(text, words[0], known, english)):  # "Hva mener Olaviken om"
        return [] if any(h[0] == one[0] for h in hits) else [one]
    # (where the question goes on to what it asks, "om …": all of the description is in view, most of which the
    # name must say; "klinikken for psykisk helsevern og rus i Finnmark" is not Helse Førde's clinic)
    if not (described := _described(words, known, set(), english)) or not english \
            and not re.match(rf"\W*(?:{'|'.join(_ENDS)})\b", text[words[-1][2]:], re.IGNORECASE):
        return []
    found, name = described
    if any(h[0] == found[0] or h[1] <= found[1] and found[2] <= h[2] for h in hits):
        return []
    says = [any(_same(w, n) for w in stems for n in name) for stems, _, _ in words]
    if english and any(text[start].isupper() and not ok for ok, (_, start, _) in zip(says, words, strict=True)):
        return []  # (a name the description says and the organisation's does not: "the prehospital division at
        # Sykehuset Østfold" is not Sykehuset Innlandet's)
    return [found] if sum(says) >= _SAID * len(words) else []


def _one_word_name(text: str, word: tuple[tuple[tuple[str, str], ...], int, int], known: Known,
                   english: bool = False) -> Hit | None:
    """An organisation whose view is asked by one capitalised word of its name, before what is asked ("Hva mener
    Olaviken om …", "What does Olaviken think of …" for NKS Olaviken alderspsykiatriske sykehus): the one
    organisation whose name has that word."""
    _, start, end = word
    written = text[start:end]
    if not written[:1].isupper() or len(written) < NAME_WORD \
            or not english and not re.match(rf"\W*(?:{'|'.join(_ENDS)})\b", text[end:], re.IGNORECASE):
        return None
    return (aid, start, end) if (aid := named_by_word(written, known)) else None


def named_by_word(word: str, known: Known, taken: frozenset[str] = frozenset()) -> str | None:
    """The one organisation (besides those ``taken``) whose name has the word; none when several have it (a place
    many names share)."""
    named = {aid for aid, name, _ in known if word.lower() in re.findall(r"[\wæøå-]+", name.lower())} - taken
    return named.pop() if len(named) == 1 else None


def _described(words: Words, known: Known, taken: set[str],
               english: bool = False) -> tuple[Hit, tuple[tuple[str, str], ...]] | None:
    """The one organisation whose name most of the description's words say, the first of them included (and the words
    of the name or alias that says them); none when two say as much. A translation says a compound in two words
    ("women's association" for Kvinnesaksforening): it is counted by the description's words it says."""
    if not words:
        return None
    scored = []
    index = _by_start(known)  # (only a name with a word like the description's first can be described by it)
    candidates = dict.fromkeys(c for w in words[0][0] for key in {w[0][:_KEY], w[1][:_KEY]} for c in index.get(key, ()))
    for aid, form in candidates:
        if aid in taken or any(s[1] == aid for s in scored):
            continue
        name = _name_words(form)
        if english and _TRUST.search(form):  # "the air ambulance trust": a trust is a helseforetak
            name = (*name, _word("foretak"))
        said, last = _said(words, name)
        saying = sum(1 for stems, _, end in words if end <= last and any(_same(w, n) for w in stems for n in said)) \
            if english else 0
        if max(len(said), saying) >= _LEAST and len(said) / len(name) >= _SHARE:
            scored.append(((len(said), len(said) / len(name)), aid, last, name))
    if not scored:
        return None
    scored.sort(key=lambda s: s[0], reverse=True)
    best = scored[0]
    if any(s[0] == best[0] and s[1] != best[1] for s in scored[1:]):
        return None
    return (best[1], words[0][1], best[2]), best[3]


def _words(text: str, start: int, end: int, known: Known, english: bool = False) -> Words:
    """The description's words from ``start``: each as its words (an abbreviation an organisation has, the words of
    that organisation's name; an English word, also its Norwegian translations), where it starts and ends."""
    short = _abbreviations(known)
    if english:
        out: Words = []
        qwords = question_words(text[start:end], {})
        i = 0
        while i < len(qwords):
            w = qwords[i]
            if w.word in _ENDS:
                break
            # two words the statements' glossary knows as one ("air ambulance": luftambulanse)
            pair = f"{w.word} {qwords[i + 1].word}" if i + 1 < len(qwords) else ""
            if pair and (joined := [t for t in english_stems(pair) if " " not in t]):
                out.append((tuple(_word(t) for t in joined), start + w.start, start + qwords[i + 1].end))
                i += 2
                continue
            if w.word not in _FUNCTION:
                forms = (_word(w.word), *(_word(t) for t in w.stems if " " not in t))
                out.append((tuple(dict.fromkeys(forms)), start + w.start, start + w.end))
            i += 1
        return out
    out = []
    for m in re.finditer(r"[^\W\d_]+", text[start:end]):
        word = m[0]
        if word.lower() in _ENDS:
            break
        if word.lower() in _FUNCTION:
            continue
        stems = short.get(word) if word.isupper() and len(word) >= 2 else None
        out.append((stems or (_word(word),), start + m.start(), start + m.end()))
    return out


def _said(words: Words, name: tuple[tuple[str, str], ...]) -> tuple[set[tuple[str, str]], int]:
    """The name's stems the description says, reading from its first word until two in a row are not in the
    name; and where the last word it says ends."""
    said: set[tuple[str, str]] = set()
    misses, last = 0, 0
    for stems, _, end in words:
        hit = {n for n in name for s in stems if _same(s, n)}
        if hit:
            said |= hit
            misses, last = 0, end
            continue
        if not said:
            break  # the description starts with a word of the name
        misses += 1
        if misses >= _MISSES:
            break
    return said, last


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[tuple[str, str], ...]:
    return tuple(dict.fromkeys(_word(w) for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in _FUNCTION))


_KEY = 4  # letters of a word an index of names' words is keyed by


@lru_cache(maxsize=8)
def _by_start(known: Known) -> dict[str, tuple[tuple[str, str], ...]]:
    """(actor id, name or alias) per first letters of a word of that name (as written and as stemmed)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for aid, name, aliases in known:
        for form in (name, *aliases):
            for word in _name_words(form):
                for key in {word[0][:_KEY], word[1][:_KEY]}:
                    out.setdefault(key, []).append((aid, form))
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@lru_cache(maxsize=8)
def _abbreviations(known: Known) -> dict[str, tuple[tuple[str, str], ...]]:
    """An organisation's abbreviation ("OUS", "UNN") → the words of its name."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for _, name, aliases in known:
        for alias in aliases:
            if alias.isupper() and alias.isalpha() and 2 <= len(alias) <= 6:
                out.setdefault(alias, _name_words(name))
    return out


def _word(word: str) -> tuple[str, str]:
    """A word folded (nynorsk to bokmål, no accents), and its stem; an abbreviation in the genitive as the
    abbreviation ("NSFs faggruppe" is said "NSF's section")."""
    folded = fold_text(re.sub(r"^([A-ZÆØÅ]{2,})s$", r"\1", word).lower()).translate(ACCENTS)
    return folded, stem(folded)


def _same(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """The same stem, or one word or stem starts the other ("sykepleier" of "sykepleierne", "klinikk" of
    "klinikken", "Finnmark" of "Finnmarkssykehuset")."""
    return a[1] == b[1] or any(len(short) >= _PREFIX and long_.startswith(short) or len(short) >= _HEAD
                               and long_.endswith(short)
                               for short, long_ in (sorted(pair, key=len) for pair in zip(a, b, strict=True)))
