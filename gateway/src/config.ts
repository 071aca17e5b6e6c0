import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  AUTH_ENV_SHAPE,
  authConfigOf,
  DEFAULT_MAX_BODY_BYTES,
  envText,
  envVar,
  optionalEnvText,
  parseEnv,
  portVar,
  wholeNumber,
  LOG_ENV_SHAPE,
  ConfigError,
  isHttpUrl,
  type AuthConfig,
  type LogLevel,
} from "@cae/shared";
import type { DestinationStream } from "pino";
import { DEFAULT_INDICATORS_CONFIG, type IndicatorsConfig } from "./indicators/indicators.service";
import { QUERY_LIMITS_ENV_SHAPE, queryLimitsOf, type QueryLimits } from "./limits/limits";
import { hostPatterns } from "./registry/follower";

export interface GatewayConfig {
  port: number;
  host: string;
  /** The registry to route by: the only one without the network's subgraph, the first one with it. */
  registryFile?: string;
  /**
   * The network's own subgraph (`NETWORK_URL`): its fields are served from it, and the gateway
   * follows its registry, read every `registryRefreshMs` with the service token.
   */
  networkUrl?: string;
  registryRefreshMs: number;
  /** The hosts the network's registry may name (`REGISTRY_ALLOWED_HOSTS`); none: any (development only). */
  registryAllowedHosts?: RegExp[];
  supergraphFile: string;
  /** How long the gateway waits for one cooperative's subgraph before answering without it. */
  cooperativeTimeoutMs: number;
  /** Production turns off introspection, the landing page's sandbox and stack traces in errors. */
  production: boolean;
  auth: AuthConfig;
  limits: QueryLimits;
  maxBodyBytes: number;
  /** The network's indicators: disclosure rules and cache. */
  indicators: IndicatorsConfig;
  /**
   * The gateway's own token (role NETWORK_SERVICE, issued by the identity provider): the network's
   * fan-out reads the cooperatives' exact aggregates with it, never with a client's token. Read
   * anew at each use, so that a rotated file is picked up. Absent: network roles get no indicators.
   */
  serviceToken?: () => string;
  /** How much is logged (`LOG_LEVEL`, default info); tests give a destination of their own. */
  logLevel?: LogLevel;
  logDestination?: DestinationStream;
}

export const DEFAULT_SUPERGRAPH_FILE = resolve(__dirname, "..", "supergraph.graphql");

/** The schema of the gateway's environment: every variable it reads (README, "Configuration"). */
const GATEWAY_ENV_SHAPE = {
  ...LOG_ENV_SHAPE,
  PORT: portVar("PORT", 4000),
  HOST: envText("127.0.0.1"),
  // Required without NETWORK_URL (checked below); empty: none, as unset.
  REGISTRY_FILE: envText(""),
  NETWORK_URL: envVar(
    (value) => (value === "" || isHttpUrl(value) ? value : undefined),
    (value) => `NETWORK_URL must be the URL of the network subgraph's /graphql, got "${value}"`,
    "",
  ),
  // Empty: any host (refused in production with NETWORK_URL, checked below).
  REGISTRY_ALLOWED_HOSTS: envText(""),
  REGISTRY_REFRESH_MS: envVar(
    wholeNumber(100, 3_600_000),
    (value) => `REGISTRY_REFRESH_MS must be a whole number of milliseconds from 100 to 3600000, got "${value}"`,
    5000,
  ),
  SUPERGRAPH_FILE: envText(DEFAULT_SUPERGRAPH_FILE),
  COOPERATIVE_TIMEOUT_MS: envVar(
    wholeNumber(100, 120_000),
    (value) => `COOPERATIVE_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000, got "${value}"`,
    5000,
  ),
  MAX_BODY_BYTES: envVar(
    wholeNumber(1024),
    (value) => `MAX_BODY_BYTES must be a whole number of bytes, at least 1024, got "${value}"`,
    DEFAULT_MAX_BODY_BYTES,
  ),
  NODE_ENV: optionalEnvText(),
  INDICATORS_MIN_COUNT: envVar(
    wholeNumber(2, 1000),
    (value) => `INDICATORS_MIN_COUNT must be a whole number from 2 to 1000, got "${value}"`,
    DEFAULT_INDICATORS_CONFIG.minCount,
  ),
  INDICATORS_CACHE_SECONDS: envVar(
    wholeNumber(0, 86_400),
    (value) => `INDICATORS_CACHE_SECONDS must be a whole number of seconds from 0 to 86400, got "${value}"`,
    DEFAULT_INDICATORS_CONFIG.cacheSeconds,
  ),
  // Empty: none, as unset.
  REDIS_URL: envVar(
    (value) => (value === "" || /^rediss?:\/\//.test(value) ? value : undefined),
    (value) => `REDIS_URL must be a redis:// or rediss:// URL, got "${value}"`,
    "",
  ),
  INDICATORS_CACHE_PREFIX: envText(DEFAULT_INDICATORS_CONFIG.cachePrefix),
  // Empty: none, as unset.
  NETWORK_SERVICE_TOKEN_FILE: envVar(
    (value) => (value === "" || existsSync(resolve(value)) ? value : undefined),
    (value) => `NETWORK_SERVICE_TOKEN_FILE names "${resolve(value)}", which does not exist`,
    "",
  ),
  ...AUTH_ENV_SHAPE,
  ...QUERY_LIMITS_ENV_SHAPE,
};

/** Environment variables the gateway reads (README, "Configuration"). */
export const GATEWAY_ENV = Object.keys(GATEWAY_ENV_SHAPE) as (keyof typeof GATEWAY_ENV_SHAPE)[];

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const vars = parseEnv(GATEWAY_ENV_SHAPE, env);
  const production = vars.NODE_ENV === "production";
  const serviceTokenFile = vars.NETWORK_SERVICE_TOKEN_FILE ? resolve(vars.NETWORK_SERVICE_TOKEN_FILE) : undefined;
  if (!vars.REGISTRY_FILE && !vars.NETWORK_URL) {
    throw new ConfigError(
      "Set NETWORK_URL (the network's subgraph, whose registry the gateway follows) or REGISTRY_FILE (a registry of cooperatives, a JSON file)",
    );
  }
  if (vars.NETWORK_URL && production && !vars.REGISTRY_ALLOWED_HOSTS.trim()) {
    throw new ConfigError(
      "Production with NETWORK_URL needs REGISTRY_ALLOWED_HOSTS (\"*.cae-network.fr,...\"): the hosts the network's registry may send the gateway and its users' tokens to",
    );
  }
  if (vars.NETWORK_URL && !serviceTokenFile) {
    throw new ConfigError("NETWORK_URL needs NETWORK_SERVICE_TOKEN_FILE: the gateway reads the network's registry with its own credential");
  }
  return {
    serviceToken: serviceTokenFile ? () => readFileSync(serviceTokenFile, "utf8").trim() : undefined,
    port: vars.PORT,
    host: vars.HOST,
    registryFile: vars.REGISTRY_FILE ? resolve(vars.REGISTRY_FILE) : undefined,
    networkUrl: vars.NETWORK_URL || undefined,
    registryRefreshMs: vars.REGISTRY_REFRESH_MS,
    registryAllowedHosts: vars.REGISTRY_ALLOWED_HOSTS.trim() ? hostPatterns(vars.REGISTRY_ALLOWED_HOSTS) : undefined,
    supergraphFile: resolve(vars.SUPERGRAPH_FILE),
    cooperativeTimeoutMs: vars.COOPERATIVE_TIMEOUT_MS,
    production,
    auth: authConfigOf(vars, production),
    limits: queryLimitsOf(vars),
    maxBodyBytes: vars.MAX_BODY_BYTES,
    logLevel: vars.LOG_LEVEL,
    indicators: {
      ...DEFAULT_INDICATORS_CONFIG,
      minCount: vars.INDICATORS_MIN_COUNT,
      cacheSeconds: vars.INDICATORS_CACHE_SECONDS,
      redisUrl: vars.REDIS_URL || undefined,
      cachePrefix: vars.INDICATORS_CACHE_PREFIX,
    },
  };
}
