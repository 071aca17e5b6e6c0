import { spawn } from "node:child_process";
import { join } from "node:path";
import { Client } from "pg";
import { inspect, type DatabaseContent, type Query } from "./content";

/**
 * A database on a PostgreSQL server is backed up with pg_dump's custom format (compressed, every
 * object of the database: tables, rows, sequences' values, constraints, indexes, triggers,
 * functions, extensions), from the same MVCC snapshot the manifest's row counts are read in, so
 * the subgraphs may keep running while it is made. It is restored with pg_restore, piped through
 * psql into ONE transaction that first clears the database: a restore that fails leaves the
 * database as it was. Objects are owned by the role of the URL it is restored with (`--no-owner`)
 * and grants to other roles are left out (`--no-privileges`), so a dump restores on another
 * server whose roles differ: restore with the subgraph's own URL and its role owns its tables.
 */

export interface PgTools {
  /** Where pg_dump, pg_restore and psql are; the PATH when unset. */
  bin?: string;
}

const tool = (tools: PgTools, name: string) => (tools.bin ? join(tools.bin, name) : name);

/** libpq's target without the password (which a command line would show to `ps`) and the environment that carries it. */
function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** A URL for a message: without its password. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "(a malformed URL)";
  }
}

interface Finished {
  code: number | null;
  stderr: string;
}

function missingTool(tools: PgTools, name: string): Error {
  return new Error(
    `${tool(tools, name)} is not installed: a database on a PostgreSQL server is backed up and restored with pg_dump, ` +
      `pg_restore and psql (the PostgreSQL client, of the server's major version or later; e.g. apt-get install postgresql-client), ` +
      `or name their directory with --pg-bin`,
  );
}

function run(tools: PgTools, name: string, args: string[], env: NodeJS.ProcessEnv, stdout: "ignore" | "pipe" = "ignore") {
  const child = spawn(tool(tools, name), args, { env, stdio: ["pipe", stdout, "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((done, fail) => {
    child.once("error", (error: NodeJS.ErrnoException) => fail(error.code === "ENOENT" ? missingTool(tools, name) : error));
    child.once("close", (code) => done({ code, stderr: stderr.trim() }));
  });
  // Awaited later, maybe after it has failed: not an unhandled rejection meanwhile.
  finished.catch(() => {});
  return { child, stdin: child.stdin!, stdout: child.stdout, finished };
}

/** The major version of a client tool, e.g. 15 for "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)". */
export async function toolVersion(tools: PgTools, name: string): Promise<{ text: string; major: number }> {
  let text = "";
  const { stdin, stdout, finished } = run(tools, name, ["--version"], process.env, "pipe");
  stdout!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  stdin.end();
  const { code } = await finished;
  const major = Number(/\(PostgreSQL\) (\d+)/.exec(text)?.[1]);
  if (code !== 0 || !major) throw new Error(`${tool(tools, name)} --version did not say its version: ${text.trim()}`);
  return { text: text.trim(), major };
}

export async function withClient<T>(url: string, work: (client: Client, query: Query) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: "cae-backup" });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`cannot connect to ${displayUrl(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    return await work(client, async (sql) => (await client.query(sql)).rows as Record<string, unknown>[]);
  } finally {
    await client.end();
  }
}

/** Other sessions on the same database: a subgraph still running, or anyone else. */
export interface Session {
  pid: number;
  application: string;
  client: string;
  since: string;
}

export interface ServerState {
  content: DatabaseContent;
  sessions: Session[];
  serverMajor: number;
}

export const inspectServer = (url: string): Promise<ServerState> =>
  withClient(url, async (client, query) => {
    const content = await inspect(query);
    const sessions = (
      await client.query(
        `SELECT pid, coalesce(application_name, '') AS application, coalesce(client_addr::text, 'local socket') AS client,
                to_char(backend_start, 'YYYY-MM-DD HH24:MI:SS TZ') AS since
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      )
    ).rows as Session[];
    const [{ server_version_num }] = (await client.query("SHOW server_version_num")).rows as { server_version_num: string }[];
    return { content, sessions, serverMajor: Math.floor(Number(server_version_num) / 10000) };
  });

/** Writes the database of `url` to `file` (pg_dump's custom format) and returns what it held, read from the same snapshot. */
export async function backupServer(url: string, file: string, tools: PgTools): Promise<DatabaseContent> {
  return withClient(url, async (client, query) => {
    // The manifest's counts and pg_dump read one snapshot: this transaction exports it and stays open while pg_dump runs.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const [{ snapshot }] = (await client.query("SELECT pg_export_snapshot() AS snapshot")).rows as { snapshot: string }[];
      const content = await inspect(query);
      const { dbname, env } = libpqTarget(url);
      const { stdin, finished } = run(
        tools,
        "pg_dump",
        ["--format=custom", `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${dbname}`],
        env,
      );
      stdin.end();
      const { code, stderr } = await finished;
      if (code !== 0) throw new Error(`pg_dump failed (exit code ${code}): ${stderr}`);
      return content;
    } finally {
      await client.query("COMMIT");
    }
  });
}

/**
 * Drops every object of the database (user schemas, extensions, and what `public` holds), keeping
 * the `public` schema itself, which pg_dump leaves to the database it restores into.
 */
const CLEAR = String.raw`
SET client_min_messages = warning;
DO $clear$
DECLARE r record;
BEGIN
  FOR r IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', r.extname);
  END LOOP;
  FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') LOOP
    EXECUTE format('DROP %s IF EXISTS public.%I CASCADE',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname);
  END LOOP;
  -- The sequences that are left (identity and serial ones went with their tables).
  FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind = 'S' LOOP
    EXECUTE format('DROP SEQUENCE IF EXISTS public.%I CASCADE', r.relname);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure::text AS signature, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' LOOP
    EXECUTE format('DROP %s IF EXISTS %s CASCADE',
      CASE r.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, r.signature);
  END LOOP;
  FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' AND t.typtype IN ('c', 'd', 'e', 'r')
             AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') LOOP
    EXECUTE format('DROP TYPE IF EXISTS public.%I CASCADE', r.typname);
  END LOOP;
END $clear$;
RESET client_min_messages;
`;

/**
 * Replaces what the database of `url` holds with the dump in `file`, in one transaction: psql
 * runs BEGIN, the clearing, pg_restore's script, and a COMMIT written only once pg_restore has
 * finished well. Should pg_restore fail half way, psql's input ends without a COMMIT and the
 * server rolls everything back.
 */
export async function restoreServer(file: string, url: string, tools: PgTools): Promise<DatabaseContent> {
  const { dbname, env } = libpqTarget(url);
  const psql = run(tools, "psql", ["--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", `--dbname=${dbname}`], env);
  const restore = run(tools, "pg_restore", ["--no-owner", "--no-privileges", "--file=-", file], env, "pipe");
  restore.stdin.end();
  // psql may stop at an error before it has read everything: what it leaves unread is not an error of ours.
  psql.stdin.on("error", () => {});
  psql.stdin.write("BEGIN;\n" + CLEAR);
  restore.stdout!.pipe(psql.stdin, { end: false });
  // Once psql has stopped (an error), nobody reads pg_restore's output: it would wait on its pipe for ever.
  void psql.finished.finally(() => restore.child.exitCode === null && restore.child.signalCode === null && restore.child.kill());
  const restored = await restore.finished.catch((error: unknown) => ({ code: -1, stderr: String(error) }));
  // The planner's statistics are not in a dump: gathered before the subgraph's first query.
  if (restored.code === 0) psql.stdin.end("ANALYZE;\nCOMMIT;\n");
  else psql.stdin.end();
  const applied = await psql.finished;
  // psql's error first: when it stops, pg_restore fails too, writing into a closed pipe.
  if (applied.code !== 0) throw new Error(`psql failed (exit code ${applied.code}), nothing was changed: ${applied.stderr}`);
  if (restored.code !== 0) throw new Error(`pg_restore failed (exit code ${restored.code}), nothing was changed: ${restored.stderr}`);
  return withClient(url, (_client, query) => inspect(query));
}
