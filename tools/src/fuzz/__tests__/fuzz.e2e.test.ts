/**
 * Property-based fuzzing of the network through the gateway, over real HTTP, from the client-facing
 * schema (gateway/schema.graphql): every mutation and every query field with arguments, reached from
 * `Query` as a client would, with arguments generated from their types, as variables or literals.
 * Besides the subgraphs' promises, the gateway's own: a live cooperative is never reported
 * COOPERATIVE_UNAVAILABLE, and a subgraph's refusal reaches the client as a coded error.
 *
 * The test network (`startTestNetwork`: two cooperatives, their subgraphs and the gateway) runs in
 * a host process of its own (tools/src/fuzz/host.ts): a request that blocks it for minutes is
 * reported and the fuzzing goes on with a fresh network.
 *
 * FUZZ_SEED and FUZZ_SCALE (a multiplier of the runs) let a developer fuzz longer or elsewhere.
 */
import type { CallerClaims } from "@cae/shared";
import { buildSchema, Kind, parse, type GraphQLSchema } from "graphql";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { emptyPool, type IdPool } from "../arbitraries";
import { FuzzReport, ServerLog, fuzz, shrink, type FuzzSystem } from "../harness";
import type { Answer, Fingerprint } from "../invariants";
import { Host, HostCrashed, HostTimeout } from "../isolation";
import { findTargets, type Target } from "../operations";
import { addDatabaseIds } from "../pool";

const GARONNE = "garonne-activites";
const BRETAGNE = "bretagne-cooperer";
const SUBGRAPHS = ["members", "contracts", "finance"] as const;
const GATEWAY_DIR = join(__dirname, "..", "..", "..", "..", "gateway");
const SEED = Number(process.env.FUZZ_SEED ?? 20260214);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Runs per target: a few hundred in all, the subgraph tier fuzzes each field longer. */
const RUNS = { mutation: 4, query: 3 };
/** Past this, the request is reported as a hang and the network restarted (a year of books read on a busy machine takes seconds, not a hang). */
const REQUEST_TIMEOUT_MS = 20_000;

/** The subgraph each mutation is resolved by, read from the supergraph's `@join__field(graph:)`. */
function mutationOwners(supergraphSdl: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== "Mutation") continue;
    for (const field of definition.fields ?? []) {
      const join = field.directives?.find((directive) => directive.name.value === "join__field");
      const graph = join?.arguments?.find((argument) => argument.name.value === "graph")?.value;
      if (graph?.kind === Kind.ENUM) owners.set(field.name.value, graph.value.toLowerCase());
    }
  }
  return owners;
}

describe("fuzzing the network's arguments through the gateway", () => {
  const log = new ServerLog();
  const host = new Host({ kind: "network", cooperativeIds: [GARONNE, BRETAGNE] }, (errorId, cause) => log.addCause(errorId, cause));
  let schema: GraphQLSchema;
  let pool: IdPool;
  let entrepreneur: string;

  beforeAll(async () => {
    const started = Date.now();
    await host.start();
    // The schema clients are given: what a client may send is what the fuzzer sends.
    schema = buildSchema(readFileSync(join(GATEWAY_DIR, "schema.graphql"), "utf8"));
    pool = emptyPool(GARONNE, [BRETAGNE]);
    for (const subgraph of SUBGRAPHS) {
      await addDatabaseIds(pool, (sql) => host.call("sql", { cooperativeId: GARONNE, subgraph, sql }));
    }
    const [row] = await host.call<{ person_id: string }[]>("sql", {
      cooperativeId: GARONNE,
      subgraph: "finance",
      sql: "SELECT person_id FROM activity_accounts ORDER BY analytic_code LIMIT 1",
    });
    entrepreneur = `${GARONNE}:${row.person_id}`;
    console.log(`started the network in ${Date.now() - started} ms`);
  });
  afterAll(() => host.stop());

  it("keeps every promise whatever the arguments", async () => {
    const owners = mutationOwners(readFileSync(join(GATEWAY_DIR, "supergraph.graphql"), "utf8"));
    const claims: Record<string, CallerClaims> = {
      COUNSELOR: { sub: "fuzz-counselor", role: "COUNSELOR", coop: GARONNE },
      COOP_ADMIN: { sub: "fuzz-admin", role: "COOP_ADMIN", coop: GARONNE },
      ENTREPRENEUR: { sub: "fuzz-entrepreneur", role: "ENTREPRENEUR", coop: GARONNE, person: entrepreneur },
      NETWORK_ANALYST: { sub: "fuzz-analyst", role: "NETWORK_ANALYST" },
      // Staff of another cooperative, sending this cooperative's IDs: the gateway's routing and refusals.
      OTHER_COUNSELOR: { sub: "fuzz-other", role: "COUNSELOR", coop: BRETAGNE },
    };
    // Tokens are signed by the network's key: a restarted network has a new one.
    const tokens = new Map<string, string>();
    const tokenOf = async (caller: string) => {
      const key = `${host.generation} ${caller}`;
      if (!tokens.has(key)) tokens.set(key, await host.call<string>("token", { claims: claims[caller] }));
      return tokens.get(key)!;
    };
    const system: FuzzSystem = {
      name: "gateway",
      schema,
      pool,
      gateway: true,
      targets: findTargets(schema, { subgraph: false, pool }),
      callers: Object.keys(claims).map((name) => ({ name, weight: { COUNSELOR: 10, COOP_ADMIN: 6, ENTREPRENEUR: 2 }[name] ?? 1 })),
      async send(operation, caller): Promise<Answer> {
        const token = await tokenOf(caller);
        try {
          const response = await fetch(host.info.gatewayUrl as string, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            body: JSON.stringify(operation),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const text = await response.text();
          try {
            return { status: response.status, ...(JSON.parse(text) as Omit<Answer, "status">) };
          } catch {
            return { status: response.status, errors: [{ message: `not a GraphQL answer: ${text.slice(0, 200)}` }] };
          }
        } catch (error) {
          if (error instanceof Error && error.name === "TimeoutError") {
            host.kill();
            throw new HostTimeout(`no answer within ${REQUEST_TIMEOUT_MS} ms`);
          }
          if (!host.running) throw new HostCrashed(`the network's process ended: ${String(error)}`);
          throw error;
        }
      },
      // A mutation writes in its subgraph, in the cooperative it names: both cooperatives' databases are read.
      async fingerprint(target: Target): Promise<Fingerprint> {
        const subgraph = owners.get(target.field.name);
        const states = new Map<string, string>();
        // The network's own subgraph has one database, whatever the cooperative.
        for (const cooperativeId of subgraph === "network" ? [GARONNE] : [GARONNE, BRETAGNE]) {
          for (const name of subgraph ? [subgraph] : SUBGRAPHS) {
            for (const [table, state] of await host.call<[string, string][]>("fingerprint", { cooperativeId, subgraph: name })) {
              states.set(`${cooperativeId}/${name}.${table}`, state);
            }
          }
        }
        return states;
      },
      async recover() {
        if (!host.running) await host.restart();
      },
    };
    const report = new FuzzReport();
    await fuzz(system, report, SEED, (target) => Math.round(SCALE * (target.kind === "mutation" ? RUNS.mutation : RUNS.query)), log);
    if (report.failed) await shrink([system], report, { budgetMs: 4_000, perClassMs: 1_500, log });
    console.log(
      `fuzzed ${system.targets.length} fields through the gateway (seed ${SEED}): ${report.stats()}\n` +
        report.coverage() +
        (process.env.FUZZ_VERBOSE ? `\n${report.outcomeTable()}` : ""),
    );
    if (report.failed) throw new Error(report.summary());
  });
});
