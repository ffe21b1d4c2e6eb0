"""From a loaded document to statements: sentence or bullet, kind, speaker, measures, groups, themes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from graph.extract.actors import HOSPITAL_NAME, SPEAKERS, ActorRef, ActorResolver
from graph.extract.curation import apply_measure_decisions
from graph.extract.discover import DiscoveredMeasure, MeasureFinder
from graph.extract.kinds import (
    attributes_to,
    before_remarks,
    contrast_split,
    exists_at_place,
    opens_target,
    own_commitment,
    points_back,
    refers_back,
    reporting_member,
    reports_another,
    stance_heading,
    statement_kind,
    tells_view,
)
from graph.extract.vocab import Vocabulary, load_vocabulary, theme_ids
from graph.relations import RELATION_OF_KIND
from loaders import Block, Document
from loaders.persons import is_person_name


@dataclass
class Statement:
    id: str
    text: str
    kind: str
    document_id: str
    page: int | None
    section: str
    start: int
    end: int
    speaker: str  # actor id
    measures: list[str]
    groups: list[str]
    themes: list[str]
    mentions: list[str]
    confidence: float
    prompt: str | None
    line: int
    extractor: str = "rules-v1"
    co_speakers: list[str] = field(default_factory=list)  # named with the speaker: "X og Y prøver ut …"
    # what a stance that points back takes its object from ("Departementet foreslår X. Vi er imot dette."): the
    # sentence before it, or its table row's first cell; the question's words are looked for there too
    context: str | None = None

    @property
    def speakers(self) -> list[str]:
        return [self.speaker, *self.co_speakers]


@dataclass
class Extraction:
    document: Document
    statements: list[Statement]
    actors: dict[str, ActorRef]
    authors: dict[int, str]  # part index -> actor id
    discovered: dict[str, DiscoveredMeasure] = field(default_factory=dict)  # measures the vocabulary lacks


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    return nlp


def warm_up() -> None:
    """Build the tokenizer and the vocabulary's matchers before worker processes are forked, so each worker
    starts with them instead of building its own."""
    _nlp()("Varm opp.")
    load_vocabulary()


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; a line break (between a table row's cells or items) always ends one, and
    abbreviations like "bl.a." and "f.eks." do not."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + a, offset + b) for a, b in _line_sentences(line))
        offset += len(line) + 1
    return spans


# "… 2020. Vi", "… 2G. Dette", and a preposition left at the end ("Dette er vi uenige i. Vi …"), which the
# Norwegian tokenizer reads as the abbreviation "i."
_AFTER_NUMBER = re.compile(r"(?:(?<=\d)[.)]|(?<=\d[A-ZÆØÅ])[.)]|(?<=\si)\.)\s+(?=[«\"(]?[A-ZÆØÅ])")


_SENTENCE_END = re.compile(r"[.!?。！？‼⁇⁈⁉]")


def _line_sentences(text: str) -> list[tuple[int, int]]:
    body = text.rstrip()
    if not _SENTENCE_END.search(body[:-1]) and not _AFTER_NUMBER.search(text):
        # nothing could end a sentence before the line's end (most headings, items, table cells): the whole
        # line, without running the tokenizer
        return [(0, len(text))] if body.strip() else []
    doc = _nlp()(text)
    spans: list[tuple[int, int]] = []
    for s in doc.sents:
        start, end = s.start_char, s.end_char
        if spans and re.search(r"\b(bl\.a|f\.eks|jf|jfr|ca|mht|evt|inkl|nr|dvs|mv|m\.m|ift|iht)\.$",
                               text[spans[-1][0]:spans[-1][1]], re.IGNORECASE):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    # a "sentence" that ends inside a title ("«Hva er innafor?» (Sykehuset Østfold HF): …") runs on
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (re.match(r"\s*[()»:a-zæøå]", text[start:end])
                       or re.search(r"[(«\"“]\s*$", text[merged[-1][0]:merged[-1][1]])):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    spans = merged
    # the Norwegian tokenizer reads "2020-2025." as an ordinal, "2G." and "i." as one token, so a sentence may
    # run on after them
    split: list[tuple[int, int]] = []
    for start, end in spans:
        for m in _AFTER_NUMBER.finditer(text, start, end):
            split.append((start, m.start() + 1))
            start = m.end()
        split.append((start, end))
    return [(a, b) for a, b in split if text[a:b].strip()]


_SPEAKERS = SPEAKERS
_MEMBERS = "|".join(map(re.escape, _SPEAKERS["constituents"]))
_OPINION = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in _SPEAKERS["opinion_verbs"])
_MEMBER_SPEAKS = re.compile(
    rf"(?:^|\b(?:og|men|så|derfor)\s+)(?P<m>{_MEMBERS})\b(?:\s+og\s+\w+)?\s+(?:{_OPINION})\b"
    rf"|\b(?:{_OPINION})\s+(?P<m2>{_MEMBERS})\b",
    re.IGNORECASE,
)
_PRONOUN_SPEAKS = re.compile(rf"^(?:{'|'.join(_SPEAKERS['pronouns'])})\s+(?:{_OPINION})\b", re.IGNORECASE)
_IMPLEMENTERS = set(_SPEAKERS["implementer_types"])
_TAG_END = re.compile(r"\(([^()]{3,80})\)\s*\.?\s*$")
_PAREN_TAG = re.compile(r"\(([^()]{3,60})\)\s*$")
_TAG_START = re.compile(r"^([^:]{3,60}):\s+\S")
_SUBJECT = re.compile(r"^(?:I\s+\w+\s+)?(.{2,60}?)\s+(har|er|driver|driv|viser|ønsker|ønskjer|foreslår|føreslår|"
                      r"gjer\s+framlegg|oppfordrer|oppmodar|anbefaler|tilrår|mener|meiner|vil|skriver|skriv)\b")
_PLAN_OF = re.compile(r"^(?:I\s+\w+\s+)?(.{2,60}?)\s+(?:vil|skriver|skriv)\b")


def inline_speaker(block_text: str, sentence: str, resolver: ActorResolver) -> str | None:
    """An attribution in the text itself: "Sykehuset Innlandet HF: …", "… (Sykehuset Østfold HF)" in a
    list item or short block, or an organisation that is the grammatical subject ("Vestre Viken HF har
    etablert …"). In long prose a trailing "(Narvik kommune)" explains a name; it attributes nothing."""
    tagged = len(block_text) <= 400
    for pattern, text in ((_TAG_START, block_text), (_TAG_END, block_text), (_SUBJECT, sentence)):
        if pattern is not _SUBJECT and not tagged:
            continue
        m = pattern.search(text)
        if not m:
            continue
        hits = [h for h in resolver.find_in(m.group(1)) if resolver.actors[h[0]].type != "person"]
        if not hits:
            continue  # people are named in rosters and signatures; they speak through their organisation
        if pattern is _SUBJECT and hits[0][1] == 0:
            return hits[0][0]
        if pattern is _TAG_END and len(m.group(1).rstrip()) - hits[-1][2] <= 3:
            return hits[-1][0]  # "(arena for samhandling …, Akershus universitetssykehus HF)"
        if pattern is _TAG_START and len(m.group(1)) - (hits[0][2] - hits[0][1]) <= 4:
            return hits[0][0]
        if pattern is _TAG_START and (inner := _PAREN_TAG.search(m.group(1))) and \
                resolver.find_in(inner.group(1)):
            return resolver.find_in(inner.group(1))[0][0]  # "«Hva er innafor?» (Sykehuset Østfold HF): …"
    return None


def reports_plan_of_another(sentence: str, resolver: ActorResolver, author: str | None) -> bool:
    """"Helse Vest vil at all bestilling …", "Helse Førde skriv òg at legevaktsentralen bør flyttast …" in another's
    letter: a named body's plan, told; no stance of the sender's, nor one that body took in the consultation. A bare
    definite name ("Helsefellesskapet vil …") is the collective the sender belongs to: its plan is theirs."""
    m = _PLAN_OF.match(sentence)
    if m and m.group(1).strip() in _SPEAKERS["definite_references"]:
        return False
    hits = [h for h in resolver.find_in(m.group(1)) if resolver.actors[h[0]].type != "person"] if m else []
    return bool(hits) and hits[0][1] == 0 and hits[0][0] != author


def _clauses(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A sentence, or its two clauses when it supports one thing and rejects another."""
    at = contrast_split(text[span[0]:span[1]])
    return [span] if at is None else [(span[0], span[0] + at), (span[0] + at, span[1])]


def _cells(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A `|` table row whose later cell is a sentence of its own ("2 | Videokonsultasjon som standard … | Støttar |
    Helse Fonna har sidan 2021 gjennomført …"): the row's measure and status, and that cell, which may tell of a
    practice or argue on its own."""
    bars = [span[0] + m.start() for m in re.finditer(r"\|", text[span[0]:span[1]])]
    if len(bars) < 2:
        return [span]
    edges = [span[0] - 1, *bars, span[1]]
    cells = [text[edges[n] + 1:edges[n + 1]].strip() for n in range(len(edges) - 1)]
    first = next((n for n, c in enumerate(cells) if len(c.split()) >= 4), len(cells))  # the row's measure
    said = next((n for n, c in enumerate(cells) if n > first and len(c.split()) >= 6 and c.endswith((".", "!"))), None)
    if said is None:
        return [span]
    cut = edges[said]
    return [(span[0], cut), (cut + 1, span[1])]


def _about_the_same(measures: list[str], previous: str | None, vocab: Vocabulary) -> bool:
    """Whether an opposition is about what the sentence before it describes (what it rejects is usually said
    there: "Departementet foreslår at … / RIO tar avstand fra tvangstesting"): it names no measure the vocabulary
    knows, or one that sentence names too (not "… støtter ikke at legevakten flyttes" after a stance on
    hjemmesykehus)."""
    own = {m for m in measures if m in vocab.measures.entries}
    return bool(previous) and (not own or bool(own & set(vocab.measures.ids(previous))))


def _statement_id(doc_id: str, start: int, text: str) -> str:
    return f"{doc_id}:{start}:" + hashlib.sha1(text.encode()).hexdigest()[:8]


def _short_name(ref: ActorRef, text: str) -> None:
    """The short name a discovered author gives itself in brackets after its name ("Norsk Forbund for
    Utviklingshemmede (NFU)"): what the text and the questions call it."""
    if not ref.discovered:
        return
    for m in re.finditer(rf"{re.escape(ref.name)}\s*\(([A-ZÆØÅ][A-ZÆØÅa-zæøå-]{{1,10}})\)", text):
        if m[1] not in ref.aliases:
            ref.aliases.append(m[1])


# "X er en landsdekkende interesseorganisasjon", "Vi er ein pasientorganisasjon": what comes after the article
_IS_A = re.compile(r"(?P<subject>[^.!?\n]{0,80}?)\s(?:er|e)\s+(?:en|ein|et|eit)\s+"
                   r"(?P<what>(?:[\w-]+\s+(?:og\s+)?){0,3}?[\w-]*(?:organisasjon|forening|foreining|forbund|stiftelse|stifting|selskap|senter|institutt)\w*)")


# the field of a consultation's web form that says what kind of sender it is ("Type instans: Pasient- og
# brukerorganisasjon", "Organisasjonstype: Privat ideell virksomhet (stiftelse)", "Kategori: Profesjonsforening")
_TYPE_FIELD = re.compile(r"^[ \t]*(?:type\s+(?:organisasjon|instans|høringsinstans|høyringsinstans)|organisasjonstype|"
                         r"kategori)[ \t]*:[ \t]*(?P<what>[^\n]+)", re.I | re.M)


def _self_described(ref: ActorRef, text: str, vocab: Vocabulary) -> None:
    """The type a discovered author whose name does not tell it gives itself ("Barn av rusmisbrukere (BAR) er en
    landsdekkende interesseorganisasjon", "Vi er ein pasientorganisasjon"), or its web form's field gives it: so
    that "which patient organisations …" finds it."""
    if not ref.discovered or ref.type != "other":
        return
    if field := _TYPE_FIELD.search(text):
        if typed := next((t for p, t in vocab.self_types if p.search(field["what"])), None):
            ref.type = typed
            return
    names = [ref.name, *ref.aliases]
    for m in _IS_A.finditer(text):
        subject = m["subject"].strip()
        if subject in ("Vi", "Me") or any(n in subject for n in names):
            typed = next((t for p, t in vocab.self_types if p.search(m["what"])), None)
            if typed:
                ref.type = typed
                return


def extract(doc: Document, vocab: Vocabulary | None = None) -> Extraction:
    vocab = vocab or load_vocabulary()
    resolver = ActorResolver(vocab, doc.text)
    authors = {p.index: resolver.resolve(p.author, "other") for p in doc.parts if p.author}
    for aid in set(authors.values()):
        _short_name(resolver.actors[aid], doc.text)
        _self_described(resolver.actors[aid], doc.text, vocab)
    out: list[Statement] = []
    finder = MeasureFinder(vocab.measures, vocab.actors)
    part_texts: dict[int, list[str]] = {}
    for block in doc.blocks:
        part_texts.setdefault(block.part, []).append(block.text)
    part = None
    before: str | None = None  # the last sentence of the block before
    for block in doc.blocks:
        if block.part != part:
            part, before = block.part, None
            finder.new_part()
            resolver.set_part("\n".join(part_texts[part]), authors.get(part))
        if block.kind not in ("paragraph", "bullet", "table_row") and not (
            block.kind == "heading" and (block.role in ("proposal", "example") or stance_heading(block.text))
        ):
            before = block.text.strip() if block.kind == "heading" else before
            continue  # a heading under "Hvilke tiltak …?" or "… gode eksempler?" names a measure itself
        found, before = _block_statements(doc, block, vocab, resolver, authors, finder, before)
        out.extend(found)
    return apply_measure_decisions(Extraction(doc, out, resolver.actors, authors, finder.found),
                                   vocab.measure_decisions, vocab.measures)


def member_speaker(sentence: str, author: str | None, previous: str | None,
                   resolver: ActorResolver) -> str | None:
    """A member of the author speaking for itself ("Fastlegene oppfordrer …"), or "De mener …" after one."""
    m = _MEMBER_SPEAKS.search(sentence)
    if m and author and resolver.actors[author].type in _SPEAKERS["collective_types"]:
        member = (m.group("m") or m.group("m2")).capitalize()
        author_name = resolver.actors[author].name
        aid = resolver.resolve(f"{member} i {author_name}", "other")
        resolver.actors[aid].aliases = [member]
        return aid
    if previous and _PRONOUN_SPEAKS.search(sentence):
        return previous
    return None


_APPENDED = re.compile(SPEAKERS["appended_statement"], re.IGNORECASE)
_PLACE_OF = re.compile(r"^(?P<place>.+?)\s+(?:kommune|herad)$")


def _appended_body(block: Block, author: str | None, resolver: ActorResolver) -> str | None:
    """The council whose statement, appended to its municipality's case, the block stands under (speakers.yaml)."""
    if not author or not block.section or not (m := _APPENDED.match(block.section[-1])):
        return None
    home = _PLACE_OF.match(resolver.actors[author].name)
    body = m["body"][0].upper() + m["body"][1:]
    if not home or resolver.actors[author].name.lower().startswith(body.lower()):
        return None
    return resolver.resolve(body if " i " in body else f"{body} i {home['place']}", "other")


_DEFINITE_SUBJECT = re.compile(r"(?-i:[A-ZÆØÅ])[a-zæøå]+(?:et|en|a|ane|ene|na)(?:\s+i\s+(?-i:[A-ZÆØÅ])\w+)?"
                               r"\s+(?:har|hadde|driv|driver|tilbyr|tilbyd)\b"
                               # the same after a fronted time or place: "Siden 2023 har ungdomsrådet selv holdt …"
                               r"|(?:Siden|Sidan|Sia|I|Fra|Frå)\s+(?:\S+\s+){1,3}?(?:har|hadde)\s+(?-i:[a-zæøå])[a-zæøå]+"
                               r"(?:et|en|a|ane|ene|na)\b")
_IMPLEMENTER_WITHIN = 80  # characters: the subject or a fronted place ("Ved intensivavdelingene i Helse Nord …")
_SELF = re.compile(r"\b(vi|vår|våre|vårt|oss)\b", re.IGNORECASE)


def _speaks_of_itself(sentence: str) -> bool:
    """"vi", "vår", "hos oss" outside parentheses: an aside "(som vi nå også har etablert)" does not make
    the author the one the example belongs to."""
    return bool(_SELF.search(re.sub(r"\([^()]*\)", " ", sentence)))


_AND = re.compile(r"\s*(?:\([^()]{1,60}\)\s*)?(?:,|\bog\b|\bsamt\b|&)\s*$")


def coordinated(sentence: str, hits: list[tuple[str, int, int]], speaker: str,
                resolver: ActorResolver) -> list[str]:
    """Organisations joined to the speaker where the sentence names it ("Bydel Grünerløkka og Lovisenberg
    Diakonale Sykehus (Nic Waals Institutt) prøver ut …"): they say or do it together."""
    at = next((n for n, h in enumerate(hits) if h[0] == speaker), None)
    if at is None:
        return []
    joined: list[str] = []
    for step in (1, -1):
        n = at
        while 0 <= n + step < len(hits):
            left, right = (hits[n], hits[n + step]) if step == 1 else (hits[n + step], hits[n])
            if not _AND.fullmatch(sentence[left[2]:right[1]]) or resolver.actors[hits[n + step][0]].type == "person":
                break
            n += step
            joined.append(hits[n][0])
    return [a for a in dict.fromkeys(joined) if a != speaker]


_THAT = re.compile(r"\bat\b", re.I)


def _asked_to_act(sentence: str, hits: list[tuple[str, int, int]], speaker: str) -> bool:
    """The speaker is named inside what a stance asks for ("Kommunestyret ber om at UNN og Senja kommune oppretter
    …"): those joined to it there are asked to act, they do not say it with it."""
    at = next((start for aid, start, _ in hits if aid == speaker), None)
    return at is not None and _THAT.search(sentence[:at]) is not None


def implementer(sentence: str, hits: list[tuple[str, int, int]], resolver: ActorResolver,
                author: str | None) -> str | None:
    """The organisation a reported example belongs to, when the sentence names one and the author does not
    speak of itself ("vi", "vår", "hos oss") and its subject is no bare definite noun ("Heradet har sidan 2018
    hatt … saman med Samnanger kommune", "Legevakta i Ålesund har …": the author's own, or one it names)."""
    if _speaks_of_itself(sentence) or (_DEFINITE_SUBJECT.match(sentence) and not (hits and hits[0][1] == 0)):
        return None
    for aid, start, end in hits:
        tag = sentence[end:].strip(" .") == ")" and re.search(r"\([^()]*$", sentence[:start])
        if start > _IMPLEMENTER_WITHIN and not tag:
            continue  # named late, it is an object or a reference ("rapporten … i Helse Sør-Øst"), not the doer,
            # unless it closes the sentence as its attribution ("…, Akershus universitetssykehus HF).")
        if _PARTNER.search(sentence[:start]):
            continue  # "… har drive eit FACT-team saman med Helse Fonna": the partner, the subject is the doer
        if _LOCATED.search(sentence[:start]):
            continue  # "… felles legevakt i lokala til Volda sjukehus": where it is, not who does it
        if aid == author:
            return None  # the author named first, as the subject: its own practice, wherever it runs it
            # ("Siden 2022 har Vestre Viken drevet hjemmesykehus ved Drammen sykehus og Bærum sykehus")
        if resolver.actors[aid].type in _IMPLEMENTERS:
            return aid
    return None


# the partners the doer works with: every organisation after "sammen med" in its clause
_PARTNER = re.compile(r"\b(?:sammen|saman|i\s+samarbeid)\s+med\b[^.;:]*$", re.IGNORECASE)
# a place named as an organisation: "lokalisert ved Nordfjord sjukehus", "i lokala til Volda sjukehus"
_LOCATED = re.compile(r"\b(?:lokalisert|lokalisera|plassert|plassera|ligg|ligger|samlokalisert|samlokalisera)\s+"
                      r"(?:ved|på|i)\s+$|\bi\s+(?:lokala|lokalene)\s+(?:til|ved|på)\s+$", re.IGNORECASE)
_REPORTER_WITHIN = 6  # words before the doer: its subject, after a fronted place or "Vi viser til at"


def reports_practice_of(doc: Document, sentence: str, hits: list[tuple[str, int, int]], doer: str,
                        author: str | None) -> bool:
    """A submission's sender that tells of another's practice ("Sandnes kommune har drevet … siden 2012")
    reports it as an example as well: the sender stands behind it as well as the doer. Not when the doer is
    named in passing late in the sentence, and not in a plan, which describes practice as background."""
    first = next((start for aid, start, _ in hits if aid == doer), None)
    return (author is not None and doc.kind == "submission" and first is not None
            and len(sentence[:first].split()) <= _REPORTER_WITHIN)


def _kind(text: str, role: str | None, positional: bool, measures: list[str], implementing: str | None,
          author_name: str | None = None) -> str:
    """The statement kind from the cue tables, with the sentence-level exceptions they cannot express."""
    kind = statement_kind(text, role, positional=positional)
    if kind == "other" and author_name and reports_another(text) and _names_itself(text, author_name):
        kind = statement_kind(text, role, positional=positional, own_report=True)
    if kind == "other" and measures and text.endswith(":") and len(text.split()) >= 8:
        # a full sentence that names the measure and then lists its features ("X prøver ut FACT Ung:")
        kind = statement_kind(text.rstrip(":"), role, positional=positional)
    if kind == "other" and (head := before_remarks(text)) and (
            _SELF_SUBJECT.match(head) or author_name and _names_itself(head, author_name)):
        kind = statement_kind(head, role, positional=positional)  # "Kommunen støtter forslaget om …, men har
        # følgende merknader:": its own stance, then the remarks it announces
    if kind == "other" and measures and implementing and exists_at_place(text):
        kind = "example"  # "Ved … i Helse Nord er det klinisk farmasøyt som …"
    if kind == "other" and own_commitment(text) and (_SELF_SUBJECT.match(text) or author_name
                                                      and _names_itself(text, author_name)):
        kind = "commitment"  # "Sykehuset Innlandet vil opprette to nye FACT ung-team …" in its own plan
    return kind


# the author as the subject, by a word any author may use of itself (a unit too: "Klinikken vil opprette …",
# "Divisjonen vil fra 2027 tilby …", in chapters and letters of four units)
_SELF_SUBJECT = re.compile(r"^\W*(?:vi|eg|jeg|foretaket|føretaket|sykehuset|sjukehuset|kommunen|heradet|forbundet|"
                           r"foreningen|foreininga|organisasjonen|rådet|senteret|direktoratet|fylkeskommunen|"
                           r"klinikken|divisjonen|instituttet|fakultetet)\s", re.IGNORECASE)


def _names_itself(sentence: str, author_name: str) -> bool:
    """The body a reported proposal opens with is the author itself ("Direktoratet anbefaler …" by
    Helsedirektoratet, "Departementet vil …" by Helse- og omsorgsdepartementet)."""
    if member := reporting_member(sentence):  # "Brukerutvalget i Helgelandssykehuset …" is not the hospital
        return author_name.lower().startswith(member.lower())
    if re.match(rf"\W*{re.escape(author_name)}\b", sentence, re.IGNORECASE):
        return True  # its whole name first, however short its words ("ALS Norge støtter …")
    own = [w for w in re.findall(r"\w+", author_name.lower()) if len(w) >= 6]
    opening = [w for w in re.findall(r"\w+", sentence.lower())[:4] if len(w) >= 6]
    if HOSPITAL_NAME.search(author_name) and any(_HOSPITAL_WORD.fullmatch(w) for w in opening):
        return True  # "Sykehuset foreslår …", "Foretaket vil …" in a health trust's own letter
    if _MUNICIPALITY.search(author_name) and any(_EXECUTIVE.fullmatch(w) for w in opening):
        return True  # "Kommunedirektøren anbefaler …" in the municipality's own case paper: its recommendation
    return any(a.endswith(w) or w.endswith(a) for a in own for w in opening)


_HOSPITAL_WORD = re.compile(r"sykehuset|sjukehuset|helseforetaket|helseføretaket|foretaket|føretaket")
_MUNICIPALITY = re.compile(r"\b(?:kommune|herad|fylkeskommune)$", re.IGNORECASE)
_EXECUTIVE = re.compile(r"(?:fylkes)?(?:kommunedirektøren|rådmannen|administrasjonen)")


_BARE_STANCE = 6  # words: "Dette er vi ikke enige i.", "Det er ikke veien å gå."
_SHORT_STANCE = 4  # words: a stance this short ("Vi er imot.", "Støttar ikkje.") takes its object from before


def _block_statements(doc: Document, block: Block, vocab: Vocabulary, resolver: ActorResolver,
                      authors: dict[int, str], finder: MeasureFinder,
                      before: str | None) -> tuple[list[Statement], str | None]:
    """The block's statements, and its last sentence (what a stance at the start of the next block points back
    to); ``before``: the last sentence of the block before."""
    found: list[Statement] = []
    sents = sentences(block.text)
    spans = [cell for span in sents for part in _clauses(block.text, span) for cell in _cells(block.text, part)]
    item = block.kind in ("bullet", "table_row")
    if item and len(spans) > 1 and len(block.text[slice(*spans[0])].split()) <= 2:
        spans[:2] = [(spans[0][0], spans[1][1])]  # a list item's title ("IMR.") belongs to what follows
    if block.kind == "table_row":  # a name alone on its line signs the cell above it ("Utført …\nOdd Petter")
        for n in range(len(spans) - 1, 0, -1):
            name = block.text[slice(*spans[n])].strip()
            if is_person_name(name):
                spans[n - 1:n + 1] = [(spans[n - 1][0], spans[n][1])]
    # list items, headings and one-sentence lines take their kind from the prompt they stand under; under
    # an examples prompt every sentence of a list item describes that item's example
    listed = item or block.kind == "heading" or (len(spans) == 1 and len(block.text) <= 160)
    member: str | None = None
    author = _appended_body(block, authors.get(block.part), resolver) or authors.get(block.part)
    target, previous_end = False, 0  # inside a target-state paragraph ("Ambisjonen er …") until a line break
    named: str | None = None  # the organisation an example paragraph is about, once it has named one
    previous_measures: list[str] = []  # what "Tilbudet …", "Modellen …" refer back to
    # a table row's cells (action, status, who is responsible) are about the row's task
    row_themes = theme_ids(block.prompt, vocab.themes) if block.kind == "table_row" and block.prompt else []
    for n, (a, b) in enumerate(spans):
        text = block.text[a:b].strip()
        a = block.text.index(text, a)
        same_line = "\n" not in block.text[previous_end:a]  # a table cell's paragraphs are separate lines
        target = opens_target(text) or (target and same_line)
        previous_end = b
        positional = listed and (n == 0 or (item and block.role == "example"))
        measures = vocab.measures.ids(text) or (previous_measures if refers_back(text) else [])
        previous_measures = measures
        hits = resolver.find_in(text)
        implementing = implementer(text, hits, resolver, author)
        kind = _kind(text, "target" if target else block.role, positional, measures, implementing,
                     resolver.actors[author].name if author else None)
        if kind in ("proposal", "commitment") and reports_plan_of_another(text, resolver, author):
            kind = "other"
        member = member_speaker(text, author, member, resolver)
        named = implementing or (named if same_line else None)
        speaker = member or inline_speaker(block.text, text, resolver)
        author_first = bool(hits) and hits[0][0] == author and hits[0][1] <= _IMPLEMENTER_WITHIN
        if speaker is None and kind == "example" and not _speaks_of_itself(text) \
                and not _DEFINITE_SUBJECT.match(text):  # "I løpet av 2024 har kommunen tatt i bruk …": its own
            # (and the author's, when it names itself as the doer: not the body the sentence before named)
            speaker = implementing or (None if author_first else named)
        speaker = speaker or author
        if speaker is None:
            continue
        if kind in ("proposal", "opposition") and speaker == author and tells_view(text) and not (
                _SELF_SUBJECT.match(text) or author and _names_itself(text, resolver.actors[author].name)):
            kind = "other"  # what another said to the sender, told, when the one who said it is no actor of ours
        co_speakers = [] if kind in ("proposal", "opposition") and _asked_to_act(text, hits, speaker) \
            else coordinated(text, hits, speaker, resolver)
        if kind == "example":  # a partner does it too ("… har sammen med Oslo kommune utviklet …"), and so does
            # the one another's practice is attributed to ("…, slik de har etablert ved Lovisenberg …")
            co_speakers += [aid for aid, start, _ in hits if aid not in (speaker, *co_speakers)
                            and resolver.actors[aid].type in _IMPLEMENTERS and (
                                _PARTNER.search(text[:start]) or speaker != author and attributes_to(text[:start]))]
        if kind == "example" and speaker != author:
            if reports_practice_of(doc, text, hits, speaker, author) and author not in co_speakers and member is None:
                co_speakers.append(author)
        mentions = [h[0] for h in hits if h[0] != speaker and h[0] not in co_speakers]
        if kind in RELATION_OF_KIND and not measures and points_back(text):
            # "Det rår vi ifrå." after "Utkastet legg opp til at fastlegane skal ha ansvaret for digital
            # heimeoppfølging …": the stance is on what the sentence before it names
            measures = vocab.measures.ids(block.text[slice(*spans[n - 1])] if n else before or "")
        if kind in RELATION_OF_KIND and (discovered := finder.measures(text, measures, listed)
                                          or finder.referred(text, measures)):  # "Kommunen støtter forslaget."
            measures = previous_measures = [*measures, *discovered]
        finder.note(text, measures, kind == "other" and reports_another(text))
        if kind not in RELATION_OF_KIND and not measures and speaker == author \
                and not [m for m in mentions if m != author]:
            continue  # a sentence is evidence when it takes a stance, names a measure or names someone (also as
            # its subject: "Helsefellesskapet vil følge opp arbeidet.")
        themes = list(dict.fromkeys(
            [t for m in measures if m in vocab.measures.entries for t in vocab.measures.entries[m].props["themes"]]
            + theme_ids(text, vocab.themes)
            + row_themes))
        if not themes and block.section:  # a sentence that names no theme is on its heading's ("8. Utdanning")
            themes = theme_ids(block.section[-1], vocab.themes)
        themes = themes or ["unclassified"]
        bare = kind in RELATION_OF_KIND and len(text.split()) <= _BARE_STANCE and points_back(text)
        if bare and n + 1 < len(spans) and "\n" not in block.text[b:spans[n + 1][0]]:
            # "Dette kan vi ikke anbefale. Ved stengte flyplasser …": a bare stance is quoted with the reason
            # after it, unless that takes a stance of its own
            reason = block.text[slice(*spans[n + 1])].strip()
            if statement_kind(reason, block.role, positional=False) not in RELATION_OF_KIND:
                text = block.text[a:block.text.index(reason, b) + len(reason)]
        if bare and n and "\n" not in block.text[spans[n - 1][1]:a]:
            # "Planen legg opp til at … innan 2029. Dette støttar vi.": and with what it points back to, unless that
            # takes a stance of its own (another's, told, it may: "Brukarrådet har bede om at … Det sluttar vi oss
            # til.")
            what = block.text[slice(*spans[n - 1])].strip()
            if statement_kind(what, block.role, positional=False) not in RELATION_OF_KIND or reports_another(what):
                end, a = a + len(text), block.text.index(what, spans[n - 1][0])
                text = block.text[a:end]
        start = block.start + a
        assert doc.text[start:start + len(text)] == text
        context = None
        previous = block.text[slice(*spans[n - 1])].strip() if n else before
        if kind in RELATION_OF_KIND and n and (block.kind == "table_row" or "|" in block.text):
            context = block.text[slice(*spans[0])].strip()  # a cell's object: its row's first cell
        elif kind in RELATION_OF_KIND and (points_back(text) or len(text.split()) <= _SHORT_STANCE
                                           or kind == "opposition" and _about_the_same(measures, previous, vocab)):
            context = previous
        groups = _groups(text, hits, vocab)
        if not groups and kind in RELATION_OF_KIND and block.section:
            # a stance that names no group is for its heading's, as its theme is ("Tilbodet til gravide": "Vi ber om
            # at følgjetenesta blir vidareført.")
            heading = block.section[-1]
            groups = _groups(heading, resolver.find_in(heading), vocab)
        found.append(Statement(
            id=_statement_id(doc.id, start, text), text=text, kind=kind, document_id=doc.id, page=block.page_at(a),
            section=" › ".join(block.section), start=start, end=start + len(text), speaker=speaker,
            measures=measures, groups=groups, themes=themes, mentions=list(dict.fromkeys(mentions)),
            confidence=0.9 if block.role else 0.7, prompt=block.prompt, line=block.line_at(a),
            co_speakers=co_speakers, context=context,
        ))
    return found, block.text[slice(*sents[-1])].strip() if sents else before


def _groups(text: str, actor_hits: list[tuple[str, int, int]], vocab: Vocabulary) -> list[str]:
    """The groups a sentence speaks of; not a group's word inside an organisation's name ("Legeforeningen",
    "Eldrerådet i Voss", "Jordmorforbundet" name who speaks, not doctors, the elderly or midwives)."""
    return list(dict.fromkeys(g for g, start, end in vocab.groups.find(text)
                              if not any(a <= start and end <= b for _, a, b in actor_hits)))
