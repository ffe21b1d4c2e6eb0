"""Theme briefs over HTTP: ``GET /v1/briefs/{theme}?format=md|html|docx|json`` (``graph/brief.py``)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from graph.brief import BriefError, build_brief
from graph.brief_render import MEDIA_TYPES, render

router = APIRouter(prefix="/v1")

_CONTENT = {media.split(";")[0]: {} for media in MEDIA_TYPES.values()}


@router.get("/briefs/{theme_id}", summary="A theme brief: ranked measures, backers by actor type, quotes, "
            "disagreement, existing practice, groups, silent documents, method and sources", tags=["briefs"],
            responses={200: {"description": "The brief in the format asked for", "content": _CONTENT}})
def brief(request: Request, theme_id: str,
          format: Literal["md", "html", "docx", "json"] = Query("html", description="md, html, docx or json"),
          actor_type: str | None = Query(None, max_length=60, description="Only actors of this type",
                                         examples=["kommune"]),
          document: list[str] | None = Query(None, max_length=50, description="Only statements of these "
                                             "documents (repeat the parameter)")) -> Response:
    try:
        data = build_brief(request.app.state.store, theme_id, actor_type=actor_type, documents=document or None)
    except BriefError as exc:
        raise HTTPException(404, str(exc)) from None
    headers = {}
    if format == "docx":
        headers["Content-Disposition"] = f'attachment; filename="brief-{_safe(theme_id)}.docx"'
    return Response(render(data, format), media_type=MEDIA_TYPES[format], headers=headers)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name)[:80]
