// name: most_proposed_measures
// description: Measures ranked by how many actors propose them, with the number of backing statements.
// params: limit: int = 20 (how many measures)
// example: limit=10
MATCH (a:Actor)-[r:PROPOSES]->(m:Measure)
RETURN m.id AS measure_id, m.name AS measure, count(DISTINCT a) AS actors, toInteger(sum(r.count)) AS statements
ORDER BY actors DESC, statements DESC, measure
LIMIT $limit
