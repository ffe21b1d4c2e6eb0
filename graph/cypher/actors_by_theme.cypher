// name: actors_by_theme
// description: Actors proposing (or reporting, or opposing) measures that concern a theme, ranked by how many such measures.
// params: theme: string (theme id, e.g. psykisk-helse-rus), relation: string = "PROPOSES" (PROPOSES, OPPOSES or REPORTS_AS_EXAMPLE)
// example: theme=psykisk-helse-rus relation=REPORTS_AS_EXAMPLE
MATCH (a:Actor)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(m:Measure)-[:CONCERNS]->(:Theme {id: $theme})
WHERE type(r) = $relation
WITH a, m, r ORDER BY m.name
RETURN a.id AS actor_id, a.name AS actor, a.type AS actor_type, count(DISTINCT m) AS measures,
       collect(DISTINCT m.name) AS measure_names, toInteger(sum(r.count)) AS statements
ORDER BY measures DESC, statements DESC, actor
