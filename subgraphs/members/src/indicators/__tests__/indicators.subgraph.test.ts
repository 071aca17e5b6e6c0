import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
import { members } from "../../index";

const COOP = "garonne-activites";
const INDICATORS = ENTITIES_QUERY(`... on Cooperative { membersIndicators(from: $from, to: $to) {
  people peopleByWelcomeStage { stage count } receptions admissions orientations exitsByReason { reason count } associates women genderDeclared
  ageBrackets { bracket count } activitiesBySector { sector count } peopleByPathStage { stage count }
  receptionToAdmission { count totalDays } receptionToAssociate { count totalDays } receptionToEmploymentContract { count totalDays }
  receptionToObjectiveContract { count totalDays } receptionToSupportAgreement { count totalDays }
  monthly { month receptions admissions orientations exits } } }`).replace(
  "query ($representations: [_Any!]!)",
  "query ($representations: [_Any!]!, $from: Date!, $to: Date!)",
);

type Indicators = {
  people: number;
  peopleByWelcomeStage: { stage: string; count: number }[];
  receptions: number;
  exitsByReason: { reason: string; count: number }[];
  associates: number;
  women: number;
  genderDeclared: number;
  ageBrackets: { count: number }[];
  activitiesBySector: { count: number }[];
  peopleByPathStage: { stage: string; count: number }[];
  admissions: number;
  receptionToAdmission: { count: number; totalDays: number };
  receptionToEmploymentContract: { count: number; totalDays: number };
  receptionToObjectiveContract: { count: number; totalDays: number };
  receptionToSupportAgreement: { count: number; totalDays: number };
  monthly: { month: string; receptions: number; admissions: number; orientations: number; exits: number }[];
};
type Milestone = {
  personId: string;
  furthestContractKind: string | null;
  employmentContractOn: string | null;
  objectiveContractOn?: string | null;
  supportAgreementOn?: string | null;
};
const sum = (counts: { count: number }[]) => counts.reduce((total, { count }) => total + count, 0);

describe.each(databaseBackends())("the members indicators on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const indicators = async (from: string, to: string, caller = testCaller("COUNSELOR", COOP), contractMilestones: Milestone[] = []) => {
    const before = server.database.statementCount;
    const representations = [{ __typename: "Cooperative", id: COOP, contractMilestones }];
    const result = await execute(server, INDICATORS, { representations, from, to }, caller);
    expect(result.errors).toBeUndefined();
    expect(server.database.statementCount - before).toBe(1);
    return (result.data?._entities as { membersIndicators: Indicators }[])[0].membersIndicators;
  };

  it("add up: welcome and path stages, ages and genders over everyone welcomed", async () => {
    const all = await indicators("2020-01-01", "2029-12-31");
    expect(sum(all.peopleByWelcomeStage)).toBe(all.people);
    expect(sum(all.ageBrackets)).toBe(all.people);
    expect(all.women).toBeLessThanOrEqual(all.genderDeclared);
    expect(all.genderDeclared).toBeLessThanOrEqual(all.people);
    const [{ n }] = await server.database.dataSource.query("SELECT count(*)::int AS n FROM activities");
    expect(sum(all.activitiesBySector)).toBe(n);
    expect(sum(all.peopleByPathStage)).toBe(all.people);
    expect(all.receptionToAdmission.count).toBe(all.admissions);
  });

  it("place people at their full path stage from the contracts subgraph's milestones, and sum the days to the CESA", async () => {
    const [person] = await server.database.dataSource.query(
      `SELECT p.id, r.received_on::text AS received_on FROM people p JOIN receptions r ON r.person_id = p.id
        WHERE p.welcome_stage = 'ADMITTED' AND p.id NOT IN (SELECT person_id FROM associates) AND p.id NOT IN (SELECT person_id FROM exits)
        ORDER BY p.id LIMIT 1`,
    );
    const employed = (figures: Indicators) => figures.peopleByPathStage.find((row) => row.stage === "EMPLOYMENT_CONTRACT")!.count;
    const before = await indicators("2026-01-01", "2035-12-31");
    const startsOn = "2035-01-10";
    const [objectiveOn, supportOn] = ["2034-01-05", "2034-03-01"];
    const milestone = {
      personId: `${COOP}:${person.id}`,
      furthestContractKind: "EMPLOYMENT",
      employmentContractOn: startsOn,
      objectiveContractOn: objectiveOn,
      supportAgreementOn: supportOn,
    };
    const foreign = { personId: `other-coop:${person.id}`, furthestContractKind: "EMPLOYMENT", employmentContractOn: startsOn };
    const after = await indicators("2026-01-01", "2035-12-31", undefined, [milestone, foreign]);
    expect(employed(after)).toBe(employed(before) + 1);
    expect(sum(after.peopleByPathStage)).toBe(after.people);
    const days = Math.round((Date.parse(startsOn) - Date.parse(person.received_on)) / 86_400_000);
    expect(after.receptionToEmploymentContract).toEqual({
      count: before.receptionToEmploymentContract.count + 1,
      totalDays: before.receptionToEmploymentContract.totalDays + days,
    });
    // Each step counts from the same reception, in the period of its own start.
    const daysTo = (on: string) => Math.round((Date.parse(on) - Date.parse(person.received_on)) / 86_400_000);
    expect(after.receptionToObjectiveContract).toEqual({
      count: before.receptionToObjectiveContract.count + 1,
      totalDays: before.receptionToObjectiveContract.totalDays + daysTo(objectiveOn),
    });
    expect(after.receptionToSupportAgreement).toEqual({
      count: before.receptionToSupportAgreement.count + 1,
      totalDays: before.receptionToSupportAgreement.totalDays + daysTo(supportOn),
    });
  });

  it("give one row per month, cut to the period, adding up to the period's flows", async () => {
    const year = await indicators("2025-02-15", "2026-02-10");
    expect(year.monthly.map((row) => row.month)).toEqual([
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
    expect(year.monthly.reduce((total, row) => total + row.receptions, 0)).toBe(year.receptions);
    expect(year.monthly.reduce((total, row) => total + row.admissions, 0)).toBe(year.admissions);
    expect(year.monthly.reduce((total, row) => total + row.exits, 0)).toBe(sum(year.exitsByReason));
  });

  it("follow the records: a new woman, an exit and an associate move the right figures by one", async () => {
    const before = await indicators("2026-11-01", "2026-11-30");
    const registered = await execute(server, `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`, {
      input: {
        cooperativeId: COOP,
        firstName: "Inès",
        lastName: "Rivière",
        gender: "FEMALE",
        birthYear: 2003,
        firstContactOn: "2026-11-02",
      },
    });
    const [admitted] = await server.database.dataSource.query(
      `SELECT id FROM people WHERE welcome_stage = 'ADMITTED' AND id NOT IN (SELECT person_id FROM associates) AND id NOT IN (SELECT person_id FROM exits) ORDER BY id LIMIT 2`,
    );
    await execute(server, `mutation ($input: AdmitAssociateInput!) { admitAssociate(input: $input) { id } }`, {
      input: { personId: `${COOP}:${admitted.id}`, admittedOn: "2026-11-10", shares: 1, shareValueCents: "5000" },
    });
    await execute(server, `mutation ($input: RecordExitInput!) { recordExit(input: $input) { id } }`, {
      input: { personId: (registered.data?.registerPerson as { id: string }).id, exitedOn: "2026-11-20", reason: "TRAINING" },
    });
    const after = await indicators("2026-11-01", "2026-11-30");
    expect(after.people).toBe(before.people + 1);
    expect(after.women).toBe(before.women + 1);
    expect(after.associates).toBe(before.associates + 1);
    const training = (figures: Indicators) => figures.exitsByReason.find((row) => row.reason === "TRAINING")?.count ?? 0;
    expect(training(after)).toBe(training(before) + 1);
  });

  it("are open to the gateway's credential, closed to network roles and to an entrepreneur, and refuse a reversed period", async () => {
    await indicators("2026-01-01", "2026-12-31", testCaller("NETWORK_SERVICE"));
    for (const role of ["NETWORK_ANALYST", "NETWORK_ADMIN"] as const) {
      const network = await execute(
        server,
        INDICATORS,
        { representations: [{ __typename: "Cooperative", id: COOP }], from: "2026-01-01", to: "2026-12-31" },
        testCaller(role),
      );
      expect(network.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(network.errors?.[0].message).toContain("membersIndicators");
    }
    const entrepreneur = await execute(
      server,
      INDICATORS,
      { representations: [{ __typename: "Cooperative", id: COOP }], from: "2026-01-01", to: "2026-12-31" },
      testCaller("ENTREPRENEUR", COOP, `${COOP}:00000000-0000-4000-8000-000000000001`),
    );
    expect(entrepreneur.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const reversed = await execute(server, INDICATORS, {
      representations: [{ __typename: "Cooperative", id: COOP }],
      from: "2026-12-31",
      to: "2026-01-01",
    });
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
  });
});
