// name: support_by_actor_type
// description: Who backs a measure and who opposes it, by actor type (RHF, HF, kommune, helsefellesskap, …) and relation; stance is "for" (PROPOSES, REPORTS_AS_EXAMPLE) or "against" (OPPOSES), so opposition never counts as support.
// params: measure: string (measure id, e.g. fact)
// example: measure=fact
MATCH (a:Actor)-[r:PROPOSES|OPPOSES|REPORTS_AS_EXAMPLE]->(:Measure {id: $measure})
WITH a, r ORDER BY a.name
RETURN coalesce(a.type, 'other') AS actor_type, type(r) AS relation,
       CASE type(r) WHEN 'OPPOSES' THEN 'against' ELSE 'for' END AS stance, count(DISTINCT a) AS actors,
       collect(DISTINCT a.name) AS actor_names, toInteger(sum(r.count)) AS statements
ORDER BY stance DESC, actors DESC, statements DESC, actor_type, relation
