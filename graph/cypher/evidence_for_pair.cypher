// name: evidence_for_pair
// description: Every statement in which an actor speaks about a measure (any kind), with the relation it makes (PROPOSES, OPPOSES, REPORTS_AS_EXAMPLE or null), quote, document and page.
// params: actor: string (actor id, e.g. helse-sor-ost-rhf), measure: string (measure id, e.g. kombinerte-stillinger)
// example: actor=helse-sor-ost-rhf measure=kombinerte-stillinger
MATCH (a:Actor {id: $actor})-[:STATES]->(s:Statement)-[:ABOUT]->(m:Measure {id: $measure})
MATCH (d:Document)-[:CONTAINS]->(s)
WITH a, m, s, d ORDER BY d.id, s.start
RETURN a.name AS actor, m.name AS measure, s.kind AS kind, s.relation AS relation, s.text AS quote, d.id AS document, d.title AS title,
       s.page AS page, s.line AS line
