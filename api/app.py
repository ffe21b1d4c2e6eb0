"""The FastAPI application: health, stats, recipes, full-text search, documents; one error shape."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse

from graph.ingest import stats
from graph.recipes import RecipeError, load_recipes, run_recipe
from graph.store import GraphStore, QueryError, StoreError
from innspill import __version__
from innspill.settings import get_settings


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def create_app(store: GraphStore) -> FastAPI:
    settings = get_settings()
    app = FastAPI(title="Innspill Graph API", version=__version__,
                  description="Actors, measures and themes of Norwegian health-policy documents; every "
                              "relation carries its quote, document and page.")
    recipes = load_recipes(settings.cypher_dir)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, "http_error", str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_parameters", "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))

    @app.exception_handler(RecipeError)
    async def recipe_error(_: Request, exc: RecipeError) -> JSONResponse:
        return _error(400, "invalid_parameters", str(exc))

    @app.exception_handler(QueryError)
    async def query_error(_: Request, exc: QueryError) -> JSONResponse:
        return _error(400, "query_failed", str(exc))

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> JSONResponse:
        return _error(503, "store_unavailable", str(exc))

    @app.get("/v1/health", summary="Store kind and node counts")
    def health() -> dict[str, Any]:
        counts = stats(store)
        return {"status": "ok", "version": __version__, "store": store.kind, "nodes": counts["nodes"]}

    @app.get("/v1/stats", summary="Counts of nodes by label and relationships by type")
    def get_stats() -> dict[str, Any]:
        return stats(store)

    @app.get("/v1/recipes", summary="The named Cypher recipes and their typed parameters")
    def list_recipes() -> list[dict[str, Any]]:
        return [{"name": r.name, "description": r.description, "example": r.example,
                 "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                             "description": p.description} for p in r.params]} for r in recipes.values()]

    @app.get("/v1/recipes/{name}", summary="Run a recipe read-only; parameters as query string")
    def run(name: str, request: Request) -> dict[str, Any]:
        if name not in recipes:
            raise HTTPException(404, f"no recipe named {name!r}")
        rows = run_recipe(store, recipes[name], dict(request.query_params))
        return {"recipe": name, "rows": rows}

    @app.get("/v1/search", summary="Full-text search over statements (Norwegian stemming)")
    def search(q: str = Query(..., min_length=1, max_length=300), limit: int = Query(20, ge=1, le=200)):
        rows = store.fulltext("Statement", q, limit)
        return {"query": q, "results": [
            {"quote": r["node"].get("text"), "document": r["node"].get("document_id"),
             "page": r["node"].get("page"), "kind": r["node"].get("kind"), "score": r["score"]} for r in rows]}

    @app.get("/v1/documents", summary="Documents with their kind, date and statement count")
    def documents(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        rows = store.query("MATCH (d:Document) RETURN properties(d) AS d ORDER BY d.id SKIP $offset LIMIT $limit",
                           {"offset": offset, "limit": limit})
        return {"items": [r["d"] for r in rows], "offset": offset, "limit": limit}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> str:
        names = "".join(f"<li><code>/v1/recipes/{r.name}</code> — {r.description}</li>" for r in recipes.values())
        return (f"<!doctype html><meta charset=utf-8><title>Innspill Graph</title><h1>Innspill Graph</h1>"
                f"<p>Store: {store.kind}. API under <a href=/v1/health>/v1</a>, OpenAPI at "
                f"<a href=/docs>/docs</a>.</p><ul>{names}</ul>")

    return app
