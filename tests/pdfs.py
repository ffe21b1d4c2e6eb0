"""PDFs the tests make themselves (fpdf2), so the PDF path is tested on real PDF files."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _font(pdf: FPDF) -> None:
    if Path(FONT).exists():
        if "dejavu" not in pdf.fonts:
            pdf.add_font("dejavu", fname=FONT)
        pdf.set_font("dejavu", size=11)
    else:  # core font: Latin-1 covers æøå
        pdf.set_font("helvetica", size=11)


def make_pdf(path: Path, pages: list[list[str]], *, footer: str | None = None, columns: tuple[str, str] | None = None,
             password: str | None = None, image_only: bool = False) -> Path:
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    for n, lines in enumerate(pages, start=1):
        pdf.add_page()
        _font(pdf)
        if image_only:
            from PIL import Image

            img = path.with_suffix(".png")
            Image.new("RGB", (200, 100), "white").save(img)
            pdf.image(str(img), x=20, y=20, w=100)
            continue
        y = 20
        for line in lines:
            pdf.text(20, y, line)
            y += 8
        if columns:
            pdf.set_xy(15, 40)
            pdf.multi_cell(80, 6, columns[0], align="L")
            pdf.set_xy(115, 40)
            pdf.multi_cell(80, 6, columns[1], align="L")
        if footer:
            pdf.text(90, 285, footer.format(n=n))
    pdf.output(str(path))
    return path
