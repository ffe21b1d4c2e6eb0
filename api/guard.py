"""Refuse NUL and other control characters in a request's path or query string at the edge (422), so they
never reach a Cypher parser whose message would go back to the client."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote_to_bytes

_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BODY = json.dumps({"error": {"code": "invalid_parameters",
                              "message": "parameters must not contain NUL or control characters"}}).encode()


class ControlCharacterGuard:
    """A pure ASGI middleware (cheap: no request object, runs before routing)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            raw = scope.get("query_string", b"").replace(b"+", b" ")
            path = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
            if _CONTROL.search(unquote_to_bytes(raw)) or _CONTROL.search(unquote_to_bytes(path)):
                await send({"type": "http.response.start", "status": 422,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(_BODY)).encode())]})
                await send({"type": "http.response.body", "body": _BODY})
                return
        await self.app(scope, receive, send)
