import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { AUTH_ENV, authConfigFromEnv, ConfigError, DEFAULT_MAX_BODY_BYTES, parsePort, type AuthConfig } from "@cae/shared";
import { DEFAULT_INDICATORS_CONFIG, type IndicatorsConfig } from "./indicators/indicators.service";
import { QUERY_LIMITS_ENV, queryLimitsFromEnv, type QueryLimits } from "./limits/limits";

export interface GatewayConfig {
  port: number;
  host: string;
  registryFile: string;
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
}

/** Environment variables the gateway reads (README, "Configuration"). */
export const GATEWAY_ENV = [
  "PORT",
  "HOST",
  "REGISTRY_FILE",
  "SUPERGRAPH_FILE",
  "COOPERATIVE_TIMEOUT_MS",
  "MAX_BODY_BYTES",
  "NODE_ENV",
  "INDICATORS_MIN_COUNT",
  "INDICATORS_CACHE_SECONDS",
  "REDIS_URL",
  "INDICATORS_CACHE_PREFIX",
  "NETWORK_SERVICE_TOKEN_FILE",
  ...AUTH_ENV,
  ...QUERY_LIMITS_ENV,
] as const;

export const DEFAULT_SUPERGRAPH_FILE = resolve(__dirname, "..", "supergraph.graphql");

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const timeout = Number(env.COOPERATIVE_TIMEOUT_MS ?? 5000);
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 120_000) {
    throw new ConfigError(
      `COOPERATIVE_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000, got "${env.COOPERATIVE_TIMEOUT_MS}"`,
    );
  }
  if (!env.REGISTRY_FILE) throw new ConfigError("REGISTRY_FILE must name the registry of cooperatives (a JSON file)");
  const maxBodyBytes = Number(env.MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES);
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1024) {
    throw new ConfigError(`MAX_BODY_BYTES must be a whole number of bytes, at least 1024, got "${env.MAX_BODY_BYTES}"`);
  }
  const production = env.NODE_ENV === "production";
  const minCount = Number(env.INDICATORS_MIN_COUNT ?? DEFAULT_INDICATORS_CONFIG.minCount);
  if (!Number.isInteger(minCount) || minCount < 2 || minCount > 1000) {
    throw new ConfigError(`INDICATORS_MIN_COUNT must be a whole number from 2 to 1000, got "${env.INDICATORS_MIN_COUNT}"`);
  }
  const cacheSeconds = Number(env.INDICATORS_CACHE_SECONDS ?? DEFAULT_INDICATORS_CONFIG.cacheSeconds);
  if (!Number.isInteger(cacheSeconds) || cacheSeconds < 0 || cacheSeconds > 86_400) {
    throw new ConfigError(
      `INDICATORS_CACHE_SECONDS must be a whole number of seconds from 0 to 86400, got "${env.INDICATORS_CACHE_SECONDS}"`,
    );
  }
  if (env.REDIS_URL && !/^rediss?:\/\//.test(env.REDIS_URL)) {
    throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got "${env.REDIS_URL}"`);
  }
  const serviceTokenFile = env.NETWORK_SERVICE_TOKEN_FILE ? resolve(env.NETWORK_SERVICE_TOKEN_FILE) : undefined;
  if (serviceTokenFile && !existsSync(serviceTokenFile)) {
    throw new ConfigError(`NETWORK_SERVICE_TOKEN_FILE names "${serviceTokenFile}", which does not exist`);
  }
  return {
    serviceToken: serviceTokenFile ? () => readFileSync(serviceTokenFile, "utf8").trim() : undefined,
    port: parsePort(env.PORT ?? "4000", "PORT"),
    host: env.HOST ?? "127.0.0.1",
    registryFile: resolve(env.REGISTRY_FILE),
    supergraphFile: resolve(env.SUPERGRAPH_FILE ?? DEFAULT_SUPERGRAPH_FILE),
    cooperativeTimeoutMs: timeout,
    production,
    auth: authConfigFromEnv(env, production),
    limits: queryLimitsFromEnv(env),
    maxBodyBytes,
    indicators: {
      ...DEFAULT_INDICATORS_CONFIG,
      minCount,
      cacheSeconds,
      redisUrl: env.REDIS_URL || undefined,
      cachePrefix: env.INDICATORS_CACHE_PREFIX ?? DEFAULT_INDICATORS_CONFIG.cachePrefix,
    },
  };
}
