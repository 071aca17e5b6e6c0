import { contracts } from "@cae/contracts";
import { finance } from "@cae/finance";
import { members } from "@cae/members";
import { SUBGRAPH_NAMES, startSubgraph, type RunningSubgraph, type SubgraphDefinition, type SubgraphName } from "@cae/shared";
import { readFileSync } from "node:fs";
import { DEFAULT_SUPERGRAPH_FILE } from "../config";
import { startGateway, type RunningGateway } from "../gateway";
import type { Registry } from "../registry/registry";

const definitions: Record<SubgraphName, SubgraphDefinition<unknown>> = {
  members: members as SubgraphDefinition<unknown>,
  contracts: contracts as SubgraphDefinition<unknown>,
  finance: finance as SubgraphDefinition<unknown>,
};

export interface GraphQLResult {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestNetwork {
  gateway: RunningGateway;
  registry: Registry;
  subgraph(cooperativeId: string, name: SubgraphName): RunningSubgraph<unknown>;
  /** Sends an operation to the gateway over HTTP, as a client would. */
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
  stop(): Promise<void>;
}

/**
 * A real network on free ports: every cooperative's three subgraphs on HTTP, each on its own
 * in-memory PostgreSQL seeded with the demo data, and the real gateway in front of them.
 */
export async function startTestNetwork(
  cooperativeIds: string[],
  options: { timeoutMs?: number; extraRegistry?: Registry["cooperatives"] } = {},
): Promise<TestNetwork> {
  const running = new Map<string, RunningSubgraph<unknown>>();
  try {
    for (const cooperativeId of cooperativeIds) {
      for (const name of SUBGRAPH_NAMES) {
        const subgraph = await startSubgraph(definitions[name], {
          cooperativeId,
          port: 0,
          host: "127.0.0.1",
          database: { kind: "memory" },
          seedDemo: true,
          production: false,
        });
        running.set(`${cooperativeId}/${name}`, subgraph);
      }
    }
  } catch (error) {
    await Promise.all([...running.values()].map((subgraph) => subgraph.stop()));
    throw error;
  }
  const registry: Registry = {
    cooperatives: [
      ...cooperativeIds.map((id) => ({
        id,
        name: `Coopérative ${id}`,
        region: id.startsWith("bretagne") ? "Bretagne" : "Auvergne-Rhône-Alpes",
        subgraphs: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, running.get(`${id}/${name}`)!.url])) as Record<
          SubgraphName,
          string
        >,
      })),
      ...(options.extraRegistry ?? []),
    ],
  };
  const gateway = await startGateway({
    registry,
    supergraphSdl: readFileSync(DEFAULT_SUPERGRAPH_FILE, "utf8"),
    port: 0,
    host: "127.0.0.1",
    cooperativeTimeoutMs: options.timeoutMs ?? 2000,
    production: false,
  });
  const stopped = new Set<string>();
  return {
    gateway,
    registry,
    subgraph(cooperativeId, name) {
      const subgraph = running.get(`${cooperativeId}/${name}`);
      if (!subgraph) throw new Error(`No ${name} subgraph for ${cooperativeId} in this test network`);
      return {
        ...subgraph,
        stop: async () => {
          stopped.add(`${cooperativeId}/${name}`);
          await subgraph.stop();
        },
      };
    },
    async query(query, variables) {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphQLResult, "status">) };
    },
    async stop() {
      await gateway.stop();
      await Promise.all([...running].filter(([key]) => !stopped.has(key)).map(([, subgraph]) => subgraph.stop()));
    },
  };
}
