"""Curator decisions on actors (merge, split, rename, alias) and on discovered measures (reject, merge, rename,
promote), applied on every load.

The decisions file is data the curator owns (``graph/vocabulary/decisions.yaml`` or ``INNSPILL_DECISIONS``);
because extraction reads the vocabulary through it, a fix survives every reload and rebuild. Ids stay
stable: a renamed actor keeps its id, and its old name becomes an alias. Actor decisions change the vocabulary
(:func:`apply_decisions`); a decision with a ``measure`` key is about a measure the extractor discovered and is
applied to each document's extraction as it ends (:func:`graph.extract.curation.apply_measure_decisions`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.datafile import read_yaml
from loaders.names import normal_name, slugify

ACTIONS = ("merge", "alias", "rename", "split")
MEASURE_ACTIONS = ("reject", "merge", "rename", "promote")


class DecisionError(ValueError):
    """A decision that cannot be applied; the message names the decision."""


def read_decisions(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    data = read_yaml(path) or []
    if not isinstance(data, list):
        raise DecisionError(f"{path}: expected a list of decisions")
    return data


def _key(name: str) -> str:
    return slugify(normal_name(name))


def _find(actors: list[dict[str, Any]], ref: str) -> dict[str, Any] | None:
    for a in actors:
        if ref in (a["id"], a["name"]) or _key(ref) in {_key(n) for n in [a["name"], *a.get("aliases", [])]}:
            return a
    return None


def apply_decisions(actors: list[dict[str, Any]], decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return a new actor list with the decisions applied in order; each actor dict gets a stable ``id``."""
    out = [{**a, "id": a.get("id") or slugify(a["name"]), "aliases": list(a.get("aliases", []))} for a in actors]
    for n, d in enumerate(decisions, start=1):
        if not isinstance(d, dict):
            raise DecisionError(f"decision {n}: expected a mapping with an action, got {d!r}")
        if "measure" in d:
            continue  # a decision on a discovered measure: applied to each extraction
        action = d.get("action")
        if action not in ACTIONS:
            raise DecisionError(f"decision {n}: unknown action {action!r}; use one of {', '.join(ACTIONS)}")
        if action == "merge":
            source = _find(out, d["from"])
            target = _find(out, d["into"])
            if target is None:  # merging into a name the vocabulary lacks creates that canonical actor
                target = {"id": slugify(d["into"]), "name": d["into"], "type": d.get("type", "other"), "aliases": []}
                out.append(target)
            if source is not None and source is not target:
                out.remove(source)
                target["aliases"] += [source["name"], *source["aliases"]]
            else:
                target["aliases"].append(d["from"])
            continue
        actor = _find(out, d.get("actor", ""))
        if actor is None:
            raise DecisionError(f"decision {n} ({action}): no actor {d.get('actor')!r} in the vocabulary")
        if action == "alias":
            actor["aliases"].append(d["alias"])
        elif action == "rename":
            actor["aliases"].append(actor["name"])
            actor["name"] = d["name"]
        elif action == "split":
            if d["alias"] not in actor["aliases"]:
                raise DecisionError(f"decision {n} (split): {d['alias']!r} is not an alias of {actor['name']}")
            actor["aliases"].remove(d["alias"])
    for a in out:
        a["aliases"] = [x for x in dict.fromkeys(a["aliases"]) if x != a["name"]]
    return out


def measure_decisions(decisions: list[dict[str, Any]], vocabulary: dict[str, Any]) -> list[dict[str, Any]]:
    """The decisions on discovered measures, checked (``vocabulary``: the vocabulary's measure entries by id).
    Each names its measure by id ("m-ambuler-sarteam") or by a wording ("ambulerende sårteam"); a merge names
    the measure ``into`` by id (discovered or vocabulary) or by name."""
    out = []
    for n, d in enumerate(decisions, start=1):
        if not isinstance(d, dict) or "measure" not in d:
            continue
        action, ref = d.get("action"), d.get("measure")
        if action not in MEASURE_ACTIONS:
            raise DecisionError(f"decision {n}: unknown action {action!r} for a measure; use one of "
                                f"{', '.join(MEASURE_ACTIONS)}")
        if not isinstance(ref, str) or not ref.strip():
            raise DecisionError(f"decision {n} ({action}): 'measure' must name a discovered measure")
        if ref in vocabulary:
            raise DecisionError(f"decision {n} ({action}): {ref!r} is a vocabulary measure; decisions apply to "
                                "discovered measures (edit graph/vocabulary/measures.yaml for the vocabulary)")
        if action == "merge" and not str(d.get("into") or "").strip():
            raise DecisionError(f"decision {n} (merge): 'into' must name the measure to merge into")
        if action == "rename" and not str(d.get("name") or "").strip():
            raise DecisionError(f"decision {n} (rename): 'name' must give the new name")
        out.append(d)
    return out

