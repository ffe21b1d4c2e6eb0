// name: who_reports_example
// description: Actors that report a measure as an existing good example, with quotes, documents and pages.
// params: measure: string (measure id, e.g. fact)
// example: measure=fact
MATCH (m:Measure {id: $measure})
WITH m
MATCH (m)<-[:ABOUT]-(s:Statement {kind: 'example'})<-[:STATES]-(a:Actor)
WITH a, m, s ORDER BY s.document_id, s.start
RETURN a.id AS actor_id, a.name AS actor, a.type AS actor_type, m.id AS measure_id, m.name AS measure,
       collect({quote: s.text, document: s.document_id, page: s.page, line: s.line, kind: s.kind}) AS evidence
ORDER BY size(evidence) DESC, actor
