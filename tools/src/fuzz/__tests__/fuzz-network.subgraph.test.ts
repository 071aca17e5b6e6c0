/**
 * Property-based fuzzing of the network's own subgraph (its registry, charter, partners, funding
 * agreements and committees), from its schema, with the promises the cooperatives' subgraphs keep
 * (tools/src/fuzz/invariants.ts): no INTERNAL_SERVER_ERROR, every error coded, every
 * BAD_USER_INPUT naming an argument, and a refused mutation writes nothing.
 *
 * Its targets are every mutation (the network's admins' alone, so NETWORK_ADMIN is drawn most),
 * `_entities` (a cooperative by slug, a funding agreement by ID), and, unlike a cooperative's
 * subgraph, the query fields with arguments reached from `Query`: the gateway sends the network's
 * root fields (`committees`, `registry`...) to it as they are. So that the arguments name real
 * records and not only nothing, the registry starts from the demo's file and a partner, an
 * agreement, a committee with a member, a held meeting with a decision and a planned one are made
 * first; their `network:<uuid>` IDs and the registry's slugs are the pool's.
 *
 * The subgraph runs in a host process (tools/src/fuzz/host.ts): an input that blocks it for
 * minutes, or brings it down, is reported and the fuzzing goes on with a fresh one.
 *
 * FUZZ_SEED and FUZZ_SCALE (a multiplier of the runs) let a developer fuzz longer or elsewhere.
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import { addDays, todayInFrance, type Caller } from "@cae/shared";
import { parse, type GraphQLSchema } from "graphql";
import { resolve } from "node:path";
import { emptyPool, tableFor } from "../arbitraries";
import { FuzzReport, ServerLog, fuzz, shrink, type FuzzSystem } from "../harness";
import type { OperationResult } from "../../testing/subgraph";
import { Host } from "../isolation";
import { findTargets, type Target } from "../operations";
import { addNetworkIds } from "../pool";

const SUBGRAPH = "network";
/** The registry the demo starts from: three cooperatives, their slugs the pool's. */
const REGISTRY_FILE = resolve(__dirname, "..", "..", "..", "..", "gateway", "registry.demo.json");
const COOP = "garonne-activites";
const SEED = Number(process.env.FUZZ_SEED ?? 20260214);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Runs per target, as for the cooperatives' subgraphs (fuzz.subgraph.test.ts) at most. */
const RUNS = { mutation: 24, query: 12, entities: 24 };
/** Past this, the request is reported as a hang and its host restarted (see fuzz.subgraph.test.ts). */
const REQUEST_TIMEOUT_MS = 20_000;
/** The databases a test runs against, as `databaseBackends()` of the tooling says (without loading it here). */
const BACKENDS = process.env.TEST_DATABASE_URL ? (["embedded", "server"] as const) : (["embedded"] as const);

/** Callers as tokens make them: the network's roles, and a cooperative's admin (who may read its own charter signatures). */
const CALLERS: Record<string, Caller> = {
  NETWORK_ADMIN: { subject: "fuzz-network-admin", role: "NETWORK_ADMIN" },
  NETWORK_ANALYST: { subject: "fuzz-analyst", role: "NETWORK_ANALYST" },
  NETWORK_SERVICE: { subject: "fuzz-gateway", role: "NETWORK_SERVICE" },
  COOP_ADMIN: { subject: "fuzz-admin", role: "COOP_ADMIN", cooperativeId: COOP },
};

/** A day relative to today in France, as the services' date rules are. */
const day = (offset: number) => addDays(todayInFrance(), offset);

describe.each(BACKENDS)("fuzzing the network subgraph's arguments on %s PostgreSQL", (backend) => {
  const log = new ServerLog();
  const host = new Host({ kind: "networkSubgraph", backend, registrySeedFile: REGISTRY_FILE }, (errorId, cause) =>
    log.addCause(errorId, cause),
  );
  const execute = (query: string, variables: Record<string, unknown>, caller: Caller) =>
    host.call<OperationResult>("execute", { subgraph: SUBGRAPH, query, variables, caller }, REQUEST_TIMEOUT_MS);
  /** A mutation of the network's admin that must succeed: the records the fuzzer starts from. */
  const made = async (mutation: string, input: Record<string, unknown>) => {
    const [, field, type] = /^(\w+)\((\w+)!?\)$/.exec(mutation)!;
    const result = await execute(`mutation ($input: ${type}!) { ${field}(input: $input) { id } }`, { input }, CALLERS.NETWORK_ADMIN);
    if (result.errors) throw new Error(`${field}: ${JSON.stringify(result.errors)}`);
    return (result.data![field] as { id: string }).id;
  };

  /** The records the fuzzer starts from; made again in a fresh host (after a request got no answer), whose database is new. */
  const makeRecords = async () => {
    const partnerId = await made("createPartner(CreateNetworkPartnerInput)", {
      name: "DREETS Occitanie",
      kind: "STATE",
      contactEmail: "dreets-oc@example.fr",
    });
    const fundingAgreementId = await made("signFundingAgreement(SignFundingAgreementInput)", {
      partnerId,
      reference: "FUZZ-OCC-01",
      title: "Accompagnement des porteurs de projet",
      territory: { kind: "REGION", region: "Occitanie" },
      startsOn: day(-200),
      endsOn: day(165),
      amountCents: "4500000",
      signedOn: day(-210),
      indicatorsOwed: ["SUPPORTED", "FOLLOW_UPS"],
    });
    const committeeId = await made("createCommittee(CreateCommitteeInput)", {
      kind: "STEERING",
      name: "COPIL Occitanie",
      fundingAgreementId,
      territory: "Région Occitanie",
    });
    const memberId = await made("addCommitteeMember(AddCommitteeMemberInput)", {
      committeeId,
      fullName: "Zoé Garnier",
      organisation: "DREETS Occitanie",
      role: "Présidente",
      email: "zoe.garnier@example.fr",
      joinedOn: day(-500),
    });
    // A meeting held (its minutes recorded, not approved: decisions may still be recorded) with a decision, and one planned.
    // Held long ago, so that many a past day is a plausible day of approval or closing.
    const heldId = await made("scheduleCommitteeMeeting(ScheduleCommitteeMeetingInput)", {
      committeeId,
      scheduledOn: day(-400),
      place: "DREETS, Toulouse",
      agenda: ["Bilan du semestre", "Questions diverses"],
      periodFrom: day(-600),
      periodTo: day(-401),
    });
    await made("recordCommitteeMinutes(RecordCommitteeMinutesInput)", {
      meetingId: heldId,
      heldOn: day(-400),
      attendeeIds: [memberId],
      minutes: "Le comité a examiné le bilan du semestre.",
    });
    await made("recordCommitteeDecision(RecordCommitteeDecisionInput)", {
      meetingId: heldId,
      text: "Présenter les sorties en emploi à la prochaine réunion",
      owner: "Réseau – chargée de mission",
      dueOn: day(30),
    });
    await made("scheduleCommitteeMeeting(ScheduleCommitteeMeetingInput)", {
      committeeId,
      scheduledOn: day(20),
      place: "Visioconférence",
      agenda: ["Sorties en emploi"],
    });
    // A cooperative of the registry that joined long ago (those of the file joined today): a past day may be its withdrawal's.
    const registered = await execute(
      `mutation ($input: RegisterCooperativeInput!) { registerCooperative(input: $input) { cooperativeId } }`,
      {
        input: {
          cooperativeId: "loire-entreprendre",
          name: "Loire Entreprendre",
          region: "Pays de la Loire",
          departement: "44",
          endpoints: {
            members: "http://127.0.0.1:4131/graphql",
            contracts: "http://127.0.0.1:4132/graphql",
            finance: "http://127.0.0.1:4133/graphql",
          },
          joinedOn: day(-1000),
        },
      },
      CALLERS.NETWORK_ADMIN,
    );
    if (registered.errors) throw new Error(`registerCooperative: ${JSON.stringify(registered.errors)}`);
    await made("recordCharterAdherence(RecordCharterAdherenceInput)", {
      cooperativeId: COOP,
      charterVersion: "2024",
      signedOn: day(-400),
      signatory: "Marie Dupont, gérante",
    });
  };

  beforeAll(async () => {
    const started = Date.now();
    await host.start();
    await makeRecords();
    console.log(`started the network subgraph and made its records in ${Date.now() - started} ms`);
  });
  afterAll(() => host.stop());

  it("keeps every promise whatever the arguments", async () => {
    // The schema as the gateway composes it: the SDL, with `_entities` and the federation directives.
    const schema: GraphQLSchema = buildSubgraphSchema(parse(await host.call<string>("sdl", { subgraph: SUBGRAPH })));
    const pool = emptyPool("network", []);
    const addIds = () => addNetworkIds(pool, (sql) => host.call("sql", { subgraph: SUBGRAPH, sql }));
    await addIds();
    // IDs of a cooperative's records (`garonne-activites:<uuid>`) are the hostile "of another" ones.
    pool.otherCooperativeIds = [...pool.cooperatives!];

    // The mutations and `_entities`, as at a cooperative's subgraph; and the root query fields
    // with arguments (and those below them), which the gateway sends here as they are.
    const targets = findTargets(schema, { subgraph: true, pool });
    for (const target of findTargets(schema, { subgraph: false, pool })) {
      if (target.kind === "query" && !targets.some((known) => known.name === target.name)) targets.push(target);
    }

    const report = new FuzzReport();
    const system: FuzzSystem = {
      name: SUBGRAPH,
      schema,
      pool,
      gateway: false,
      targets,
      // The admins alone write: most runs are theirs, so that the mutations get past their access check.
      callers: [
        { name: "NETWORK_ADMIN", weight: 10 },
        { name: "NETWORK_ANALYST", weight: 2 },
        { name: "NETWORK_SERVICE", weight: 2 },
        { name: "COOP_ADMIN", weight: 2 },
      ],
      send: (operation, caller) => execute(operation.query, operation.variables, CALLERS[caller]),
      fingerprint: async () => new Map(await host.call<[string, string][]>("fingerprint", { subgraph: SUBGRAPH })),
      async representation(target: Target) {
        const entity = target.entity!;
        if (entity === "Cooperative") return { __typename: entity, id: COOP };
        const table = tableFor([entity], [...pool.byTable.keys()]);
        return { __typename: entity, id: (table && pool.byTable.get(table)?.[0]) ?? "network:00000000-0000-4000-8000-000000000000" };
      },
      async recover() {
        if (host.running) return;
        await host.restart();
        // The IDs of the records made again join the pool (those of the process gone name nothing now).
        await makeRecords();
        await addIds();
      },
    };

    const runsOf = (target: Target) =>
      Math.round(SCALE * (target.name === "Query._entities" ? RUNS.entities : target.kind === "mutation" ? RUNS.mutation : RUNS.query));
    await fuzz(system, report, SEED, runsOf, log);
    if (report.failed) await shrink([system], report, { budgetMs: 6_000, perClassMs: 1_500, log });
    console.log(
      `fuzzed ${targets.length} fields of the network subgraph (seed ${SEED}): ${report.stats()}\n` +
        report.coverage() +
        (process.env.FUZZ_VERBOSE ? `\n${report.outcomeTable()}` : ""),
    );
    if (report.failed) throw new Error(report.summary());
  });
});
