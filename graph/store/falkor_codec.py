"""Parameters to FalkorDB's ``CYPHER k=v`` prefix, and its ``--compact`` replies back to Python.

FalkorDB's Redis protocol has no binary parameter channel: parameters travel as Cypher literals, so
quoting must be exact (it is also what keeps a caller's text from ever being read as Cypher). Replies
are read in compact mode, because verbose mode turns maps, lists and booleans into strings.
"""

from __future__ import annotations

import math
from typing import Any

# Compact reply value types (FalkorDB's ResultSetScalarTypes).
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _EDGE, _NODE, _PATH, _MAP, _POINT = range(1, 12)


def to_literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError("NaN and infinity cannot be stored")
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        escaped = escaped.replace("\t", "\\t")
        return f'"{escaped}"'
    if isinstance(value, dict):
        items = ", ".join(f"`{_key(k)}`: {to_literal(v)}" for k, v in value.items())
        return "{" + items + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(to_literal(v) for v in value) + "]"
    raise TypeError(f"cannot pass a {type(value).__name__} as a query parameter")


def _key(key: Any) -> str:
    key = str(key)
    if "`" in key:
        raise ValueError(f"parameter key {key!r} may not contain a backtick")
    return key


def with_params(cypher: str, params: dict[str, Any] | None) -> str:
    if not params:
        return cypher
    head = " ".join(f"{_key(k)}={to_literal(v)}" for k, v in params.items())
    return f"CYPHER {head} {cypher}"


def _text(raw: Any) -> str:
    return raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else str(raw)


def decode_value(cell: list[Any]) -> Any:
    kind, raw = cell
    if kind == _STRING:  # (the commonest first: a question's reply holds thousands of cells)
        return raw if raw.__class__ is str else _text(raw)
    if kind == _NULL:
        return None
    if kind == _INTEGER:
        return int(raw)
    if kind == _BOOLEAN:
        return _text(raw) == "true" if not isinstance(raw, int) else bool(raw)
    if kind == _DOUBLE:
        return float(raw)
    if kind == _ARRAY:
        return [decode_value(c) for c in raw]
    if kind == _MAP:
        return {_text(raw[i]): decode_value(raw[i + 1]) for i in range(0, len(raw), 2)}
    if kind in (_NODE, _EDGE, _PATH):
        raise ValueError("return properties(n) or scalar values, not graph entities")
    if kind == _POINT:
        return {"latitude": float(raw[0]), "longitude": float(raw[1])}
    raise ValueError(f"unknown FalkorDB value type {kind}")


def decode_reply(reply: list[Any]) -> list[dict[str, Any]]:
    if len(reply) < 3:  # write without RETURN: only statistics
        return []
    header = [_text(col[1]) for col in reply[0]]
    return [dict(zip(header, [decode_value(c) for c in row], strict=True)) for row in reply[1]]
