"""Named Cypher recipes from ``graph/cypher/*.cypher`` (package data, so an installed package has them; ``cypher/``
in the checkout links there): parse their headers, validate parameters, run read-only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.relations import STANCE_RELATIONS
from graph.store import GraphStore

_TYPES = {"string": str, "int": int, "float": float, "bool": bool}
_PARAM = re.compile(r"\s*(\w+)\s*:\s*(string|int|float|bool)\s*(?:=\s*(\"[^\"]*\"|\S+?))?\s*(?:\(([^)]*)\))?\s*$")
MAX_STRING = 500
RECIPES_DIR = Path(__file__).resolve().with_name("cypher")  # shipped with the package


class RecipeError(ValueError):
    """Unknown recipe or a parameter that is missing, unknown or of the wrong type."""


@dataclass
class Param:
    name: str
    type: str
    default: Any
    required: bool
    description: str


@dataclass
class Recipe:
    name: str
    description: str
    params: list[Param]
    example: dict[str, str]
    cypher: str
    path: Path

    def bind(self, raw: dict[str, Any]) -> dict[str, Any]:
        known = {p.name: p for p in self.params}
        unknown = set(raw) - set(known)
        if unknown:
            raise RecipeError(f"recipe {self.name!r} has no parameter {', '.join(sorted(unknown))}")
        out: dict[str, Any] = {}
        for p in self.params:
            if p.name not in raw or raw[p.name] is None:
                if p.required:
                    raise RecipeError(f"recipe {self.name!r} needs parameter {p.name!r} ({p.type})")
                out[p.name] = p.default
                continue
            out[p.name] = _coerce(p, raw[p.name])
            if p.name == "relation" and out[p.name] not in STANCE_RELATIONS:
                raise RecipeError(f"parameter 'relation' must be one of {', '.join(STANCE_RELATIONS)}, "
                                  f"got {out[p.name]!r}")
        return out


def _coerce(p: Param, value: Any) -> Any:
    kind = _TYPES[p.type]
    try:
        if kind is bool and isinstance(value, str):
            if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError(value)
            return value.lower() in ("true", "1", "yes")
        if kind is int and isinstance(value, bool):
            raise ValueError(value)
        result = kind(value)
    except (TypeError, ValueError) as exc:
        raise RecipeError(f"parameter {p.name!r} must be {p.type}, got {value!r}") from exc
    if kind is str and len(result) > MAX_STRING:
        raise RecipeError(f"parameter {p.name!r} is longer than {MAX_STRING} characters")
    if kind is int and not -1_000_000 <= result <= 1_000_000:
        raise RecipeError(f"parameter {p.name!r} is out of range")
    return result


def _default(type_: str, raw: str | None) -> Any:
    if raw is None:
        return None
    raw = raw.strip('"')
    return _TYPES[type_](raw) if type_ != "bool" else raw.lower() == "true"


def parse(path: Path) -> Recipe:
    header: dict[str, str] = {}
    body: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"^//\s*(name|description|params|example):\s*(.*)$", line)
        if m and not body:
            header[m[1]] = m[2].strip()
        elif not line.startswith("//"):
            body.append(line)
    params = []
    for chunk in filter(None, (c.strip() for c in re.split(r",(?![^()]*\))", header.get("params", "")))):
        m = _PARAM.match(chunk)
        if not m:
            raise RecipeError(f"{path.name}: cannot read parameter {chunk!r}")
        params.append(Param(m[1], m[2], _default(m[2], m[3]), m[3] is None, (m[4] or "").strip()))
    example = dict(kv.split("=", 1) for kv in header.get("example", "").split() if "=" in kv)
    return Recipe(header.get("name", path.stem), header.get("description", ""), params, example,
                  "\n".join(body).strip(), path)


def load_recipes(folder: Path | None = None) -> dict[str, Recipe]:
    """The recipes in ``folder`` (default: the ones shipped with the package); an error when there are none,
    so a broken installation or a wrong ``INNSPILL_CYPHER_DIR`` is not mistaken for an empty list."""
    folder = Path(folder) if folder is not None else RECIPES_DIR
    recipes = {r.name: r for r in (parse(p) for p in sorted(folder.glob("*.cypher")))}
    if not recipes:
        raise RecipeError(f"no recipes (*.cypher) in {folder}")
    return recipes


def run_recipe(store: GraphStore, recipe: Recipe, raw: dict[str, Any]) -> list[dict[str, Any]]:
    return store.query(recipe.cypher, recipe.bind(raw))
