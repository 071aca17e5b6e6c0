import { resolve } from "node:path";
import type { DatabaseConfig } from "./database";
import { AUTH_ENV, authConfigFromEnv, type AuthConfig } from "./auth/verify";
import { ConfigError } from "./errors";
import { isCooperativeSlug } from "./ids";
import { minimumWageTableFromEnv } from "./legal/minimum-wage";

export type SubgraphName = "members" | "contracts" | "finance";
export const SUBGRAPH_NAMES: readonly SubgraphName[] = ["members", "contracts", "finance"];

/** How one subgraph instance of one cooperative runs. */
export interface SubgraphConfig {
  cooperativeId: string;
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Seed the deterministic demo data when the database is empty. */
  seedDemo: boolean;
  /** Production leaves stack traces out of errors and refuses the development key. */
  production: boolean;
  auth: AuthConfig;
}

/** Environment variables a subgraph reads (README, "Configuration"). */
export const SUBGRAPH_ENV = [
  "COOPERATIVE_ID",
  "PORT",
  "HOST",
  "DATABASE_URL",
  "DATA_DIR",
  "SEED_DEMO",
  "NODE_ENV",
  "PGLITE_TEMPLATE",
  "MINIMUM_WAGE_FILE",
  ...AUTH_ENV,
] as const;

export function subgraphConfigFromEnv(subgraph: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const production = env.NODE_ENV === "production";
  // A malformed minimum-wage table stops the start, rather than the first contract that needs it.
  minimumWageTableFromEnv(env);
  const cooperativeId = env.COOPERATIVE_ID ?? "";
  if (!isCooperativeSlug(cooperativeId)) {
    throw new ConfigError(`COOPERATIVE_ID must be a cooperative slug (lowercase letters, digits and dashes), got "${cooperativeId}"`);
  }
  return {
    cooperativeId,
    port: parsePort(env.PORT, "PORT"),
    host: env.HOST ?? "127.0.0.1",
    database: env.DATABASE_URL
      ? { kind: "server", url: env.DATABASE_URL }
      : { kind: "embedded", dataDir: resolve(env.DATA_DIR ?? ".data", cooperativeId, subgraph), template: env.PGLITE_TEMPLATE },
    seedDemo: env.SEED_DEMO === "true",
    production,
    auth: authConfigFromEnv(env, production),
  };
}

export function parsePort(value: string | undefined, name: string): number {
  const port = Number(value);
  if (value === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name} must be a port number (0 to 65535), got "${value ?? ""}"`);
  }
  return port;
}
