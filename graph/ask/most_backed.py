"""Which measures most actors back ("Hvilke tiltak får mest støtte?", "What are the most common proposals?"): the
measures ranked by how many actors propose them, each answered by its backers with their quotes. A ranking the
graph can give and a keyword search cannot: it counts actors per measure, not sentences per word."""

from __future__ import annotations

from typing import Any

from graph.answer import KINDS, answer, of_kind
from graph.ask.parse import WHO_INTENT
from graph.extract.vocab import Vocabulary
from graph.store import GraphStore

TOP = 10  # measures a ranking answers with

# (a narrower measure's statements are ABOUT its broader one too: ranked apart, its backers would count twice, as in
# the recipe most_proposed_measures)
_BACKERS = ("{scope}MATCH (a:Actor)-[:STATES]->(s:Statement)-[:ABOUT]->(m:Measure) "
            "WHERE s.kind IN $kinds AND m.broader IS NULL{theme} "
            "RETURN m.id AS measure_id, m.name AS measure, a.id AS actor_id, a.name AS name, a.type AS type, "
            "count(s) AS statements")
_SCOPE = "MATCH (d:Document)-[:CONTAINS]->(s:Statement) WHERE d.file IN $documents OR d.id IN $documents WITH s "
_THEME = " AND (s)-[:CONCERNS]->(:Theme {id: $theme})"


def ranked_measures(store: GraphStore, kinds: list[str], documents: list[str] | None = None,
                    theme: str | None = None, actor_types: tuple[str, ...] = (), actor_names: tuple[str, ...] = (),
                    top: int = TOP) -> list[tuple[str, str, int]]:
    """(measure id, name, actors backing it) for the ``top`` measures most actors back, most first (then the most
    statements, then the name): in the question's documents, on its theme, by its kinds of actor."""
    cypher = _BACKERS.format(scope=_SCOPE if documents else "", theme=_THEME if theme else "")
    rows = store.query(cypher, {"kinds": kinds, "documents": list(documents or []), "theme": theme})
    if actor_types or actor_names:
        rows = [r for r in rows if of_kind({"type": r["type"], "name": r["name"]}, actor_types, actor_names)]
    actors: dict[str, set[str]] = {}
    statements: dict[str, int] = {}
    names: dict[str, str] = {}
    for r in rows:
        actors.setdefault(r["measure_id"], set()).add(r["actor_id"])
        statements[r["measure_id"]] = statements.get(r["measure_id"], 0) + r["statements"]
        names[r["measure_id"]] = r["measure"]
    order = sorted(actors, key=lambda m: (-len(actors[m]), -statements[m], names[m]))
    return [(m, names[m], len(actors[m])) for m in order[:top]]


_VERB = {"PROPOSES": "propose", "OPPOSES": "oppose", "REPORTS_AS_EXAMPLE": "report as their practice"}


def most_backed(store: GraphStore, params: dict[str, Any], vocab: Vocabulary, limit: int,
                actor_types: tuple[str, ...] = (), actor_names: tuple[str, ...] = (),
                relations: tuple[str, ...] = ("PROPOSES",)) -> tuple[list[dict[str, Any]], str]:
    """The actors of the measures most actors back (or oppose, or report: "Hva er de vanligste innvendingene?"),
    grouped by measure in the ranking's order, and a note that gives the ranking (each with its number of actors)."""
    # (the one stance the question asks for; support unless it names one: "de vanligste innvendingene")
    relation = relations[0] if len(relations) == 1 and relations[0] in WHO_INTENT else "PROPOSES"
    kinds = list(KINDS[relation])
    ranking = ranked_measures(store, kinds, params.get("documents"), params.get("theme"), actor_types, actor_names)
    if not ranking:
        return [], ""
    rank = {mid: i for i, (mid, _, _) in enumerate(ranking)}
    found = answer(store, WHO_INTENT[relation], {**params, "measure_ids": list(rank), "phrase": None, "theme": None,
                                              "relations": [relation]}, vocab, limit=sum(n for _, _, n in ranking))
    # each measure's best evidenced actors, as many as the limit gives each (the note counts them all)
    per = max(1, limit // len(ranking))
    shown: dict[str, int] = {}
    kept = []
    for a in sorted((a for a in found if (a["measure"] or {}).get("id") in rank and a["relation"] == relation),
                    key=lambda a: (rank[a["measure"]["id"]], -a.get("evidence_total", len(a["evidence"])))):
        if shown.setdefault(a["measure"]["id"], 0) < per:
            shown[a["measure"]["id"]] += 1
            kept.append(a)
    note = (f"the {len(ranking)} measures most actors {_VERB[relation]}, by the number of actors: "
            + "; ".join(f"{name} ({n})" for _, name, n in ranking)
            + f"; each answered by its {per} best evidenced actor{'s' if per > 1 else ''}")
    return kept, note
