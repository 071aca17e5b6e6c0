import "reflect-metadata";
import { parseArgs } from "node:util";
import { isCooperativeSlug, SUBGRAPH_NAMES, type SubgraphName } from "@cae/shared";
import { BackupRefusal, backupCooperative, databaseUrlVariable, locateDatabases, restoreCooperative } from "./backup";

export const USAGE = `Usage:
  npm run backup  -- <cooperative> --out <archive.tar | new directory | existing directory>
  npm run restore -- <cooperative> --from <archive.tar | backup directory> [--force]
  (or: node tools/dist/backup/main.js backup|restore <cooperative> ...)

backup   writes one backup of the cooperative's three databases (members, contracts, finance):
         a dump of each and a manifest.json (cooperative, time, format, migrations, rows per
         table, SHA-256 of each dump). --out names a tar archive (*.tar), a directory to create,
         or an existing directory, in which <cooperative>-<UTC time>.tar is written.
restore  puts a backup back into the cooperative's three databases, after checking that it is
         whole (checksums), of this cooperative, and that no target is in use or holds data.
         The cooperative's subgraphs must be stopped. Each database is read back against the
         manifest, and the restore says what it put where.

Where the databases are, as the subgraphs find theirs:
  DATA_DIR                     embedded databases at <DATA_DIR>/<cooperative>/<subgraph> (default .data)
  ${SUBGRAPH_NAMES.map(databaseUrlVariable).join(", ")}
                               a subgraph's database on a PostgreSQL server, instead
  --database-url <subgraph>=<url>
                               the same on the command line (repeatable; the environment keeps
                               a password out of the process list)

Options:
  --force          restore over databases that hold data (an embedded data directory is moved
                   aside to <dir>.replaced-<time>; a server database's objects are dropped in the
                   restore's own transaction)
  --pg-bin <dir>   where pg_dump, pg_restore and psql are (a server database needs them; default: PATH)
  --help           this text

An embedded database can be backed up only while its subgraph is stopped (one process at a time
opens it); a server database may be backed up while the subgraphs run (each dumped from one snapshot).`;

/** Runs the command line `argv` (without node and the script) with `env`; what it says goes to `log`. */
export async function run(argv: string[], env: NodeJS.ProcessEnv, log: (line: string) => void = console.log): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      from: { type: "string" },
      force: { type: "boolean" },
      "database-url": { type: "string", multiple: true },
      "pg-bin": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return log(USAGE);
  const [command, cooperative, ...rest] = positionals;
  if (command !== "backup" && command !== "restore") throw new UsageError("name a command: backup or restore");
  if (!cooperative || rest.length > 0) throw new UsageError(`name one cooperative, e.g. alpes-entreprendre`);
  if (!isCooperativeSlug(cooperative))
    throw new UsageError(`"${cooperative}" is not a cooperative id (lowercase letters, digits and dashes)`);

  const urls: Partial<Record<SubgraphName, string>> = {};
  for (const option of values["database-url"] ?? []) {
    const equals = option.indexOf("=");
    const [subgraph, url] = [option.slice(0, Math.max(equals, 0)), option.slice(equals + 1)];
    if (equals < 0 || !SUBGRAPH_NAMES.includes(subgraph as SubgraphName) || !url)
      throw new UsageError(`--database-url takes <subgraph>=<url>, the subgraph one of ${SUBGRAPH_NAMES.join(", ")}`);
    urls[subgraph as SubgraphName] = url;
  }
  const databases = locateDatabases(cooperative, env, urls);
  const tools = { bin: values["pg-bin"] };

  if (command === "backup") {
    if (!values.out) throw new UsageError("backup needs --out <archive.tar | directory>");
    if (values.from || values.force) throw new UsageError("--from and --force are restore's options");
    await backupCooperative({ cooperative, databases, out: values.out, tools, log });
  } else {
    if (!values.from) throw new UsageError("restore needs --from <archive.tar | backup directory>");
    if (values.out) throw new UsageError("--out is backup's option");
    await restoreCooperative({ cooperative, databases, from: values.from, force: values.force, tools, log });
  }
}

export class UsageError extends Error {
  override name = "UsageError";
}

if (require.main === module) {
  run(process.argv.slice(2), process.env).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) console.error(`${message} (--help tells the usage)`);
    else if (error instanceof BackupRefusal) console.error(`Refused. ${message}`);
    else console.error(`Failed: ${message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
