"""Loaders on the real corpus, on PDFs the tests generate, and on every kind of bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders import LoadError, load_document

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
    assert "samhandling mellom kommune og sykehus" in doc.text
    assert "digital hjemmeoppfølging av pasienter" in doc.text


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
