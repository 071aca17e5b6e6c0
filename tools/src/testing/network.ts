import { startSubgraph, SUBGRAPH_NAMES, type AuthConfig, type CallerClaims, type RunningSubgraph, type SubgraphName } from "@cae/shared";
import { SUBGRAPHS } from "../subgraphs";
import { createTestAuth } from "./auth";
import { createTestDatabase } from "./database";
import type { SignOptions } from "../keys";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startNetworkSubgraph, type RunningNetworkSubgraph } from "@cae/network";
import type { DestinationStream } from "pino";
import {
  DEFAULT_QUERY_LIMITS,
  DEFAULT_SUPERGRAPH_FILE,
  startGateway,
  type QueryLimits,
  type Registry,
  type RunningGateway,
} from "@cae/gateway";

export interface GraphQLResult {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestNetwork {
  gateway: RunningGateway;
  registry: Registry;
  /** How the gateway and subgraphs verify tokens. */
  auth: AuthConfig;
  subgraph(cooperativeId: string, name: SubgraphName): RunningSubgraph<unknown>;
  /**
   * Starts one more cooperative's three subgraphs, seeded with its demo data, without adding it to
   * the gateway's registry (a test registers it through the API); the URLs where they answer.
   */
  startCooperative(cooperativeId: string): Promise<Record<SubgraphName, string>>;
  /** The network's own subgraph, when the network was started with it. */
  networkSubgraph?: RunningNetworkSubgraph;
  /** A token signed with this network's key (`issuer`, `audience`, `expiresIn` may be overridden to forge bad ones). */
  token(claims: CallerClaims, options?: SignOptions): Promise<string>;
  /** Sends an operation to the gateway over HTTP, as a client would; with a token when one is given. */
  query(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult>;
  /** Sends an operation straight to one cooperative's subgraph, bypassing the gateway. */
  querySubgraph(
    cooperativeId: string,
    name: SubgraphName,
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResult>;
  /**
   * Resolves once every running subgraph has delivered its events to its siblings (their outboxes
   * are empty): what a test waits for between a change and a sibling's rule that depends on it
   * (admitted in members, then a contract drafted in contracts). No deadline of its own.
   */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real network on free ports: every cooperative's three subgraphs on HTTP, each on its own
 * in-memory PostgreSQL seeded with the demo data, and the real gateway in front of them.
 */
export async function startTestNetwork(
  cooperativeIds: string[],
  options: {
    timeoutMs?: number;
    extraRegistry?: Registry["cooperatives"];
    limits?: Partial<QueryLimits>;
    maxBodyBytes?: number;
    /** Where every process's log lines go (JSON, level info); none: nothing is logged. */
    log?: DestinationStream;
    /**
     * Also the network's own subgraph, its registry started from this network's, which the gateway
     * then follows (read every 200 ms). Without it, its fields answer NETWORK_UNAVAILABLE.
     */
    networkSubgraph?: boolean;
  } = {},
): Promise<TestNetwork> {
  const { auth, token, remove: removeKeys } = await createTestAuth();
  const running = new Map<string, RunningSubgraph<unknown>>();
  /** A cooperative's three subgraphs on HTTP, seeded with its demo data; the URLs where they answer. */
  const startCooperative = async (cooperativeId: string): Promise<Record<SubgraphName, string>> => {
    for (const name of SUBGRAPH_NAMES) {
      const { config: database } = await createTestDatabase("embedded", { subgraph: name, demoOf: cooperativeId });
      const subgraph = await startSubgraph(SUBGRAPHS[name], {
        cooperativeId,
        port: 0,
        host: "127.0.0.1",
        database,
        production: false,
        auth,
        logLevel: options.log ? "info" : "silent",
        logDestination: options.log,
      });
      running.set(`${cooperativeId}/${name}`, subgraph);
    }
    // Each knows its siblings once all three run (ports are free ones, known only now).
    const siblings = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, running.get(`${cooperativeId}/${name}`)!.url])) as Record<
      SubgraphName,
      string
    >;
    for (const name of SUBGRAPH_NAMES) running.get(`${cooperativeId}/${name}`)!.events.setSiblings(siblings);
    return siblings;
  };
  try {
    for (const cooperativeId of cooperativeIds) await startCooperative(cooperativeId);
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
  const serviceToken = await token({ sub: "gateway", role: "NETWORK_SERVICE" });
  const networkSubgraph = options.networkSubgraph ? await startNetworkOf(registry, auth, options.log) : undefined;
  const gateway = await startGateway({
    networkUrl: networkSubgraph?.url,
    registryRefreshMs: 200,
    serviceToken: () => serviceToken,
    registry,
    supergraphSdl: readFileSync(DEFAULT_SUPERGRAPH_FILE, "utf8"),
    port: 0,
    host: "127.0.0.1",
    // Long by default: a test of access or routing must not fail because a busy machine answered late;
    // a test of the deadline sets a short one against a cooperative that never answers.
    cooperativeTimeoutMs: options.timeoutMs ?? 30_000,
    production: false,
    auth,
    limits: { ...DEFAULT_QUERY_LIMITS, ...options.limits },
    maxBodyBytes: options.maxBodyBytes ?? 1_000_000,
    logLevel: options.log ? "info" : "silent",
    logDestination: options.log,
    // A test of schema compatibility starts its own gateway; the others spare the check's CPU.
    checkSchemas: false,
  });
  const post = async (url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult> => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResult, "status">) };
  };
  const stopped = new Set<string>();
  return {
    gateway,
    registry,
    auth,
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
    token,
    query: (query, variables, token) => post(gateway.url, query, variables, token),
    querySubgraph: (cooperativeId, name, query, variables, token) =>
      post(running.get(`${cooperativeId}/${name}`)!.url, query, variables, token),
    async settled() {
      for (;;) {
        // Events for a subgraph the test stopped wait for it: they are not what is waited for.
        const live = [...running].filter(([key]) => !stopped.has(key));
        const reports = await Promise.all(live.map(async ([key, subgraph]) => ({ key, report: await subgraph.events.report() })));
        const waiting = reports.some(({ key, report }) =>
          Object.entries(report).some(([destination, part]) => part.backlog > 0 && !stopped.has(`${key.split("/")[0]}/${destination}`)),
        );
        if (!waiting) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    networkSubgraph,
    startCooperative,
    async stop() {
      await gateway.stop();
      await networkSubgraph?.stop();
      await Promise.all([...running].filter(([key]) => !stopped.has(key)).map(([, subgraph]) => subgraph.stop()));
      removeKeys();
    },
  };
}

/** The network's subgraph on an embedded database of its own, its registry started from `registry`. */
async function startNetworkOf(registry: Registry, auth: AuthConfig, log?: DestinationStream): Promise<RunningNetworkSubgraph> {
  const dir = mkdtempSync(join(tmpdir(), "cae-test-registry-"));
  try {
    const registrySeedFile = join(dir, "registry.json");
    writeFileSync(registrySeedFile, JSON.stringify(registry));
    const { config: database } = await createTestDatabase("embedded");
    return await startNetworkSubgraph({
      port: 0,
      host: "127.0.0.1",
      database,
      production: false,
      auth,
      registrySeedFile,
      logLevel: log ? "info" : "silent",
      logDestination: log,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
