import { resolve } from "node:path";
import { ConfigError, parsePort } from "@cae/shared";

export interface GatewayConfig {
  port: number;
  host: string;
  registryFile: string;
  supergraphFile: string;
  /** How long the gateway waits for one cooperative's subgraph before answering without it. */
  cooperativeTimeoutMs: number;
  /** Production turns off introspection, the landing page's sandbox and stack traces in errors. */
  production: boolean;
}

/** Environment variables the gateway reads (README, "Configuration"). */
export const GATEWAY_ENV = ["PORT", "HOST", "REGISTRY_FILE", "SUPERGRAPH_FILE", "COOPERATIVE_TIMEOUT_MS", "NODE_ENV"] as const;

export const DEFAULT_SUPERGRAPH_FILE = resolve(__dirname, "..", "supergraph.graphql");

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const timeout = Number(env.COOPERATIVE_TIMEOUT_MS ?? 5000);
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 120_000) {
    throw new ConfigError(
      `COOPERATIVE_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000, got "${env.COOPERATIVE_TIMEOUT_MS}"`,
    );
  }
  if (!env.REGISTRY_FILE) throw new ConfigError("REGISTRY_FILE must name the registry of cooperatives (a JSON file)");
  return {
    port: parsePort(env.PORT ?? "4000", "PORT"),
    host: env.HOST ?? "127.0.0.1",
    registryFile: resolve(env.REGISTRY_FILE),
    supergraphFile: resolve(env.SUPERGRAPH_FILE ?? DEFAULT_SUPERGRAPH_FILE),
    cooperativeTimeoutMs: timeout,
    production: env.NODE_ENV === "production",
  };
}
