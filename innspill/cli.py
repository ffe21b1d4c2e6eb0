"""``innspill``: one CLI over the same functions the API calls (ingest, inspect, stats, export, serve, recipes)."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterable
from pathlib import Path

import typer

from graph.settings import SettingsError, get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Innspill Graph: actors, measures and themes "
                  "of Norwegian health-policy documents, with evidence on every edge.")
recipes_app = typer.Typer(no_args_is_help=True, help="Named, read-only Cypher recipes (shipped in graph/cypher/).")
app.add_typer(recipes_app, name="recipes")
vocab_app = typer.Typer(no_args_is_help=True, help="Curate the vocabularies in graph/vocabulary/.")
app.add_typer(vocab_app, name="vocab")

GraphOption = typer.Option(None, "--graph", help="Store URI: embedded:[folder] (default), bolt://…, neo4j://…")


def _text(value: str | None) -> str | None:
    """An argument of any bytes as text every store and terminal takes (undecodable bytes as \\xNN)."""
    from graph.identity import clean_text

    return None if value is None else clean_text(value)


@app.callback()
def _check_settings() -> None:
    # a bad INNSPILL_* value is one line on stderr, not a validation traceback
    try:
        get_settings()
    except SettingsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def _term(*_: object) -> None:
    raise SystemExit(143)  # run atexit handlers, so an embedded store we started is stopped


def _open(uri: str | None, role: str = "command"):
    from graph.store import StoreError, open_store

    signal.signal(signal.SIGTERM, _term)
    try:
        return open_store(uri, role=role)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files (PDF, text) and folders to load."),
    author: str | None = typer.Option(None, help="Author for files whose text does not name its sender."),
    workers: int | None = typer.Option(None, min=1, help="Processes that load and extract (default: CPUs)."),
    graph: str | None = GraphOption,
) -> None:
    """Load documents into the graph: idempotent, one atomic write per document, extraction in parallel.
    A document's id comes from its path relative to the folder given (a file given alone: its name)."""
    from graph.identity import display
    from graph.ingest import expand_rooted, stats
    from graph.ingest import ingest as run_ingest
    from graph.store import StoreError
    from innspill.progress import IngestProgress

    settings = get_settings()
    total = len(expand_rooted(paths))
    with _open(graph) as store, IngestProgress(total) as bar:  # a bar on a terminal, plain lines otherwise
        report = run_ingest(store, paths, author=author, max_bytes=int(settings.max_file_mb * 1024 * 1024),
                            max_pages=settings.max_pages, progress=bar.advance,
                            workers=workers or settings.workers)
        counts = None
        if not report.aborted:
            try:
                counts = stats(store)
            except StoreError as exc:
                report.aborted = f"the store went away: {exc}"
    typer.echo(f"documents loaded: {len(report.documents)} (new {len(report.loaded)}, replaced "
               f"{len(report.replaced)}), refused: {len(report.failures)}, statements: {report.statements}, "
               f"seconds: {report.seconds:.2f}")
    for file, doc_id, previous in report.replaced:
        if previous and Path(previous).name != Path(file).name:
            typer.echo(f"replaced: {file} -> {doc_id} (was {display(previous)})")
    if counts:
        typer.echo(f"graph holds {counts['nodes']['Document']} documents")
        typer.echo("graph: " + ", ".join(f"{k} {v}" for k, v in counts["nodes"].items()))
        typer.echo("edges: " + ", ".join(f"{k} {v}" for k, v in counts["relationships"].items()))
    for path, reason in report.failures:
        typer.echo(f"error: {display(Path(path).name)}: {reason}", err=True)
    if report.aborted:
        typer.echo(f"error: ingest stopped, {report.aborted}; {len(report.not_loaded)} files not loaded"
                   + "".join(f"\n  not loaded: {display(f)}" for f in report.not_loaded), err=True)
        raise typer.Exit(3)
    if report.failures:
        raise typer.Exit(1)


@app.command()
def inspect(file: Path = typer.Argument(..., help="A PDF or text file."),
            as_json: bool = typer.Option(False, "--json", help="One JSON object."),
            author: str | None = typer.Option(None, help="Override the detected author.")) -> None:
    """Show what the loader reads from a file: parts, authors, sections, blocks, pages, warnings."""
    from loaders import LoadError, load_document

    settings = get_settings()
    try:
        doc = load_document(file, author=_text(author), max_bytes=int(settings.max_file_mb * 1024 * 1024),
                            max_pages=settings.max_pages)
    except LoadError as exc:
        typer.echo(f"error: {_text(str(exc))}", err=True)
        raise typer.Exit(1) from exc
    doc.file = _text(doc.file) or doc.file
    summary = doc.summary()
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{summary['file']}: {summary['kind']}, {summary['format']}, pages: {summary['pages'] or 'unknown'}")
    typer.echo("blocks: " + ", ".join(f"{k} {v}" for k, v in summary["blocks"].items()))
    for p in summary["parts"]:
        typer.echo(f"part {p['index'] + 1}: {p['author'] or '(author unknown)'} [{p['author_source']}]"
                   f" date {p['date'] or '-'}, lines {p['lines'][0]}-{p['lines'][1]}, {p['blocks']} blocks")
        typer.echo(f"  title: {p['title']}")
        for s in p["sections"][:40]:
            typer.echo(f"  § {s[:100]}")
    for w in summary["warnings"]:
        typer.echo(f"warning: {w}")


@app.command("stats")
def stats_cmd(as_json: bool = typer.Option(False, "--json", help="One JSON object: nodes and relationships."),
              graph: str | None = GraphOption) -> None:
    """Counts of nodes by label and relationships by type."""
    from graph.ingest import stats

    with _open(graph) as store:
        counts = stats(store)
    if as_json:
        typer.echo(json.dumps(counts))
        return
    for section, values in counts.items():
        typer.echo(section + ":")
        for k, v in values.items():
            typer.echo(f"  {k:<20} {v}")


@vocab_app.command("suggest")
def vocab_suggest(
    limit: int = typer.Option(30, help="How many discovered measures, and how many phrases."),
    min_count: int = typer.Option(2, help="Least number of statements a phrase must occur in."),
    min_actors: int = typer.Option(1, help="Least number of actors that must propose a discovered measure."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object: 'discovered' (measures with their "
                                 "backers and wordings) and 'phrases' (with their counts)."),
    graph: str | None = GraphOption,
) -> None:
    """Discovered measures ranked by how many actors back them (PROPOSES), with their wordings, to promote,
    merge or reject in decisions.yaml; then frequent phrases in proposals and examples about no measure."""
    from graph.suggest import discovered, suggest

    with _open(graph) as store:
        measures = discovered(store, limit=limit, min_actors=min_actors)
        found = suggest(store, limit=limit, min_statements=min_count)
    if as_json:
        typer.echo(json.dumps({"discovered": measures, "phrases": [s.as_dict() for s in found]}, ensure_ascii=False))
        return
    typer.echo("Discovered measures, by the actors that propose them (promote, merge or reject in decisions.yaml):")
    typer.echo(f"{'id':<42}{'actors':>7}{'statements':>11}{'documents':>10}  wordings")
    for m in measures:
        wordings = " | ".join(m["wordings"][:4]) + (" …" if len(m["wordings"]) > 4 else "")
        typer.echo(f"{m['id'][:41]:<42}{m['actors']:>7}{m['statements']:>11}{m['documents']:>10}  {wordings[:90]}")
    typer.echo("\nPhrases in proposals and examples that are about no measure:")
    typer.echo(f"{'phrase':<42}{'statements':>11}{'documents':>10}  example")
    for s in found:
        typer.echo(f"{s.phrase[:41]:<42}{s.statements:>11}{len(s.documents):>10}  {s.example[:70]!r}")


@vocab_app.command("review")
def vocab_review(
    out: Path = typer.Option(Path("review.yaml"), "--out", help="Where to write the proposals."),
    threshold: float = typer.Option(88.0, help="Least name similarity (0-100, rapidfuzz token_sort_ratio)."),
    graph: str | None = GraphOption,
) -> None:
    """Propose actor merges from near-identical names, and merges of discovered measures that look alike,
    into a review file. Nothing is applied: copy the ones you accept into graph/vocabulary/decisions.yaml."""
    import yaml

    from graph.review import review

    with _open(graph) as store:
        proposals = review(store, threshold)
    measures = sum("measure" in p for p in proposals)
    out.write_text("# Proposed merges (not applied). Copy accepted ones into decisions.yaml, without score, names\n"
                   "# and why. Actor merges have from/into; merges of discovered measures have measure/into (ids).\n"
                   + yaml.safe_dump(proposals, allow_unicode=True, sort_keys=False), "utf-8")
    typer.echo(f"{len(proposals)} proposals written to {out} ({len(proposals) - measures} actor merges, "
               f"{measures} measure merges)")


@app.command("eval")
def eval_cmd(
    gold: Path | None = typer.Option(None, help="Gold folder (relations.yaml, questions.yaml)."),
    fresh: bool = typer.Option(False, "--fresh", help="Score a new temporary graph built from the corpus folder "
                               "instead of the selected graph."),
    details: int = typer.Option(15, help="How many misses and false hits to list (all with --json)."),
    devset: Path | None = typer.Option(None, help="Development set folder (genre-*.yaml + texts); "
                                       "default tests/fixtures/genre."),
    as_json: bool = typer.Option(False, "--json", help="Every score, miss and false hit as one JSON object."),
    graph: str | None = GraphOption,
) -> None:
    """Precision, recall and F1 per relation type against the gold files; question accuracy; misses. Then the
    development set: extractor beside the thirty-word cue baseline, per language, per annotation file and
    leaving out one kind of sender at a time."""
    import tempfile

    from graph.answer import answer
    from graph.ask import ask as run_ask
    from graph.devset import evaluate_devset
    from graph.evaluate import evaluate_questions, evaluate_relations
    from graph.ingest import ingest as run_ingest

    settings = get_settings()
    gold_dir = gold or settings.gold_dir
    if not (gold_dir / "relations.yaml").is_file():
        typer.echo(f"error: no relations.yaml in {gold_dir}", err=True)
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory(prefix="innspill-eval-") as tmp:
        with _open(f"embedded:{tmp}" if fresh else graph) as store:
            if fresh:
                run_ingest(store, [settings.corpus_dir], workers=settings.workers)
            files = {r["file"] for r in store.query("MATCH (d:Document) RETURN d.file AS file")}
            reports = evaluate_relations(store, gold_dir)
            questions = evaluate_questions(
                gold_dir, lambda q: answer(store, q["intent"], {**q["params"], "documents": q.get("documents")}))
            asked = {lang: evaluate_questions(gold_dir, lambda q, lang=lang: run_ask(
                store, q[f"question_{lang}"], documents=q.get("documents"))["answers"]) for lang in ("no", "en")}
    out = {"documents_in_graph": sorted(files), "relations": [r.as_dict() for r in reports],
           "questions": {"correct": sum(q.ok for q in questions), "total": len(questions),
                         "failed": [q.__dict__ for q in questions if not q.ok]},
           "asked": {lang: {"correct": sum(q.ok for q in res), "total": len(res),
                            "failed": [q.id for q in res if not q.ok]} for lang, res in asked.items()}}
    dev_dir = devset or settings.devset_dir
    if any(dev_dir.glob("genre-*.yaml")):
        out["devset"] = evaluate_devset(dev_dir, [settings.corpus_dir])
        if (settings.questions_dir / "dev.yaml").is_file():
            out["dev_questions"] = _dev_questions([settings.corpus_dir, dev_dir], settings.questions_dir)
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for r in out["relations"]:
        typer.echo(f"view: {r['view']}")
        typer.echo(f"  {'relation':<20}{'precision':>10}{'recall':>8}{'f1':>7}{'gold':>6}{'found':>7}{'system':>8}")
        for rel, sc in r["scores"].items():
            typer.echo(f"  {rel:<20}{sc['precision']:>10.3f}{sc['recall']:>8.3f}{sc['f1']:>7.3f}{sc['gold']:>6}"
                       f"{sc['found']:>7}{sc['system_on_exhaustive']:>8}")
        typer.echo(f"  must_not hits: {len(r['must_not_hits'])}")
        for h in r["must_not_hits"]:
            typer.echo(f"    ✗ {h['actor']} {h['relation']}: {h['quote'][:110]!r} ({h['why'][:60]})")
    first = out["relations"][0]
    typer.echo(f"misses (statements view, {len(first['misses'])}):")
    for m in first["misses"][:details]:
        typer.echo(f"  - {m['document'][:28]} L{m['lines']} {m['actor']} {m['relation']}: {m['quote'][:90]!r}")
    typer.echo(f"false hits on exhaustive documents ({len(first['false_hits'])}):")
    for f in first["false_hits"][:details]:
        typer.echo(f"  - {f['document'][:28]} {f['actor']} {f['relation']}: {f['quote'][:90]!r}")
    q = out["questions"]
    typer.echo(f"questions (structured intent + parameters): {q['correct']}/{q['total']} correct")
    for lang, a in out["asked"].items():
        typer.echo(f"questions asked as written ({lang}, innspill ask): {a['correct']}/{a['total']} correct")
    if "devset" in out:
        _print_devset(out["devset"], details)
    if "dev_questions" in out:
        typer.echo("\ndevelopment questions (tests/fixtures/questions/dev.yaml) on corpus + development set:")
        for name, res in out["dev_questions"].items():
            typer.echo(f"  {name:<6}" + "  ".join(f"{lang} {v['correct']}/{v['total']} = {v['share']:.3f}"
                                                  for lang, v in res.items()))


def _dev_questions(folders: list[Path], questions_dir: Path) -> dict:  # type: ignore[type-arg]
    """``ask`` and the BM25-over-sentences baseline on the development questions, in a graph of the folders."""
    import tempfile

    from graph.ask import ask as run_ask
    from graph.ask_eval import Bm25Baseline, evaluate, load_questions, summary
    from graph.ingest import ingest as run_ingest

    questions = load_questions(questions_dir, "dev")
    with tempfile.TemporaryDirectory(prefix="innspill-questions-") as tmp, _open(f"embedded:{tmp}") as store:
        run_ingest(store, folders)
        asked = summary(evaluate(questions, lambda q, docs: run_ask(store, q, documents=docs)["answers"]))
    baseline = summary(evaluate(questions, Bm25Baseline(sorted(f for d in folders for f in d.glob("*.txt")))))
    return {"ask": asked, "bm25": baseline}


def _print_devset(dev: dict, details: int) -> None:  # type: ignore[type-arg]
    def row(label: str, scores: dict) -> str:  # type: ignore[type-arg]
        return f"  {label:<34}" + "".join(
            f"{scores[r]['precision']:>7.3f}{scores[r]['recall']:>7.3f}" for r in ("PROPOSES", "OPPOSES",
                                                                                 "REPORTS_AS_EXAMPLE", "all"))
    typer.echo(f"\ndevelopment set: {dev['documents']} documents, {len(dev['sender_kinds'])} kinds of sender "
               "(statements view; P and R per relation)")
    typer.echo(f"  {'':<34}{'PROPOSES':>14}{'OPPOSES':>14}{'EXAMPLE':>14}{'all':>14}")
    for name in ("extractor", "baseline"):
        typer.echo(row(f"{name}", dev[name]["all"]["scores"]))
    typer.echo(row("extractor, leave one sender kind out", dev["leave_one_kind_out"]["all"]["scores"]))
    for lang, scores in dev["extractor"]["by_language"].items():
        typer.echo(row(f"extractor, language {lang}", scores))
    for name, scores in dev["extractor"]["by_annotation_file"].items():
        typer.echo(row(f"extractor, {name}", scores))
    for kind, scores in dev["extractor"]["by_sender_kind"].items():
        typer.echo(row(f"extractor, {kind}", scores))
    whole = dev["extractor"]["all"]
    typer.echo(f"  must_not hits: {len(whole['must_not_hits'])}")
    cov = dev["measure_coverage"]
    typer.echo(f"  measure coverage: {cov['covered']}/{cov['gold']} = {cov['share']:.3f} of the required stances are "
               "ABOUT a measure sharing half the annotated measure name's content words")
    for m in whole["misses"][:details]:
        typer.echo(f"  - miss {m['document'][:28]} {m['actor']} {m['relation']}: {m['quote'][:90]!r}")
    for f in whole["false_hits"][:details]:
        typer.echo(f"  - false {f['document'][:28]} {f['actor']} {f['relation']}: {f['quote'][:90]!r}")


@app.command()
def ask(
    question: str = typer.Argument(..., help="A question in Norwegian or English."),
    as_json: bool = typer.Option(False, "--json", help="The whole answer as one JSON object: interpretation, "
                                 "answers with evidence (the same as GET /v1/ask)."),
    document: list[str] = typer.Option([], "--document", help="Limit to this file or document id (repeatable)."),
    limit: int = typer.Option(50, help="Most answers."),
    graph: str | None = GraphOption,
) -> None:
    """Answer a question ("hvem foreslår kombinerte stillinger for jordmødre?") with quotes, documents and pages."""
    from graph.ask import ask as run_ask

    question = _text(question) or ""
    document = [_text(d) or "" for d in document]
    with _open(graph) as store:
        result = run_ask(store, question, documents=document or None, limit=limit)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    it = result["interpretation"]
    shown = {k: v for k, v in it.items() if k not in ("language", "recipe", "note", "measure", "group", "then")}
    typer.echo("understood: " + ", ".join(f"{k}={v}" for k, v in shown.items()))
    if it.get("then"):
        typer.echo("and then: " + ", ".join(f"{k}={v}" for k, v in it["then"].items()
                                            if k not in ("language", "recipe", "note")))
    if it.get("note"):
        typer.echo(f"note: {it['note']}")
    if "actors_counted" in it:
        typer.echo(f"actors: {it['actors_counted']}")
    if not result["answers"]:
        typer.echo("no answers: nothing in the graph says this.")
    for r in result.get("related", [])[:5]:  # apart from the answers: not evidence for the question
        for e in r["evidence"][:1]:
            typer.echo(f"  related, not an answer: {r['actor']['name']}: «{e['quote']}» [{e['document']}]")
    for a in result["answers"]:
        measure = (a.get("measure") or {}).get("name") or "-"
        typer.echo(f"\n{a['actor']['name']} ({a['actor'].get('type') or '?'})  {a['relation']}  {measure}")
        for e in a["evidence"]:
            page = f"p. {e['page']}" if e.get("page") is not None else f"line {e['line']}" if e.get("line") \
                else "page unknown"
            typer.echo(f"  - «{e['quote']}»  [{e['document']}, {page}]")


def _check_format(fmt: str, formats: Iterable[str], out: Path | None, needs_out: str, why: str) -> None:
    """One error and exit 2 for a format the command lacks, or one that writes files and was given no --out."""
    if fmt not in formats:
        typer.echo(f"error: unknown format {fmt!r}; available: {', '.join(formats)}", err=True)
        raise typer.Exit(2)
    if fmt == needs_out and out is None:
        typer.echo(f"error: --format {fmt} {why}", err=True)
        raise typer.Exit(2)


@app.command()
def export(
    fmt: str = typer.Option("json", "--format", help="json | graphml | csv | evidence | html"),
    out: Path | None = typer.Option(None, "--out", help="Folder for csv (nodes.csv, edges.csv); file otherwise."),
    theme: str | None = typer.Option(None, help="html: only this theme's measures and their actors (theme id)."),
    actor: str | None = typer.Option(None, help="html: only this actor's neighbourhood (actor id)."),
    graph: str | None = GraphOption,
) -> None:
    """Export the graph: json (nodes and edges with their properties), graphml (Gephi), csv (nodes, edges),
    evidence (CSV table: actor, actor type, relation, measure, theme, quote, document, page), html (standalone
    pyvis picture)."""
    from graph import export as ex
    from graph.export_html import export_html

    _check_format(fmt, ex.FORMATS, out, "csv", "writes two files; give a folder with --out")
    with _open(graph) as store:
        if fmt == "csv":
            for path in ex.export_csv(store, out):
                typer.echo(str(path))
            return
        text = {"json": lambda: json.dumps(ex.export_json(store), ensure_ascii=False, sort_keys=True),
                "graphml": lambda: ex.export_graphml(store), "evidence": lambda: ex.export_evidence(store),
                "html": lambda: export_html(store, theme=theme, actor=actor)}[fmt]()
    if out:
        out.write_text(text, "utf-8")
        typer.echo(str(out))
    else:
        typer.echo(text)


@app.command()
def brief(
    theme: str = typer.Option(..., "--theme", help="Theme id, e.g. digitalisering (GET /v1/themes lists them)."),
    actor_type: str | None = typer.Option(None, "--actor-type", help="Only actors of this type (kommune, HF, RHF …)."),
    document: list[str] | None = typer.Option(None, "--document", help="Only statements of this document id "
                                              "(repeat for several)."),
    fmt: str = typer.Option("md", "--format", help="md | html | docx | json"),
    out: Path | None = typer.Option(None, "--out", help="File to write; md, html and json go to stdout without it."),
    graph: str | None = GraphOption,
) -> None:
    """A theme brief: measures ranked by their distinct backers with a table by actor type, quotes chosen for
    coverage with document and page, disagreement, existing practice, groups concerned, the documents silent on
    the theme, method and sources. Counts, tables and verbatim quotes only; the same graph gives the same brief."""
    from graph.brief import BriefError, build_brief
    from graph.brief_render import FORMATS, render

    _check_format(fmt, FORMATS, out, "docx", "writes a file; give it with --out")
    with _open(graph) as store:
        try:
            data = render(build_brief(store, theme, actor_type=actor_type, documents=document or None), fmt)
        except BriefError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
    if out:
        out.write_bytes(data)
        typer.echo(str(out))
    else:
        sys.stdout.write(data.decode("utf-8"))


def _recipes():  # noqa: ANN202 - dict[str, Recipe]
    from graph.recipes import RecipeError, load_recipes

    try:
        return load_recipes(get_settings().cypher_dir)
    except RecipeError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@recipes_app.command("list")
def recipes_list(as_json: bool = typer.Option(False, "--json", help="One JSON list: name, description, "
                                              "example and typed parameters of each recipe.")) -> None:
    """List the recipes: name, typed parameters (with defaults) and what each answers."""
    recipes = _recipes()
    if as_json:
        typer.echo(json.dumps([{"name": r.name, "description": r.description, "example": r.example,
                                "params": [{"name": p.name, "type": p.type, "required": p.required,
                                            "default": p.default} for p in r.params]}
                               for r in recipes.values()], ensure_ascii=False, indent=1))
        return
    for r in recipes.values():
        params = ", ".join(f"{p.name}: {p.type}" + ("" if p.required else f" = {p.default!r}") for p in r.params)
        typer.echo(f"{r.name}({params})\n    {r.description}")


@recipes_app.command("run")
def recipes_run(name: str = typer.Argument(..., help="Recipe name, as `innspill recipes list` shows it."),
                param: list[str] = typer.Option([], "--param", help="A recipe parameter as name=value "
                                                "(repeatable), e.g. --param measure=fact."),
                graph: str | None = GraphOption) -> None:
    """Run a recipe read-only and print its rows as JSON."""
    from graph.recipes import RecipeError, run_recipe

    recipes = _recipes()
    name, param = _text(name) or "", [_text(p) or "" for p in param]
    try:
        if name not in recipes:
            raise RecipeError(f"no recipe named {name!r}; see `innspill recipes list`")
        raw = dict(p.split("=", 1) for p in param if "=" in p)
        if len(raw) != len(param):
            raise RecipeError("parameters are written k=v")
        recipes[name].bind(raw)
    except RecipeError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    with _open(graph) as store:
        typer.echo(json.dumps(run_recipe(store, recipes[name], raw), ensure_ascii=False, indent=2))


@app.command()
def serve(port: int = typer.Option(8000, help="Port to listen on."),
          host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0: every interface)."),
          workers: int = typer.Option(1, min=1, help="Server processes; more answer concurrent clients "
                                                      "in parallel (each ~150 MB)."),
          graph: str | None = GraphOption) -> None:
    """Serve the JSON API under /v1 (OpenAPI at /docs and /redoc) and the explorer at /. Stop with Ctrl-C."""
    import os

    import uvicorn

    from api.app import create_app

    store = _open(graph, role="server")  # never rides on a store a short-lived command started
    try:
        if workers == 1:
            uvicorn.run(create_app(store), host=host, port=port, log_level="info")
        else:  # the workers attach to the store this process keeps open
            if store.kind == "embedded":
                os.environ["INNSPILL_GRAPH"] = f"embedded:{store.folder}"
            elif graph:
                os.environ["INNSPILL_GRAPH"] = graph
            uvicorn.run("api.app:app_from_settings", factory=True, workers=workers, host=host, port=port,
                        log_level="info")
    finally:
        store.close()


if __name__ == "__main__":  # pragma: no cover
    app()
