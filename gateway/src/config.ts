import { resolve } from "node:path";
import { AUTH_ENV, authConfigFromEnv, ConfigError, DEFAULT_MAX_BODY_BYTES, parsePort, type AuthConfig } from "@cae/shared";
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
  return {
    port: parsePort(env.PORT ?? "4000", "PORT"),
    host: env.HOST ?? "127.0.0.1",
    registryFile: resolve(env.REGISTRY_FILE),
    supergraphFile: resolve(env.SUPERGRAPH_FILE ?? DEFAULT_SUPERGRAPH_FILE),
    cooperativeTimeoutMs: timeout,
    production,
    auth: authConfigFromEnv(env, production),
    limits: queryLimitsFromEnv(env),
    maxBodyBytes,
  };
}
