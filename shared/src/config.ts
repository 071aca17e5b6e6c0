import { resolve } from "node:path";
import type { DatabaseConfig } from "./database";
import { AUTH_ENV_SHAPE, authConfigOf, type AuthConfig } from "./auth/verify";
import { envText, envVar, optionalEnvText, parseEnv, portVar } from "./env";
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

/** The schema of a subgraph's environment: every variable it reads (README, "Configuration"). */
const SUBGRAPH_ENV_SHAPE = {
  // A malformed minimum-wage table stops the start, rather than the first contract that needs it.
  MINIMUM_WAGE_FILE: envVar((file) => (minimumWageTableFromEnv({ MINIMUM_WAGE_FILE: file }), file), String, ""),
  COOPERATIVE_ID: envVar(
    (value) => (isCooperativeSlug(value) ? value : undefined),
    (value) => `COOPERATIVE_ID must be a cooperative slug (lowercase letters, digits and dashes), got "${value}"`,
  ),
  PORT: portVar("PORT"),
  HOST: envText("127.0.0.1"),
  DATABASE_URL: optionalEnvText(),
  DATA_DIR: envText(".data"),
  PGLITE_TEMPLATE: optionalEnvText(),
  SEED_DEMO: optionalEnvText(),
  NODE_ENV: optionalEnvText(),
  ...AUTH_ENV_SHAPE,
};

/** Environment variables a subgraph reads (README, "Configuration"). */
export const SUBGRAPH_ENV = Object.keys(SUBGRAPH_ENV_SHAPE) as (keyof typeof SUBGRAPH_ENV_SHAPE)[];

export function subgraphConfigFromEnv(subgraph: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const vars = parseEnv(SUBGRAPH_ENV_SHAPE, env);
  const production = vars.NODE_ENV === "production";
  return {
    cooperativeId: vars.COOPERATIVE_ID,
    port: vars.PORT,
    host: vars.HOST,
    database: vars.DATABASE_URL
      ? { kind: "server", url: vars.DATABASE_URL }
      : { kind: "embedded", dataDir: resolve(vars.DATA_DIR, vars.COOPERATIVE_ID, subgraph), template: vars.PGLITE_TEMPLATE },
    seedDemo: vars.SEED_DEMO === "true",
    production,
    auth: authConfigOf(vars, production),
  };
}

/** A port number read from a variable `name`, by the schemas' rule. */
export const parsePort = (value: string | undefined, name: string): number => parseEnv({ [name]: portVar(name) }, { [name]: value })[name];
