// name: documents_by_actor
// description: Documents an actor authored, with their kind and number of statements.
// params: actor: string (actor id, e.g. ringsaker-kommune)
// example: actor=ringsaker-kommune
MATCH (a:Actor {id: $actor})-[:AUTHORED]->(d:Document)
RETURN d.id AS document_id, d.title AS title, d.kind AS kind, d.date AS date, d.statements AS statements
ORDER BY document_id
