"""The statement kinds that make a relation, and the relation each makes: one table for the writer, the
evaluation, answers and exports (Cypher recipes name the relation types themselves)."""

from __future__ import annotations

RELATION_OF_KIND = {"proposal": "PROPOSES", "commitment": "PROPOSES", "opposition": "OPPOSES",
                    "example": "REPORTS_AS_EXAMPLE"}
# the relation types derived from statements, in the order they are shown
STANCE_RELATIONS = ("PROPOSES", "OPPOSES", "REPORTS_AS_EXAMPLE")
KINDS_OF_RELATION = {rel: [k for k, r in RELATION_OF_KIND.items() if r == rel] for rel in STANCE_RELATIONS}
