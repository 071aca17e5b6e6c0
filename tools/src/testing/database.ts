import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { openDatabase, type DatabaseConfig, type SubgraphName } from "@cae/shared";
import type { DEMO_SEEDERS as DemoSeeders } from "../demo/seed";
import { TEMPLATE_FILE } from "../dev/template";
import type { SUBGRAPHS as Subgraphs } from "../subgraphs";

/**
 * The databases a test runs against: embedded PostgreSQL (PGlite) always, and the PostgreSQL
 * server of TEST_DATABASE_URL when it is set, so migrations and queries pass on both.
 */
export function databaseBackends(): ("embedded" | "server")[] {
  return process.env.TEST_DATABASE_URL ? ["embedded", "server"] : ["embedded"];
}

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** What a test database holds from the start: nothing (no tables), a subgraph's tables, or its tables and a cooperative's demo data. */
export type TestDatabaseContent = { subgraph: SubgraphName; demoOf?: string } | undefined;

/**
 * A throwaway database: in memory, or created on the test server and dropped afterwards. With a
 * `content`, it is migrated and, with `demoOf`, seeded with that cooperative's demo data.
 */
export async function createTestDatabase(backend: "embedded" | "server", content?: TestDatabaseContent): Promise<TestDatabase> {
  if (backend === "embedded") {
    // Without content, the empty cluster `npm ci` prepared: no initdb either.
    return { config: { kind: "memory", template: content ? await embeddedTemplate(content) : TEMPLATE_FILE }, drop: async () => {} };
  }
  const serverUrl = new URL(process.env.TEST_DATABASE_URL ?? "");
  // Like any test that drops databases, refuse a server URL that does not say it is for tests.
  if (!serverUrl.pathname.includes("test")) throw new Error(`TEST_DATABASE_URL must name a test database, got ${serverUrl.pathname}`);
  const name = `test_cae_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const config: DatabaseConfig = { kind: "server", url: url.toString() };
  const drop = () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
  if (content) {
    try {
      await fill(config, content);
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { config, drop };
}

async function fill(config: DatabaseConfig, content: NonNullable<TestDatabaseContent>, snapshot?: string): Promise<void> {
  // Loaded only here: a test that starts from a template (nearly every one, once the run's first
  // has made it) then loads only the subgraph it tests, not all three and the demo generator (a
  // dynamic import() would leave the CommonJS loader).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SUBGRAPHS } = require("../subgraphs") as { SUBGRAPHS: typeof Subgraphs };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DEMO_SEEDERS } = require("../demo/seed") as { DEMO_SEEDERS: typeof DemoSeeders };
  const database = await openDatabase(config, SUBGRAPHS[content.subgraph]);
  try {
    if (content.demoOf) await DEMO_SEEDERS[content.subgraph](database.dataSource, content.demoOf);
    if (snapshot) await database.snapshot(snapshot);
  } finally {
    await database.close();
  }
}

/**
 * An embedded database costs seconds of CPU to create, migrate and seed, and a run opens
 * hundreds: each kind is made once and dumped, and every test database starts from its dump (a
 * fraction of a second). The dumps live in TEST_TEMPLATES_DIR, which Jest's global setup names by
 * the hash of every source they are made from (tools/jest/global-setup.js), so a change to a
 * migration or to the demo data is always seen by the next run; outside Jest, in a directory of
 * the process's own.
 */
const templates = new Map<string, Promise<string>>();

function embeddedTemplate(content: NonNullable<TestDatabaseContent>): Promise<string> {
  const file = join(templateDir(), `${content.subgraph}-${content.demoOf ?? "empty"}.tar`);
  let made = templates.get(file);
  if (!made) {
    // Another worker of the run may have made it already; otherwise start from the empty cluster `npm ci` prepared.
    made = existsSync(file) ? Promise.resolve(file) : fill({ kind: "memory", template: TEMPLATE_FILE }, content, file).then(() => file);
    made.catch(() => templates.delete(file));
    templates.set(file, made);
  }
  return made;
}

let ownDir: string | undefined;
function templateDir(): string {
  const shared = process.env.TEST_TEMPLATES_DIR;
  if (shared) {
    mkdirSync(shared, { recursive: true });
    return shared;
  }
  if (!ownDir) {
    const dir = (ownDir = mkdtempSync(join(tmpdir(), "cae-test-templates-")));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return ownDir;
}

async function withClient<T>(url: URL, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
