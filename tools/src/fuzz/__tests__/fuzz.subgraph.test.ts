/**
 * Property-based fuzzing of the three subgraphs, from their schemas: every mutation and every
 * query field with arguments (reached through `_entities`, as the gateway reaches them) gets
 * arguments generated from its types, plausible and hostile, and every answer must keep the
 * network's promises (tools/src/fuzz/invariants.ts). Failures are collected over the whole run,
 * shrunk, and reported once, deduplicated.
 *
 * The subgraphs run with `startTestSubgraph` and are called with `execute`, each in a host process
 * of its own (tools/src/fuzz/host.ts): an input that blocks a subgraph for minutes, or brings it
 * down, is reported and the fuzzing goes on with a fresh one.
 *
 * FUZZ_SEED and FUZZ_SCALE (a multiplier of the runs) let a developer fuzz longer or elsewhere.
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { Caller } from "@cae/shared";
import { isObjectType, parse, type GraphQLSchema } from "graphql";
import { emptyPool, tableFor } from "../arbitraries";
import { FuzzReport, ServerLog, fuzz, shrink, type FuzzSystem } from "../harness";
import type { OperationResult } from "../../testing/subgraph";
import { Host } from "../isolation";
import { findTargets, type Target } from "../operations";
import { addDatabaseIds } from "../pool";

const COOP = "garonne-activites";
const OTHER = "bretagne-cooperer";
const SUBGRAPHS = ["members", "contracts", "finance"] as const;
const SEED = Number(process.env.FUZZ_SEED ?? 20260214);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Runs per target: mutations most (they write, and refusals must write nothing), `_entities` and query fields fewer. */
const RUNS = { mutation: 32, query: 12, entities: 32 };
/**
 * Past this, the request is reported as a hang and its host restarted. Most answers take well under
 * a second, but some read a whole year of books (the FEC's check, the trial balance) and an embedded
 * database answers one request at a time: on a machine busy with another test run, a few seconds
 * of queueing are load, not a hang.
 */
const REQUEST_TIMEOUT_MS = 20_000;
/** The databases a test runs against, as `databaseBackends()` of the tooling says (without loading it here). */
const BACKENDS = process.env.TEST_DATABASE_URL ? (["embedded", "server"] as const) : (["embedded"] as const);

describe.each(BACKENDS)("fuzzing the subgraphs' arguments on %s PostgreSQL", (backend) => {
  const log = new ServerLog();
  // A process per subgraph: they start side by side, and one blocked by a request is restarted alone.
  const hosts = new Map(
    SUBGRAPHS.map((name) => [
      name,
      new Host({ kind: "subgraphs", cooperativeId: COOP, backend, subgraphs: [name] }, (errorId, cause) => log.addCause(errorId, cause)),
    ]),
  );
  const host = (name: string) => hosts.get(name as (typeof SUBGRAPHS)[number])!;

  beforeAll(async () => {
    const started = Date.now();
    await Promise.all([...hosts.values()].map((each) => each.start()));
    console.log(`started the subgraphs in ${Date.now() - started} ms`);
  });
  afterAll(() => Promise.all([...hosts.values()].map((each) => each.stop())));

  it("keeps every promise whatever the arguments", async () => {
    // Each subgraph's schema as the gateway composes it: its SDL, with `_entities` and the federation directives.
    const schemas = new Map<string, GraphQLSchema>();
    for (const name of SUBGRAPHS) schemas.set(name, buildSubgraphSchema(parse(await host(name).call<string>("sdl", { subgraph: name }))));
    // One pool of IDs for the three: finance and contracts name the people members holds.
    const pool = emptyPool(COOP, [OTHER]);
    for (const subgraph of SUBGRAPHS) await addDatabaseIds(pool, (sql) => host(subgraph).call("sql", { subgraph, sql }));
    const [{ person_id: entrepreneur }] = await host("finance").call<{ person_id: string }[]>("sql", {
      subgraph: "finance",
      sql: "SELECT person_id FROM activity_accounts ORDER BY analytic_code LIMIT 1",
    });
    // Callers as tokens make them (tools/src/testing/subgraph.ts, `testCaller`).
    const callers: Record<string, Caller> = {
      COUNSELOR: { subject: "fuzz-counselor", role: "COUNSELOR", cooperativeId: COOP },
      COOP_ADMIN: { subject: "fuzz-admin", role: "COOP_ADMIN", cooperativeId: COOP },
      ENTREPRENEUR: { subject: "fuzz-entrepreneur", role: "ENTREPRENEUR", cooperativeId: COOP, personId: `${COOP}:${entrepreneur}` },
      NETWORK_ANALYST: { subject: "fuzz-analyst", role: "NETWORK_ANALYST" },
    };
    const execute = (subgraph: string, query: string, variables: Record<string, unknown>, caller: Caller) =>
      host(subgraph).call<OperationResult>("execute", { subgraph, query, variables, caller }, REQUEST_TIMEOUT_MS);

    // What another subgraph holds and a field `@requires` (a cooperative's contract milestones, its
    // people's follow-up): asked of the subgraph that resolves it, as the gateway does before calling.
    const required = new Map<string, Promise<Record<string, unknown>>>();
    const owners = (entity: string, fields: string) => {
      const first = /^\s*(\w+)/.exec(fields)?.[1] ?? "";
      return SUBGRAPHS.filter((name) => {
        const type = schemas.get(name)?.getType(entity);
        const field = isObjectType(type) ? type.getFields()[first] : undefined;
        return field && !field.astNode?.directives?.some((directive) => directive.name.value === "external");
      });
    };
    const requiredOf = (entity: string, id: string, fields: string) => {
      const key = `${entity} ${id} ${fields} ${owners(entity, fields).map((name) => host(name).generation)}`;
      let found = required.get(key);
      if (!found) {
        found = (async () => {
          for (const subgraph of owners(entity, fields)) {
            const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${entity} { ${fields} } } }`;
            const result = await execute(subgraph, query, { r: [{ __typename: entity, id }] }, callers.COOP_ADMIN);
            const entityData = (result.data?._entities as Record<string, unknown>[] | undefined)?.[0];
            if (!result.errors && entityData) return entityData;
          }
          return {};
        })();
        required.set(key, found);
      }
      return found;
    };

    const report = new FuzzReport();
    const systems: FuzzSystem[] = SUBGRAPHS.map((name) => {
      const schema = schemas.get(name)!;
      return {
        name,
        schema,
        pool,
        gateway: false,
        targets: findTargets(schema, { subgraph: true, pool }),
        callers: [
          { name: "COUNSELOR", weight: 10 },
          { name: "COOP_ADMIN", weight: 6 },
          { name: "ENTREPRENEUR", weight: 2 },
          { name: "NETWORK_ANALYST", weight: 1 },
        ],
        send: (operation, caller) => execute(name, operation.query, operation.variables, callers[caller]),
        fingerprint: async () => new Map(await host(name).call<[string, string][]>("fingerprint", { subgraph: name })),
        async representation(target: Target) {
          const entity = target.entity!;
          const table = tableFor([entity], [...pool.byTable.keys()]);
          const id =
            entity === "Cooperative" ? COOP : ((table && pool.byTable.get(table)?.[0]) ?? `${COOP}:00000000-0000-4000-8000-000000000000`);
          return { __typename: entity, id, ...(target.requires ? await requiredOf(entity, id, target.requires) : {}) };
        },
        async recover() {
          if (!host(name).running) await host(name).restart();
        },
      };
    });

    const runsOf = (target: Target) =>
      Math.round(SCALE * (target.name === "Query._entities" ? RUNS.entities : target.kind === "mutation" ? RUNS.mutation : RUNS.query));
    for (const system of systems) await fuzz(system, report, SEED, runsOf, log);
    if (report.failed) await shrink(systems, report, { budgetMs: 6_000, perClassMs: 1_500, log });
    console.log(
      `fuzzed ${systems.reduce((n, system) => n + system.targets.length, 0)} fields of the subgraphs (seed ${SEED}): ${report.stats()}\n` +
        report.coverage() +
        (process.env.FUZZ_VERBOSE ? `\n${report.outcomeTable()}` : ""),
    );
    if (report.failed) throw new Error(report.summary());
  });
});
