"""Issue 17: no silent replacement, names of any bytes, bounded work, no orphan, a store that vanishes.

Real FalkorDB processes and real subprocesses throughout (kill -9 is a real kill)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.ingest import ingest, stats
from graph.store.embedded import EmbeddedStore

from .conftest import CORPUS, ROOT, served

LETTER = ("Innspill fra {name} kommune\n\nHvilke tiltak er aktuelle?\n\n"
          "• {name} kommune foreslår hospitering mellom kommune og sykehus.\n")


def _letter(path: Path, name: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LETTER.format(name=name), "utf-8")
    return path


def _cli(*args: str | bytes, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "innspill", *args], capture_output=True, cwd=ROOT,
                          timeout=timeout, env={**os.environ, **(env or {})})


COLLIDING = ["a/report.txt", "b/report.txt", "Report.TXT", "report.txt", "日本.txt", "中文.txt", "a_b.txt", "a-b.txt",
             "report.text"]


def _colliding_folder(folder: Path) -> Path:
    for n, rel in enumerate(COLLIDING):
        _letter(folder / rel, f"Kolliderstad{chr(ord('a') + n)}")
    return folder


def test_document_ids_never_collide_and_the_count_is_what_the_graph_holds(tmp_path: Path) -> None:
    folder = _colliding_folder(tmp_path / "in")
    with EmbeddedStore(tmp_path / "g") as store:
        report = ingest(store, [folder], workers=1)
        assert not report.failures
        ids = report.documents
        assert len(ids) == len(set(ids)) == len(COLLIDING) == len(report.loaded) and not report.replaced
        assert stats(store)["nodes"]["Document"] == len(COLLIDING)
        paths = {r["path"] for r in store.query("MATCH (d:Document) RETURN d.path AS path")}
        assert paths == set(COLLIDING)
        # the same files again: same ids, each one reported as replaced, nothing added
        again = ingest(store, [folder], workers=2)
        assert again.documents == ids and not again.loaded and len(again.replaced) == len(COLLIDING)
        assert stats(store)["nodes"]["Document"] == len(COLLIDING)
        # one file given alone keeps the id it had at the root of its folder
        plain = store.query("MATCH (d:Document {path: 'report.txt'}) RETURN d.id AS id")[0]["id"]
        assert plain == "report"
        alone = ingest(store, [folder / "report.txt"])
        assert alone.documents == ["report"] and alone.replaced
        assert stats(store)["nodes"]["Document"] == len(COLLIDING)


def test_plain_names_keep_todays_slug(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "g") as store:
        report = ingest(store, [CORPUS], workers=1)
        assert "ringsaker-kommune-innspill-nhsp-2022" in report.documents
        from loaders import slugify

        assert sorted(report.documents) == sorted(slugify(p.stem) for p in CORPUS.glob("*.txt"))
        single = ingest(store, [CORPUS / "ringsaker-kommune_innspill-nhsp_2022.txt"])
        assert single.documents == ["ringsaker-kommune-innspill-nhsp-2022"] and single.replaced


def test_cli_reports_loaded_replaced_refused_and_what_the_graph_holds(tmp_path: Path) -> None:
    folder = _colliding_folder(tmp_path / "in")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    graph = f"embedded:{tmp_path / 'g'}"
    run = _cli("ingest", str(folder), "--graph", graph, "--workers", "1")
    out = run.stdout.decode()
    assert run.returncode == 1, run.stderr
    assert f"documents loaded: {len(COLLIDING)} (new {len(COLLIDING)}, replaced 0), refused: 1" in out
    assert f"graph holds {len(COLLIDING)} documents" in out
    second = _cli("ingest", str(folder / "b"), "--graph", graph)  # b/report.txt from its own folder: report.txt
    assert "replaced: " in second.stdout.decode() or "replaced 1" in second.stdout.decode()


# -- 2. names and arguments of any bytes --------------------------------------------------------------------------

def test_file_names_and_arguments_of_any_bytes_never_crash_a_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _letter(folder / "good.txt", "Godvik")
    bad = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(bad, "wb") as f:
        f.write(LETTER.format(name="Kafevik").encode())
    with open(os.fsencode(folder) + b"/unreadable\xff.txt", "wb") as f:
        f.write(b"\xff\xfe not utf-8 \xe9")
    graph = f"embedded:{tmp_path / 'g'}"
    run = _cli(b"ingest", os.fsencode(folder), b"--graph", graph.encode(), b"--author", b"Forfatter \xe9",
               b"--workers", b"2")
    err = run.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert run.returncode == 1 and "unreadable\\xff.txt" in err and "not UTF-8" in err
    assert "documents loaded: 2" in run.stdout.decode()
    listed = _cli("stats", "--json", "--graph", graph)
    assert json.loads(listed.stdout)["nodes"]["Document"] == 2
    with EmbeddedStore(tmp_path / "g") as store:
        files = {r["f"] for r in store.query("MATCH (d:Document) RETURN d.file AS f")}
    assert files == {"good.txt", "caf\\xe9.txt"}
    # a single bad file given by name, and --param / questions of any bytes
    alone = _cli(b"ingest", bad, b"--graph", graph.encode())
    assert alone.returncode == 0 and b"Traceback" not in alone.stderr
    for args in ([b"recipes", b"run", b"who_proposes", b"--param", b"measure=caf\xe9"],
                 [b"ask", b"hvem foresl\xe5r caf\xe9?"], [b"inspect", bad]):
        r = _cli(*args, b"--graph", graph.encode()) if args[0] != b"inspect" else _cli(*args)
        assert b"Traceback" not in r.stderr, (args, r.stderr[-2000:])
        assert r.returncode in (0, 1, 2)


def test_a_file_that_vanishes_or_cannot_be_read_refuses_only_itself(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _letter(folder / "a.txt", "Avik")
    locked = _letter(folder / "b.txt", "Bevik")
    _letter(folder / "c.txt", "Cevik")
    locked.chmod(0)
    try:
        with EmbeddedStore(tmp_path / "g") as store:
            report = ingest(store, [folder], workers=1)
            if os.geteuid() != 0:
                assert [Path(f).name for f, _ in report.failures] == ["b.txt"]
                assert len(report.documents) == 2
            else:
                assert len(report.documents) == 3
    finally:
        locked.chmod(0o644)


def test_copy_of_corpus_under_a_subfolder_is_a_different_document(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder / "corpus")
    with EmbeddedStore(tmp_path / "g") as store:
        first = ingest(store, [CORPUS], workers=1)
        second = ingest(store, [folder], workers=1)
        assert not set(first.documents) & set(second.documents)
        assert stats(store)["nodes"]["Document"] == 10


# -- 3. bounded work for PDFs --------------------------------------------------------------------------------------

def bomb_pdf(path: Path, inflated_mb: int, *, pages: int = 1, text: str = "Innspill fra Bombevik kommune") -> Path:
    """A small PDF whose one content stream inflates to ``inflated_mb`` MiB (drawn by every page)."""
    import zlib

    comp = zlib.compressobj(9)
    line = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET\n".encode()
    body = [comp.compress(line)]
    block = b"%" + b" " * (1024 * 1024 - 2) + b"\n"
    for _ in range(inflated_mb):
        body.append(comp.compress(block))
    body.append(comp.flush())
    stream = b"".join(body)
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
             b"/Resources << /Font << /F1 3 0 R >> >> >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


MEASURE = """
import json, resource, sys, time
from graph.ingest import prepare
from graph.extract.statements import warm_up
warm_up()  # the tokenizer and vocabulary: memory every load has, before the PDF is read
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
x, reason = prepare(__import__("pathlib").Path(sys.argv[1]), None, 50 * 1024 * 1024, 2000)
print(json.dumps({"reason": reason, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "before_mb": before, "seconds": time.perf_counter() - t}))
"""


def test_a_pdf_bomb_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    small = bomb_pdf(tmp_path / "small.pdf", 1)
    from loaders import load_document

    assert "Bombevik" in load_document(small).text  # an ordinary stream still reads
    bomb = bomb_pdf(tmp_path / "bomb.pdf", 600)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    run = subprocess.run([sys.executable, "-c", MEASURE, str(bomb)], capture_output=True, text=True, cwd=ROOT,
                         timeout=120, env={**os.environ, "INNSPILL_MAX_PDF_CONTENT_MB": "64"})
    assert run.returncode == 0 and run.stdout.strip(), run.stderr[-2000:]
    result = json.loads(run.stdout)
    assert result["reason"] and "exceeds the limit of 64 MiB" in result["reason"], result
    # the 600 MiB stream was never inflated whole: reading it grew the process by about the 64 MiB cap
    assert result["rss_mb"] - result["before_mb"] < 250, result


def test_content_drawn_by_many_pages_is_bounded_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from loaders import LoadError, load_document

    monkeypatch.setenv("INNSPILL_MAX_PDF_CONTENT_MB", "20")
    doc = bomb_pdf(tmp_path / "many.pdf", 4, pages=10)  # 4 MiB decoded once, drawn 10 times
    with pytest.raises(LoadError, match="page content exceeds the limit"):
        load_document(doc)
    monkeypatch.setenv("INNSPILL_MAX_TEXT_MB", "0.00001")
    monkeypatch.setenv("INNSPILL_MAX_PDF_CONTENT_MB", "256")
    with pytest.raises(LoadError, match="extracted text exceeds the limit"):
        load_document(bomb_pdf(tmp_path / "text.pdf", 0))


def test_bounded_extraction_reads_what_pdfminer_reads(tmp_path: Path) -> None:
    from io import BytesIO

    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    from loaders import pdf_limits

    from .pdfs import make_pdf

    pdf = make_pdf(tmp_path / "cols.pdf", [["Innspill fra Testvik kommune", "Side 1"], ["Side 2"]],
                   columns=("Venstre kolonne med tekst " * 8, "Høyre kolonne med tekst " * 8), footer="Side {n}")
    data = pdf.read_bytes()
    with pdf_limits.bounded():
        mine = pdf_limits.extract_text_bounded(data, LAParams(line_margin=0.8))
    assert mine == extract_text(BytesIO(data), laparams=LAParams(line_margin=0.8))


# -- 4. process hygiene and a store that vanishes ------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _many_letters(folder: Path, n: int) -> Path:
    for i in range(n):
        (folder / f"copy{i:03d}").mkdir(parents=True)
        shutil.copy(CORPUS / "ringsaker-kommune_innspill-nhsp_2022.txt", folder / f"copy{i:03d}" / "r.txt")
    return folder


def test_kill_9_of_ingest_leaves_no_pool_worker(tmp_path: Path) -> None:
    import signal
    import time

    folder = _many_letters(tmp_path / "in", 60)
    proc = subprocess.Popen([sys.executable, "-m", "innspill", "ingest", str(folder), "--workers", "2",
                             "--graph", f"embedded:{tmp_path / 'g'}"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            workers = [p for p in _children(proc.pid)
                       if "redis-server" not in Path(f"/proc/{p}/cmdline").read_bytes().decode(errors="replace")]
            time.sleep(0.05)
        assert len(workers) >= 2, "the pool never started"
        everyone = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(p) for p in everyone):
            time.sleep(0.05)
        assert not [p for p in everyone if _alive(p)], "a pool worker or the store outlived kill -9"
        assert proc.stdout is not None and proc.stdout.read() is not None  # stdout closed: `| tee` would end
    finally:
        if proc.poll() is None:
            proc.kill()


def _kill_store_on_write(monkeypatch: pytest.MonkeyPatch, folder: Path, after: int) -> list[int]:
    import signal

    import graph.ingest as ingest_module

    real, calls = ingest_module.write_document, []

    def write(store, x, vocab=None):  # noqa: ANN001, ANN202
        calls.append(1)
        if len(calls) == after + 1:
            pid = json.loads((folder / "server.json").read_text())["pid"]
            os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                pass
        return real(store, x, vocab)

    monkeypatch.setattr(ingest_module, "write_document", write)
    return calls


def test_a_store_that_vanishes_stops_the_ingest_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    folder = _many_letters(tmp_path / "in", 30)
    store = EmbeddedStore(tmp_path / "g")
    try:
        _kill_store_on_write(monkeypatch, tmp_path / "g", after=3)
        started = time.monotonic()
        report = ingest(store, [folder], workers=1)
        assert time.monotonic() - started < 20
        assert len(report.documents) == 3 and report.aborted and "went away" in report.aborted
        assert len(report.not_loaded) == 27 and not report.failures
    finally:
        store.close()


def test_cli_store_loss_is_one_message_with_the_files_not_loaded(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from innspill.cli import app

    folder = _many_letters(tmp_path / "in", 8)
    _kill_store_on_write(monkeypatch, tmp_path / "g", after=2)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--workers", "1", "--graph", f"embedded:{tmp_path / 'g'}"])
    assert result.exit_code == 3, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    err = result.stderr if hasattr(result, "stderr") else result.output
    assert err.count("ingest stopped, the store went away") == 1 and "6 files not loaded" in err
    assert err.count("not loaded: ") == 6 and "Traceback" not in result.output


# -- 5. uploads ---------------------------------------------------------------------------------------------------

@pytest.fixture()
def live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The API on a real socket (uvicorn in a thread) over a real embedded store; uploads on, key 's3cret'."""
    from api.app import create_app
    from innspill.settings import get_settings

    monkeypatch.setattr(get_settings(), "api_key", "s3cret")
    monkeypatch.setattr(get_settings(), "home", tmp_path / "home")
    store = EmbeddedStore(tmp_path / "home" / "graph")
    try:
        with served(create_app(store)) as (url, port):
            yield {"url": url, "port": port, "store": store, "home": tmp_path / "home"}
    finally:
        store.close()


def _raw(port: int, head: bytes, body: bytes = b"", wait: float = 5.0) -> bytes:
    import socket

    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(head + body)
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                part = sock.recv(65536)
                if not part:
                    break
                data += part
        except TimeoutError:
            pass
        return data


def _head(port: int, length: int | None, *, key: str | None = None, extra: str = "") -> bytes:
    lines = ["POST /v1/documents HTTP/1.1", f"Host: 127.0.0.1:{port}",
             "Content-Type: multipart/form-data; boundary=xyz"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    else:
        lines.append("Transfer-Encoding: chunked")
    if key:
        lines.append(f"X-API-Key: {key}")
    if extra:
        lines.append(extra)
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _spool_bytes() -> int:
    import tempfile

    return sum(f.stat().st_size for f in Path(tempfile.gettempdir()).glob("tmp*") if f.is_file())


def test_upload_key_and_length_are_checked_before_the_body(live) -> None:
    port = live["port"]
    before = _spool_bytes()
    for head, status in ((_head(port, 500_000_000), b" 401 "),                       # no key: 401 at once
                         (_head(port, 500_000_000, key="s3cret"), b" 413 "),         # too large: 413 at once
                         (_head(port, None, key="s3cret"), b" 411 "),                # no length: 411
                         (_head(port, 10, key="s3cret", extra="Origin: https://evil.example"), b" 403 ")):
        reply = _raw(port, head, wait=5)
        assert reply.split(b"\r\n")[0].find(status) > 0, reply[:200]
    assert _spool_bytes() - before < 1_000_000  # nothing of the announced 500 MB was spooled


def test_upload_size_is_enforced_while_streaming(live) -> None:
    import httpx

    from innspill.settings import get_settings

    get_settings().max_file_mb = 0.5  # the fixture's monkeypatch restores nothing here: restore by hand
    try:
        body = b"--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n" \
            + b"x" * 600_000 + b"\r\n--xyz--\r\n"

        def chunks():
            for i in range(0, len(body), 65536):
                yield body[i:i + 65536]

        r = httpx.post(live["url"] + "/v1/documents", content=chunks(), timeout=30,
                       headers={"X-API-Key": "s3cret", "Content-Type": "multipart/form-data; boundary=xyz",
                                "Content-Length": str(len(body))})
        assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    finally:
        get_settings().max_file_mb = 50.0
    assert not list((live["home"] / "uploads").glob("*")) if (live["home"] / "uploads").exists() else True


def test_upload_names_csrf_and_identity(live) -> None:
    import httpx

    url, key = live["url"] + "/v1/documents", {"X-API-Key": "s3cret"}
    long = "æ" * 140 + "ø" * 140 + ".txt"  # 560 bytes: over any file system's 255
    r = httpx.post(url, headers=key, files={"file": (long, LETTER.format(name="Langnavik").encode(), "text/plain")},
                   timeout=60)
    assert r.status_code == 201, r.text
    assert "/tmp" not in r.text and str(live["home"]) not in r.text
    kept = list((live["home"] / "uploads").iterdir())
    assert len(kept) == 1 and len(kept[0].name.encode()) <= 120
    # same name, other content, and names whose slug is empty: distinct documents, none replaced
    ids = {r.json()["documents"][0]}
    for name, town in (("日本.txt", "Japanvik"), ("中文.txt", "Kinavik"), ("中文.txt", "Kinavik2")):
        r = httpx.post(url, headers=key, files={"file": (name, LETTER.format(name=town).encode(), "text/plain")},
                       timeout=60)
        assert r.status_code == 201 and not r.json()["replaced"], r.text
        ids.add(r.json()["documents"][0])
    assert len(ids) == 4 == stats(live["store"])["nodes"]["Document"]
    # CSRF: a form posted from another origin, or not as multipart, is refused before anything is read
    evil = httpx.post(url, headers={**key, "Origin": "https://evil.example"},
                      files={"file": ("x.txt", b"Innspill", "text/plain")})
    assert evil.status_code == 403
    form = httpx.post(url, headers=key, data={"file": "Innspill fra X"})
    assert form.status_code == 415
    same = httpx.post(url, headers={**key, "Origin": live["url"]},
                      files={"file": ("ok.txt", LETTER.format(name="Origovik").encode(), "text/plain")}, timeout=60)
    assert same.status_code == 201
    assert all(p.stat().st_mode & 0o077 == 0 for p in (live["home"] / "uploads").iterdir())


def test_an_upload_never_stalls_reads(live, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    import httpx

    monkeypatch.setenv("INNSPILL_UPLOAD_WAIT_S", "60")
    lines = ["Innspill fra Tregvik kommune", ""]
    for i in range(3000):
        lines += [f"Tregvik kommune foreslår hospitering og kombinerte stillinger for jordmødre nummer {i}.", ""]
    text = "\n".join(lines).encode()
    result: dict = {}

    def post() -> None:
        started = time.monotonic()
        result["r"] = httpx.post(live["url"] + "/v1/documents", headers={"X-API-Key": "s3cret"},
                                 files={"file": ("tregvik.txt", text, "text/plain")}, timeout=120)
        result["seconds"] = time.monotonic() - started

    t = threading.Thread(target=post)
    t.start()
    time.sleep(0.3)
    latencies = []
    while t.is_alive() and len(latencies) < 20:
        started = time.monotonic()
        assert httpx.get(live["url"] + "/v1/health", timeout=60).status_code == 200
        latencies.append(time.monotonic() - started)
    t.join()
    assert result["r"].status_code == 201, result["r"].text
    assert result["seconds"] > 1.5 and len(latencies) > 3, result  # the upload took a while and reads ran meanwhile
    assert max(latencies) < 1.0, latencies


def test_a_slow_upload_answers_202_with_a_job_url(live, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    import httpx

    import api.upload

    # the upload is held back until the answer has come (a loaded machine may finish a small letter inside a short
    # wait, and the test would race): it is slow for certain, and the real pipeline then loads it
    answered = threading.Event()
    run = api.upload._run
    monkeypatch.setattr(api.upload, "_run", lambda *a: answered.wait(30) and run(*a))
    monkeypatch.setenv("INNSPILL_UPLOAD_WAIT_S", "0.01")
    r = httpx.post(live["url"] + "/v1/documents", headers={"X-API-Key": "s3cret"},
                   files={"file": ("jobvik.txt", LETTER.format(name="Jobvik").encode(), "text/plain")}, timeout=60)
    answered.set()
    assert r.status_code == 202 and r.json()["status_url"].startswith("/v1/jobs/")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job = httpx.get(live["url"] + r.json()["status_url"]).json()
        if job["status"] != "running":
            break
        time.sleep(0.1)
    assert job["status"] == "done" and job["documents"]


# -- 6. the embedded store: a password, private files, a server never rides on a command's store ------------------

def test_embedded_store_requires_its_folders_password(tmp_path: Path) -> None:
    import redis

    with EmbeddedStore(tmp_path / "g") as store:
        store.write("CREATE (:Thing {id: 'x'})")
        folder = tmp_path / "g"
        password = (folder / "password").read_text().strip()
        assert len(password) >= 32
        assert (folder / "password").stat().st_mode & 0o777 == 0o600
        assert folder.stat().st_mode & 0o777 == 0o700
        stranger = redis.Redis(host="127.0.0.1", port=store.port, socket_timeout=5)
        with pytest.raises(redis.AuthenticationError):
            stranger.execute_command("GRAPH.QUERY", "innspill", "MATCH (n) DETACH DELETE n")
        with pytest.raises(redis.RedisError):
            stranger.execute_command("SHUTDOWN")
        assert store.query("MATCH (n:Thing) RETURN count(n) AS c") == [{"c": 1}]
        cmdline = Path(f"/proc/{store.pid}/cmdline").read_bytes().decode(errors="replace")
        assert password not in cmdline  # from a 0600 config file, never on the command line
        store.write("CREATE (:Thing {id: 'y'})")
        guest = EmbeddedStore(folder)  # another client of the same folder reads the password
        assert guest.query("MATCH (n:Thing) RETURN count(n) AS c") == [{"c": 2}]
        guest.close()
    private = [f for f in folder.rglob("*") if f.is_file()]
    assert private and all(f.stat().st_mode & 0o077 == 0 for f in private), \
        [(f.name, oct(f.stat().st_mode)) for f in private if f.stat().st_mode & 0o077]


COMMAND = """
import sys, time
from graph.store.embedded import EmbeddedStore
s = EmbeddedStore(sys.argv[1])
s.write("CREATE (:Thing {id: 'from-command'})")
print(s.pid, flush=True)
time.sleep(float(sys.argv[2]))
s.close()
"""


def test_a_server_never_rides_on_a_store_a_command_started(tmp_path: Path) -> None:
    import time

    folder = tmp_path / "g"
    command = subprocess.Popen([sys.executable, "-c", COMMAND, str(folder), "2"], cwd=ROOT, stdout=subprocess.PIPE,
                               text=True)
    assert command.stdout is not None
    command_store = int(command.stdout.readline())
    started = time.monotonic()
    server = EmbeddedStore(folder, role="server")  # waits for the command instead of attaching to its store
    try:
        assert server.owned and server.pid != command_store and time.monotonic() - started > 1
        assert command.wait(timeout=30) == 0 and not _alive(command_store)
        assert server.query("MATCH (n:Thing) RETURN n.id AS id") == [{"id": "from-command"}]
        # a command that comes later attaches to the server's store and never stops it
        later = subprocess.run([sys.executable, "-c", COMMAND, str(folder), "0"], cwd=ROOT, capture_output=True,
                               text=True, timeout=60)
        assert int(later.stdout.split()[0]) == server.pid
        assert _alive(server.pid) and server.query("MATCH (n:Thing) RETURN count(n) AS c") == [{"c": 2}]
    finally:
        server.close()


# -- 7. streamed exports with a limit; control characters refused at the edge -------------------------------------

@pytest.fixture(scope="module")
def corpus_client(tmp_path_factory: pytest.TempPathFactory):
    from fastapi.testclient import TestClient

    from api.app import create_app

    store = EmbeddedStore(tmp_path_factory.mktemp("export-graph"))
    ingest(store, [CORPUS], workers=1)
    with TestClient(create_app(store)) as c:
        c.store = store
        yield c
    store.close()


def test_exports_stream_row_by_row_with_a_limit(corpus_client, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    import networkx as nx

    from graph import export_stream
    from graph.export import evidence_rows, export_json

    monkeypatch.setattr(export_stream, "PAGE", 50)  # many pages even on the small corpus
    data = export_json(corpus_client.store)
    with corpus_client.stream("GET", "/v1/export", params={"format": "json"}) as r:
        chunks = list(r.iter_text())
    assert len(chunks) > 100  # written row by row, not built whole
    body = json.loads("".join(chunks))
    assert body["nodes"] == data["nodes"] and body["relationships"] == data["relationships"] and not body["truncated"]
    small = corpus_client.get("/v1/export", params={"format": "json", "limit": 7}).json()
    assert len(small["nodes"]) == 7 and len(small["relationships"]) == 7 and small["truncated"]
    g = nx.read_graphml(io.StringIO(corpus_client.get("/v1/export", params={"format": "graphml"}).text))
    assert g.number_of_nodes() == len(data["nodes"]) and g.number_of_edges() == len(data["relationships"])
    import csv

    table = list(csv.reader(io.StringIO(corpus_client.get("/v1/export", params={"format": "evidence"}).text)))
    assert table[1:] == [[str(c) for c in row] for row in evidence_rows(corpus_client.store)]
    assert corpus_client.get("/v1/export", params={"limit": 0}).status_code == 422


@pytest.mark.parametrize("url", ["/v1/search?q=jord%00m%C3%B8dre", "/v1/ask?q=hvem%00foresl%C3%A5r",
                                 "/v1/recipes/who_proposes?measure=fact%00", "/v1/actors/ringsaker%00kommune",
                                 "/v1/actors?q=%1b[31m", "/v1/graph?center=fact%07"])
def test_nul_and_control_characters_are_refused_without_internals(corpus_client, url: str) -> None:
    r = corpus_client.get(url)
    assert r.status_code == 422, r.text
    assert r.json() == {"error": {"code": "invalid_parameters",
                                  "message": "parameters must not contain NUL or control characters"}}


# -- 8. docker-compose and secrets --------------------------------------------------------------------------------

def test_compose_binds_neo4j_to_loopback_with_no_default_password() -> None:
    import yaml

    text = (ROOT / "docker-compose.yml").read_text("utf-8")
    compose = yaml.safe_load(text)
    for name, service in compose["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), (name, port)
    assert ":-" not in text and "change-me" not in text  # no default secret anywhere
    assert "${NEO4J_PASSWORD:?" in compose["services"]["neo4j"]["environment"]["NEO4J_AUTH"]
    assert ".env" in compose["services"]["api"]["env_file"]
    assert ".env" in (ROOT / ".gitignore").read_text().split()


@pytest.mark.parametrize("uri", ["bolt://neo4j:hunter2@127.0.0.1:{port}", "neo4j://admin:hunter2@127.0.0.1:{port}",
                                 "postgres://u:hunter2@127.0.0.1:{port}"])
def test_a_uri_with_a_password_is_never_printed(uri: str) -> None:
    from graph.store.embedded import free_port

    run = _cli("stats", "--graph", uri.format(port=free_port()), timeout=120)
    err = run.stderr.decode()
    assert run.returncode == 2 and "hunter2" not in err + run.stdout.decode(), err
    assert "Traceback" not in err and "\nerror: " in "\n" + err
