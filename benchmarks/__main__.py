"""``python -m benchmarks [--sizes 10,100,1000] [--out benchmarks/results]``: where ingest time goes, the
pdfminer.six floor, a scale sweep over synthetic corpora and query latency under concurrent clients.

Prints tables and writes one JSON file. Figures, not pass/fail: targets are compared in the README.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import socket
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from benchmarks.synthetic import corpus_pdfs, synthetic_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"


class StageTimer:
    """Wraps the pipeline's stage functions where the ingest module looks them up, and sums their time."""

    STAGES = {"read": [("loaders.load", "read_pdf"), ("loaders.load", "decode_text")],
              "clean": [("loaders.load", "clean_lines")], "structure": [("loaders.load", "_assemble")],
              "extract": [("graph.ingest", "extract")], "write": [("graph.ingest", "write_document")]}

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def active(self):
        import importlib

        saved = []
        for stage, targets in self.STAGES.items():
            for module_name, attr in targets:
                module = importlib.import_module(module_name)
                original = getattr(module, attr)
                saved.append((module, attr, original))
                setattr(module, attr, self._wrap(stage, original))
        try:
            yield self
        finally:
            for module, attr, original in saved:
                setattr(module, attr, original)

    def _wrap(self, stage, fn):  # noqa: ANN001, ANN202
        def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - t
        return timed


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _store_mb(store) -> float:  # noqa: ANN001
    try:
        return store._client.info("memory")["used_memory"] / 1024 / 1024
    except Exception:  # noqa: BLE001 - a figure we print when the store tells us
        return float("nan")


def ingest_run(paths: list[Path], folder: Path) -> dict:
    from graph.ingest import ingest, stats
    from graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(folder)
    try:
        timer = StageTimer()
        with timer.active():
            t = time.perf_counter()
            report = ingest(store, paths)
            wall = time.perf_counter() - t
        counts = stats(store)
        pages = sum(r["p"] or 0 for r in store.query("MATCH (d:Document) RETURN d.pages AS p"))
        return {"documents": len(report.documents), "failures": len(report.failures), "wall_s": round(wall, 3),
                "statements": report.statements, "pages": pages,
                "pages_per_s": round(pages / wall, 1) if pages else None,
                "statements_per_s": round(report.statements / wall, 1),
                "stages_s": {k: round(v, 3) for k, v in timer.seconds.items()},
                "nodes": sum(counts["nodes"].values()), "edges": sum(counts["relationships"].values()),
                "store_memory_mb": round(_store_mb(store), 1), "python_peak_rss_mb": round(_peak_rss_mb(), 1)}
    finally:
        store.close()


def pdfminer_floor(pdfs: list[Path]) -> float:
    from pdfminer.high_level import extract_text

    t = time.perf_counter()
    for p in pdfs:
        extract_text(str(p))
    return time.perf_counter() - t


def _percentiles(samples: list[float]) -> dict[str, float]:
    qs = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50_ms": round(qs[49] * 1000, 2), "p95_ms": round(qs[94] * 1000, 2), "p99_ms": round(qs[98] * 1000, 2)}


QUERIES = {
    "who_proposes": "/v1/recipes/who_proposes?measure=kombinerte-stillinger&group=jordmodre",
    "who_reports_example": "/v1/recipes/who_reports_example?measure=fact",
    "measures_by_theme": "/v1/recipes/measures_by_theme?theme=digitalisering",
    "most_proposed_measures": "/v1/recipes/most_proposed_measures?limit=20",
    "neighbourhood": "/v1/recipes/neighbourhood?id=fact",
    "ask": "/v1/ask?q=Who+proposes+combined+positions+for+midwives%3F",
}


def query_latency(folder: Path, clients: int, requests: int) -> dict:
    import httpx
    import uvicorn

    from api.app import create_app
    from graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(folder)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    out = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            for name, url in QUERIES.items():
                http.get(url).raise_for_status()  # warm

                def one(_: int, url: str = url) -> float:
                    t = time.perf_counter()
                    http.get(url).raise_for_status()
                    return time.perf_counter() - t
                with ThreadPoolExecutor(clients) as pool:
                    samples = list(pool.map(one, range(requests)))
                out[name] = _percentiles(samples)
    finally:
        server.should_exit = True
        thread.join(10)
        store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    ap.add_argument("--sizes", default="10,100,1000", help="synthetic corpus sizes (documents)")
    ap.add_argument("--clients", type=int, default=4, help="concurrent HTTP clients for query latency")
    ap.add_argument("--requests", type=int, default=200, help="requests per query and size")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    result: dict = {"machine": {"python": platform.python_version(), "platform": platform.platform(),
                                "cpus": __import__("os").cpu_count()}}
    with tempfile.TemporaryDirectory(prefix="innspill-bench-") as tmp:
        tmp = Path(tmp)
        text = ingest_run(sorted(CORPUS.glob("*.txt")), tmp / "text")
        pdfs = corpus_pdfs(sorted(CORPUS.glob("*.txt")), tmp / "pdf-in")
        floor = pdfminer_floor(pdfs)
        pdf = ingest_run(pdfs, tmp / "pdf")
        result["corpus_text"], result["corpus_pdf"] = text, pdf
        result["pdfminer_floor_s"] = round(floor, 3)
        result["pdf_ingest_over_floor"] = round(pdf["wall_s"] / floor, 2)
        print(f"\ncorpus from text: {text['documents']} docs, {text['wall_s']} s wall, "
              f"{text['statements_per_s']} statements/s, stages {text['stages_s']}")
        print(f"corpus from PDF:  {pdf['documents']} docs, {pdf['pages']} pages, {pdf['wall_s']} s wall, "
              f"{pdf['pages_per_s']} pages/s, stages {pdf['stages_s']}")
        print(f"pdfminer.six alone: {floor:.3f} s → full ingest is {result['pdf_ingest_over_floor']}× the floor")
        result["scale"] = []
        print(f"\n{'docs':>6}{'wall s':>9}{'ms/doc':>9}{'stmts':>8}{'nodes':>8}{'edges':>8}{'store MB':>10}"
              f"{'py MB':>8}   query p95 ms (" + ", ".join(QUERIES) + ")")
        for n in sizes:
            folder = synthetic_corpus(n, tmp / f"synthetic-{n}")
            run = ingest_run(sorted(folder.glob("*.txt")), tmp / f"graph-{n}")
            run["ms_per_document"] = round(run["wall_s"] * 1000 / n, 2)
            run["latency"] = query_latency(tmp / f"graph-{n}", args.clients, args.requests)
            result["scale"].append({"size": n, **run})
            p95 = ", ".join(f"{v['p95_ms']:.1f}" for v in run["latency"].values())
            print(f"{n:>6}{run['wall_s']:>9.2f}{run['ms_per_document']:>9.1f}{run['statements']:>8}{run['nodes']:>8}"
                  f"{run['edges']:>8}{run['store_memory_mb']:>10.1f}{run['python_peak_rss_mb']:>8.0f}   {p95}")
        if len(result["scale"]) >= 2:
            first, last = result["scale"][0], result["scale"][-1]
            ratio = round(last["ms_per_document"] / first["ms_per_document"], 3)
            result["per_document_ratio_largest_to_smallest"] = ratio
            print(f"per-document cost at {last['size']} vs {first['size']}: {ratio}×")
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(result, indent=1), "utf-8")
    print(f"\nwritten: {path}")


if __name__ == "__main__":
    main()
