// name: support_by_actor_type
// description: Who backs a measure, by actor type (RHF, HF, kommune, helsefellesskap, …) and relation.
// params: measure: string (measure id, e.g. fact)
// example: measure=fact
MATCH (a:Actor)-[r:PROPOSES|REPORTS_AS_EXAMPLE]->(:Measure {id: $measure})
WITH a, r ORDER BY a.name
RETURN coalesce(a.type, 'other') AS actor_type, type(r) AS relation, count(DISTINCT a) AS actors,
       collect(DISTINCT a.name) AS actor_names, toInteger(sum(r.count)) AS statements
ORDER BY actors DESC, statements DESC, actor_type, relation
