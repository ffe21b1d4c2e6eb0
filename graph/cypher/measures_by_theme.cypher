// name: measures_by_theme
// description: Measures concerning a theme, vocabulary and discovered ones in one ranking (each row says its origin), ranked by how many actors propose (or report, or oppose) them, with the first 20 of those actors by name (who_proposes / who_opposes list all).
// params: theme: string (theme id, e.g. digitalisering), relation: string = "PROPOSES" (PROPOSES, OPPOSES or REPORTS_AS_EXAMPLE), narrower: bool = false (also rank discovered measures that qualify a vocabulary one), limit: int = 100 (how many measures; a theme over a thousand documents has hundreds)
// example: theme=digitalisering
// A narrower measure (broader set: 'hjemmesykehus i hele regionen' under 'hjemmesykehus') is left out unless
// narrower=true: its statements are ABOUT the broader measure too and already count there.
MATCH (t:Theme {id: $theme})
WITH t
MATCH (m:Measure)-[:CONCERNS]->(t)
WHERE $narrower OR m.broader IS NULL
MATCH (a:Actor)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(m)
WHERE type(r) = $relation
WITH m, a, r ORDER BY a.name
RETURN m.id AS measure_id, m.name AS measure, coalesce(m.origin, 'vocabulary') AS origin, m.broader AS broader,
       count(DISTINCT a) AS actors, collect(DISTINCT a.name)[..20] AS actor_names, toInteger(sum(r.count)) AS statements
ORDER BY actors DESC, statements DESC, measure
LIMIT $limit
