"""Who wrote a part, and when: from sender lines, title lines, signatures and appendix lists.

The loader reports the name as the text gives it ("SiV", "Helsefellesskapet Agder"); mapping names to
canonical actors is the resolver's job.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from loaders.names import slugify
from loaders.patterns import CLOSING, PATTERNS
from loaders.persons import find_persons, is_person_name

# (a name may open in lower case before capitals, "proLAR"; "X- og Y" is one word, "Kvinne- og barneklinikken")
# (or a title's short form before a capitalised word: "Dr. Dropin AS")
_CAP = (r"(?:(?:Dr|St)\.(?=\s+[A-ZÆØÅ])|(?:[A-ZÆØÅ]|[a-zæøå]{1,4}(?=[A-ZÆØÅ]{2}))[\wÆØÅæøå&'-]*)"
        r"(?:(?<=-)\s+(?:og|eller)\s+[\wÆØÅæøå][\wÆØÅæøå-]*)?")
_LINK = "(?:" + "|".join(PATTERNS["org_words"]) + ")"
# (and what a "for" names in lower case: "Senter for omsorgsforskning", "Rådet for psykisk helse", "… for aldring
# og helse", "… for rus- og avhengighetsforskning")
_FOR = (r"for(?:\s+(?!(?:er|eit|et|en|ein|har|vil|skal|som|at|å|og|det|den|de|dei|seg|sitt|sin)\b)"
        r"[a-zæøå][\wæøå-]*){1,3}(?:\s+og\s+(?!(?:er|har|vil|skal|som|at|det|den|de|dei|seg)\b)[a-zæøå][\wæøå-]*)?")
_GENITIVE = rf"[a-zæøå][\wæøå]+s(?=\s+{_LINK}\b)"  # "Yngre legers forening"
# an adjective before such a word: "Norsk psykiatrisk forening", "NKS Olaviken alderspsykiatriske sykehus", "UiT Norges
# arktiske universitet", "Den norske legeforening"
_ADJECTIVE = rf"[a-zæøå][\wæøå-]*(?:sk|ske|ig|ige|lig|lige|leg|lege|ell|elle|ert|erte|ale)(?=\s+{_LINK}\b)"
# (each word whole, or before a genitive s: "for" is no start of "forening", "Helsefellesskapet Agders innspill"; a
# number before a name: "Apotek 1 Gruppen AS")
ORG = rf"{_CAP}(?:\s+(?:{_CAP}|{_FOR}|{_LINK}|{_GENITIVE}|{_ADJECTIVE}|\d{{1,2}}(?=\s+[A-ZÆØÅ]))(?=s\s|[^\wæøå]|$))*"
_NOT_ORG = {w.lower() for w in PATTERNS["not_organisations"]}
_SUFFIXES = tuple(PATTERNS["org_suffixes"])
_PREFIXES = tuple(PATTERNS["org_prefixes"])
_MONTHS = {m: i for i, m in enumerate(PATTERNS["months"], start=1)}


def _compile(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p.replace("{ORG}", ORG).replace("{RESPONSE}", PATTERNS["response_nouns"])) for p in patterns]


_STRONG = _compile(PATTERNS["sender_patterns"]["strong"])
_COUNCIL_DECISION = re.compile(PATTERNS["council_decision"], re.IGNORECASE)
_OPENING = _compile(PATTERNS["sender_patterns"]["opening"])
_PERSON_TITLE, _GENITIVE_TITLE, _ANONYMOUS_TITLE, _REFERENCE = _compile(
    [PATTERNS["sender_patterns"][k] for k in ("person_title", "genitive_title", "anonymous_title", "reference_line")])
_APPENDIX = re.compile(PATTERNS["appendix_list"], re.IGNORECASE)


def tidy_org(name: str) -> str | None:
    words = name.split()
    while words and words[-1].lower() in {"og", "i", "på", "for", "ved"}:
        words.pop()
    # ("Den norske legeforening", "Den norske kyrkja": "Den" starts a name only before "norske")
    if not words or words[0].lower() in _NOT_ORG and not (len(words) > 2 and words[1].lower() == "norske"):
        return None
    return " ".join(words)


def _first_match(patterns: list[re.Pattern[str]], text: str) -> str | None:
    for pattern in patterns:
        m = pattern.search(text)
        if m and (org := tidy_org(m.group("org"))):
            return org
    return None


def is_full_org_name(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 7 and (words[-1] in _SUFFIXES or words[0] in _PREFIXES)


_ADDRESS = re.compile(PATTERNS["address_line"], re.IGNORECASE)
_NAME_LINE = re.compile(r"[A-ZÆØÅ][\wÆØÅæøå'&.-]*(?:\s+[\wÆØÅæøå'&.()-]+)*")
_RECIPIENT = re.compile(PATTERNS["recipients"], re.IGNORECASE)  # a letter that opens with whom it is sent to
_MANAGEMENT = re.compile(PATTERNS["management_organ"], re.IGNORECASE)
_SENDER_LABEL = re.compile(PATTERNS["sender_label"], re.IGNORECASE)
_HEADER_TAIL = re.compile(PATTERNS["header_tail"], re.IGNORECASE)
_TITLE_WORD = re.compile(PATTERNS["title_word"], re.IGNORECASE)
_SIGNS_FOR = re.compile(r"^for\s+((?-i:[A-ZÆØÅ]).*?)\s*$", re.IGNORECASE)
_CARE_OF = re.compile(r"\s+c/o\s+", re.IGNORECASE)
_COUNCIL_FIELD = re.compile(r"(?i)^(?:utvalg|utval|organ)\s*:\s*")
_COUNCIL_WORD = re.compile(r"(?i)(?:råd|rådet|utval|utvalet|utvalg|utvalget)\b")  # a council's name ends so
_MINUTES = re.compile(r"(?i)møteprotokoll|saksprotokoll|møtebok|protokoll|særutskrift|utskrift\s+av\s+møtebok")
_LIST_ITEM = re.compile(r"\s*(?:\d+[.)]|[-•*–])\s")
_FIRST_PERSON = re.compile(r"\b(?:eg|jeg)\b", re.IGNORECASE)


def _head_name(line: str, text: str) -> str:
    """A letterhead line without what a running header adds to it ("KS Side 1 av 3", "X HF Høyringsinnspel – …");
    a name with what it is after a dash ("MiRA-senteret – Ressurssenter for …") is the name; of two names
    ("Sámediggi – Sametinget", "Bydel Gamle Oslo – Bydelsadministrasjonen") the one the text names more often."""
    line = _HEADER_TAIL.sub("", line)
    line = re.split(r"\s{3,}", line.strip())[0]  # the first field of a running header set out in columns
    # (and the mark between the name and the title: "NFASM · Høringssvar om …")
    line = re.sub(r"[\s–—|/·:]+$", "", line[:m.start()]) if (m := _TITLE_WORD.search(line)) and m.start() > 0 else line
    dash = re.search(r"\s+[–—|/·]\s+", line)
    if dash and re.fullmatch(ORG, head := line[:dash.start()]) and not _TITLE_WORD.search(head):
        tail = line[dash.end():]
        if head.endswith((" HF", " RHF", "kommune")) and _UNIT.fullmatch(tail):
            return tail  # "Helse Bergen HF / Divisjon psykisk helsevern": the unit that writes
        if not re.fullmatch(ORG, tail):
            # "Regionalt kunnskapssenter for barn og unge – psykisk helse og barnevern, Nord (RKBU Nord)": the short
            # name it ends with, when the text goes by it
            short = re.search(r"\(((?-i:[A-ZÆØÅ])[\wÆØÅæøå -]{1,15})\)$", tail)
            if short and len(_written(short[1]).findall(text)) > len(_written(head).findall(text)):
                return short[1]
            return head
        return max((tail, head), key=lambda n: len(_written(n).findall(text)))
    return line


def _first_line(lines: list[str]) -> str:
    return next((t.split("\n")[0].strip() for t in lines if t.strip()), "")


def _written(name: str) -> re.Pattern[str]:
    """The name as a word of its own in a text."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def _named_again(names: list[str], text: str) -> bool:
    return any(_written(n).search(text) for n in names)


def letterhead(lines: list[str]) -> str | None:
    """The name a letter or a web page opens with ("Kvam herad", "Funksjonshemmedes Fellesorganisasjon
    (FFO)"), when the text names the sender again (in its body or signature): an address block or a
    recipient is named once, and a letter may open with its recipient ("Helse- og omsorgsdepartementet")."""
    line = _first_line(lines)
    text = "\n".join(lines)
    # (whom it is kept by ends the name: "Ungdomsrådet i Helse Førde c/o Barne- og ungdomsklinikken")
    first = _head_name(_CARE_OF.split(line, maxsplit=1)[0], text)
    if _RECIPIENT.search(first):
        return None
    rest = text[len(line):]
    # its address follows it (a postbox, a postcode and place): a sender's letterhead, which the letter may not
    # name again ("Pensjonistforbundet / Postboks 500 Sentrum / 0104 Oslo" … "Forbundet mener …"), and whose
    # name may be lower case after its first word ("Statens helsetilsyn", "Pasient- og brukarombodet i Vestland")
    following = [ln.strip() for ln in rest.split("\n") if ln.strip()][:3]
    # (or the letter's recipient, or the kind of document, right below it: "… / Til Helse- og omsorgsdepartementet",
    # "Universitetssykehuset Nord-Norge HF / Høringsuttalelse")
    addressed = any(_ADDRESS.match(ln) for ln in following)
    introduced = bool(following) and (re.match(r"til\s", following[0], re.IGNORECASE) is not None
                                      or _TITLE_WORD.match(following[0]) is not None)
    m = re.fullmatch(rf"({ORG}(?:,\s+{ORG})*)(?:\s*\((?P<short>[A-ZÆØÅ][\wÆØÅæøå-]{{1,12}})\))?", first)
    # a unit its trust's letterhead names (with its short name or not: "NSFs faggruppe for … (SPoR)")
    unit = re.sub(r"\s*\((?-i:[A-ZÆØÅ])[\wÆØÅæøå-]{1,12}\)$", "", first)
    if _UNIT.fullmatch(unit) and _named_again([unit], rest):
        return unit
    if not m or len(first.split()) > 8 or not (org := tidy_org(m.group(1))):
        # (or a web page's breadcrumb: "Unge funksjonshemmede / Forsiden > Aktuelt > Nyheter" is its publisher)
        crumb = bool(following) and re.match(r"(?:forsiden|hjem|startside|du er her|home)\s*[>›/:]", following[0],
                                              re.IGNORECASE) is not None
        return first if (addressed or crumb) and _NAME_LINE.fullmatch(first) and len(first.split()) <= 8 else None
    head = org
    org = _as_written(org, rest)  # "HADSEL KOMMUNE" in the letterhead, "Hadsel kommune" in the text
    # a municipality's (or county's) minutes of one of its councils, either line first: "Larvik kommune /
    # MØTEPROTOKOLL / Rådet for personer med …", "Bjørnafjorden kommune / Eldrerådet / MØTEBOK"
    municipal = head.lower().endswith(("kommune", "herad"))
    pairs = (following[:2], following[1::-1]) if municipal and len(following) >= 2 else ()
    place = _in_lower_case(head) if head.isupper() else head
    for minutes, council in pairs:
        council = _COUNCIL_FIELD.sub("", council)  # (or a field of the minutes: "MØTEBOK / Utvalg: Ungdomsrådet")
        if _MINUTES.fullmatch(minutes) and re.fullmatch(ORG, council) and re.search(r"(?i)råd|utval", council):
            return _in_place(council, place)
    # (or its council's letter under its letterhead, without minutes: "STORD KOMMUNE / Eldrerådet / Til: …")
    council = _COUNCIL_FIELD.sub("", following[0]) if pairs else ""
    if re.fullmatch(ORG, council) and _COUNCIL_WORD.search(council) \
            and not re.search(r"\si\s+[A-ZÆØÅ]", council) \
            and _named_again([council, council.lower()], rest[rest.index(following[0]) + len(following[0]):]):
        return _in_place(council, place)
    # a municipality's letterhead over the unit that writes ("Oslo kommune / Bydel Gamle Oslo – …"): the unit, when
    # the letter names it again
    unit = _head_name(following[0], text) if following and not _ADDRESS.match(following[0]) else ""
    if (2 <= len(unit.split()) <= 9 and org.endswith(("kommune", " HF", " RHF")) and re.fullmatch(ORG, unit)
            or _UNIT.fullmatch(unit)) \
            and _named_again([unit], rest[rest.index(following[0]) + len(following[0]):]):
        return unit
    words = org.split()
    again = [org, *([m["short"]] if m["short"] else []), *([" ".join(words[:2]), words[0]] if len(words) > 2 else [])]
    return org if addressed or introduced or _named_again(again, rest) else None


def _head_lines(lines: list[str]) -> list[str]:
    """The first four lines of a letter, where its letterhead names the sender and the unit that writes."""
    return [ln.strip() for t in lines[:4] for ln in t.split("\n") if ln.strip()][:4]


def _in_place(unit: str, municipality: str) -> str:
    """A municipality's council or unit named "i" it, unless its name says so already ("Rådet for personar med
    funksjonsnedsetjing i Vestre Slidre kommune" under "VESTRE SLIDRE KOMMUNE")."""
    return unit if unit.lower().endswith(municipality.lower()) else f"{unit} i {municipality}"


def _in_lower_case(name: str) -> str:
    """A capitals name as a sentence writes it: "MØRE OG ROMSDAL FYLKESKOMMUNE" → "Møre og Romsdal fylkeskommune"."""
    return " ".join(w.lower() if w.lower() in ("og", "i", "herad") or w.lower().endswith("kommune")
                    else w.capitalize() for w in name.split())


def _as_written(org: str, text: str) -> str:
    """A name a title or letterhead writes in capitals, as the text writes it elsewhere ("HØRINGSSVAR FRA
    HARALDSPLASS DIAKONALE SYKEHUS" and "Haraldsplass Diakonale Sykehus er …"), or the longest start of it the text
    writes so."""
    if not org.isupper():
        return org
    words = org.split()
    # (a capitals title runs on: "BETANIEN HOSPITAL TIL UTKAST TIL …"; a one-word name of eight letters or more
    # is itself: "FOTTERAPEUTFORBUNDET", not an abbreviation like "KS")
    for n in range(len(words), 1 if len(words) > 1 or len(org) < 8 else 0, -1):
        name = " ".join(words[:n])
        if written := next((f for f in _not_in_capitals(name, text) if f[:1].isupper()), None):
            return written
    # (each of its words as the text writes it elsewhere, when it writes every one: "UTTALE FRÅ ELDRERÅDET I KINN"
    # with "Organ: Eldrerådet" and "eldre i Kinn" is "Eldrerådet i Kinn")
    forms = [_not_in_capitals(w, text) for w in words]
    if len(words) < 2 or not all(forms):
        return org
    first, *rest = (f[0] for f in forms)
    return " ".join([first[:1].upper() + first[1:], *rest])  # ("eldrerådet" in a sentence)


def _not_in_capitals(name: str, text: str) -> list[str]:
    """How the text writes the name (as a word of its own, any case) where it does not write it in capitals."""
    return [m[0] for m in re.finditer(_written(name).pattern, text, re.IGNORECASE) if not m[0].isupper()]


def author_from_lines(lines: list[str]) -> tuple[str | None, str | None]:
    """Try title lines anywhere, then a sender label, the letterhead, opening sentences, the signature block; a
    unit named by its kind alone is named with the body over it."""
    org, source = _author_from_lines(lines)
    if org and (unit := speaking_unit(org, lines) or signing_body(org, lines)):
        return unit, source
    return (_the_body(with_parent(org, lines)) if org else org), source


def _the_body(org: str) -> str:
    """A municipality's or county's elected body is the municipality or county: "Fylkestinget i Troms" → "Troms
    fylkeskommune", "Kommunestyret i Giske" → "Giske kommune"."""
    m = _POLITICAL_ORGAN.fullmatch(org)
    if not m:
        return org
    return f"{m['place']} {'fylkeskommune' if m['organ'].startswith('Fylkes') else 'kommune'}"


def _author_from_lines(lines: list[str]) -> tuple[str | None, str | None]:
    if name := anonymous_title(lines):
        return name, "title line"
    whole = "\n".join(lines)
    for text in lines:  # a title, or the sentence a news text opens a paragraph with ("X har levert sitt innspill …")
        if _LIST_ITEM.match(text):  # an item of a list ("Vedlegg: … 3. Uttalelse fra Eldrerådet") is no title
            continue
        if _COUNCIL_DECISION.match(text):
            break  # below the council's decision, a title heads a statement appended to the case, not the letter
        if org := _first_match(_STRONG, text[:200]):
            # a joint response: "Felles høyringsuttale frå Ulstein, Herøy og Sande kommunar"
            if joint := re.search(rf"(?<!\w){re.escape(org)}(?:,\s+{_CAP})*\s+og\s+{_CAP}\s+(?:kommuner|kommunar)\b",
                                  text[:200]):
                org = joint[0]
            # or names the municipalities alone, each a "… kommune" of the letter: "Felles høyringsuttale frå
            # Austrheim, Fedje og Masfjorden" under "Austrheim kommune · Fedje kommune · Masfjorden kommune"
            elif (joint := re.search(rf"(?<!\w){re.escape(org)}(?:,\s+{_CAP})*\s+og\s+{_CAP}\b", text[:200])) \
                    and all(re.search(rf"\b{re.escape(n)}\s+kommune\b", whole)
                            for n in re.split(r",\s+|\s+og\s+", joint[0])):
                org = f"{joint[0]} {'kommunar' if whole.count('kommunar') > whole.count('kommuner') else 'kommuner'}"
            # a name with a lower-case word the pattern stops at ("UiT Norges arktiske universitet"): the whole of
            # it, as the letterhead gives it and the title line writes it
            if (head := letterhead(lines)) and head.startswith(f"{org} ") and head in text:
                org = head
            # (or a line of the letterhead block: "Innspill fra Medisinsk klinikk til …" under "Oslo
            # universitetssykehus HF / Medisinsk klinikk")
            elif more := next((ln for ln in _head_lines(lines) if ln.startswith(f"{org} ") and ln in text
                               and len(ln.split()) <= 8 and _NAME_LINE.fullmatch(ln)), None):
                org = more
            # (or the sender label's, when it goes on from it: "Innspill fra Molde legevakt" under "Fra: Molde
            # legevakt og KAD <…>", which the title's capitals-only name stops short of)
            if (label := sender_label(lines)) and label.startswith(f"{org} "):
                org = label
            return of_municipality(_as_written(org, whole), lines), "title line"
    if org := genitive_title(lines):
        return of_municipality(org, lines), "title line"
    if org := sender_label(lines):
        return _as_headed(of_municipality(org, lines), lines), "sender label"
    if org := letterhead(lines):
        return _spelled_out(org, lines) or org, "letterhead"
    if org := council_field(lines):
        return org, "minutes"
    for text in lines[:40]:
        if (org := _first_match(_OPENING, text)) and not _a_persons_surname(org, lines):
            return of_municipality(org, lines), "sender line"
    for text in lines[:40]:  # an op-ed's byline: "Av Marte Solbakken Øyen, fagsjef for helse … i Tankesmien Agenda"
        if (m := _BYLINE.match(text)) and (org := tidy_org(m["org"])):
            return org, "byline"
    if org := signature(lines):
        return org, "signature"
    return (name, "title line") if (name := person_title(lines)) else (None, None)


def genitive_title(lines: list[str]) -> str | None:
    """A title that names its sender in the genitive ("NSDMs høringssvar til …"), when the text names it again as
    itself ("NSDM støtter …"): a name ending in "s" before the noun is no genitive of a shorter one."""
    whole = "\n".join(lines)
    for text in lines[:5]:
        if (m := _GENITIVE_TITLE.match(text.strip())) and (org := tidy_org(m["org"])) \
                and re.search(rf"(?<!\w){re.escape(org)}(?![\w'])", whole):
            return org
    return None


def anonymous_title(lines: list[str]) -> str | None:
    """A private person who gave no name, as the ministry's consultation pages print the response ("Høringssvar fra
    Person som ikke har oppgitt navn" over "Referanse: 330615"): the label, with the page's reference when it gives
    one, so that two such persons are two senders ("Person" alone is no one's name)."""
    for i, text in enumerate(lines[:3]):
        if title := _ANONYMOUS_TITLE.match(text.strip()):
            ref = next((m["ref"] for ln in lines[i + 1:i + 6] if (m := _REFERENCE.match(ln.strip()))), None)
            return f"{title['label']} (referanse {ref})" if ref else title["label"]
    return None


def person_title(lines: list[str]) -> str | None:
    """A private person's response as the ministry's consultation pages publish it, "Høringssvar fra Kari
    Nordmann" over its date: the person (the name as a name is written: "inger Marie Hjelle" is Inger)."""
    for text in lines[:3]:
        if (m := _PERSON_TITLE.match(text.strip())) is None:
            continue
        name = m["name"][:1].upper() + m["name"][1:]
        return name if is_person_name(name) else None
    return None


def _as_headed(org: str, lines: list[str]) -> str:
    """A sender label's name as the letter's first line gives it in full: "Frå: Kommunalt råd for personar med
    funksjonsnedsetjing" under "Kommunalt råd for personar med funksjonsnedsetjing i Sogndal"."""
    first = _first_line(lines)
    more = first[len(org):]
    return first if first.startswith(org) and re.fullmatch(r"(?:\s+i|,)\s+[A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå-]+){0,2}",
                                                            more) else org


def _a_persons_surname(name: str, lines: list[str]) -> bool:
    """'Bakken viser til at …' after 'Administrerende direktør Siri Aune Bakken': a person, not a body."""
    return " " not in name and any(p[2].endswith(f" {name}") for p in find_persons("\n".join(lines)))


def of_municipality(org: str, lines: list[str]) -> str:
    """A council a municipality's minutes name by its kind alone ("HALDEN KOMMUNE … Utvalg: Ungdomsrådet") is that
    municipality's ("Ungdomsrådet i Halden")."""
    head = _first_line(lines)
    m = re.fullmatch(r"(?i)(\w[\w-]*)\s+(?:kommune|herad)", head)
    if m and re.fullmatch(r"\w+(?:rådet|utvalget|utvalet)", org):
        place = next((w for w in re.findall(rf"(?i)\b{re.escape(m[1])}\b", "\n".join(lines)) if not w.isupper()), m[1])
        return f"{org} i {place}"
    return org


def council_field(lines: list[str]) -> str | None:
    """Minutes without a letterhead whose council field names the council with its place ("MØTEPROTOKOLL /
    Utval: Rådet for personar med funksjonsnedsetjing – Vestland fylkeskommune"): that council; a council by its
    kind alone ("Utvalg: Ungdomsrådet") needs the municipality's letterhead (``letterhead``)."""
    for text in lines[:12]:
        line = text.strip()
        if not _COUNCIL_FIELD.match(line):
            continue
        council, _, place = _COUNCIL_FIELD.sub("", line).strip().partition(" – ")
        council, place = council.strip(), place.strip()
        if not _COUNCIL_WORD.search(council) or not re.fullmatch(ORG, council):
            return None
        if place and re.fullmatch(r"[A-ZÆØÅ][\wæøå-]*(?:\s+(?:og\s+)?[A-ZÆØÅ][\wæøå-]*)*\s+(?:fylkes)?kommune|"
                                  r"[A-ZÆØÅ][\wæøå-]*\s+herad", place):
            return _in_place(council, place)
        return council if re.search(r"\si\s+[A-ZÆØÅ]", council) else None
    return None


def sender_label(lines: list[str]) -> str | None:
    """The sender a header label names: an e-mail's "Fra: Austevoll legesenter <post@…>", a form's
    "Høringsinstans: …" (not a person writing in their own name: the body is then found elsewhere). A ministry a
    form names beside another body is the one the consultation is sent to, not its sender."""
    named = []
    for text in lines[:12]:
        # (a memo's fields a PDF's layout ran into one line: "Til: X … Fra: Y … Dato: …")
        for line in _FIELD_START.split(text):
            m = _SENDER_LABEL.match(line.strip())
            if not m:
                continue
            # (without the signer's title after it: "Fra: Divisjon psykisk helsevern, divisjonsdirektør")
            # nor who in it writes, in brackets: "Fra: Ledergruppen ved Kongsvinger sykehus (stedlig ledelse)"
            name = re.sub(r",\s+(?!ved\b|v/)[a-zæøå][\wæøå -]*$|\s*\([a-zæøå][\wæøå -]*\)$", "",
                          _MANAGEMENT.sub("", m["name"].strip()))
            # a person on behalf of a body: "Fra: Kristin Aamodt Hval (Legevakten i Drammensregionen IKS)"
            if (on_behalf := re.fullmatch(r"(.+?)\s*\(([^()]{4,80})\)", name)) \
                    and is_person_name(on_behalf[1]):
                name = on_behalf[2].strip()
            # (a unit and its parent, each a name: "Fra: Medisinsk klinikk, Stavanger universitetssjukehus")
            if name and len(name.split()) <= 8 and all(_NAME_LINE.fullmatch(p) for p in name.split(", ", 1)) \
                    and [p[2] for p in find_persons(name)] != [name]:
                # (without the short name it adds: "Norsk Sykepleierforbund (NSF)" is "Norsk Sykepleierforbund")
                # a form's "Navn på virksomhet:" says who answers; its "Høringsinstans:" may be whom it is sent to
                named.append((not m["label"].lower().startswith(("navn", "namn")),
                              re.sub(r"\s*\([A-ZÆØÅ][\wÆØÅæøå-]{1,12}\)$", "", name)))
    names = [n for _, n in sorted(named, key=lambda x: x[0])]
    return next((n for n in names if not _RECEIVER.search(n)), names[0] if names else None)


_RECEIVER = re.compile(r"departementet\b", re.IGNORECASE)
_FIELD_START = re.compile(r"\n|\s+(?=(?:til|fra|frå|dato|sak|kopi|emne|sendt)\s*:)", re.IGNORECASE)


def _after_closing(lines: list[str]) -> tuple[list[str], int]:
    """The text's non-empty lines, and where the lines after its closing ("Med vennlig hilsen") start (their end if
    it has none)."""
    tail = [ln.strip() for t in lines for ln in t.split("\n") if ln.strip()]
    return tail, next((i + 1 for i, t in enumerate(tail) if CLOSING.match(t)), len(tail))


def signature(lines: list[str]) -> str | None:
    """The body that signs: "for X" in the closing lines or at the very end ("For Rådet for personar med …"); a
    full organisation name among the lines after the closing ("Med venleg helsing / … / Austevoll legesenter"); the
    body a signer's title names ("leiar, Sogndal Senterparti"); or, in a letter written in the first person
    singular, the person who signs it (a private person's submission)."""
    tail, start = _after_closing(lines)
    closing = tail[start:start + 6]
    for n, sig in enumerate([*closing, *tail[-6:]]):
        if (m := _SIGNS_FOR.match(sig)) and _NAME_LINE.fullmatch(m[1]) and len(m[1].split()) <= 10:
            return tidy_org(m[1])
        if n >= len(closing):
            continue
        m = re.match(rf"^({ORG})\s*$", sig)
        if m and (org := tidy_org(m.group(1))) and is_full_org_name(org):
            return org
        # a title and the body it holds it in, after the name or on a line of its own: "leiar, Sogndal Senterparti",
        # "leder, Helsesamarbeidet Gjøvik, Land og Toten"
        m = re.search(rf"(?:^|\s)[a-zæøå][\w/-]*(?:\s+[a-zæøå/][\w/-]*)*,\s+({ORG}(?:,\s+{ORG})*)\s*$", sig)
        if m and (org := tidy_org(m.group(1))) and len(org.split()) >= 2 and not find_persons(org):
            return org
    # each body above the one who signs for it ("Sáminuorra / Ingá Márjá Balto, leder / Noereh / …, leder"): a
    # joint letter's senders
    bodies = [org for i, sig in enumerate(closing[:-1])
              if _SIGNER.fullmatch(closing[i + 1]) and re.fullmatch(ORG, sig) and not _SIGNER.fullmatch(sig)
              and (org := tidy_org(sig)) and not find_persons(org)]
    if bodies:
        return " og ".join(bodies)
    # a private person writing in the first person ("Eg skriv som privatperson …"): the one who signs
    if start < len(tail) and len(_FIRST_PERSON.findall(" ".join(tail))) >= 2:
        return next((found[0][2] for sig in closing if (found := find_persons(sig)) and found[0][0] == 0), None)
    return None


def signing_body(org: str, lines: list[str]) -> str | None:
    """A committee or council that writes on its organisation's letterhead and signs as its body: "Vestre Viken HF /
    Postboks …" over "Med vennlig hilsen / Klinisk etikkomité (KEK) ved Vestre Viken HF"."""
    tail, start = _after_closing(lines)
    for sig in tail[start:start + 4]:
        m = re.fullmatch(rf"((?-i:[A-ZÆØÅ])[\wæøå-]*(?:\s+[\wæøå-]+){{0,5}})(?:\s+\([A-ZÆØÅ]{{2,8}}\))?"
                         rf"\s+(ved|i)\s+{re.escape(org)}", sig)
        if m and not find_persons(m[1]):
            return f"{m[1]} {m[2]} {org}"
    return None


_PARENT = re.compile(PATTERNS["unit_parent"])


def unit_and_parent(name: str) -> tuple[str, str] | None:
    """The unit and the body over it of a name ``with_parent`` gives (or a letter writes so: "Medisinsk klinikk,
    Stavanger universitetssjukehus"); None for other names with a comma ("Ulstein, Herøy og Sande kommunar")."""
    unit, _, parent = name.partition(", ")
    if not parent and (within := re.fullmatch(r"(.+?)\s+i\s+(\S.*\s(?:kommune|fylkeskommune|herad))", name)):
        unit, parent = within.groups()  # "Tannhelsetenesta i Troms fylkeskommune" (as ``with_parent`` names it)
    return (unit, parent) if parent and "," not in parent and _PARENT.fullmatch(parent) and _UNIT.fullmatch(unit) \
        else None


def with_parent(org: str, lines: list[str]) -> str:
    """A unit a letter names by its kind alone ("Klinikk for psykisk helse og rus", "Tannhelsetenesta") is named
    with the body its letterhead names over it, as other letters and analysts name it: "Klinikk for psykisk helse
    og rus, Sykehuset Telemark HF", "Helsestasjons- og skolehelsetjenesten i Arendal kommune" (a municipality's
    unit is "i" it). Every trust has a "Klinikk for psykisk helse og rus": alone, the name is many actors in one.
    A unit with a name of its own ("Bydel Gamle Oslo", "Kongsberg sykehus") stays as it is."""
    if "," in org or not _UNIT.fullmatch(org):
        return org
    text = "\n".join(lines)
    head = [ln.strip() for t in lines[:3] for ln in t.split("\n") if ln.strip()][:4]
    # (the line over it, or before it on its line: "Helse Bergen HF / Divisjon psykisk helsevern   Høyringsuttale …")
    # (or the line under it, when the letterhead names the unit first: "Akuttklinikken / Oslo universitetssykehus HF")
    at = next((i for i, ln in enumerate(head) if ln == org or ln.startswith(org)
               and re.match(r"\s+[/–—|·-]\s", ln[len(org):])), None)
    over = head[:at] if at else head[1:2] if at == 0 else \
        [re.sub(r"[\s/–—|·,]+$", "", ln[:ln.index(org)]) for ln in head if ln.find(org) > 0]
    for line in over:
        parent = _as_written(_head_name(line, text), text)
        parent = _in_lower_case(parent) if parent.isupper() and len(parent) > 5 else parent
        if _PARENT.fullmatch(parent) and _NAME_LINE.fullmatch(parent) and len(parent.split()) <= 6:
            return _in_place(org, parent) if parent.endswith(("kommune", "herad")) else f"{org}, {parent}"
    return org


_SELF_UNIT = PATTERNS["unit_self"]
_SPEAKS_AS = re.compile(rf"(?:^|(?<=[.!?]\s))({'|'.join(_SELF_UNIT)})\s+[a-zæøå]", re.MULTILINE)


def speaking_unit(org: str, lines: list[str]) -> str | None:
    """The unit that writes under its trust's or university's name: a chapter of a plan under the trust's running
    header ("Kapitlet er skrevet av Klinikk psykisk helsevern og rus"), a letter under "Institutt for helse og
    samfunn · Universitetet i Oslo". The text speaks as the unit ("Klinikken mener …" twice or more) and names it
    by the same words twice or more (the longest such name); it is named with the body over it."""
    if "," in org or _UNIT.fullmatch(org) or not _PARENT.fullmatch(org):
        return None
    text = "\n".join(lines)
    spoken = Counter(m[1] for m in _SPEAKS_AS.finditer(text))
    if not spoken or (top := spoken.most_common(1)[0])[1] < 2:
        return None
    kind = _SELF_UNIT[top[0]]
    names: Counter[str] = Counter()
    # (its kind first, the name going on in lower case: "Klinikk psykisk helsevern og rus"; or last: "Prehospital
    # klinikk") — every start of each mention, so that the words mentions share are counted together
    for m in re.finditer(rf"(?<![\wæøå])(?:{kind.capitalize()}((?:[ \t]+[a-zæøå][\wæøå-]*){{1,6}})"
                         rf"|[A-ZÆØÅ][\wæøå-]*[ \t]+{kind})(?![\wæøå])", text):
        words = m[0].split()
        names.update(" ".join(words[:n]) for n in range(2, len(words) + 1))
    found = [(n, len(name), name) for name, n in names.items() if n >= 2 and _UNIT.fullmatch(name)]
    if not found:
        return None
    unit = max(found)[2]
    return _in_place(unit, org) if org.endswith(("kommune", "herad")) else f"{unit}, {org}"


_POLITICAL_ORGAN = re.compile(PATTERNS["political_organ"])
# a unit named by its kind (patterns.yaml "unit")
_UNIT = re.compile(PATTERNS["unit"])
_BYLINE = re.compile(rf"^Av\s+(?-i:[A-ZÆØÅ])[^,\n]{{2,60}},\s+[a-zæøå][^.\n]*?\s(?:i|ved)\s+(?P<org>{ORG})\s*$")
_SIGNER = re.compile(r"(?-i:[A-ZÆØÅ])[\wæøåÆØÅáÁ'.-]+(?:\s+(?-i:[A-ZÆØÅ])[\wæøåÆØÅáÁ'.-]+){1,3},"
                     r"\s+[a-zæøå][\wæøå -]{2,40}")  # "Ingá Márjá Balto, leder": a name, then a lower-case title
_SUBJECT_NAME = (r"(?P<name>(?-i:[A-ZÆØÅ])[\wæøåÆØÅ.&'-]*(?:\s+(?:(?-i:[A-ZÆØÅ])[\wæøåÆØÅ.&'-]*|og|i|for|på|"
                 r"\d{1,2}|" + _LINK + r")){0,6}?)")
_STANCE_SUBJECT = re.compile(r"^\s*(?:[-•*–]\s*)?(?:\w+:\s+)?" + _SUBJECT_NAME + r"\s+(?:har\s+(?:også\s+|òg\s+)?)?"
                             + PATTERNS["stance_subject_verbs"], re.IGNORECASE)
_NOT_SENDER = {w.lower() for w in PATTERNS["not_sender_subjects"]}


def stance_subject(lines: list[str]) -> str | None:
    """The body that takes the text's stances in its own name ("MiRA-senteret støtter …", "Aleris mener …"): a
    letter whose layout names no sender names itself as the subject of what it supports and rejects. The name
    most often in that place; once is enough when the text names it again elsewhere. Not a word the sender
    calls itself by ("Kommunen", "Styret") nor a body a letter reports ("Departementet", "KS")."""
    counts: Counter[str] = Counter()
    text = "\n".join(lines)
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        m = _STANCE_SUBJECT.match(sentence)
        if m and (name := tidy_org(m["name"])) and name.lower() not in _NOT_SENDER \
                and name.split()[0].lower() not in _NOT_SENDER:
            counts[name] += 1
    for name, n in counts.most_common():
        if n >= 2 or len(re.findall(rf"(?<!\w){re.escape(name)}(?:s|\x27)?(?!\w)", text)) >= 2:  # (or "NSDMs …")
            return _spelled_out(name, lines) or name
    return opening_subject(lines)


# the subject of a letter's first sentence, lower-case words and all ("Utviklingssenter for sykehjem og
# hjemmetjenester i Vestfold er positiv til …"), taking a stance or saying what it is
_OPENING_SUBJECT = re.compile(r"^(?P<name>(?-i:[A-ZÆØÅ])[\wæøå-]*(?:\s+[\wæøåÆØÅ-]+){0,7}?)\s+"
                              r"(?:(?:har\s+(?:også\s+|òg\s+)?)?" + PATTERNS["stance_subject_verbs"] + "|"
                              + PATTERNS["self_description"] + ")", re.IGNORECASE)


def opening_subject(lines: list[str]) -> str | None:
    """A body that names itself once, as the subject of its letter's first sentence, and is "vi", "tilsynet" or
    "senteret" after it ("Fjelltilsynet er positiv til …", "Utviklingssenter for … i Vestfold er positiv til
    flere av forslagene …", "Pårørendealliansen er en paraplyorganisasjon …"): the name, when it is one word or holds
    a word of a body's name."""
    first = next((ln.strip() for ln in lines[:15] if ln.strip().endswith(".") and len(ln.split()) >= 8), None)
    m = _OPENING_SUBJECT.match(first) if first else None
    name = tidy_org(m["name"]) if m else None
    if not name or name.split()[0].lower() in _NOT_SENDER:
        return None
    words = name.split()
    return name if len(words) == 1 or any(len(w) > 3 and re.fullmatch(_LINK, w.lower()) for w in words) else None


_NOT_INITIAL = {"og", "i", "for", "av", "til", "på"}  # words an abbreviation leaves out ("Senter for …", "… og …")


def _spelled_out(abbreviation: str, lines: list[str]) -> str | None:
    """The name an abbreviation the text spells out once stands for: the name before "(NHN)" ("Norsk helsenett SF
    (NHN)"), else, for a name whose kind of body is no word the name patterns know, the words before the bracket
    whose initials spell it ("Norsk cardiologisk selskap (NCS)")."""
    if not abbreviation.isupper():
        return None
    full = next((m for line in lines for m in [re.search(rf"({ORG})\s*\(\s*{re.escape(abbreviation)}\s*\)", line)]
                 if m), None)
    if full:
        return tidy_org(full[1])
    if len(abbreviation) < 2:
        return None
    for line in lines:
        m = re.search(rf"([^\W\d][\w -]*?)\s*\(\s*{re.escape(abbreviation)}\s*\)", line)
        if not m:
            continue
        words = m[1].split()
        for start in range(len(words) - 1, -1, -1):
            initials = "".join(w[0] for w in words[start:] if w.lower() not in _NOT_INITIAL).upper()
            if initials == abbreviation and words[start][:1].isupper():
                return " ".join(words[start:])
    return None


def named_orgs(lines: list[str]) -> Counter[str]:
    """Full organisation names in the text, with how often each is named (genitive "-s" folded in)."""
    counts: Counter[str] = Counter()
    pattern = re.compile(rf"\b({ORG})")
    for text in lines:
        for m in pattern.finditer(text):
            org = tidy_org(m.group(1))
            if org and is_full_org_name(org):
                counts[org] += 1
            elif org and org.endswith("s") and is_full_org_name(org[:-1]):
                counts[org[:-1]] += 1  # genitive: "Sykehuset Østfolds"
    return counts


def org_in_file_name(lines: list[str], file_slug: str) -> str | None:
    """An organisation the text names and the file is named after ("sykehuset-ostfold_utviklingsplan…"):
    publishers name their files after themselves far more often than after anyone else."""
    hits = [(n, org) for org, n in named_orgs(lines).items() if slugify(org) in file_slug]
    return max(hits)[1] if hits else None


def most_named_org(lines: list[str]) -> str | None:
    """The most often named full organisation name: the last fallback for working papers without a sender."""
    common = named_orgs(lines).most_common(1)
    return common[0][0] if common and common[0][1] >= 2 else None


def appendix_list(lines: list[str]) -> dict[int, tuple[str, str | None]]:
    """"Vedlegg 1 - Ahus - 15-09-22" -> {1: ("Ahus", "2022-09-15")}."""
    out: dict[int, tuple[str, str | None]] = {}
    for text in lines:
        m = _APPENDIX.match(text)
        if m:
            out[int(m["n"])] = (m["name"].strip(), find_date(m["rest"] or "", anywhere=True))
    return out


def _iso(y: int, m: int, d: int | None = None) -> str | None:
    if y < 100:
        y += 2000
    try:
        return date(y, m, d).isoformat() if d else f"{y:04d}-{m:02d}"
    except ValueError:
        return None


def find_date(text: str, *, anywhere: bool = False) -> str | None:
    """A date standing alone on a line (a letter date), or anywhere when asked; as ISO text."""
    t = text.strip().lower().rstrip(".")
    t = re.sub(r"^(dato|date|oslo|tromsø|bergen|trondheim)\s*[:,]?\s*", "", t)
    pats = [
        (r"(\d{1,2})\.\s*(" + "|".join(_MONTHS) + r")\s+(\d{4})", lambda m: _iso(int(m[3]), _MONTHS[m[2]], int(m[1]))),
        (r"(\d{1,2})[.-](\d{1,2})[.-](\d{2,4})", lambda m: _iso(int(m[3]), int(m[2]), int(m[1]))),
        (r"(" + "|".join(_MONTHS) + r")\s+(\d{4})", lambda m: _iso(int(m[2]), _MONTHS[m[1]])),
    ]
    for pat, build in pats:
        m = re.search(pat, t) if anywhere else re.fullmatch(pat, t)
        if m:
            return build(m)
    return None
