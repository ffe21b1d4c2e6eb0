// name: neighbourhood
// description: The nodes next to one node (actor, measure, theme, group or document) and the edges to them, for the explorer.
// params: id: string (node id, e.g. fact), limit: int = 200 (most edges)
// example: id=fact
MATCH (n)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE|CONCERNS|AUTHORED|PART_OF]-(x)
WHERE n.id = $id AND NOT x:Statement AND NOT n:Statement
RETURN n.id AS center, startNode(r).id AS source, type(r) AS relation, endNode(r).id AS target, x.id AS id,
       labels(x)[0] AS label, coalesce(x.name, x.title) AS name, x.type AS actor_type, r.count AS count
ORDER BY relation, name
LIMIT $limit
