"""``POST /v1/documents``: upload a PDF or text file and ingest it; ``GET /v1/jobs/{id}``: how it went.

The only write endpoint, guarded before a byte of the body is read: the API key (``X-API-Key``, a custom
header, so a web page on another origin cannot send it without a CORS preflight), the ``Origin`` (a form
posted from another origin is refused), and ``Content-Length`` (missing: 411; over the limit: 413). The
multipart body is then parsed as it streams in and cut off once it passes the limit.

The file is kept under ``INNSPILL_HOME/uploads/`` as ``<sha256 prefix>-<safe name>`` (the name reduced to
safe characters and at most 100 bytes), so the same content keeps its document id and a different file with
the same name is a different document. Loading and extraction run in a separate process and the write in a
worker thread, so reads never wait for an upload; the request waits at most ``INNSPILL_UPLOAD_WAIT_S``
seconds (default 20) and otherwise answers ``202 Accepted`` with the job's URL.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import multiprocessing
import os
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from graph.ingest import SUFFIXES, IngestReport, ingest
from graph.settings import get_settings

router = APIRouter(prefix="/v1")
CHUNK = 1 << 20
OVERHEAD = 64 * 1024  # multipart headers and the author field around the file
MAX_NAME_BYTES = 100
MAX_QUEUED = 8
_WRITER = ThreadPoolExecutor(1, thread_name_prefix="innspill-upload")  # one upload at a time, in order
_JOBS: OrderedDict[str, dict[str, Any]] = OrderedDict()
_JOBS_LOCK = threading.Lock()
_POOL: ProcessPoolExecutor | None = None

UPLOAD_BODY = {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary", "description": "A .pdf or .txt file"},
        "author": {"type": "string", "maxLength": 200, "description": "Author, when the text names none"}}}}}}


def _check_key(given: str | None) -> None:
    expected = get_settings().api_key
    if not expected:
        raise HTTPException(403, "uploads are disabled: set INNSPILL_API_KEY on the server")
    if not given or not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong API key (header X-API-Key)")


def _check_origin(request: Request) -> None:
    """CSRF guard: a browser names the page's origin on a POST; only this server's own and the configured
    CORS origins may post."""
    origin = request.headers.get("origin")
    site = request.headers.get("sec-fetch-site")
    if origin is None and site not in (None, "same-origin", "none"):
        raise HTTPException(403, "cross-site upload refused")
    if origin is None:
        return
    own = {f"{request.url.scheme}://{request.headers.get('host', '')}"}
    allowed = own | {o.strip() for o in get_settings().cors_origins.split(",") if o.strip()}
    if origin not in allowed:
        raise HTTPException(403, "upload from another origin refused")


def _limit() -> int:
    return int(get_settings().max_file_mb * 1024 * 1024)


def _check_length(request: Request, limit: int) -> None:
    length = request.headers.get("content-length")
    if length is None:
        raise HTTPException(411, "Content-Length is required")
    if not length.isdigit():
        raise HTTPException(400, "Content-Length is not a number")
    if int(length) > limit + OVERHEAD:
        raise HTTPException(413, f"file is larger than {get_settings().max_file_mb:g} MiB")
    ctype = request.headers.get("content-type", "")
    if not ctype.lower().startswith("multipart/form-data"):
        raise HTTPException(415, "send the file as multipart/form-data (field 'file')")


async def _capped(request: Request, limit: int) -> AsyncIterator[bytes]:
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > limit + OVERHEAD:
            raise HTTPException(413, f"file is larger than {get_settings().max_file_mb:g} MiB")
        yield chunk


def safe_name(name: str | None) -> str:
    """The upload's name reduced to letters, digits, ``._-`` and at most 100 bytes (suffix kept)."""
    name = Path((name or "").replace("\\", "/")).name
    name = re.sub(r"[^\w.\-]+", "_", name).lstrip(".") or "upload"
    stem, suffix = (name[: -len(Path(name).suffix)], Path(name).suffix) if Path(name).suffix else (name, "")
    suffix = suffix[:12]
    room = MAX_NAME_BYTES - len(suffix.encode())
    stem = stem.encode()[:room].decode("utf-8", "ignore") or "upload"
    return stem + suffix


def _process_pool() -> ProcessPoolExecutor:
    """A clean interpreter that loads and extracts uploads (spawned: the server runs threads)."""
    from graph.ingest import _die_with_parent

    global _POOL
    if _POOL is None or getattr(_POOL, "_broken", False):
        _POOL = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_die_with_parent)
    return _POOL


def _run(request: Request, path: Path, author: str | None, limit: int, name: str) -> dict[str, Any]:
    settings = get_settings()
    report: IngestReport = ingest(request.app.state.store, [path], author=author, max_bytes=limit,
                                  max_pages=settings.max_pages, workers=1, executor=_process_pool())
    if report.failures or report.aborted:
        path.unlink(missing_ok=True)
        reason = report.failures[0][1] if report.failures else report.aborted or "not loaded"
        return {"status": "failed", "code": "unreadable_document" if report.failures else "store_unavailable",
                "message": reason.replace(str(path.parent), "uploads")}
    return {"status": "done", "documents": report.documents, "statements": report.statements,
            "replaced": [doc for _f, doc, _p in report.replaced], "seconds": round(report.seconds, 3),
            "file": name}


def _job_response(job: dict[str, Any]) -> JSONResponse:
    if job["status"] == "done":
        return JSONResponse(status_code=201, content={k: v for k, v in job.items() if k not in ("status", "job")})
    if job["status"] == "failed":
        status = 503 if job["code"] == "store_unavailable" else 422
        return JSONResponse(status_code=status, content={"error": {"code": job["code"], "message": job["message"]}})
    return JSONResponse(status_code=202, content={"job": job["job"], "status": "running",
                                                  "status_url": f"/v1/jobs/{job['job']}"})


def _remember(job_id: str, job: dict[str, Any]) -> None:
    with _JOBS_LOCK:
        _JOBS[job_id] = job
        while len(_JOBS) > 200:
            _JOBS.popitem(last=False)


@router.post("/documents", status_code=201, tags=["documents"], summary="Upload a PDF or text file and ingest it",
             openapi_extra={"requestBody": UPLOAD_BODY},
             responses={201: {"description": "Loaded"}, 202: {"description": "Still loading: poll status_url"},
                        401: {"description": "Missing or wrong API key"},
                        403: {"description": "Uploads disabled, or posted from another origin"},
                        411: {"description": "No Content-Length"}, 413: {"description": "File too large"},
                        422: {"description": "Not a readable PDF or text file"}})
async def upload(request: Request) -> Any:
    _check_key(request.headers.get("x-api-key"))
    _check_origin(request)
    limit = _limit()
    _check_length(request, limit)
    from starlette.formparsers import MultiPartException, MultiPartParser

    try:
        form = await MultiPartParser(request.headers, _capped(request, limit), max_files=1, max_fields=4,
                                     max_part_size=64 * 1024).parse()
    except MultiPartException as exc:
        raise HTTPException(400, f"malformed multipart body: {exc.message}") from exc
    try:
        file = form.get("file")
        if file is None or isinstance(file, str):
            raise HTTPException(422, "field 'file' is required (multipart file)")
        author = form.get("author")
        if author is not None and (not isinstance(author, str) or len(author) > 200):
            raise HTTPException(422, "author: at most 200 characters of text")
        name = safe_name(file.filename)
        suffix = Path(name).suffix.lower()
        if suffix not in SUFFIXES:
            raise HTTPException(422, f"unsupported file type {suffix or '(none)'!r}; send .pdf or .txt")
        folder = Path(get_settings().home) / "uploads"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(OSError):
            folder.chmod(0o700)
        digest, size = hashlib.sha256(), 0
        await file.seek(0)
        tmp = folder / f".part-{secrets.token_hex(8)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := await file.read(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise HTTPException(413, f"file is larger than {get_settings().max_file_mb:g} MiB")
                    digest.update(chunk)
                    out.write(chunk)
            path = folder / f"{digest.hexdigest()[:12]}-{name}"
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    finally:
        await form.close()
    with _JOBS_LOCK:
        if sum(1 for j in _JOBS.values() if j["status"] == "running") >= MAX_QUEUED:
            path.unlink(missing_ok=True)
            raise HTTPException(503, "too many uploads in progress; try again shortly")
    job_id = secrets.token_urlsafe(12)
    job: dict[str, Any] = {"job": job_id, "status": "running", "started": time.time()}
    _remember(job_id, job)
    future: Future[dict[str, Any]] = _WRITER.submit(_run, request, path, author, limit, name)
    future.add_done_callback(lambda f: job.update(_outcome(f)))
    wait = float(os.environ.get("INNSPILL_UPLOAD_WAIT_S", "") or 20)
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), timeout=wait)
    if future.done():
        job.update(_outcome(future))
    return _job_response(job)


def _outcome(f: Future[dict[str, Any]]) -> dict[str, Any]:
    try:
        return f.result()
    except Exception as exc:  # noqa: BLE001 - the job reports it; the server goes on
        return {"status": "failed", "code": "upload_failed", "message": f"the upload failed ({type(exc).__name__})"}


@router.get("/jobs/{job_id}", tags=["documents"], summary="How an upload that answered 202 went",
            responses={404: {"description": "No such job (or forgotten: the last 200 are kept)"}})
def job_status(job_id: str) -> Any:
    with _JOBS_LOCK:
        job = _JOBS.get(job_id)
    if job is None:
        raise HTTPException(404, "no such upload job")
    if job["status"] == "failed":
        return {"job": job_id, "status": "failed", "error": {"code": job["code"], "message": job["message"]}}
    return {k: v for k, v in job.items() if k != "started"}
