// name: similar_actors
// description: Actors who propose the same measures as a given actor, ranked by how many measures they share.
// params: actor: string (actor id, e.g. helse-sor-ost-rhf), limit: int = 20 (how many actors)
// example: actor=helse-sor-ost-rhf
MATCH (a:Actor {id: $actor})-[:PROPOSES]->(m:Measure)<-[:PROPOSES]-(b:Actor)
WHERE b.id <> a.id
WITH b, m ORDER BY m.name
RETURN b.id AS actor_id, b.name AS actor, b.type AS actor_type, count(DISTINCT m) AS shared,
       collect(DISTINCT m.name) AS measures
ORDER BY shared DESC, actor
LIMIT $limit
