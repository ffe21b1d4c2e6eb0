// name: who_opposes
// description: Actors that oppose a measure ("går imot", "støtter ikke"), optionally only where the evidence mentions a group, with quotes, documents and pages.
// params: measure: string (measure id, e.g. legevakt), group: string = "" (group id, e.g. jordmodre; empty for any)
// example: measure=legevakt
// the same plan as who_proposes: the measure first (WITH is a barrier), the group as an OPTIONAL MATCH
MATCH (m:Measure {id: $measure})
WITH m
MATCH (m)<-[:ABOUT]-(s:Statement)<-[:STATES]-(a:Actor)
WHERE s.kind = 'opposition'
OPTIONAL MATCH (s)-[:MENTIONS]->(g:Group {id: $group})
WITH a, m, s, g WHERE $group = '' OR g IS NOT NULL
WITH a, m, s ORDER BY s.document_id, s.start
RETURN a.id AS actor_id, a.name AS actor, a.type AS actor_type, m.id AS measure_id, m.name AS measure,
       collect({quote: s.text, document: s.document_id, page: s.page, line: s.line, kind: s.kind}) AS evidence
ORDER BY size(evidence) DESC, actor
