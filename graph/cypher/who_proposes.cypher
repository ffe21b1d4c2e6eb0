// name: who_proposes
// description: Actors that propose a measure, optionally only where the evidence mentions a group, with quotes, documents and pages.
// params: measure: string (measure id, e.g. kombinerte-stillinger), group: string = "" (group id, e.g. jordmodre; empty for any)
// example: measure=kombinerte-stillinger group=jordmodre
// the measure is matched first (WITH is a barrier), so the planner walks from its index entry, not from
// every statement; the group is an OPTIONAL MATCH, since a pattern inside OR defeats that plan
MATCH (m:Measure {id: $measure})
WITH m
MATCH (m)<-[:ABOUT]-(s:Statement)<-[:STATES]-(a:Actor)
WHERE s.kind IN ['proposal', 'commitment']
OPTIONAL MATCH (s)-[:MENTIONS]->(g:Group {id: $group})
WITH a, m, s, g WHERE $group = '' OR g IS NOT NULL
WITH a, m, s ORDER BY s.document_id, s.start
RETURN a.id AS actor_id, a.name AS actor, a.type AS actor_type, m.id AS measure_id, m.name AS measure,
       collect({quote: s.text, document: s.document_id, page: s.page, line: s.line, kind: s.kind}) AS evidence
ORDER BY size(evidence) DESC, actor
