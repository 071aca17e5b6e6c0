import {
  databaseBackends,
  employmentLegalInput,
  startTestSubgraph,
  testCaller,
  supportAgreementLegalInput,
  execute,
} from "@cae/tools/testing";
import { randomUUID } from "node:crypto";
import {
  addDays,
  CONTRACT_KINDS_IN_PATH_ORDER,
  DEFAULT_MINIMUM_WAGE,
  hundredthsToHours,
  minimumMonthlyPayCents,
  todayInFrance,
  type SubgraphServer,
} from "@cae/shared";
import { contracts } from "../../index";
import { AmendmentEntity, ContractEntity } from "../../contracts/contract.entity";
import { lastDayOf, statusOn, termsOn } from "../../contracts/contract.rules";

const COOP = "alpes-entreprendre";
const T = todayInFrance();
const INDICATORS = `... on Cooperative { contractsIndicators(from: $from, to: $to) {
  from to signedByKind { kind count } runningByKind { kind count } runningEmploymentHours amendments
  endsByReason { kind reason count } supportToEmployment { count totalDays } monthly { month signedByKind { kind count } amendments } } }`;

type KindCount = { kind: string; count: number };
interface Figures {
  signedByKind: KindCount[];
  runningByKind: KindCount[];
  runningEmploymentHours: string;
  amendments: number;
  endsByReason: (KindCount & { reason: string })[];
  supportToEmployment: { count: number; totalDays: number };
  monthly: { month: string; signedByKind: KindCount[]; amendments: number }[];
}

describe.each(databaseBackends())("the contracts aggregates on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  beforeAll(async () => {
    server = (await startTestSubgraph(contracts, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const indicators = async (
    from: string,
    to: string,
    role: "COUNSELOR" | "NETWORK_SERVICE" | "NETWORK_ANALYST" | "ENTREPRENEUR" = "NETWORK_SERVICE",
  ) => {
    const caller = role.startsWith("NETWORK_") ? testCaller(role) : testCaller(role, COOP, `${COOP}:${randomUUID()}`);
    const result = await execute(
      server,
      `query ($representations: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $representations) { ${INDICATORS} } }`,
      { representations: [{ __typename: "Cooperative", id: COOP }], from, to },
      caller,
    );
    return {
      result,
      figures: (result.data?._entities as { contractsIndicators: Figures }[] | undefined)?.[0]?.contractsIndicators,
    };
  };

  it("agrees with the contracts read one by one and judged by the rules, in one statement", async () => {
    const rows = await server.database.dataSource.getRepository(ContractEntity).find();
    const amendments = await server.database.dataSource.getRepository(AmendmentEntity).find({ order: { number: "ASC" } });
    const [from, to] = ["2025-01-01", "2025-12-31"];
    const before = server.database.statementCount;
    const { result, figures } = await indicators(from, to);
    expect(result.errors).toBeUndefined();
    expect(server.database.statementCount - before).toBe(1);

    const signed = rows.filter((row) => row.signedOn && row.signedOn >= from && row.signedOn <= to);
    expect(figures!.signedByKind).toEqual(
      CONTRACT_KINDS_IN_PATH_ORDER.map((kind) => ({ kind, count: signed.filter((row) => row.kind === kind).length })),
    );
    const running = rows.filter((row) => statusOn(row, to) === "RUNNING");
    expect(figures!.runningByKind).toEqual(
      CONTRACT_KINDS_IN_PATH_ORDER.map((kind) => ({ kind, count: running.filter((row) => row.kind === kind).length })),
    );
    const hours = running
      .filter((row) => row.kind === "EMPLOYMENT")
      .map((row) =>
        termsOn(
          { monthlyHours: row.monthlyHours!, fixedMonthlyPayCents: 0n },
          amendments.filter((a) => a.contractId === row.id),
          to,
        ),
      )
      .reduce((sum, terms) => sum + hundredthsOf(terms.monthlyHours), 0);
    expect(figures!.runningEmploymentHours).toBe(hundredthsToHours(hours));
    expect(hours).toBeGreaterThan(0);
    expect(figures!.amendments).toBe(amendments.filter((a) => a.effectiveOn >= from && a.effectiveOn <= to).length);
    const ended = rows.filter((row) => {
      const last = row.signedOn ? lastDayOf(row) : null;
      return last !== null && last >= from && last <= to && last < T;
    });
    expect(figures!.endsByReason.reduce((sum: number, cell: { count: number }) => sum + cell.count, 0)).toBe(ended.length);
    expect(figures!.monthly).toHaveLength(12);
    expect(figures!.monthly.reduce((sum: number, month: { amendments: number }) => sum + month.amendments, 0)).toBe(figures!.amendments);
    for (const kind of CONTRACT_KINDS_IN_PATH_ORDER) {
      const monthly = figures!.monthly.reduce(
        (sum: number, month: { signedByKind: { kind: string; count: number }[] }) =>
          sum + month.signedByKind.find((cell) => cell.kind === kind)!.count,
        0,
      );
      expect(monthly).toBe(figures!.signedByKind.find((cell) => cell.kind === kind)!.count);
    }
  });

  it("counts a contract signed today, its hours once it runs, and the days from support agreement to employment", async () => {
    const { figures: before } = await indicators(T, addDays(T, 1));
    const localPerson = randomUUID();
    const person = `${COOP}:${localPerson}`;
    // Admitted, as the members subgraph's events would have said.
    await server.database.dataSource.query("INSERT INTO person_path (person_id, welcome_stage) VALUES ($1, 'ADMITTED')", [localPerson]);
    const mutate = (name: string, input: Record<string, unknown>) =>
      execute(server, `mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { id } }`, { input });
    const cape = await mutate("draftSupportAgreement", {
      personId: person,
      startsOn: addDays(T, -100),
      endsOn: addDays(T, 200),
      supportGiven: "Suivi",
      legal: supportAgreementLegalInput(),
    });
    const capeId = (cape.data?.draftSupportAgreement as { id: string }).id;
    await mutate("signContract", { id: capeId, signedOn: addDays(T, -100) }); // signed before the period: not counted
    await mutate("endContract", { id: capeId, endedOn: T, reason: "NEXT_CONTRACT" });
    const pay = String(minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, addDays(T, 1), 9050)!);
    const cesa = await mutate("draftEmploymentContract", {
      personId: person,
      type: "OPEN_ENDED",
      startsOn: addDays(T, 1),
      monthlyHours: "90.5",
      fixedMonthlyPayCents: pay,
      variablePay: "Résultat",
      legal: employmentLegalInput(),
    });
    expect(cesa.errors).toBeUndefined();
    await mutate("signContract", { id: (cesa.data?.draftEmploymentContract as { id: string }).id, signedOn: T });

    const { figures: after } = await indicators(T, addDays(T, 1));
    const count = (figures: Figures, field: "signedByKind" | "runningByKind", kind: string) =>
      figures[field].find((cell) => cell.kind === kind)!.count;
    expect(count(after!, "signedByKind", "EMPLOYMENT") - count(before!, "signedByKind", "EMPLOYMENT")).toBe(1);
    expect(count(after!, "signedByKind", "SUPPORT_AGREEMENT")).toBe(count(before!, "signedByKind", "SUPPORT_AGREEMENT"));
    expect(count(after!, "runningByKind", "EMPLOYMENT") - count(before!, "runningByKind", "EMPLOYMENT")).toBe(1);
    expect(hundredthsOf(after!.runningEmploymentHours) - hundredthsOf(before!.runningEmploymentHours)).toBe(9050);
    expect(after!.supportToEmployment.count - before!.supportToEmployment.count).toBe(1);
    expect(after!.supportToEmployment.totalDays - before!.supportToEmployment.totalDays).toBe(101);
  });

  it("is for staff and network roles, never an entrepreneur, and refuses a reversed period", async () => {
    expect((await indicators(T, T, "COUNSELOR")).result.errors).toBeUndefined();
    expect((await indicators(T, T, "ENTREPRENEUR")).result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await indicators(T, T, "NETWORK_ANALYST")).result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await indicators(T, addDays(T, -1))).result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
  });
});

/** "5234.50" → 523450: sums of hours are exact in hundredths. */
function hundredthsOf(hours: string): number {
  const [whole, decimals = ""] = hours.split(".");
  return Number(whole) * 100 + Number(decimals.padEnd(2, "0"));
}
