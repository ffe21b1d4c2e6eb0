"""``innspill``: one CLI over the same functions the API calls (ingest, inspect, stats, export, serve, recipes)."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import typer

from innspill.settings import get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Innspill Graph: actors, measures and themes "
                  "of Norwegian health-policy documents, with evidence on every edge.")
recipes_app = typer.Typer(no_args_is_help=True, help="Named Cypher recipes from cypher/.")
app.add_typer(recipes_app, name="recipes")

GraphOption = typer.Option(None, "--graph", help="Store URI: embedded:[folder] (default), bolt://…, neo4j://…")


def _term(*_: object) -> None:
    raise SystemExit(143)  # run atexit handlers, so an embedded store we started is stopped


def _open(uri: str | None):
    from graph.store import StoreError, open_store

    signal.signal(signal.SIGTERM, _term)
    try:
        return open_store(uri)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files (PDF, text) and folders to load."),
    author: str | None = typer.Option(None, help="Author for files whose text does not name its sender."),
    graph: str | None = GraphOption,
) -> None:
    """Load documents into the graph: idempotent, one atomic write per document."""
    from graph.ingest import expand, stats
    from graph.ingest import ingest as run_ingest

    settings = get_settings()
    files = expand(paths)
    with _open(graph) as store, typer.progressbar(length=len(files), label="ingest", file=sys.stderr) as bar:
        report = run_ingest(store, files, author=author, max_bytes=int(settings.max_file_mb * 1024 * 1024),
                            max_pages=settings.max_pages, progress=lambda _p: bar.update(1))
        counts = stats(store)
    typer.echo(f"documents loaded: {len(report.documents)}, statements: {report.statements}, "
               f"seconds: {report.seconds:.2f}")
    typer.echo("graph: " + ", ".join(f"{k} {v}" for k, v in counts["nodes"].items()))
    typer.echo("edges: " + ", ".join(f"{k} {v}" for k, v in counts["relationships"].items()))
    for path, reason in report.failures:
        typer.echo(f"error: {Path(path).name}: {reason}", err=True)
    if report.failures:
        raise typer.Exit(1)


@app.command()
def inspect(file: Path, as_json: bool = typer.Option(False, "--json", help="One JSON object."),
            author: str | None = typer.Option(None, help="Override the detected author.")) -> None:
    """Show what the loader reads from a file: parts, authors, sections, blocks, pages, warnings."""
    from loaders import LoadError, load_document

    settings = get_settings()
    try:
        doc = load_document(file, author=author, max_bytes=int(settings.max_file_mb * 1024 * 1024),
                            max_pages=settings.max_pages)
    except LoadError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
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
def stats_cmd(as_json: bool = typer.Option(False, "--json"), graph: str | None = GraphOption) -> None:
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


@app.command()
def export(fmt: str = typer.Option("json", "--format", help="json"), graph: str | None = GraphOption) -> None:
    """Export the whole graph (json: the contract shape of DESIGN.md)."""
    from graph.export import export_json

    if fmt != "json":
        typer.echo(f"error: unknown format {fmt!r}; available: json", err=True)
        raise typer.Exit(2)
    with _open(graph) as store:
        typer.echo(json.dumps(export_json(store), ensure_ascii=False, sort_keys=True))


@recipes_app.command("list")
def recipes_list() -> None:
    from graph.recipes import load_recipes

    for r in load_recipes(get_settings().cypher_dir).values():
        params = ", ".join(f"{p.name}: {p.type}" + ("" if p.required else f" = {p.default!r}") for p in r.params)
        typer.echo(f"{r.name}({params})\n    {r.description}")


@recipes_app.command("run")
def recipes_run(name: str, param: list[str] = typer.Option([], "--param", help="k=v, repeatable"),
                graph: str | None = GraphOption) -> None:
    from graph.recipes import RecipeError, load_recipes, run_recipe

    recipes = load_recipes(get_settings().cypher_dir)
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
def serve(port: int = typer.Option(8000, help="Port on 127.0.0.1"), host: str = "127.0.0.1",
          graph: str | None = GraphOption) -> None:
    """Serve the JSON API under /v1 (OpenAPI at /docs) and the start page at /."""
    import uvicorn

    from api.app import create_app

    store = _open(graph)
    try:
        uvicorn.run(create_app(store), host=host, port=port, log_level="info")
    finally:
        store.close()


if __name__ == "__main__":  # pragma: no cover
    app()
