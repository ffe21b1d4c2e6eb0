// name: most_proposed_measures
// description: Measures ranked by how many actors propose them, with the number of backing statements; vocabulary and discovered measures in one ranking, each row saying its origin.
// params: limit: int = 20 (how many measures), narrower: bool = false (also rank discovered measures that qualify a vocabulary one)
// example: limit=10
// origin: 'vocabulary' (graph/vocabulary/measures.yaml), 'discovered' (found in the documents) or 'curated' (a
// discovered measure a curator promoted). A narrower measure ('hjemmesykehus i hele regionen', broader
// 'hjemmesykehus') is left out unless narrower=true: its statements are ABOUT the broader measure too, so they
// already count there, and ranking both would count the same backers twice.
MATCH (a:Actor)-[r:PROPOSES]->(m:Measure)
WHERE $narrower OR m.broader IS NULL
RETURN m.id AS measure_id, m.name AS measure, coalesce(m.origin, 'vocabulary') AS origin, m.broader AS broader,
       count(DISTINCT a) AS actors, toInteger(sum(r.count)) AS statements
ORDER BY actors DESC, statements DESC, measure
LIMIT $limit
