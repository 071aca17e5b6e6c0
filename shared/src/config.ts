import { resolve } from "node:path";
import type { DatabaseConfig } from "./database";
import { AUTH_ENV_SHAPE, authConfigOf, type AuthConfig } from "./auth/verify";
import { envText, envVar, optionalEnvText, parseEnv, portVar } from "./env";
import { isCooperativeSlug } from "./ids";
import { minimumWageTableFromEnv } from "./legal/minimum-wage";
import { LOG_ENV_SHAPE, type LogLevel } from "./observability/log";
import type { DestinationStream } from "pino";

export type SubgraphName = "members" | "contracts" | "finance";
export const SUBGRAPH_NAMES: readonly SubgraphName[] = ["members", "contracts", "finance"];

/** How one subgraph instance of one cooperative runs. */
export interface SubgraphConfig {
  cooperativeId: string;
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Production leaves stack traces out of errors and refuses the development key. */
  production: boolean;
  auth: AuthConfig;
  /** How much is logged (`LOG_LEVEL`, default info); tests give a destination of their own. */
  logLevel?: LogLevel;
  logDestination?: DestinationStream;
}

/** Where a cooperative's subgraph keeps its data: a server by URL, or an embedded database under DATA_DIR. */
const DATABASE_ENV_SHAPE = {
  DATABASE_URL: optionalEnvText(),
  DATA_DIR: envText(".data"),
  PGLITE_TEMPLATE: optionalEnvText(),
};

const COOPERATIVE_ENV_SHAPE = {
  COOPERATIVE_ID: envVar(
    (value) => (isCooperativeSlug(value) ? value : undefined),
    (value) => `COOPERATIVE_ID must be a cooperative slug (lowercase letters, digits and dashes), got "${value}"`,
  ),
};

const databaseConfigOf = (
  subgraph: SubgraphName,
  cooperativeId: string,
  vars: { DATABASE_URL?: string; DATA_DIR: string; PGLITE_TEMPLATE?: string },
): DatabaseConfig =>
  vars.DATABASE_URL
    ? { kind: "server", url: vars.DATABASE_URL }
    : { kind: "embedded", dataDir: resolve(vars.DATA_DIR, cooperativeId, subgraph), template: vars.PGLITE_TEMPLATE };

/** The cooperative and database of a subgraph's environment alone (what a tool that fills the database reads). */
export function subgraphDatabaseFromEnv(
  subgraph: SubgraphName,
  env: NodeJS.ProcessEnv = process.env,
): { cooperativeId: string; database: DatabaseConfig } {
  const vars = parseEnv({ ...COOPERATIVE_ENV_SHAPE, ...DATABASE_ENV_SHAPE }, env);
  return { cooperativeId: vars.COOPERATIVE_ID, database: databaseConfigOf(subgraph, vars.COOPERATIVE_ID, vars) };
}

/** The schema of a subgraph's environment: every variable it reads (README, "Configuration"). */
const SUBGRAPH_ENV_SHAPE = {
  // A malformed minimum-wage table stops the start, rather than the first contract that needs it.
  MINIMUM_WAGE_FILE: envVar((file) => (minimumWageTableFromEnv({ MINIMUM_WAGE_FILE: file }), file), String, ""),
  ...COOPERATIVE_ENV_SHAPE,
  PORT: portVar("PORT"),
  HOST: envText("127.0.0.1"),
  ...DATABASE_ENV_SHAPE,
  NODE_ENV: optionalEnvText(),
  ...LOG_ENV_SHAPE,
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
    database: databaseConfigOf(subgraph, vars.COOPERATIVE_ID, vars),
    production,
    auth: authConfigOf(vars, production),
    logLevel: vars.LOG_LEVEL,
  };
}

/** A port number read from a variable `name`, by the schemas' rule. */
export const parsePort = (value: string | undefined, name: string): number => parseEnv({ [name]: portVar(name) }, { [name]: value })[name];
