import "reflect-metadata";
import { openDatabase, parkedEvents, retryParkedEvents, subgraphDatabaseFromEnv, SUBGRAPH_NAMES, type SubgraphName } from "@cae/shared";
import { SUBGRAPHS } from "../subgraphs";
import { parseCommandLine, runCommand, textOption, UsageError } from "../dev/cli";

const USAGE = `Usage:
  npm run events -- parked <subgraph>                         the subgraph's parked events
  npm run events -- retry <subgraph> [--destination <sibling>] sends them again
  (or: node tools/dist/events/main.js ...)

<subgraph> is members, contracts or finance. Its database is found as the subgraph finds it:
COOPERATIVE_ID, and DATABASE_URL (a PostgreSQL server) or DATA_DIR (embedded, default .data).
An embedded database opens in one process at a time: stop the subgraph first; it delivers the
events sent again when it starts. On a server, a running subgraph takes them within EVENTS_POLL_MS.
An event is parked after EVENTS_MAX_ATTEMPTS refusals by its sibling (docs/operations.md).`;

/** Runs the command line `argv` with `env`; what it says goes to `log`. */
export async function run(argv: string[], env: NodeJS.ProcessEnv, log: (line: string) => void = console.log): Promise<void> {
  const line = parseCommandLine(USAGE, { destination: { type: "string" } }, { args: argv, allowPositionals: true });
  if (!line) return;
  const [command, subgraph] = line.positionals;
  if ((command !== "parked" && command !== "retry") || line.positionals.length !== 2) throw new UsageError(USAGE);
  if (!SUBGRAPH_NAMES.includes(subgraph as SubgraphName))
    throw new UsageError(`<subgraph> is one of ${SUBGRAPH_NAMES.join(", ")}, got "${subgraph}"\n\n${USAGE}`);
  const destination = textOption(line, "destination");
  if (destination !== undefined && (!SUBGRAPH_NAMES.includes(destination as SubgraphName) || destination === subgraph)) {
    throw new UsageError(`--destination is a sibling of ${subgraph}, got "${destination}"`);
  }
  const { cooperativeId, database: config } = subgraphDatabaseFromEnv(subgraph as SubgraphName, env);
  const database = await openDatabase(config, SUBGRAPHS[subgraph as SubgraphName]);
  try {
    if (command === "parked") {
      const parked = await parkedEvents(database.dataSource);
      log(`${parked.length} parked event(s) in ${cooperativeId}/${subgraph}`);
      for (const event of parked) {
        log(
          `${event.parkedAt}  to ${event.destination}  ${event.topic}  ${event.subject}  (${event.attempts} attempts): ${event.lastError}`,
        );
      }
    } else {
      const count = await retryParkedEvents(database.dataSource, destination as SubgraphName | undefined);
      log(`${count} parked event(s) of ${cooperativeId}/${subgraph} will be sent again${destination ? ` to ${destination}` : ""}`);
    }
  } finally {
    await database.close();
  }
}

if (require.main === module) runCommand(() => run(process.argv.slice(2), process.env));
