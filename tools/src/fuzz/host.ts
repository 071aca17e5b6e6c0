/**
 * The system under test, in a process of its own (isolation.ts starts it and talks to it over IPC):
 * a cooperative's subgraphs, run with `startTestSubgraph` and called with `execute` as a subgraph
 * test does, the network's own subgraph likewise, or the test network with its gateway on HTTP. A
 * fuzzer's input may make a request run for minutes (PGlite executes a statement synchronously, so
 * nothing in the process, not even a timer, runs meanwhile) or bring the process down: in a process
 * of its own, the fuzzer notices, reports it, and starts a fresh one.
 */
import type { SubgraphName, SubgraphServer } from "@cae/shared";
import { SUBGRAPHS } from "../subgraphs";
import type { startTestNetwork as StartTestNetwork, TestNetwork } from "../testing/network";
import type { startTestNetworkSubgraph as StartTestNetworkSubgraph } from "../testing/network-subgraph";
import { execute, startTestSubgraph, testCaller } from "../testing/subgraph";
import { ServerLog } from "./harness";
import { fingerprint } from "./invariants";

/** What a host runs. */
export type HostSpec =
  | { kind: "subgraphs"; cooperativeId: string; backend: "embedded" | "server"; subgraphs: SubgraphName[] }
  | { kind: "network"; cooperativeIds: string[] }
  /** The network's own subgraph alone, its registry started from `registrySeedFile`; its requests name it `network`. */
  | { kind: "networkSubgraph"; backend: "embedded" | "server"; registrySeedFile?: string };

/** A request from the fuzzer, and its answer. */
export interface HostRequest {
  id: number;
  op: string;
  args: Record<string, unknown>;
}
export type HostMessage =
  | { ready: Record<string, unknown> }
  | { id: number; result: unknown }
  | { id: number; error: string }
  | { fault: { errorId: string; cause: string } };

type Server = SubgraphServer<unknown> & { stop(): Promise<void> };

const send = (message: HostMessage) => process.send?.(message);

/** Starts what the spec says, answers the fuzzer's requests until it says stop or goes away. */
export async function serveHost(spec: HostSpec): Promise<void> {
  // A masked fault's log line goes to the fuzzer, which reports what the client was not told.
  const log = new ServerLog((errorId, cause) => send({ fault: { errorId, cause } })).start();
  const servers = new Map<string, Server>();
  let network: TestNetwork | undefined;
  if (spec.kind === "subgraphs") {
    for (const name of spec.subgraphs) {
      const server = (await startTestSubgraph(SUBGRAPHS[name], spec.cooperativeId, spec.backend)) as Server;
      servers.set(name, server);
      log.watch((server as { logger?: unknown }).logger);
    }
  } else if (spec.kind === "networkSubgraph") {
    // Loaded only here, as the test network below: the cooperatives' hosts have no network subgraph to load.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startTestNetworkSubgraph } = require("../testing/network-subgraph") as {
      startTestNetworkSubgraph: typeof StartTestNetworkSubgraph;
    };
    const server = await startTestNetworkSubgraph(spec.backend, { registrySeedFile: spec.registrySeedFile });
    // It has no cooperative nor events, but what the operations below use: apollo, contextFor, database, stop.
    servers.set("network", server as unknown as Server);
    log.watch(server.logger);
  } else {
    // Loaded only here: a subgraphs' host has no gateway to load (a dynamic import() would leave the CommonJS loader).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startTestNetwork } = require("../testing/network") as { startTestNetwork: typeof StartTestNetwork };
    // With the network's own subgraph: every field of the schema a client is given answers.
    network = await startTestNetwork(spec.cooperativeIds, { log: log.destination, networkSubgraph: true });
  }
  const dataSource = (args: Record<string, unknown>) => {
    const name = args.subgraph as SubgraphName | "network";
    if (network && name === "network") return network.networkSubgraph!.database.dataSource;
    if (network) return network.subgraph(args.cooperativeId as string, name as SubgraphName).database.dataSource;
    const server = servers.get(name as SubgraphName);
    if (!server) throw new Error(`No subgraph ${name}`);
    return server.database.dataSource;
  };
  const ops: Record<string, (args: Record<string, unknown>) => Promise<unknown>> = {
    async execute({ subgraph, query, variables, caller }) {
      return execute(servers.get(subgraph as string)!, query as string, variables as Record<string, unknown>, caller as never);
    },
    async sdl({ subgraph }) {
      const result = await execute(servers.get(subgraph as string)!, "{ _service { sdl } }", {}, testCaller("NETWORK_SERVICE"));
      return (result.data?._service as { sdl: string }).sdl;
    },
    sql: async (args) => dataSource(args).query(args.sql as string),
    // Events of earlier mutations reach the siblings in the background: the database is read once
    // they have, so that what changes between two readings is what the mutation in between wrote.
    fingerprint: async (args) => {
      await network?.settled();
      return [...(await fingerprint(dataSource(args)))];
    },
    token: async ({ claims }) => network!.token(claims as never),
    async stop() {
      log.stop();
      if (network) await network.stop();
      for (const server of servers.values()) await server.stop();
      setImmediate(() => process.exit(0));
      return null;
    },
  };
  process.on("message", (request: HostRequest) => {
    const op = ops[request.op];
    if (!op) return void send({ id: request.id, error: `No operation ${request.op}` });
    op(request.args).then(
      (result) => send({ id: request.id, result }),
      (error: unknown) => send({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  // The fuzzer went away (its test ended, or it was killed): so does the host.
  process.on("disconnect", () => process.exit(0));
  send({ ready: { gatewayUrl: network?.gateway.url } });
}
