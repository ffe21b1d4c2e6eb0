// Lint every .cypher file given on the command line with Neo4j's own linter; print JSON diagnostics.
// Parameters declared in a recipe's header are passed as dbSchema.parameters so $param is not "undefined".
import { readFileSync } from "node:fs";
import { lintCypherQuery } from "@neo4j-cypher/language-support";

const results = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const header = text.split("\n").find((l) => l.startsWith("// params:")) || "";
  const parameters = {};
  for (const m of header.matchAll(/(\w+)\s*:\s*(string|int|float|bool)/g)) {
    parameters[m[1]] = { string: "", int: 1, float: 1.0, bool: true }[m[2]];
  }
  const diagnostics = lintCypherQuery(text, { parameters, procedures: {} });
  results[file] = (diagnostics.diagnostics || diagnostics).map((d) => ({
    severity: d.severity, message: d.message, line: d.range?.start?.line,
  }));
}
console.log(JSON.stringify(results));
