"""``POST /v1/documents``: upload a PDF or text file and ingest it. The only write endpoint: it needs the
API key, refuses files over the size limit before reading them whole, and keeps the file under
``INNSPILL_HOME/uploads`` so a rebuild can load it again."""

from __future__ import annotations

import hashlib
import re
import secrets
import tempfile
import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter, File, Form, Header, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse

from graph.ingest import SUFFIXES, ingest
from graph.settings import get_settings

router = APIRouter(prefix="/v1")
_LOCK = threading.Lock()  # one load at a time: each is atomic, but two of the same file need an order
CHUNK = 1 << 20


def _check_key(given: str | None) -> None:
    expected = get_settings().api_key
    if not expected:
        raise HTTPException(403, "uploads are disabled: set INNSPILL_API_KEY on the server")
    if not given or not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong API key (header X-API-Key)")


@router.post("/documents", status_code=201, tags=["documents"], summary="Upload a PDF or text file and ingest it",
             responses={401: {"description": "Missing or wrong API key"}, 413: {"description": "File too large"},
                        422: {"description": "Not a readable PDF or text file"}})
async def upload(request: Request, file: UploadFile = File(..., description="A .pdf or .txt file"),
                 author: str | None = Form(None, max_length=200, description="Author, when the text names none"),
                 x_api_key: str | None = Header(None, description="The server's API key")) -> Any:
    _check_key(x_api_key)
    settings = get_settings()
    name = Path(file.filename or "upload").name
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise HTTPException(422, f"unsupported file type {suffix or '(none)'!r}; send .pdf or .txt")
    limit = int(settings.max_file_mb * 1024 * 1024)
    data = bytearray()
    while chunk := await file.read(CHUNK):
        data += chunk
        if len(data) > limit:
            raise HTTPException(413, f"file is larger than {settings.max_file_mb:g} MB")
    digest = hashlib.sha256(data).hexdigest()[:12]
    folder = Path(settings.home) / "uploads"
    with tempfile.TemporaryDirectory(prefix="innspill-upload-") as tmp:
        path = Path(tmp) / (re.sub(r"[^\w.\-]+", "_", name) or f"upload{suffix}")
        path.write_bytes(data)
        with _LOCK:
            report = ingest(request.app.state.store, [path], author=author, max_bytes=limit,
                            max_pages=settings.max_pages)
        if report.failures:
            return JSONResponse(status_code=422, content={"error": {
                "code": "unreadable_document", "message": report.failures[0][1]}})
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{digest}-{path.name}").write_bytes(data)
    return {"documents": report.documents, "statements": report.statements, "seconds": round(report.seconds, 3),
            "file": name, "sha256_prefix": digest}
