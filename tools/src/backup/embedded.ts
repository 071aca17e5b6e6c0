import { PGlite } from "@electric-sql/pglite";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { inspect, type DatabaseContent, type Query } from "./content";

/**
 * An embedded database is a PGlite cluster in a data directory, which one process at a time may
 * open: PGlite takes no lock, so two processes on one directory would corrupt it. Its backup is
 * the whole cluster (`dumpDataDir`, a gzipped tar of the data directory), written while this
 * process alone has it open: an exact copy (rows, sequences, constraints, triggers, functions,
 * the migrations table), restored by starting PGlite on it. It opens again only with a PGlite of
 * the same PostgreSQL major (the manifest records `postgres`).
 */

/** What a data directory is, seen from outside (without opening it). */
export type EmbeddedState =
  { kind: "absent" } | { kind: "empty directory" } | { kind: "in use" } | { kind: "cluster" } | { kind: "other"; entries: string[] };

/** PGlite writes postmaster.pid while a process has the cluster open and removes it when it closes. */
export const LOCK_FILE = "postmaster.pid";

export function embeddedState(dataDir: string): EmbeddedState {
  if (!existsSync(dataDir)) return { kind: "absent" };
  const entries = readdirSync(dataDir);
  if (entries.length === 0) return { kind: "empty directory" };
  if (entries.includes(LOCK_FILE)) return { kind: "in use" };
  if (entries.includes("PG_VERSION")) return { kind: "cluster" };
  return { kind: "other", entries };
}

export const inUseMessage = (subgraph: string, dataDir: string) =>
  `${subgraph}: the embedded database ${dataDir} is open in another process (${join(dataDir, LOCK_FILE)} exists): ` +
  `stop the cooperative's ${subgraph} subgraph (and npm start) first. If no process has it open any more ` +
  `(one was killed), remove ${LOCK_FILE} and try again.`;

const queryOf =
  (pglite: PGlite): Query =>
  async (sql) =>
    (await pglite.query<Record<string, unknown>>(sql)).rows;

async function withCluster<T>(pglite: PGlite, work: (pglite: PGlite) => Promise<T>): Promise<T> {
  try {
    await pglite.waitReady;
    return await work(pglite);
  } finally {
    await pglite.close();
  }
}

/** Opens the existing embedded database of `dataDir` in this process, for `work`, and closes it. */
export const withEmbedded = <T>(dataDir: string, work: (query: Query) => Promise<T>): Promise<T> =>
  withCluster(openExisting(dataDir), (pglite) => work(queryOf(pglite)));

/** Opens an existing cluster (never creates one: PGlite would run initdb in an empty directory). */
function openExisting(dataDir: string): PGlite {
  if (!existsSync(join(dataDir, "PG_VERSION"))) throw new Error(`${dataDir} holds no embedded database`);
  return new PGlite(dataDir);
}

export const inspectEmbedded = (dataDir: string): Promise<DatabaseContent> => withEmbedded(dataDir, inspect);

/** Writes the cluster of `dataDir` to `file` (a gzipped tar) and returns what it holds. */
export async function backupEmbedded(dataDir: string, file: string): Promise<DatabaseContent> {
  return withCluster(openExisting(dataDir), async (pglite) => {
    const content = await inspect(queryOf(pglite));
    const dump = await pglite.dumpDataDir("gzip");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()), { flag: "wx" });
    return content;
  });
}

/**
 * Unpacks the cluster of `file` into a new directory beside `dataDir`, opens it to read what it
 * holds, and only then puts it in place: a failed restore leaves `dataDir` as it was. What was in
 * `dataDir` is moved to `replacedBy` (when given) or removed.
 */
export async function restoreEmbedded(file: string, dataDir: string, replacedBy?: string): Promise<DatabaseContent> {
  const staging = `${dataDir}.restoring-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(dirname(dataDir), { recursive: true });
  try {
    const bytes = await readFile(file);
    const loadDataDir = new Blob([bytes], { type: "application/x-gzip" });
    const content = await withCluster(new PGlite(staging, { loadDataDir }), (pglite) => inspect(queryOf(pglite)));
    if (existsSync(dataDir)) {
      if (replacedBy) await rename(dataDir, replacedBy);
      else await rm(dataDir, { recursive: true });
    }
    await rename(staging, dataDir);
    return content;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
