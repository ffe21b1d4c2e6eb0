// name: measures_by_theme
// description: Measures concerning a theme, ranked by how many actors propose (or report, or oppose) them, with the first 20 of those actors by name (who_proposes / who_opposes list all).
// params: theme: string (theme id, e.g. digitalisering), relation: string = "PROPOSES" (PROPOSES, OPPOSES or REPORTS_AS_EXAMPLE)
// example: theme=digitalisering
MATCH (m:Measure)-[:CONCERNS]->(:Theme {id: $theme})
MATCH (a:Actor)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(m)
WHERE type(r) = $relation
WITH m, a, r ORDER BY a.name
RETURN m.id AS measure_id, m.name AS measure, count(DISTINCT a) AS actors, collect(DISTINCT a.name)[..20] AS actor_names,
       toInteger(sum(r.count)) AS statements
ORDER BY actors DESC, statements DESC, measure
