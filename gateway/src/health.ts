import { SUBGRAPH_NAMES, type SubgraphName } from "@cae/shared";
import type { Registry } from "./registry/registry";

export type SubgraphHealth = "up" | "down";

export interface NetworkHealth {
  [detail: string]: unknown;
  ok: true;
  /** "degraded" while any cooperative's subgraph is down: the gateway still answers for the others. */
  status: "ok" | "degraded";
  cooperatives: { id: string; subgraphs: Record<SubgraphName, SubgraphHealth> }[];
}

async function probe(graphqlUrl: string, timeoutMs: number): Promise<SubgraphHealth> {
  try {
    const response = await fetch(new URL("/health", graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? "up" : "down";
  } catch {
    return "down";
  }
}

/** Asks every cooperative's subgraphs for their health, all at once. */
export async function networkHealth(registry: Registry, timeoutMs: number): Promise<NetworkHealth> {
  const cooperatives = await Promise.all(
    registry.cooperatives.map(async (cooperative) => {
      const states = await Promise.all(SUBGRAPH_NAMES.map((name) => probe(cooperative.subgraphs[name], timeoutMs)));
      return {
        id: cooperative.id,
        subgraphs: Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, states[i]])) as Record<SubgraphName, SubgraphHealth>,
      };
    }),
  );
  const allUp = cooperatives.every((cooperative) => Object.values(cooperative.subgraphs).every((state) => state === "up"));
  return { ok: true, status: allUp ? "ok" : "degraded", cooperatives };
}
