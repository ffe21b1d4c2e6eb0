"""The statement kinds that make a relation, and the relation each makes: one table for the writer, the
evaluation, answers, exports and the recipes' ``relation`` parameter (Cypher recipes name the relation types
themselves)."""

from __future__ import annotations

from typing import Literal, get_args

Relation = Literal["PROPOSES", "OPPOSES", "REPORTS_AS_EXAMPLE"]
StanceKind = Literal["proposal", "commitment", "opposition", "example"]

RELATION_OF_KIND: dict[StanceKind, Relation] = {"proposal": "PROPOSES", "commitment": "PROPOSES",
                                                "opposition": "OPPOSES", "example": "REPORTS_AS_EXAMPLE"}
# the relation types derived from statements, in the order they are shown
STANCE_RELATIONS: tuple[Relation, ...] = get_args(Relation)
KINDS_OF_RELATION = {rel: [k for k, r in RELATION_OF_KIND.items() if r == rel] for rel in STANCE_RELATIONS}
