// name: what_actor_proposes
// description: Measures an actor proposes (or reports as an example, or opposes), each with the quotes, documents and pages behind it.
// params: actor: string (actor id, e.g. ringsaker-kommune), relation: string = "PROPOSES" (PROPOSES, OPPOSES or REPORTS_AS_EXAMPLE)
// example: actor=helse-sor-ost-rhf relation=PROPOSES
MATCH (a:Actor {id: $actor})-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(m:Measure)
WHERE type(r) = $relation
UNWIND r.statement_ids AS sid
MATCH (s:Statement {id: sid})
WITH m, r, s ORDER BY s.document_id, s.start
RETURN m.id AS measure_id, m.name AS measure, type(r) AS relation,
       collect({quote: s.text, document: s.document_id, page: s.page, line: s.line, kind: s.kind}) AS evidence
ORDER BY size(evidence) DESC, measure
