import { SUBGRAPH_NAMES, type SubgraphName } from "@cae/shared";
import type { Registry } from "./registry/registry";

export type SubgraphHealth = "up" | "down";

/** A cooperative's events between its subgraphs, summed over the subgraphs that answered. */
export interface CooperativeEventsHealth {
  /** Events waiting for delivery to a sibling. */
  backlog: number;
  /** Events a sibling kept refusing (`npm run events -- parked <subgraph>` lists them). */
  parked: number;
  /** When the oldest waiting event was written; null when none waits. */
  oldestUndeliveredAt: string | null;
}

export interface NetworkHealth {
  [detail: string]: unknown;
  ok: true;
  /** "degraded" while any cooperative's subgraph is down: the gateway still answers for the others. */
  status: "ok" | "degraded";
  cooperatives: { id: string; subgraphs: Record<SubgraphName, SubgraphHealth>; events?: CooperativeEventsHealth }[];
}

type EventsPart = { backlog?: unknown; parked?: unknown; oldestUndeliveredAt?: unknown };

async function probe(graphqlUrl: string, timeoutMs: number): Promise<{ state: SubgraphHealth; events: EventsPart[] }> {
  try {
    const response = await fetch(new URL("/health", graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return { state: "down", events: [] };
    // A subgraph reports its outbox per sibling (docs/operations.md, "Events between subgraphs").
    const report = (await response.json().catch(() => ({}))) as { events?: Record<string, EventsPart> };
    return { state: "up", events: Object.values(report.events ?? {}) };
  } catch {
    return { state: "down", events: [] };
  }
}

/** The cooperative's events in one line: what waits, what is parked, and since when the oldest waits. */
function eventsOf(parts: EventsPart[]): CooperativeEventsHealth | undefined {
  if (parts.length === 0) return undefined;
  const count = (value: unknown) => (typeof value === "number" ? value : 0);
  const oldest = parts
    .map((part) => part.oldestUndeliveredAt)
    .filter((at): at is string => typeof at === "string")
    .sort()[0];
  return {
    backlog: parts.reduce((sum, part) => sum + count(part.backlog), 0),
    parked: parts.reduce((sum, part) => sum + count(part.parked), 0),
    oldestUndeliveredAt: oldest ?? null,
  };
}

/** Asks every cooperative's subgraphs for their health, all at once. */
export async function networkHealth(registry: Registry, timeoutMs: number): Promise<NetworkHealth> {
  const cooperatives = await Promise.all(
    registry.cooperatives.map(async (cooperative) => {
      const probes = await Promise.all(SUBGRAPH_NAMES.map((name) => probe(cooperative.subgraphs[name], timeoutMs)));
      const events = eventsOf(probes.flatMap((result) => result.events));
      return {
        id: cooperative.id,
        subgraphs: Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, probes[i].state])) as Record<SubgraphName, SubgraphHealth>,
        ...(events && { events }),
      };
    }),
  );
  const allUp = cooperatives.every((cooperative) => Object.values(cooperative.subgraphs).every((state) => state === "up"));
  return { ok: true, status: allUp ? "ok" : "degraded", cooperatives };
}
