"""Read a file into source lines with page numbers: PDF through pdfminer.six, text as UTF-8.

Pages in a PDF are the real PDF pages. In text we only know a page where the text itself says so
("Side 2 av 15" alone on a line or at the end of a running header or footer, read as the header that opens its page
or the footer that closes it, or form feeds); otherwise the page is left unknown, not guessed.
"""

from __future__ import annotations

from pathlib import Path

from loaders import pdf_limits
from loaders.errors import LoadError
from loaders.model import SourceLine
from loaders.running_pages import pages_from_running_marks

_PDF_MAGIC = b"%PDF-"


def sniff_format(path: Path, head: bytes) -> str:
    if head.startswith(_PDF_MAGIC) or path.suffix.lower() == ".pdf":
        return "pdf"
    return "text"


def read_pdf(path: Path, data: bytes, max_pages: int) -> list[list[str]]:
    """Each page's lines, in reading order as pdfminer's layout analysis gives them; decoding, layout and
    text under the limits of :mod:`loaders.pdf_limits`."""
    if not data.startswith(_PDF_MAGIC):
        raise LoadError(path, "not a PDF file (no %PDF- header)")
    try:
        with pdf_limits.bounded():
            text = _read_pdf_text(path, data, max_pages)
    except pdf_limits.ContentTooLarge as exc:
        raise LoadError(path, f"{exc} (INNSPILL_MAX_PDF_CONTENT_MB / INNSPILL_MAX_TEXT_MB); refused") from exc
    chunks = text.split("\f")
    if chunks and not chunks[-1].strip():
        chunks = chunks[:-1]
    if not any(c.strip() for c in chunks):
        raise LoadError(path, "the PDF has no text layer (scanned images?); run OCR first")
    return [c.splitlines() for c in chunks]


def _read_pdf_text(path: Path, data: bytes, max_pages: int) -> str:
    from io import BytesIO

    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        pages = list(PDFPage.get_pages(BytesIO(data), check_extractable=False))
    except pdf_limits.ContentTooLarge:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise LoadError(path, "the PDF is encrypted (password protected); decrypt it first") from exc
    except (PDFSyntaxError, PSException, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise LoadError(path, f"the PDF is corrupt or truncated ({type(exc).__name__})") from exc
    except Exception as exc:  # pdfminer raises many private types on broken input
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise LoadError(path, "the PDF is encrypted (password protected); decrypt it first") from exc
        raise LoadError(path, f"the PDF is corrupt or truncated ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise LoadError(path, "the PDF has no pages (corrupt or truncated)")
    if len(pages) > max_pages:
        raise LoadError(path, f"the PDF has {len(pages)} pages, more than the limit of {max_pages}")
    try:
        # A looser line margin keeps a column's wrapped lines in one box, so columns read one after another.
        return pdf_limits.extract_text_bounded(data, LAParams(line_margin=0.8), pages)
    except pdf_limits.ContentTooLarge:
        raise
    except Exception as exc:
        raise LoadError(path, f"the PDF text could not be extracted ({type(exc).__name__}: {exc})") from exc


def decode_text(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise LoadError(path, "binary file, not text or PDF")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(path, f"not UTF-8 text (invalid byte at offset {exc.start}); convert it to UTF-8") from exc


def text_to_pages(text: str) -> tuple[list[list[str]], bool]:
    """Split text at form feeds; returns (pages, pages_are_known)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        return [chunk.split("\n") for chunk in text.split("\f")], True
    return [text.split("\n")], False


def source_lines(pages: list[list[str]], known: bool) -> list[SourceLine]:
    """Flatten pages into numbered lines; in unpaged text, recover pages from "Side N av M" markers, alone on a line
    or at the end of a running header or footer (:mod:`loaders.running_pages`)."""
    out: list[SourceLine] = []
    line_no = 0
    for page_index, lines in enumerate(pages, start=1):
        first = True
        for raw in lines:
            line_no += 1
            stripped = raw.strip()
            out.append(SourceLine(text=raw, page=page_index if known else None, line_no=line_no,
                                  page_first=first and bool(stripped) and known,
                                  leading_blank=raw[:1].isspace() and bool(stripped)))
            if stripped:
                first = False
    if not known:
        pages_from_running_marks(out)
    return out
