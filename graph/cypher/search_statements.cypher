// name: search_statements
// description: Statements whose text contains a phrase (case-insensitive), with speaker, kind, document and page. /v1/search adds Norwegian stemming.
// params: q: string (phrase, e.g. jordmødre), limit: int = 50 (how many statements)
// example: q=jordmødre
MATCH (s:Statement)
WHERE toLower(s.text) CONTAINS toLower($q)
MATCH (a:Actor)-[:STATES]->(s)
WITH s, a ORDER BY s.document_id, s.start
RETURN s.id AS statement_id, a.name AS speaker, s.kind AS kind, s.text AS quote, s.document_id AS document,
       s.page AS page, s.line AS line
LIMIT $limit
