import { resolve } from "node:path";
import {
  AUTH_ENV_SHAPE,
  authConfigOf,
  envText,
  LOG_ENV_SHAPE,
  optionalEnvText,
  parseEnv,
  portVar,
  type createLogger,
  type AuthConfig,
  type DatabaseConfig,
  type LogLevel,
} from "@cae/shared";

/** How the network's subgraph runs (README, "Configuration"). */
export interface NetworkSubgraphConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  production: boolean;
  auth: AuthConfig;
  /** A registry file to start an empty registry from (the demo's, or the file a network used before). */
  registrySeedFile?: string;
  logLevel?: LogLevel;
  logDestination?: Parameters<typeof createLogger>[2];
}

/** Every variable the network's subgraph reads. */
const NETWORK_ENV_SHAPE = {
  PORT: portVar("PORT"),
  HOST: envText("127.0.0.1"),
  /** A PostgreSQL server by URL, or an embedded database under DATA_DIR/network. */
  DATABASE_URL: optionalEnvText(),
  DATA_DIR: envText(".data"),
  PGLITE_TEMPLATE: optionalEnvText(),
  REGISTRY_SEED_FILE: optionalEnvText(),
  NODE_ENV: optionalEnvText(),
  ...LOG_ENV_SHAPE,
  ...AUTH_ENV_SHAPE,
};

export const NETWORK_SUBGRAPH_ENV = Object.keys(NETWORK_ENV_SHAPE) as (keyof typeof NETWORK_ENV_SHAPE)[];

export function networkSubgraphConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NetworkSubgraphConfig {
  const vars = parseEnv(NETWORK_ENV_SHAPE, env);
  const production = vars.NODE_ENV === "production";
  return {
    port: vars.PORT,
    host: vars.HOST,
    database: vars.DATABASE_URL
      ? { kind: "server", url: vars.DATABASE_URL }
      : { kind: "embedded", dataDir: resolve(vars.DATA_DIR, "network"), template: vars.PGLITE_TEMPLATE },
    production,
    auth: authConfigOf(vars, production),
    registrySeedFile: vars.REGISTRY_SEED_FILE ? resolve(vars.REGISTRY_SEED_FILE) : undefined,
    logLevel: vars.LOG_LEVEL,
  };
}
