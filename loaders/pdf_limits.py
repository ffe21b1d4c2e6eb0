"""Bounded work for one PDF: caps on decompressed stream data, on interpreted page content and on text.

A 2 MB PDF can hold one page whose content stream inflates to 2 GB (zlib reaches ~1000:1), or one
content stream that 2,000 pages each draw again. pdfminer.six decodes a stream whole (``zlib.decompress``
in ``PDFStream.decode``) and has no limit of its own, so while a document is read:

- every FlateDecode / LZWDecode / RunLengthDecode inside ``pdfminer.pdftypes`` decodes under a budget of
  bytes for the whole document and stops as soon as it is spent (never more than the budget in memory);
- every content stream the interpreter runs (pages and Form XObjects, counted each time they are drawn)
  is charged to a second budget of the same size, which bounds the layout work;
- the extracted text is measured after every page and refused once it passes the text limit (a page's own text
  is bounded by the content budget; a check per character cost a fifth of the reading time).

Limits: ``INNSPILL_MAX_PDF_CONTENT_MB`` (default 256) and ``INNSPILL_MAX_TEXT_MB`` (default 32), in MiB.
The CLI and the API read PDFs through the same loader, so both refuse alike.
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
import zlib
from collections.abc import Iterator
from typing import Any

MiB = 1024 * 1024


class ContentTooLarge(Exception):
    """A document needs more decoding, layout or text than the limits allow."""

    def __init__(self, what: str, limit: int) -> None:
        self.what, self.limit = what, limit
        super().__init__(f"{what} exceeds the limit of {limit / MiB:g} MiB")


def _env_mib(name: str, default: float) -> int:
    try:
        value = float(os.environ.get(name, "") or default)
    except ValueError:
        value = default
    return max(1, int(value * MiB))


def content_limit() -> int:
    return _env_mib("INNSPILL_MAX_PDF_CONTENT_MB", 256)


def text_limit() -> int:
    return _env_mib("INNSPILL_MAX_TEXT_MB", 32)


class _Budget(threading.local):
    decoded: int | None = None  # bytes left for decoded stream data; None outside a bounded read
    drawn: int | None = None  # bytes left for interpreted content
    limit: int = 0
    exceeded: ContentTooLarge | None = None


_BUDGET = _Budget()


def _charge_decoded(n: int) -> None:
    if _BUDGET.decoded is None:
        return
    _BUDGET.decoded -= n
    if _BUDGET.decoded < 0:
        _BUDGET.exceeded = _BUDGET.exceeded or ContentTooLarge("the PDF's decompressed stream data", _BUDGET.limit)
        raise _BUDGET.exceeded


def _room() -> int | None:
    return None if _BUDGET.decoded is None else max(_BUDGET.decoded, 0)


def _flate(data: bytes, *args: Any, **kwargs: Any) -> bytes:
    room = _room()
    if room is None:
        return zlib.decompress(data, *args, **kwargs)
    d = zlib.decompressobj(*args, **kwargs)
    out = d.decompress(data, room + 1)
    if len(out) > room or d.unconsumed_tail:
        _charge_decoded(room + 1)
    if not d.eof:
        out += d.flush()  # raises zlib.error on a truncated stream, as zlib.decompress does
    _charge_decoded(len(out))
    return out


class _CappedDecompressor:
    """``zlib.decompressobj`` for pdfminer's byte-by-byte repair of corrupted streams, charged as it goes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._d = zlib.decompressobj(*args, **kwargs)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = _room()
        out = self._d.decompress(data, max_length) if room is None else self._d.decompress(data, room + 1)
        _charge_decoded(len(out))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._d, name)


class _ZlibShim:
    """What ``pdfminer.pdftypes`` sees as ``zlib``."""

    error = zlib.error
    decompress = staticmethod(_flate)
    decompressobj = _CappedDecompressor

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _lzw(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    chunks = []
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        _charge_decoded(len(chunk))
        chunks.append(chunk)
    return b"".join(chunks)


def _runlength(data: bytes) -> bytes:
    from pdfminer.runlength import rldecode

    size, i = 0, 0
    while i < len(data):  # the decoded size, read from the length bytes alone
        length = data[i]
        if length == 128:
            break
        size, i = (size + length + 1, i + length + 2) if length < 128 else (size + 257 - length, i + 2)
    _charge_decoded(size)
    return rldecode(data)


_INSTALLED = False
_LOCK = threading.Lock()


def install() -> None:
    """Route pdfminer's stream decoding through the budget (idempotent; a no-op outside :func:`bounded`)."""
    global _INSTALLED
    with _LOCK:
        if _INSTALLED:
            return
        from pdfminer import pdftypes

        pdftypes.zlib = _ZlibShim()  # type: ignore[assignment]
        pdftypes.lzwdecode = _lzw
        pdftypes.rldecode = _runlength
        _INSTALLED = True


@contextlib.contextmanager
def bounded(limit: int | None = None) -> Iterator[None]:
    """Decode and draw at most ``limit`` bytes (default: the configured content limit) in this thread."""
    install()
    limit = limit or content_limit()
    saved = (_BUDGET.decoded, _BUDGET.drawn, _BUDGET.limit, _BUDGET.exceeded)
    _BUDGET.decoded, _BUDGET.drawn, _BUDGET.limit, _BUDGET.exceeded = limit, limit, limit, None
    try:
        yield
        if _BUDGET.exceeded is not None:  # raised inside pdfminer and swallowed there: still a refusal
            raise _BUDGET.exceeded
    finally:
        _BUDGET.decoded, _BUDGET.drawn, _BUDGET.limit, _BUDGET.exceeded = saved


def charge_drawn(streams: list[Any]) -> None:
    """Charge the content streams the interpreter is about to run (each time they are drawn)."""
    if _BUDGET.drawn is None:
        return
    from pdfminer.pdftypes import PDFStream, resolve1

    for s in streams:
        s = resolve1(s)
        if isinstance(s, PDFStream):
            _BUDGET.drawn -= len(s.get_data())
            if _BUDGET.drawn < 0:
                _BUDGET.exceeded = _BUDGET.exceeded or ContentTooLarge("the PDF's page content", _BUDGET.limit)
                raise _BUDGET.exceeded


def extract_text_bounded(data: bytes, laparams: Any, pages: list[Any] | None = None) -> str:
    """``pdfminer.high_level.extract_text`` with the limits of this module (call it inside :func:`bounded`);
    ``pages``: the document's pages when the caller has parsed them already (the PDF is parsed once)."""
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import list_value

    from loaders.pdf_layout import TextConverterInOrder

    class Interpreter(PDFPageInterpreter):
        # pages and Form XObjects (run by copies made with self.__class__) both come through here
        def render_contents(self, resources, streams, *args, **kwargs):  # type: ignore[no-untyped-def] # noqa: ANN001, ANN002, ANN003, ANN202
            charge_drawn(list_value(streams))
            return super().render_contents(resources, streams, *args, **kwargs)

    output, limit = io.StringIO(), text_limit()
    rsrcmgr = PDFResourceManager(caching=True)
    device = TextConverterInOrder(rsrcmgr, output, codec="utf-8", laparams=laparams)
    interpreter = Interpreter(rsrcmgr, device)
    for page in pages if pages is not None else PDFPage.get_pages(io.BytesIO(data), caching=True):
        interpreter.process_page(page)
        if output.tell() > limit:  # per page, not per character: a page's text is bounded by its content budget
            raise ContentTooLarge("the PDF's extracted text", limit)
    return output.getvalue()
