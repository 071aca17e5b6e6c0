import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { DatabaseConfig } from "./database";

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

/** A throwaway database: in memory, or created on the test server and dropped afterwards. */
export async function createTestDatabase(backend: "embedded" | "server"): Promise<TestDatabase> {
  if (backend === "embedded") return { config: { kind: "memory" }, drop: async () => {} };
  const serverUrl = new URL(process.env.TEST_DATABASE_URL ?? "");
  // Like any test that drops databases, refuse a server URL that does not say it is for tests.
  if (!serverUrl.pathname.includes("test")) throw new Error(`TEST_DATABASE_URL must name a test database, got ${serverUrl.pathname}`);
  const name = `test_cae_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: "server", url: url.toString() },
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
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
