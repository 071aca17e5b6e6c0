import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SUBGRAPH_NAMES, subgraphDatabaseFromEnv, type SubgraphName } from "@cae/shared";
import { SUBGRAPHS } from "../subgraphs";
import { extractTar, sha256File, writeTar } from "./archive";
import { differences, tablesWithData, totalRows, type DatabaseContent, type MigrationRecord } from "./content";
import { backupEmbedded, embeddedState, inspectEmbedded, inUseMessage, restoreEmbedded } from "./embedded";
import { backupServer, displayUrl, inspectServer, restoreServer, toolVersion, type PgTools } from "./server";

/** Where one subgraph's database is: read from the environment the way the subgraphs read theirs. */
export type DatabaseLocation = { kind: "embedded"; dataDir: string } | { kind: "server"; url: string };
export type CooperativeDatabases = Record<SubgraphName, DatabaseLocation>;

/** The variable naming one subgraph's server database, e.g. MEMBERS_DATABASE_URL. */
export const databaseUrlVariable = (subgraph: SubgraphName) => `${subgraph.toUpperCase()}_DATABASE_URL`;

/**
 * A cooperative's three databases: a subgraph with a URL (`urls`, else `<SUBGRAPH>_DATABASE_URL`)
 * is on that PostgreSQL server, any other is embedded at `<DATA_DIR>/<cooperative>/<subgraph>`
 * (DATA_DIR defaults to `.data`), by the subgraphs' own rule (`subgraphDatabaseFromEnv`).
 */
export function locateDatabases(
  cooperative: string,
  env: NodeJS.ProcessEnv,
  urls: Partial<Record<SubgraphName, string>> = {},
): CooperativeDatabases {
  if (env.DATABASE_URL)
    throw new BackupRefusal(
      `DATABASE_URL is set, which names one subgraph's database: give a cooperative's three as ` +
        `${SUBGRAPH_NAMES.map(databaseUrlVariable).join(", ")} (or --database-url <subgraph>=<url>), or unset it for embedded databases under DATA_DIR`,
    );
  const entries = SUBGRAPH_NAMES.map((subgraph): [SubgraphName, DatabaseLocation] => {
    const url = urls[subgraph] ?? env[databaseUrlVariable(subgraph)];
    const { database } = subgraphDatabaseFromEnv(subgraph, {
      COOPERATIVE_ID: cooperative,
      DATA_DIR: env.DATA_DIR,
      DATABASE_URL: url || undefined,
    });
    if (database.kind === "server") return [subgraph, { kind: "server", url: database.url }];
    if (database.kind === "embedded") return [subgraph, { kind: "embedded", dataDir: database.dataDir }];
    throw new Error(`${subgraph}: a database in memory cannot be backed up`);
  });
  return Object.fromEntries(entries) as CooperativeDatabases;
}

/** A backup or restore that was not attempted, for a reason the operator can act on; nothing was changed. */
export class BackupRefusal extends Error {
  override name = "BackupRefusal";
}

export const BACKUP_FORMAT = "cae-network-backup/1";
export const MANIFEST_FILE = "manifest.json";

export interface SubgraphBackup {
  backend: "embedded" | "server";
  /** `pglite-data-dir`: the cluster's data directory as a gzipped tar (PGlite's dumpDataDir); `pg_dump-custom`: `pg_dump --format=custom`. */
  format: "pglite-data-dir" | "pg_dump-custom";
  file: string;
  bytes: number;
  sha256: string;
  /** The PostgreSQL version of the database backed up (PGlite's, for an embedded one). */
  postgres: string;
  /** The pg_dump that wrote a server's dump (its `--version`). */
  pgDump?: string;
  /** TypeORM's `migrations` table, oldest first: the schema version of the data. */
  migrations: MigrationRecord[];
  /** Rows per table when the dump was made (read from the dump's own snapshot). */
  tables: Record<string, number>;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  cooperative: string;
  createdAt: string;
  subgraphs: Record<SubgraphName, SubgraphBackup>;
}

const describe = (location: DatabaseLocation) =>
  location.kind === "embedded" ? `embedded ${location.dataDir}` : `server ${displayUrl(location.url)}`;

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

const megabytes = (bytes: number) => (bytes < 1e6 ? `${Math.ceil(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);

const summary = (content: Pick<DatabaseContent, "tables" | "migrations">) =>
  `${Object.keys(content.tables).length} tables, ${totalRows(content)} rows, ${content.migrations.length} migrations`;

/** The migrations this version of the code has, by subgraph, oldest first. */
function codeMigrations(subgraph: SubgraphName): string[] {
  return Object.values(SUBGRAPHS[subgraph].migrations).map((migration) => (typeof migration === "string" ? migration : migration.name));
}

export interface BackupOptions {
  cooperative: string;
  databases: CooperativeDatabases;
  /** An archive to write (`*.tar`), a directory to create, or an existing directory to write `<cooperative>-<time>.tar` into. */
  out: string;
  tools?: PgTools;
  log?: (line: string) => void;
  now?: Date;
}

/** Writes one backup of a cooperative's three databases (each dumped, then a manifest) and returns where, with its manifest. */
export async function backupCooperative(options: BackupOptions): Promise<{ path: string; manifest: Manifest }> {
  const { cooperative, databases, tools = {}, log = () => {} } = options;
  const createdAt = options.now ?? new Date();
  let path = resolve(options.out);
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, `${cooperative}-${stamp(createdAt)}.tar`);
  if (existsSync(path)) throw new BackupRefusal(`${path} exists: a backup never overwrites a file`);
  const archive = path.endsWith(".tar");

  // Everything that would stop the backup half way is checked first.
  const problems: string[] = [];
  const pgDump = SUBGRAPH_NAMES.some((subgraph) => databases[subgraph].kind === "server") ? await toolVersion(tools, "pg_dump") : undefined;
  for (const subgraph of SUBGRAPH_NAMES) {
    const location = databases[subgraph];
    if (location.kind === "embedded") {
      const state = embeddedState(location.dataDir);
      if (state.kind === "in use") problems.push(inUseMessage(subgraph, location.dataDir));
      else if (state.kind !== "cluster") problems.push(`${subgraph}: no embedded database at ${location.dataDir} (is DATA_DIR right?)`);
    } else {
      try {
        const { serverMajor } = await inspectServer(location.url);
        if (pgDump && serverMajor > pgDump.major)
          problems.push(
            `${subgraph}: ${pgDump.text} cannot dump a PostgreSQL ${serverMajor} server: install the client of version ${serverMajor} (or later) or name its directory with --pg-bin`,
          );
      } catch (error) {
        problems.push(`${subgraph}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (problems.length > 0) throw new BackupRefusal(`Nothing was backed up:\n  ${problems.join("\n  ")}`);

  log(`Backing up ${cooperative}'s databases to ${path}`);
  const staging = `${path}.partial-${process.pid}`;
  await mkdir(staging, { recursive: true });
  try {
    const subgraphs = {} as Record<SubgraphName, SubgraphBackup>;
    for (const subgraph of SUBGRAPH_NAMES) {
      const location = databases[subgraph];
      let entry: Omit<SubgraphBackup, "bytes" | "sha256">;
      if (location.kind === "embedded") {
        const file = `${subgraph}.tar.gz`;
        const content = await backupEmbedded(location.dataDir, join(staging, file));
        entry = { backend: "embedded", format: "pglite-data-dir", file, ...content };
      } else {
        const file = `${subgraph}.pgdump`;
        const content = await backupServer(location.url, join(staging, file), tools);
        entry = { backend: "server", format: "pg_dump-custom", file, pgDump: pgDump?.text, ...content };
      }
      const file = join(staging, entry.file);
      subgraphs[subgraph] = { ...entry, bytes: (await stat(file)).size, sha256: await sha256File(file) };
      log(`  ${subgraph.padEnd(10)} ${describe(location)}: ${summary(entry)} -> ${entry.file} (${megabytes(subgraphs[subgraph].bytes)})`);
    }
    const manifest: Manifest = { format: BACKUP_FORMAT, cooperative, createdAt: createdAt.toISOString(), subgraphs };
    await writeFile(join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
    // Put in place whole, under its final name only once complete.
    if (archive) {
      const partial = `${staging}.tar`;
      try {
        await writeTar(
          partial,
          [MANIFEST_FILE, ...SUBGRAPH_NAMES.map((subgraph) => subgraphs[subgraph].file)].map((file) => join(staging, file)),
        );
        await rename(partial, path);
      } finally {
        await rm(partial, { force: true });
      }
      await rm(staging, { recursive: true, force: true });
    } else {
      await rename(staging, path);
    }
    const bytes = SUBGRAPH_NAMES.reduce((sum, subgraph) => sum + subgraphs[subgraph].bytes, 0);
    log(`Backup written: ${path} (${archive ? "an archive" : "a directory"} of ${MANIFEST_FILE} and 3 dumps, ${megabytes(bytes)})`);
    return { path, manifest };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

function parseManifest(text: string, source: string): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new BackupRefusal(`${source}: its ${MANIFEST_FILE} is not JSON: the backup is damaged`);
  }
  if (manifest?.format !== BACKUP_FORMAT)
    throw new BackupRefusal(
      `${source} is not a backup this tool reads (format ${JSON.stringify(manifest?.format)}, expected ${BACKUP_FORMAT})`,
    );
  for (const subgraph of SUBGRAPH_NAMES) {
    const entry = manifest.subgraphs?.[subgraph];
    if (
      !entry ||
      typeof entry.file !== "string" ||
      !/^[a-z]+\.(tar\.gz|pgdump)$/.test(entry.file) ||
      !/^[0-9a-f]{64}$/.test(entry.sha256) ||
      !Array.isArray(entry.migrations) ||
      typeof entry.tables !== "object" ||
      !(
        (entry.backend === "embedded" && entry.format === "pglite-data-dir") ||
        (entry.backend === "server" && entry.format === "pg_dump-custom")
      )
    )
      throw new BackupRefusal(`${source}: its ${MANIFEST_FILE} does not describe the ${subgraph} database: the backup is damaged`);
  }
  return manifest;
}

export interface RestoreOptions {
  cooperative: string;
  databases: CooperativeDatabases;
  /** A backup archive (`*.tar`) or directory. */
  from: string;
  /** Replaces databases that hold data (an embedded one is moved aside, not deleted). */
  force?: boolean;
  tools?: PgTools;
  log?: (line: string) => void;
  now?: Date;
}

export interface RestoredSubgraph {
  location: DatabaseLocation;
  content: DatabaseContent;
  /** Where an embedded database's previous data directory was moved. */
  replacedBy?: string;
}

/**
 * Restores a cooperative's three databases from one backup, after checking (before changing
 * anything) that the backup is whole (sizes and SHA-256), of this cooperative, of each target's
 * backend, and that no target is open elsewhere or holds data (unless `force`). Each database is
 * then restored and read back against the manifest's row counts and migrations.
 */
export async function restoreCooperative(options: RestoreOptions): Promise<Record<SubgraphName, RestoredSubgraph>> {
  const { cooperative, databases, force = false, tools = {}, log = () => {} } = options;
  const from = resolve(options.from);
  if (!existsSync(from)) throw new BackupRefusal(`${from}: no such backup`);
  let unpacked: string | undefined;
  try {
    let dir = from;
    if (!statSync(from).isDirectory()) {
      unpacked = await mkdtemp(join(tmpdir(), "cae-restore-"));
      try {
        await extractTar(from, unpacked);
      } catch (error) {
        throw new BackupRefusal(`${from} cannot be read as a backup archive: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      dir = unpacked;
    }
    if (!existsSync(join(dir, MANIFEST_FILE))) throw new BackupRefusal(`${from} is not a backup: it has no ${MANIFEST_FILE}`);
    const manifest = parseManifest(await readFile(join(dir, MANIFEST_FILE), "utf8"), from);

    if (manifest.cooperative !== cooperative)
      throw new BackupRefusal(
        `${from} is a backup of ${manifest.cooperative}, not of ${cooperative}: a cooperative's data never goes into another's databases`,
      );
    for (const subgraph of SUBGRAPH_NAMES) {
      const entry = manifest.subgraphs[subgraph];
      const file = join(dir, entry.file);
      if (!existsSync(file)) throw new BackupRefusal(`${from} is incomplete: ${entry.file} is missing; nothing was restored`);
      const [bytes, sha256] = [(await stat(file)).size, await sha256File(file)];
      if (bytes !== entry.bytes || sha256 !== entry.sha256)
        throw new BackupRefusal(
          `${from} is damaged: ${entry.file} does not match its checksum (sha256 ${sha256}, ${bytes} bytes; the manifest says ${entry.sha256}, ${entry.bytes} bytes); nothing was restored`,
        );
    }
    const replacedSuffix = `.replaced-${stamp(options.now ?? new Date())}`;
    const plan = await checkTargets(manifest, databases, force, tools, replacedSuffix);
    log(`Restoring ${cooperative} from ${from} (made ${manifest.createdAt}; checksums verified)`);
    log(`The cooperative's three subgraphs must stay stopped until the restore is over.`);

    const restored = {} as Record<SubgraphName, RestoredSubgraph>;
    for (const subgraph of SUBGRAPH_NAMES) {
      const entry = manifest.subgraphs[subgraph];
      const location = databases[subgraph];
      const file = join(dir, entry.file);
      let content: DatabaseContent;
      try {
        content =
          location.kind === "embedded"
            ? await restoreEmbedded(file, location.dataDir, plan[subgraph].replacedBy)
            : await restoreServer(file, location.url, tools);
      } catch (error) {
        const done = SUBGRAPH_NAMES.filter((name) => restored[name]);
        throw new Error(
          `${subgraph} could not be restored (${error instanceof Error ? error.message : String(error)}); ` +
            (done.length ? `${done.join(", ")} restored already, ` : "") +
            `${subgraph} left as it was${entry.backend === "embedded" ? ` (the backup was made with PostgreSQL ${entry.postgres})` : ""}`,
          { cause: error },
        );
      }
      const wrong = differences(entry, content);
      if (wrong.length > 0) throw new Error(`${subgraph}: the restored database differs from the backup: ${wrong.join("; ")}`);
      restored[subgraph] = { location, content, replacedBy: plan[subgraph].replacedBy };
      log(
        `  ${subgraph.padEnd(10)} ${describe(location)}: ${summary(content)}, as in the backup` +
          (plan[subgraph].replacedBy ? `; its previous data directory is now ${plan[subgraph].replacedBy}` : "") +
          (plan[subgraph].replaced ? `; replaced what it held (${plan[subgraph].replaced})` : ""),
      );
      const known = codeMigrations(subgraph);
      const applied = entry.migrations.map((migration) => migration.name);
      const unknown = applied.filter((name) => !known.includes(name));
      const pending = known.filter((name) => !applied.includes(name));
      if (unknown.length > 0)
        log(`    warning: migrations this version does not know (${unknown.join(", ")}): serve it with the version that made the backup`);
      if (pending.length > 0)
        log(`    the subgraph will run ${pending.length} newer migration(s) at its next start: ${pending.join(", ")}`);
    }
    log(`Restored ${cooperative}: ${SUBGRAPH_NAMES.join(", ")}. Its subgraphs may start again.`);
    return restored;
  } finally {
    if (unpacked) await rm(unpacked, { recursive: true, force: true });
  }
}

/** Refuses, naming every reason at once, when a target cannot take its backup; says what each restore replaces. */
async function checkTargets(
  manifest: Manifest,
  databases: CooperativeDatabases,
  force: boolean,
  tools: PgTools,
  replacedSuffix: string,
): Promise<Record<SubgraphName, { replacedBy?: string; replaced?: string }>> {
  const problems: string[] = [];
  const plan = {} as Record<SubgraphName, { replacedBy?: string; replaced?: string }>;
  const overwrite = (subgraph: SubgraphName, where: string, tables: string[]) =>
    `${subgraph}: ${where} holds data (${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", ..." : ""}): ` +
    `restore with --force to replace it`;
  if (SUBGRAPH_NAMES.some((subgraph) => databases[subgraph].kind === "server")) {
    const pgRestore = await toolVersion(tools, "pg_restore");
    await toolVersion(tools, "psql");
    for (const subgraph of SUBGRAPH_NAMES) {
      const made = Number(/\(PostgreSQL\) (\d+)/.exec(manifest.subgraphs[subgraph].pgDump ?? "")?.[1]);
      if (databases[subgraph].kind === "server" && made > pgRestore.major)
        problems.push(`${subgraph}: the dump was written by ${manifest.subgraphs[subgraph].pgDump}, which ${pgRestore.text} cannot read`);
    }
  }
  for (const subgraph of SUBGRAPH_NAMES) {
    const entry = manifest.subgraphs[subgraph];
    const location = databases[subgraph];
    plan[subgraph] = {};
    if (entry.backend !== location.kind) {
      problems.push(
        `${subgraph}: the backup holds ${entry.backend === "embedded" ? "an embedded database" : "a PostgreSQL server's database"}, ` +
          `the target is ${describe(location)}: ${
            entry.backend === "embedded"
              ? `restore it into DATA_DIR (unset ${databaseUrlVariable(subgraph)})`
              : `give the server's database with ${databaseUrlVariable(subgraph)}`
          } (this tool does not move a database between backends)`,
      );
      continue;
    }
    try {
      if (location.kind === "embedded") {
        const state = embeddedState(location.dataDir);
        if (state.kind === "in use") problems.push(inUseMessage(subgraph, location.dataDir));
        else if (state.kind === "other") {
          if (force) plan[subgraph].replacedBy = location.dataDir + replacedSuffix;
          else
            problems.push(
              `${subgraph}: ${location.dataDir} is not an embedded database (it holds ${state.entries.slice(0, 5).join(", ")}): restore with --force to move it aside`,
            );
        } else if (state.kind === "cluster") {
          // Forced, whatever it holds is moved aside (no need to open it); else only a database without data is replaced.
          if (force) plan[subgraph].replacedBy = location.dataDir + replacedSuffix;
          else {
            const withData = tablesWithData(await inspectEmbedded(location.dataDir));
            if (withData.length > 0) problems.push(overwrite(subgraph, location.dataDir, withData) + ` (it is moved aside, not deleted)`);
          }
        }
      } else {
        const { content, sessions } = await inspectServer(location.url);
        if (sessions.length > 0)
          problems.push(
            `${subgraph}: ${sessions.length} other session(s) use ${displayUrl(location.url)} ` +
              `(${sessions.map((s) => `pid ${s.pid}${s.application ? ` "${s.application}"` : ""} from ${s.client} since ${s.since}`).join("; ")}): ` +
              `stop the cooperative's ${subgraph} subgraph, and whatever else is connected, first`,
          );
        const withData = tablesWithData(content);
        if (withData.length > 0) {
          if (force) plan[subgraph].replaced = `${withData.length} tables with data, all dropped in the restore's transaction`;
          else
            problems.push(
              overwrite(subgraph, displayUrl(location.url), withData) + ` (its objects are dropped in the restore's transaction)`,
            );
        }
      }
    } catch (error) {
      problems.push(`${subgraph}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) throw new BackupRefusal(`Nothing was restored:\n  ${problems.join("\n  ")}`);
  return plan;
}
