"""The FastAPI application: one error shape, read-only queries, uploads behind an API key, the explorer at /."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from api import briefs, entities, upload
from graph import __version__
from graph.answer import AnswerError
from graph.ask import ask
from graph.ingest import stats
from graph.recipes import RecipeError, load_recipes, run_recipe
from graph.settings import get_settings
from graph.store import GraphStore, QueryError, StoreError
from graph.subgraph import subgraph

_LOG = logging.getLogger("innspill.api")
STATIC = Path(__file__).with_name("static")
VENDOR = "/static/vendor"  # Swagger UI and ReDoc are vendored (api/static/vendor/): /docs works offline
ASK_EXAMPLES = ["Who proposes combined positions for midwives?", "Hvem foreslår kombinerte stillinger for jordmødre?",
                "hvem har gode eksempler på FACT?", "Hva foreslår Ringsaker kommune om finansiering?",
                "Hvem går imot forslaget om å legge ned legevakten?", "Who opposes hospital at home?"]


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def _handler(status: int, code: str):  # noqa: ANN202 - a Starlette exception handler
    async def handle(_: Request, exc: Exception) -> JSONResponse:
        return _error(status, code, str(exc))
    return handle


ERROR_SCHEMA = {"description": "Every error has this shape", "content": {"application/json": {"example": {
    "error": {"code": "invalid_parameters", "message": "limit: Input should be greater than or equal to 1"}}}}}


def app_from_settings() -> FastAPI:
    """The app for each process of ``innspill serve --workers N``: it opens the store that INNSPILL_GRAPH
    names; an embedded store attaches to the FalkorDB server its parent started (never starts its own)."""
    from graph.store import open_store

    return create_app(open_store())


def create_app(store: GraphStore) -> FastAPI:
    settings = get_settings()
    app = FastAPI(title="Innspill Graph API", version=__version__,
                  description="Actors, measures and themes of Norwegian health-policy documents; every "
                              "relation carries its quote, document and page. All reads are read-only queries; "
                              "uploads need the API key (header `X-API-Key`).",
                  responses={400: ERROR_SCHEMA, 404: ERROR_SCHEMA, 422: ERROR_SCHEMA},
                  docs_url=None, redoc_url=None)
    app.state.store = store
    from api.guard import ControlCharacterGuard

    app.add_middleware(ControlCharacterGuard)  # NUL and control characters: 422 before any route runs
    recipes = load_recipes(settings.cypher_dir)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=[o.strip() for o in settings.cors_origins.split(",")],
                           allow_methods=["GET", "POST"], allow_headers=["X-API-Key", "Content-Type"])

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        code = {401: "unauthorized", 403: "forbidden", 404: "not_found", 413: "too_large"}.get(exc.status_code,
                                                                                                 "http_error")
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_parameters", "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))

    for exc_type, status, code in ((RecipeError, 400, "invalid_parameters"), (AnswerError, 400, "invalid_parameters"),
                                   (StoreError, 503, "store_unavailable")):
        app.add_exception_handler(exc_type, _handler(status, code))

    # the store's and Python's own messages name parser internals, paths and values: they go to the server log,
    # the client gets a fixed message
    @app.exception_handler(QueryError)
    async def query_failed(request: Request, exc: QueryError) -> JSONResponse:
        _LOG.warning("query failed for %s: %s", request.url.path, exc)
        timed_out = "timeout" in str(exc).lower() or "timed out" in str(exc).lower()
        return _error(400, "query_failed", "the query took too long" if timed_out else
                      "the query could not be run on this graph; the server log has the details")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        _LOG.exception("unexpected error for %s", request.url.path, exc_info=exc)
        return _error(500, "internal_error", "an unexpected error; the server log has the details")

    app.include_router(entities.router)
    app.include_router(briefs.router)
    app.include_router(upload.router)

    @app.get("/v1/health", summary="Store kind and node counts", tags=["meta"])
    def health() -> dict[str, Any]:
        counts = stats(store)
        return {"status": "ok", "version": __version__, "store": store.kind, "nodes": counts["nodes"]}

    @app.get("/v1/stats", summary="Counts of nodes by label and relationships by type", tags=["meta"])
    def get_stats() -> dict[str, Any]:
        return stats(store)

    @app.get("/v1/recipes", summary="The named Cypher recipes and their typed parameters", tags=["recipes"])
    def list_recipes() -> list[dict[str, Any]]:
        return [{"name": r.name, "description": r.description, "example": r.example,
                 "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                             "description": p.description} for p in r.params]} for r in recipes.values()]

    @app.get("/v1/recipes/{name}", summary="Run a recipe read-only; its parameters as query string",
             tags=["recipes"], openapi_extra={"parameters": [
                 {"name": "params", "in": "query", "required": False, "style": "form", "explode": True,
                  "schema": {"type": "object", "additionalProperties": {"type": "string"}},
                  "description": "The recipe's own parameters, e.g. measure=fact (see GET /v1/recipes)"}]})
    def run(name: str, request: Request) -> JSONResponse:
        if name not in recipes:
            raise HTTPException(404, f"no recipe named {name!r}")
        rows = run_recipe(store, recipes[name], dict(request.query_params))
        # rows hold only JSON values (decoded from the store): skip FastAPI's per-value encoder
        return JSONResponse({"recipe": name, "rows": rows})

    @app.get("/v1/search", summary="Full-text search over statements (Norwegian stemming)", tags=["questions"])
    def search(q: str = Query(..., min_length=1, max_length=300, examples=["jordmødre"]),
               limit: int = Query(20, ge=1, le=200)) -> dict[str, Any]:
        rows = store.fulltext("Statement", q, limit)
        return {"query": q, "results": [
            {"id": r["node"].get("id"), "quote": r["node"].get("text"), "document": r["node"].get("document_id"),
             "page": r["node"].get("page"), "kind": r["node"].get("kind"), "score": r["score"],
             **({"line": r["node"]["line"]} if r["node"].get("line") else {})} for r in rows]}

    # (the answer is plain JSON already: returned as it is, not walked by FastAPI's encoder, which took 8 ms of a
    # theme question's 50 answers and 300 quotes)
    @app.get("/v1/ask", summary="A question in Norwegian or English, answered with evidence", tags=["questions"],
             response_model=dict[str, Any])
    def ask_question(q: str = Query(..., min_length=2, max_length=500, examples=ASK_EXAMPLES),
                     document: list[str] = Query([], max_length=50, description="Limit to these files or document "
                                                 "ids (repeatable)"),
                     limit: int = Query(50, ge=1, le=500)) -> JSONResponse:
        return JSONResponse(ask(store, q, documents=document or None, limit=limit))

    @app.get("/v1/graph", summary="Subgraph for the explorer: a node's neighbourhood, the start view or all",
             tags=["explorer"], responses={404: {"description": "No node has the id given as center"}})
    def graph(center: str | None = Query(None, max_length=200, examples=["fact"],
                                         description="Id of an actor, measure, theme, group or document"),
              depth: int = Query(1, ge=1, le=3, description="Hops around the center"),
              top: int = Query(15, ge=1, le=200, description="Start view: how many most-proposed measures"),
              whole: bool = Query(False, description="Every actor, measure and theme")) -> dict[str, Any]:
        result = subgraph(store, center, depth, top=top, whole=whole)
        if center and not whole and not any(n["id"] == center for n in result["nodes"]):
            raise HTTPException(404, f"no node with id {center!r}")  # as /v1/actors/{id} and the others
        return result

    @app.get("/v1/export", summary="The graph as json, graphml or the evidence table (CSV), streamed",
             tags=["export"])
    def export(format: str = Query("json", pattern="^(json|graphml|evidence)$"),
               limit: int = Query(100_000, ge=1, le=1_000_000, description="Most rows of each kind (nodes, "
                                  "relationships, evidence rows); past it the export says it was truncated")) -> Any:
        from fastapi.responses import StreamingResponse

        from graph import export_stream as ex

        media = {"json": "application/json", "graphml": "application/graphml+xml",
                 "evidence": "text/csv; charset=utf-8"}[format]
        body = {"json": ex.stream_json, "graphml": ex.stream_graphml, "evidence": ex.stream_evidence}[format]
        return StreamingResponse(body(store, limit), media_type=media)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{VENDOR}/swagger_ui/swagger-ui-bundle.js",
            swagger_css_url=f"{VENDOR}/swagger_ui/swagger-ui.css",
            swagger_favicon_url=f"{VENDOR}/swagger_ui/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None})  # the online validator badge would call out

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title} - ReDoc",
                              redoc_js_url=f"{VENDOR}/redoc/redoc.standalone.js",
                              redoc_favicon_url=f"{VENDOR}/swagger_ui/favicon-32x32.png", with_google_fonts=False)

    return app
