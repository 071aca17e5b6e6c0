import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { DatabaseConfig } from "./database";
import { AUTH_ENV_SHAPE, authConfigOf, type AuthConfig } from "./auth/verify";
import { envText, envVar, optionalEnvText, parseEnv, portVar, wholeNumber } from "./env";
import { isCooperativeSlug } from "./ids";
import { minimumWageTableFromEnv } from "./legal/minimum-wage";
import { LOG_ENV_SHAPE, type LogLevel } from "./observability/log";
import type { DestinationStream } from "pino";
import { ConfigError } from "./errors";

export type SubgraphName = "members" | "contracts" | "finance";
export const SUBGRAPH_NAMES: readonly SubgraphName[] = ["members", "contracts", "finance"];

/** The secret of a development network's events: known to everyone, so refused in production. */
export const DEVELOPMENT_EVENTS_SECRET = "development-only events secret of a CAE cooperative";
/** HS256 wants a key at least as long as its hash (32 bytes). */
export const EVENTS_SECRET_MIN_LENGTH = 32;

/** How a subgraph reaches its siblings (README, "Configuration": EVENTS_SECRET, MEMBERS_URL...). */
export interface EventsConfig {
  /** Shared by the cooperative's three subgraphs only; the development secret outside production. */
  secret?: string;
  /** Each sibling's GraphQL or base URL; they may also be given once the siblings run (`setSiblings`). */
  siblings?: Partial<Record<SubgraphName, string>>;
  settings?: { pollMs?: number; maxAttempts?: number; batchSize?: number; maxBackoffMs?: number };
}

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
  /** How it sends events to its siblings and takes theirs (docs/architecture.md, "Events between subgraphs"). */
  events?: EventsConfig;
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

/** How a subgraph reaches its siblings: their URLs, and the secret the cooperative's three subgraphs share. */
const EVENTS_ENV_SHAPE = {
  EVENTS_SECRET: optionalEnvText(),
  /** Or a file holding it (a container's secret), read once at start. */
  EVENTS_SECRET_FILE: optionalEnvText(),
  MEMBERS_URL: optionalEnvText(),
  CONTRACTS_URL: optionalEnvText(),
  FINANCE_URL: optionalEnvText(),
  EVENTS_POLL_MS: envVar(wholeNumber(0, 3_600_000), (value) => `EVENTS_POLL_MS must be milliseconds (0 to 3600000), got "${value}"`, -1),
  EVENTS_MAX_ATTEMPTS: envVar(
    wholeNumber(1, 1000),
    (value) => `EVENTS_MAX_ATTEMPTS must be a whole number from 1 to 1000, got "${value}"`,
    10,
  ),
};

type EventsEnv = {
  [Name in keyof typeof EVENTS_ENV_SHAPE]: Name extends "EVENTS_POLL_MS" | "EVENTS_MAX_ATTEMPTS" ? number : string | undefined;
};

function eventsConfigOf(subgraph: SubgraphName, vars: EventsEnv, production: boolean, onServer: boolean): EventsConfig {
  let secret = vars.EVENTS_SECRET || undefined;
  if (vars.EVENTS_SECRET_FILE) {
    if (secret !== undefined) throw new ConfigError("Set EVENTS_SECRET or EVENTS_SECRET_FILE, not both");
    try {
      secret = readFileSync(vars.EVENTS_SECRET_FILE, "utf8").trim();
    } catch (error) {
      throw new ConfigError(`EVENTS_SECRET_FILE ${vars.EVENTS_SECRET_FILE} cannot be read: ${(error as Error).message}`);
    }
  }
  if (secret !== undefined && secret.length < EVENTS_SECRET_MIN_LENGTH) {
    throw new ConfigError(`EVENTS_SECRET must be at least ${EVENTS_SECRET_MIN_LENGTH} characters long`);
  }
  if (production && (secret === undefined || secret === DEVELOPMENT_EVENTS_SECRET)) {
    throw new ConfigError("Production (NODE_ENV=production) needs EVENTS_SECRET, shared by the cooperative's three subgraphs only");
  }
  const urls: Record<SubgraphName, string | undefined> = {
    members: vars.MEMBERS_URL,
    contracts: vars.CONTRACTS_URL,
    finance: vars.FINANCE_URL,
  };
  const siblings: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPH_NAMES) {
    const url = urls[name];
    if (name === subgraph || !url) continue;
    if (!URL.canParse(url)) throw new ConfigError(`${name.toUpperCase()}_URL must be a URL, got "${url}"`);
    siblings[name] = url;
  }
  // Replicas on one PostgreSQL server write each other's outbox: read it every second. Alone on an
  // embedded database, a subgraph is woken by its own commits.
  const pollMs = vars.EVENTS_POLL_MS >= 0 ? vars.EVENTS_POLL_MS : onServer ? 1000 : 0;
  return { secret, siblings, settings: { pollMs, maxAttempts: vars.EVENTS_MAX_ATTEMPTS } };
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
  ...EVENTS_ENV_SHAPE,
};

/** Environment variables a subgraph reads (README, "Configuration"). */
export const SUBGRAPH_ENV = Object.keys(SUBGRAPH_ENV_SHAPE) as (keyof typeof SUBGRAPH_ENV_SHAPE)[];

export function subgraphConfigFromEnv(subgraph: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const vars = parseEnv(SUBGRAPH_ENV_SHAPE, env);
  const production = vars.NODE_ENV === "production";
  const database = databaseConfigOf(subgraph, vars.COOPERATIVE_ID, vars);
  return {
    cooperativeId: vars.COOPERATIVE_ID,
    port: vars.PORT,
    host: vars.HOST,
    database,
    production,
    auth: authConfigOf(vars, production),
    logLevel: vars.LOG_LEVEL,
    events: eventsConfigOf(subgraph, vars, production, database.kind === "server"),
  };
}

/** A port number read from a variable `name`, by the schemas' rule. */
export const parsePort = (value: string | undefined, name: string): number => parseEnv({ [name]: portVar(name) }, { [name]: value })[name];
