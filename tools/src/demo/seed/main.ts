import "reflect-metadata";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { SUBGRAPH_NAMES, subgraphDatabaseFromEnv, type SubgraphName } from "@cae/shared";
import { seedDemoDatabase } from ".";

const USAGE = `Usage: node tools/dist/demo/seed/main.js <subgraph> [--then <entry point>]

Writes the demo data into the database of one cooperative's subgraph, read from the same
environment as the subgraph itself (COOPERATIVE_ID, DATABASE_URL or DATA_DIR); a database that
holds data is left as it is. With --then, runs that entry point in this process afterwards: a
demo container's command seeds, then serves, e.g.
  node tools/dist/demo/seed/main.js members --then subgraphs/members/dist/main.js`;

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { then: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) return console.log(USAGE);
  const subgraph = positionals[0] as SubgraphName;
  if (positionals.length !== 1 || !SUBGRAPH_NAMES.includes(subgraph))
    throw new Error(`name one subgraph: ${SUBGRAPH_NAMES.join(", ")}\n\n${USAGE}`);
  const { cooperativeId, database } = subgraphDatabaseFromEnv(subgraph);
  await seedDemoDatabase(subgraph, cooperativeId, database);
  console.log(`${subgraph} of ${cooperativeId}: demo data in place`);
  // The entry point is CommonJS, like this file; loading it runs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known at run time only
  if (values.then) require(resolve(values.then));
}

main().catch((error: unknown) => {
  console.error(`The demo data could not be written: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
