"""Loaders on the real corpus, on PDFs the tests generate, and on every kind of bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders import LoadError, load_document
from loaders.model import Document

from .conftest import CORPUS
from .pdfs import make_pdf

HSO = CORPUS / "helse-sor-ost-rhf_innspill-nhsp_2022.txt"


def test_helse_sor_ost_file_has_six_letters_with_their_own_authors() -> None:
    doc = load_document(HSO)
    authors = [p.author for p in doc.parts]
    assert len(doc.parts) == 6
    assert authors[0] == "Helse Sør-Øst RHF"
    assert authors[1].startswith("Akershus universitetssykehus")
    assert authors[2] == "SiV"
    assert authors[3] == "Helsefellesskapet Agder"
    assert authors[4].startswith("Lovisenberg Diakonale Sykehus")
    assert authors[5].startswith("Oslo universitetssykehus")
    assert doc.parts[1].date == "2022-09-15"  # from the main letter's appendix list


@pytest.mark.parametrize("name, author, kind", [
    ("ringsaker-kommune_innspill-nhsp_2022.txt", "Ringsaker kommune", "submission"),
    ("helsefellesskapet-troms-og-ofoten_innspill_2022.txt", "Helsefellesskapet Troms og Ofoten", "submission"),
    ("nasjonal-helse-og-sykehusplan-2020-2023_kortversjon.txt", "Regjeringen", "plan"),
])
def test_single_letter_authors_and_kinds(name: str, author: str, kind: str) -> None:
    doc = load_document(CORPUS / name)
    assert [p.author for p in doc.parts] == [author]
    assert doc.kind == kind


def test_author_override() -> None:
    doc = load_document(CORPUS / "sykehuset-ostfold_utviklingsplan-delprosjekter.txt", author="Sykehuset Østfold HF")
    assert doc.author == "Sykehuset Østfold HF" and doc.parts[0].author_source == "--author"


def test_prompts_decide_block_roles() -> None:
    doc = load_document(CORPUS / "ringsaker-kommune_innspill-nhsp_2022.txt")
    bullets = [b for b in doc.blocks if b.kind == "bullet"]
    assert bullets and sum(b.role == "proposal" for b in bullets) >= 0.8 * len(bullets)
    first = next(b for b in bullets if b.text.startswith("Flere samhandlingsarenaer"))
    assert first.prompt == "Tiltak som kan være aktuelle:"
    assert "forvaltningsnivå. Dette er særlig viktig" in first.text  # wrapped across a blank line


@pytest.mark.parametrize("heading", ["Dette ber vi om", "Dette støtter vi", "Dette støttar vi"])
def test_a_heading_that_says_what_the_sender_asks_for_makes_its_bullets_proposals(tmp_path: Path, heading: str) -> None:
    """"Dette ber vi om" or "Dette støtter vi" as a heading of its own (no colon) heads the sender's list of wishes
    or of what it backs: its bullets without a stance word are proposals, as under "Vi ber om:"."""
    path = tmp_path / "innspill.txt"
    path.write_text("Innspill fra Fjellheim ungdomsråd\n\nUngdom i Fjellheim venter lenge på hjelp.\n\n"
                    f"{heading}\n\n• Et lavterskeltilbud på nett med chat og video.\n\n"
                    "• Kontrollene kan flyttes til helsestasjonen, men bare hvis den får en psykolog.\n", "utf-8")
    bullets = [b for b in load_document(path).blocks if b.kind == "bullet"]
    assert len(bullets) == 2 and all(b.role == "proposal" for b in bullets), bullets


def test_a_running_header_or_footer_of_a_text_without_pages_is_no_part_of_a_quote(tmp_path: Path) -> None:
    """A text saved from a letter repeats its header ("… Side 2 av 3") and footer ("A · B · C") where a page ended;
    the sentence after them stands alone, and the first line, the letterhead, still names the sender."""
    header = "Fjellheim kommune          Høringsuttalelse – utviklingsplan 2030          Side {} av 3"
    footer = "Fjellheim kommune · Helse og omsorg · Postboks 1, 9999 Fjellheim"
    path = tmp_path / "innspill.txt"
    path.write_text(f"{header.format(1)}\n\nKommunen ber om et ambulant team for eldre.\n\n{footer}\n\n"
                    f"{header.format(2)}\n\nSiden 2024 har kommunen delt en jordmorstilling med sykehuset.\n\n"
                    f"{footer}\n\n{header.format(3)}\n\nVi ber om flere LIS1-stillinger.\n", "utf-8")
    doc = load_document(path)
    texts = [b.text for b in doc.blocks]
    assert "Siden 2024 har kommunen delt en jordmorstilling med sykehuset." in texts, texts
    assert not [t for t in texts[1:] if "Side 2" in t or "Postboks" in t], texts
    assert "Fjellheim kommune" in texts[0]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:30])
def test_cleaning_leaves_no_furniture_and_joins_hyphenated_words(path: Path) -> None:
    doc = load_document(path)
    lines = doc.text.split("\n\n")
    assert not [t for t in lines if re.fullmatch(r"(?i)side \d+( av \d+)?|journalført i public 360°?|\d{1,3}", t)]
    assert "mailto:" not in doc.text and "\t" not in doc.text and "\uf0b7" not in doc.text
    # line-end hyphen breaks of ordinary words ("pasien-" + "tens") are gone after cleaning
    source = path.read_text("utf-8")
    breaks = re.findall(r"([a-zæøå]{2,})-[ \t]*\n\s*([a-zæøå]{2,})", source)
    words = [a + b for a, b in breaks if b not in ("og", "eller", "til", "samt")]
    missing = [w for w in words if w not in doc.text]
    assert len(missing) <= max(2, len(words) // 20), missing[:10]
    for b in doc.blocks:  # spans point into the cleaned text
        assert doc.text[b.start:b.end] == b.text


def test_national_plan_words_are_rejoined() -> None:
    doc = load_document(CORPUS / "nasjonal-helse-og-sykehusplan-2020-2023_kortversjon.txt")
    assert "pasientens helsetjeneste" in doc.text
    assert "helse- og omsorgstjenesten" in doc.text  # a real suspended hyphen stays


def test_text_page_markers_give_pages_only_where_known() -> None:
    doc = load_document(HSO)
    first = doc.blocks[0]
    assert first.page == 1
    assert any("page markers cover only part" in w for w in doc.warnings)


def _page_of(doc: Document, sentence: str) -> int | None:
    """The page a quote of ``sentence`` would get: its block's page at the sentence's first character."""
    block = next(b for b in doc.blocks if sentence in b.text)
    return block.page_at(block.text.index(sentence))


_VIK = "Vik kommune          Høyringsuttale – Nasjonal helse- og samhandlingsplan          Side {} av 3"
_NSF = "Fjellheim sykepleierforbund · Høringsuttalelse · side {}"
_PAGED_TEXTS = {
    # a nynorsk letter with a running header: "Side 2 av 3" opens page 2
    "header": (f"{_VIK.format(1)}\n\nTil Helse- og omsorgsdepartementet\n\n"
               "Vik kommune meiner at små kommunar treng fleire legar i legevakta.\n\n"
               f"{_VIK.format(2)}\n\nKommunen ber om at ambulansebåten får fast base i Vik.\n\n"
               f"{_VIK.format(3)}\n\nMe støttar ei felles jordmorteneste for fjordkommunane.\n\n"
               "Med helsing\n\nKari Nordmann\nordførar\n",
               {"små kommunar treng": 1, "ambulansebåten får": 2, "felles jordmorteneste": 3, "Kari Nordmann": 3}),
    # a bokmål letter with a running footer: "side 2" closes page 2
    "footer": ("Fjellheim sykepleierforbund\nHøringsuttalelse til utviklingsplanen\n\n"
               "Vi mener at sykehuset må ansette flere spesialsykepleiere.\n\n"
               f"{_NSF.format(1)}\n\nForbundet ber om bedre bemanning på nattevaktene.\n\n"
               "Vi støtter at det opprettes et felles vikarbyrå.\n\n"
               f"{_NSF.format(2)}\n\nMed vennlig hilsen\n\nOla Hansen\nleder\n\n{_NSF.format(3)}\n",
               {"flere spesialsykepleiere": 1, "bedre bemanning": 2, "felles vikarbyrå": 2, "Ola Hansen": 3}),
    # both: a header names the page it opens and a footer the page it closes
    "header and footer": (f"{_VIK.format(1)}\n\nTil Helse- og omsorgsdepartementet\n\nHøyringsuttale frå Vik "
                          "kommune\n\nVik kommune meiner at legevakta må vere open heile døgnet.\n\n"
                          f"{_NSF.format(1)}\n\n{_VIK.format(2)}\n\nKommunen ønskjer eit ambulant team for eldre.\n\n"
                          f"{_NSF.format(2)}\n",
                          {"legevakta må vere open": 1, "ambulant team": 2}),
}


@pytest.mark.parametrize("name", _PAGED_TEXTS)
def test_a_text_without_pages_takes_its_pages_from_a_running_header_or_footer(tmp_path: Path, name: str) -> None:
    """A letter saved as text keeps the page number only in its running header or footer ("… Side 2 av 3"): a
    header opens its page and a footer closes it, and every sentence gets the page it was printed on."""
    text, pages = _PAGED_TEXTS[name]
    path = tmp_path / "innspill.txt"
    path.write_text(text, "utf-8")
    doc = load_document(path)
    assert {s: _page_of(doc, s) for s in pages} == pages
    assert not [b.text for b in doc.blocks if "Side 2" in b.text or "side 2" in b.text]  # still blanked
    assert not any("page" in w for w in doc.warnings), doc.warnings


_UNTOLD_TEXTS = {
    # the marker comes only once: a sentence may end so, and the page of what follows is not told
    "once": (f"{_VIK.format(1)}\n\nVik kommune meiner at legevakta må styrkjast.\n\n"
             "Kommunen ber om at ambulansebåten får fast base i Vik.\n\nMe støttar ei felles jordmorteneste.\n"),
    # header or footer cannot be told: the first marker is not at the top, the last not at the end
    "neither top nor end": ("Vik kommune\nHøyringsuttale\n\nTil departementet\n\nKommunen meiner at legevakta må "
                            f"styrkjast.\n\n{_VIK.format(2)}\n\nKommunen ber om ein ambulansebåt.\n\n"
                            f"{_VIK.format(3)}\n\nMe støttar ei felles jordmorteneste.\n"),
    # the numbers do not run on page by page
    "a page missing": (f"{_VIK.format(1)}\n\nKommunen meiner at legevakta må styrkjast.\n\n{_VIK.format(3)}\n\n"
                       "Kommunen ber om ein ambulansebåt.\n"),
}


@pytest.mark.parametrize("name", _UNTOLD_TEXTS)
def test_a_running_page_marker_that_does_not_tell_the_page_gives_none(tmp_path: Path, name: str) -> None:
    """A wrong page is worse than none: a marker that does not come back, a series that may be a header as well
    as a footer, or numbers that skip a page leave every page unknown."""
    path = tmp_path / "innspill.txt"
    path.write_text(_UNTOLD_TEXTS[name], "utf-8")
    doc = load_document(path)
    assert [b.page for b in doc.blocks if b.page is not None or b.page_breaks] == []


_MARKED_TEXTS = {
    # nynorsk, a page marker line "Side N av 3" as a footer: it closes page N, so what follows is page N + 1
    "whole-line footer": ("Fjord kommune\nHøyringsuttale til utviklingsplanen\n\n"
                          "Fjord kommune meiner at legevakta må vere open heile døgnet.\n\nSide 1 av 3\n\n"
                          "Kommunen ber om at ambulansebåten får fast base på øya.\n\nSide 2 av 3\n\n"
                          "Me støttar ei felles jordmorteneste for fjordkommunane.\n\nMed helsing\n\n"
                          "Kari Nordmann\nordførar\n\nSide 3 av 3\n",
                          {"legevakta må vere open": 1, "ambulansebåten får": 2, "felles jordmorteneste": 3,
                           "Kari Nordmann": 3}),
    # bokmål, footers from page 2 on: page 1 had none, so what stands above "Side 2 av 3" is page 1 or 2
    "whole-line footer from page 2": ("Fjellheim legeforening\nHøringsuttalelse\n\n"
                                      "Legeforeningen mener at fastlegeordningen må styrkes.\n\n"
                                      "Vi ber om flere LIS1-stillinger i distriktene.\n\nSide 2 av 3\n\n"
                                      "Foreningen støtter et felles vikarbyrå for kommunene.\n\n"
                                      "Med vennlig hilsen\n\nOla Hansen\nleder\n\nSide 3 av 3\n",
                                      {"fastlegeordningen": None, "LIS1-stillinger": None, "felles vikarbyrå": 3,
                                       "Ola Hansen": 3}),
    # nynorsk, a marker line as a header at the top: it opens its page, the last one up to the end
    "whole-line header": ("Vik sjukepleiarforbund\nSide 1 av 2\n\nTil Helse- og omsorgsdepartementet\n\n"
                          "Forbundet meiner at små kommunar treng fleire sjukepleiarar.\n\nSide 2 av 2\n\n"
                          "Me ber om at ambulansebåten får fast base i Vik.\n\nMed helsing\n\nKari Nordmann\nleiar\n",
                          {"fleire sjukepleiarar": 1, "ambulansebåten får": 2, "Kari Nordmann": 2}),
    # bokmål, headers from page 2 on (page 1 has the letterhead): neither at the top nor at the end, read as the
    # header a marker line has always been read as
    "whole-line header from page 2": ("Fjellheim eldreråd\nHøringsuttalelse til kommunedelplanen\n\n"
                                      "Eldrerådet mener at hjemmetjenesten må få flere ansatte.\n\nSide 2 av 3\n\n"
                                      "Rådet ber om et dagtilbud for personer med demens.\n\nSide 3 av 3\n\n"
                                      "Vi støtter at det bygges flere omsorgsboliger.\n\nMed vennlig hilsen\n"
                                      "Per Olsen\nleder\n",
                                      {"hjemmetjenesten": 1, "personer med demens": 2, "flere omsorgsboliger": 3}),
    # bokmål, marker lines from page 1 on that are neither at the top (four letterhead lines above) nor at the end:
    # header or footer cannot be told, so no page
    "whole-line, header or footer untold": ("Fjellheim kommune\nHelse og omsorg\nPostboks 1\n9999 Fjellheim\n\n"
                                            "Kommunen mener at legevakten må styrkes.\n\nSide 1 av 3\n\n"
                                            "Kommunen ber om en ambulansebåt.\n\nSide 2 av 3\n\n"
                                            "Vi støtter en felles jordmortjeneste.\n\nMed vennlig hilsen\n"
                                            "Ola Hansen\n",
                                            {"legevakten må styrkes": None, "en ambulansebåt": None,
                                             "felles jordmortjeneste": None}),
    # bokmål, a running footer from page 2 on: what stands above it may be page 1 or 2
    "running footer from page 2": ("Fjellheim sykepleierforbund\nHøringsuttalelse til utviklingsplanen\n\n"
                                   "Vi mener at sykehuset må ansette flere spesialsykepleiere.\n\n"
                                   "Forbundet ber om bedre bemanning på nattevaktene.\n\n"
                                   f"{_NSF.format(2)}\n\nVi støtter at det opprettes et felles vikarbyrå.\n\n"
                                   f"{_NSF.format(3)}\n",
                                   {"spesialsykepleiere": None, "bedre bemanning": None, "felles vikarbyrå": 3}),
}


@pytest.mark.parametrize("name", _MARKED_TEXTS)
def test_a_page_marker_line_is_a_header_or_a_footer_like_a_running_one(tmp_path: Path, name: str) -> None:
    """A line that is only "Side 2 av 3" opens its page when it is a header and closes it when it is a footer, told
    from where the series sits as for a running line; lines whose page a marker does not tell (above a first footer
    of page 2, a series that may be either) stay unknown."""
    text, pages = _MARKED_TEXTS[name]
    path = tmp_path / "innspill.txt"
    path.write_text(text, "utf-8")
    doc = load_document(path)
    assert {s: _page_of(doc, s) for s in pages} == pages


def test_pdf_pages_hyphens_and_furniture(tmp_path: Path) -> None:
    pages = [
        ["Innspill fra Testvik kommune", "", "Testvik kommune viser til brev om innspill.",
         "Vi mener at pasien-", "tens behov må stå i sentrum."],
        ["Hvilke tiltak er aktuelle?", "", "• Kommunen foreslår kombinerte stillinger for jordmødre."],
        ["Er dere kjent med gode eksempler?", "", "• Testvik kommune har etablert et FACT-team."],
    ]
    pdf = make_pdf(tmp_path / "t.pdf", pages, footer="Side {n} av 3")
    doc = load_document(pdf)
    assert doc.pages == 3 and doc.source_format == "pdf"
    assert doc.author == "Testvik kommune"
    page_of = {b.text: b.page for b in doc.blocks}
    assert page_of["Vi mener at pasientens behov må stå i sentrum."] == 1
    assert page_of["Kommunen foreslår kombinerte stillinger for jordmødre."] == 2
    assert page_of["Testvik kommune har etablert et FACT-team."] == 3
    assert "Side 2 av 3" not in doc.text
    roles = {b.text: b.role for b in doc.blocks}
    assert roles["Kommunen foreslår kombinerte stillinger for jordmødre."] == "proposal"
    assert roles["Testvik kommune har etablert et FACT-team."] == "example"


def test_two_column_pdf_reads_each_column_in_order(tmp_path: Path) -> None:
    left = "Venstre spalte handler om samhandling mellom kommune og sykehus."
    right = "Høyre spalte handler om digital hjemmeoppfølging av pasienter."
    pdf = make_pdf(tmp_path / "cols.pdf", [[]], columns=(left, right))
    doc = load_document(pdf, author="Test")
    assert doc.text.index("samhandling mellom kommune og sykehus") < doc.text.index("digital hjemmeoppfølging av")


def test_one_column_pdf_reads_back_in_the_order_it_was_written(tmp_path: Path) -> None:
    """pdfminer's pairwise grouping of text boxes can put an indented bullet line after the line that continues
    it; a page without columns must read top to bottom."""
    from pdfminer.layout import LAParams

    from loaders import pdf_limits

    lines = [ln.replace("\f", "") for ln in (CORPUS / "ringsaker-kommune_innspill-nhsp_2022.txt").read_text("utf-8")
             .splitlines()]
    pdf = make_pdf(tmp_path / "letter.pdf", [lines[i:i + 45] for i in range(0, len(lines), 45)])

    def words(text: str) -> list[str]:
        return [w for ln in text.splitlines() for w in ln.replace("\uf0b7", " ").split()]

    with pdf_limits.bounded():
        read = pdf_limits.extract_text_bounded(pdf.read_bytes(), LAParams(line_margin=0.8))
    assert words(read) == words("\n".join(lines))


BAD_CASES = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (bytes(range(256)) * 4, "binary file"),
    "latin1.txt": ("Innspill fra Bærum kommune: økt bemanning".encode("latin-1"), "not UTF-8"),
    "corrupt.pdf": (b"%PDF-1.7\n" + b"\x00garbage" * 50, "corrupt"),
    "notapdf.pdf": (b"hello, I am not a PDF", "not a PDF"),
    "furniture.txt": (b"Side 1 av 2\n\nhttps://example.org\n", "no text content"),
}


@pytest.mark.parametrize("name", BAD_CASES)
def test_bad_input_gives_one_clear_error(tmp_path: Path, name: str) -> None:
    data, reason = BAD_CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError, match=reason) as err:
        load_document(path)
    assert err.value.path.endswith(name)


def test_truncated_encrypted_and_scanned_pdfs(tmp_path: Path) -> None:
    good = make_pdf(tmp_path / "good.pdf", [["Innspill fra Testvik kommune", "Noe tekst her."]])
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    with pytest.raises(LoadError, match="corrupt|truncated|no text"):
        load_document(truncated)
    encrypted = make_pdf(tmp_path / "enc.pdf", [["Hemmelig innspill"]], password="hemmelig")
    with pytest.raises(LoadError, match="encrypted"):
        load_document(encrypted)
    scanned = make_pdf(tmp_path / "scan.pdf", [[]], image_only=True)
    with pytest.raises(LoadError, match="no text layer"):
        load_document(scanned)


def test_size_and_page_limits(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Innspill fra Testvik kommune.\n" * 2000, "utf-8")
    with pytest.raises(LoadError, match="over the limit"):
        load_document(big, max_bytes=10_000)
    pdf = make_pdf(tmp_path / "pages.pdf", [["side en"], ["side to"], ["side tre"]])
    with pytest.raises(LoadError, match="more than the limit"):
        load_document(pdf, max_pages=2)


# --- structure against hand counts -------------------------------------------------------------------------

_GLYPH = re.compile(r"^\s*(?:[•▪●\uf000-\uf0ff]|[-–]\s|o\s)\s*\S")
_ITEM = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-zæøå]\)|spørsmål\s*\d|pkt\.?\s*\d)\s", re.IGNORECASE)
HAND_COUNTED_BULLETS = {  # counted by reading the files; a list without glyphs is not counted as bullets
    "ringsaker-kommune_innspill-nhsp_2022.txt": 30,
    "helsefellesskapet-troms-og-ofoten_innspill_2022.txt": 0,
}


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:30])
def test_every_bullet_glyph_line_starts_a_bullet(path: Path) -> None:
    doc = load_document(path)
    source = path.read_text("utf-8").split("\n")
    tables = [(b.line_start, b.line_end) for b in doc.blocks if b.kind == "table_row"]
    glyphs = {i for i, line in enumerate(source, 1) if _GLYPH.match(line)
              and not any(a <= i <= b for a, b in tables)}
    starts = {b.line_start for b in doc.blocks if b.kind == "bullet"}
    missed = glyphs - starts  # only repeated infographic boxes may be read once
    assert len(missed) <= max(2, len(glyphs) // 50), sorted(missed)[:10]
    others = [i for i in starts - glyphs if not _ITEM.match(source[i - 1])]
    assert not others, [source[i - 1][:60] for i in others]  # a bullet without glyph is a numbered item
    if path.name in HAND_COUNTED_BULLETS:
        assert sum(b.kind == "bullet" for b in doc.blocks) == HAND_COUNTED_BULLETS[path.name]


def test_ringsaker_sections_are_its_headings_and_not_its_signature() -> None:
    doc = load_document(CORPUS / "ringsaker-kommune_innspill-nhsp_2022.txt")
    sections = doc.parts[0].sections
    for heading in [  # the seven challenge headings, read off the letter
        "Varierende kjennskap til hverandre sitt ansvar og tjenester", "Ulik samhandlingskultur",
        "To styringslinjer- og forvaltningsnivå som har ulike finansieringssystemer",
        "Digitalisering - Informasjonsutveksling og dokumentasjon i pasientforløp",
        "Mangel av personell og kompetanse", "Omfang av nasjonale føringer og omstillingsprosesser",
        "Ikke godt nok kunnskapsgrunnlag",
    ]:
        assert heading in sections
    assert not {"Med hilsen", "Sverre Rudjord", "Kommunalsjef"} & set(sections)
    body = next(b for b in doc.blocks if b.text.startswith("Kommuner og helseforetak har ulike"))
    assert body.section[-1].startswith("To styringslinjer")


def test_numbered_questions_are_prompts_with_roles() -> None:
    doc = load_document(CORPUS / "helsefellesskapet-troms-og-ofoten_innspill_2022.txt")
    numbered = [b for b in doc.blocks if b.kind == "prompt" and b.level == 1]
    assert [b.text[:2] for b in numbered] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert [b.role for b in numbered] == ["experience", "challenge", "example", "proposal", "proposal", "proposal"]
    fact = next(b for b in doc.blocks if b.text.startswith("FACT"))
    assert fact.role == "example" and fact.prompt.startswith("3. Har dere gode eksempler")


def test_broken_oppgave_tiltak_status_table_is_rebuilt_into_rows() -> None:
    doc = load_document(CORPUS / "sykehuset-ostfold_utviklingsplan-delprosjekter.txt")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert len(rows) >= 5
    assert all(set(r.cells) <= {"Oppgave", "Tiltak / utførelse", "Status"} for r in rows)
    by_task = {r.cells.get("Oppgave", "")[:25]: r for r in rows}
    first = by_task["Gjennomgå utviklingsplan "]
    assert first.cells["Oppgave"].endswith("utviklingstrekk og framskrivninger.")  # wrapped cell joined
    assert first.cells["Status"].startswith("Utført")
    ambition = by_task["Hva er vår ambisjon i hel"]
    assert ambition.cells["Tiltak / utførelse"].startswith("Helsefellesskapet Østfold ble etablert")
    assert ambition.cells["Status"] == "Odd Petter"
    for r in rows:  # cells are verbatim pieces of the row, and the row of the document text
        assert all(c in r.text for c in r.cells.values()) and doc.text[r.start:r.end] == r.text
        assert r.prompt == r.cells.get("Oppgave", r.prompt)


def test_table_rebuild_on_an_unseen_table(tmp_path: Path) -> None:
    wide = "Kommunen har etablert et tverrfaglig team som følger opp pasientene i eget hjem, og teamet " \
           "rapporterer til samarbeidsutvalget hvert kvartal."
    text = "\n".join([
        "Innspill fra Testvik kommune", "", "Testvik kommune viser til brev om innspill.", "",
        "Aktivitet Tiltak Ansvar", "",
        "Styrke oppfølging", "av utskrevne", "pasienter", "", wide, "", "Pågår", "Kari Nordmann", "",
        "Rekruttere", "sykepleiere", "", wide.replace("tverrfaglig team", "traineeprogram"), "", "Ikke startet", "",
        "1. Neste kapittel", "Vanlig tekst etter tabellen.",
    ])
    path = tmp_path / "testvik.txt"
    path.write_text(text, "utf-8")
    doc = load_document(path)
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [r.cells["Aktivitet"] for r in rows] == [
        "Styrke oppfølging av utskrevne pasienter", "Rekruttere sykepleiere"]
    assert rows[0].cells["Ansvar"] == "Pågår\nKari Nordmann" and rows[1].cells["Ansvar"] == "Ikke startet"
    assert "traineeprogram" in rows[1].cells["Tiltak"]
    assert any(b.kind == "heading" and b.text == "1. Neste kapittel" for b in doc.blocks)  # the table ended


def test_author_from_the_file_name_when_the_text_names_no_sender(tmp_path: Path) -> None:
    doc = load_document(CORPUS / "sykehuset-ostfold_utviklingsplan-delprosjekter.txt")
    assert doc.author == "Sykehuset Østfold" and doc.parts[0].author_source == "file name"
    path = tmp_path / "bergen-kommune_notat.txt"
    path.write_text("Notat om samhandling\n\nBergen kommune og Helse Vest RHF samarbeider. Helse Vest RHF har "
                    "mange tilbud. Helse Vest RHF bidrar. Bergen kommune vil styrke tilbudet.\n", "utf-8")
    assert load_document(path).parts[0].author == "Bergen kommune"  # not the more often named Helse Vest RHF


def test_corpus_text_as_a_pdf_keeps_its_pages(tmp_path: Path) -> None:
    """Real corpus lines laid out on PDF pages with a running header and footer."""
    lines = [ln.strip().replace("\uf0b7", "•") for ln in
             (CORPUS / "ringsaker-kommune_innspill-nhsp_2022.txt").read_text("utf-8").split("\n")]
    lines = [ln for ln in lines if ln][:90]
    pages = [["Ringsaker kommune – innspill", ""] + lines[i:i + 30] for i in range(0, 90, 30)]
    pdf = make_pdf(tmp_path / "ringsaker.pdf", pages, footer="Side {n} av 3")
    doc = load_document(pdf)
    assert doc.pages == 3 and doc.author == "Ringsaker kommune"
    assert "Ringsaker kommune – innspill" not in doc.text and "Side 1 av 3" not in doc.text  # margins dropped
    for n, page in enumerate(pages, start=1):
        probe = next(ln for ln in page[2:] if len(ln) > 40 and not ln.startswith("•"))
        block = next(b for b in doc.blocks if probe[:40] in b.text)
        assert block.page_at(block.text.index(probe[:40])) == n, probe  # a paragraph may run over a page


def test_a_table_aligned_with_spaces_is_read_row_by_row(tmp_path: Path) -> None:
    """Columns set apart by spaces, cells wrapped onto lines of their own, rows with and without blank lines
    between them: each row is one block with its cells in order; the prose after the table stays prose."""
    path = tmp_path / "tabell.txt"
    path.write_text(
        "Innspill fra Eksempelby kommune\n\n"
        "Tiltak                          Vurdering      Kommentar\n\n"
        "Felles jordmorvakt for          Støtter        Gir kortere reisevei for de\n"
        "tre kommuner                                   fødende\n\n"
        "Nedlegge røntgen ved            Går imot       Pasientene må reise to timer\n"
        "Sandvik sjukestue\n\n"
        "Tjeneste        Startet    Brukere\n"
        "Hjemmedialyse   2019       12 pasienter med\n"
        "                           nyresvikt\n"
        "Nattpatrulje    2021       40 brukere\n\n"
        "Kommunen vil samtidig peke på at kommunene i regionen har svært ulike forutsetninger for tilbudet.\n",
        "utf-8")
    texts = [b.text for b in load_document(path).blocks]
    assert "Felles jordmorvakt for tre kommuner | Støtter | Gir kortere reisevei for de fødende" in texts
    assert "Nedlegge røntgen ved Sandvik sjukestue | Går imot | Pasientene må reise to timer" in texts
    assert "Hjemmedialyse | 2019 | 12 pasienter med nyresvikt" in texts
    assert "Nattpatrulje | 2021 | 40 brukere" in texts
    assert texts[-1].startswith("Kommunen vil samtidig peke på at")


def test_a_heading_numbered_without_a_dot_starts_a_block(tmp_path: Path) -> None:
    """"2 Tuberkulosekontroll" after a finished sentence and a blank line is a heading, not the sentence's end
    (a line opening with a digit otherwise continues the line before: "… kostar" / "2 000 kroner")."""
    f = tmp_path / "x.txt"
    f.write_text("Fjellheim kommune\n\n1 Helseundersøking\n\n1.3 Vi tilrår at tolk alltid blir nytta.\n\n"
                 "2 Tuberkulosekontroll\n\nKommunen ber om ei ny ordning.\n", "utf-8")
    texts = [b.text for b in load_document(f).blocks]
    assert "1.3 Vi tilrår at tolk alltid blir nytta." in texts and "2 Tuberkulosekontroll" in texts


def test_a_short_line_that_ends_with_an_exclamation_mark_is_a_sentence_not_a_heading(tmp_path: Path) -> None:
    """Invented (session 56): a person's last line, "Jeg sier nei til dette!", between blank lines is a sentence
    (real responses end so); a short line without a full stop stays a heading."""
    f = tmp_path / "x.txt"
    f.write_text("Høringssvar fra Ola Bakken Strand\n\nDato: 12.04.2026\n\nBemanning\n\n"
                 "Sykehjemmet har for få sykepleiere om natten.\n\nJeg sier nei til dette!\n", "utf-8")
    kinds = {b.text: b.kind for b in load_document(f).blocks}
    assert kinds["Jeg sier nei til dette!"] == "paragraph" and kinds["Bemanning"] == "heading", kinds


def test_a_numbered_point_that_takes_a_stance_without_a_full_stop_is_an_item_not_a_heading(tmp_path: Path) -> None:
    """Invented (session 57): a council's decision in numbered points with no full stop ("2. Kommunen støtter at …")
    is a list of what it says (a real municipality's decision wrote so, tests/fixtures/genre/README.md, as does a
    development board's, g441); a
    numbered title ("1. Bakgrunn") and a list's lead-in ("3. Det vi mener må til") stay headings (or prompts)."""
    f = tmp_path / "x.txt"
    f.write_text("Høringssvar fra Fjellheim kommune\n\n1. Bakgrunn\n\nSaka var i formannskapet 3. mars.\n\n"
                 "2. Vedtak\n\n  1. Fjellheim kommune støtter at fristen for klage forlenges\n"
                 "  2. Fjellheim kommune anbefaler at ordningen får et eget budsjett\n"
                 "  3. Kommunen godtar ikke at jordmortjenesten legges ned\n"
                 "  4. Det er ikke ønskelig at pasientene må reise til Fjellby\n\n"
                 "3. Det vi mener må til\n\nFlere jordmødre i distriktene.\n", "utf-8")
    kinds = {b.text: b.kind for b in load_document(f).blocks}
    items = [t for t, k in kinds.items() if any(w in t for w in ("kommune støtter", "anbefaler at", "godtar ikke",
                                                                  "ikke ønskelig"))]
    assert len(items) == 4 and all(kinds[t] != "heading" for t in items), kinds
    assert kinds["1. Bakgrunn"] == "heading" and kinds["3. Det vi mener må til"] in ("heading", "prompt"), kinds


def test_the_numbered_points_under_a_lead_in_are_items_not_headings(tmp_path: Path) -> None:
    """Invented (session 59): a council's decision whose points follow its lead-in ("… gjev slik høyringsfråsegn:")
    without full stops are what it says, whatever their wording ("Forslaget … bør ikkje vedtakast …", "Staten bør
    innføre …"; three development documents of three senders, sets BW, BX and BY); a numbered title under a lead-in
    ("1. Finansiering") stays a heading."""
    f = tmp_path / "x.txt"
    f.write_text("Særutskrift\n\nFjellheim kommune gjev slik høyringsfråsegn til departementet:\n\n"
                 "1. Forslaget om eigendel på dagtilbodet bør ikkje vedtakast slik det ligg føre\n"
                 "2. Staten bør innføre eit eige tilskot til opplæring av tilsette i heimetenesta\n\n\n"
                 "Saksopplysningar\n\nVi har desse merknadene til framlegget frå departementet:\n\n"
                 "1. Finansiering\n\nTilskotet til opplæring er for lite til at kommunane kan tilsetje fleire.\n",
                 "utf-8")
    kinds = {b.text: b.kind for b in load_document(f).blocks}
    points = [t for t in kinds if "vedtakast" in t or "Staten bør innføre" in t]
    assert len(points) == 2 and all(kinds[t] == "bullet" for t in points), kinds
    assert kinds["1. Finansiering"] == "heading" and kinds["Saksopplysningar"] == "heading", kinds


@pytest.mark.parametrize("head, author", [
    # a letterhead in capitals, with no address: the recipient right below says it is the sender
    ("PASIENT- OG BRUKEROMBUDET I OSLO OG AKERSHUS\n\nTil Helse- og omsorgsdepartementet\n\nHøringssvar\n\n"
     "Ombudet mener at alle skal få tolk.", "PASIENT- OG BRUKEROMBUDET I OSLO OG AKERSHUS"),
    # the kind of document right below the name
    ("Universitetssykehuset Nord-Norge HF\nHøringsuttalelse\n\nUNN støtter planen.",
     "Universitetssykehuset Nord-Norge HF"),
    # a date line over the recipient is no sender
    ("Mars 2022\n\nTil Helse- og omsorgsdepartementet\n\nInnspill til planen\n\nVi støtter planen.", None),
    # no letterhead: a state body named in the letter's opening "X viser til …" (session 57: a real letter of
    # Statens helsetilsyn began so; a "-tilsyn" continues a name as "forening" does: five development documents of
    # five senders name "Statens helsetilsyn")
    ("Statens strålevernstilsyn viser til departementets høringsbrev av 3. mars.\n\nVi støtter forslaget.",
     "Statens strålevernstilsyn"),
    # no letterhead: a body named once, as the subject of the first sentence, "vi" and "senteret" after it (session
    # 58: a real letter of Konkurransetilsynet, and g735 of set BW, whose name holds lower-case words)
    ("Høringssvar – ny forskrift\n\nKompetansesenter for legevaktmedisin i Fjelldalen er positiv til de fleste "
     "forslagene i høringsnotatet.\n\nSenteret ber om at fristen forlenges.", "Kompetansesenter for legevaktmedisin i "
     "Fjelldalen"),
    ("Høyring – endring i forskrift\n\nFjelltilsynet er positiv til at fleire verksemder kan selje slike varer i "
     "bygda.\n\nVi meiner fristen bør vere lengre.", "Fjelltilsynet"),
    # (or says what it is: "… er en paraplyorganisasjon for …", twelve development documents of twelve senders open so)
    ("Innspill til planen\n\nFjellalliansen er en frittstående paraplyorganisasjon for pasienter i distriktene.\n\n"
     "Vi ber om flere legestillinger.", "Fjellalliansen"),
    # (not a sentence that retells another body: "Departementet foreslår …" names no sender)
    ("Høringssvar\n\nDepartementet foreslår at fristen forlenges til ett år etter vedtaket.\n\nVi støtter dette.",
     None),
])
def test_letterheads_without_an_address(tmp_path: Path, head: str, author: str | None) -> None:
    path = tmp_path / "innspill.txt"
    path.write_text(head, encoding="utf-8")
    assert [p.author for p in load_document(path).parts] == [author]


def test_a_capitals_title_is_named_as_the_text_writes_its_words(tmp_path: Path) -> None:
    """Minutes whose statement is headed "UTTALE FRÅ ELDRERÅDET I KINN", and that write "Eldrerådet" and "Kinn"
    only apart, are by "Eldrerådet i Kinn" (a name in capitals is found by no question and reads as shouting)."""
    f = tmp_path / "x.txt"
    f.write_text("KINN KOMMUNE\nMØTEBOK\n\nOrgan: Eldrerådet\n\nSak 4/26\n\nUTTALE FRÅ ELDRERÅDET I KINN\n\n"
                 "Mange eldre i Kinn har lange reiser. Eldrerådet meiner at pasientreisene må bli enklare.\n", "utf-8")
    assert load_document(f).author == "Eldrerådet i Kinn"
