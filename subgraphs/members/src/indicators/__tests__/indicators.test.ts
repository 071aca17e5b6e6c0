import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller, type SubgraphServer } from "@cae/shared";
import { members } from "../../index";

const COOP = "garonne-activites";
const INDICATORS = ENTITIES_QUERY(`... on Cooperative { membersIndicators(from: $from, to: $to) {
  people peopleByWelcomeStage { stage count } receptions admissions orientations exitsByReason { reason count } associates women genderDeclared
  ageBrackets { bracket count } activitiesBySector { sector count } averageDaysReceptionToAdmission averageDaysReceptionToAssociate } }`).replace(
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
};
const sum = (counts: { count: number }[]) => counts.reduce((total, { count }) => total + count, 0);

describe.each(databaseBackends())("the members indicators on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const indicators = async (from: string, to: string, caller = testCaller("COUNSELOR", COOP)) => {
    const before = server.database.statementCount;
    const result = await execute(server, INDICATORS, { representations: [{ __typename: "Cooperative", id: COOP }], from, to }, caller);
    expect(result.errors).toBeUndefined();
    expect(server.database.statementCount - before).toBe(5);
    return (result.data?._entities as { membersIndicators: Indicators }[])[0].membersIndicators;
  };

  it("add up: stages, ages and genders over everyone welcomed", async () => {
    const all = await indicators("2020-01-01", "2099-12-31");
    expect(sum(all.peopleByWelcomeStage)).toBe(all.people);
    expect(sum(all.ageBrackets)).toBe(all.people);
    expect(all.women).toBeLessThanOrEqual(all.genderDeclared);
    expect(all.genderDeclared).toBeLessThanOrEqual(all.people);
    const [{ n }] = await server.database.dataSource.query("SELECT count(*)::int AS n FROM activities");
    expect(sum(all.activitiesBySector)).toBe(n);
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
      input: { personId: `${COOP}:${admitted.id}`, admittedOn: "2026-11-10", shares: 1, shareValue: "5000" },
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

  it("are open to the network's roles, closed to an entrepreneur, and refuse a reversed period", async () => {
    await indicators("2026-01-01", "2026-12-31", testCaller("NETWORK_ANALYST"));
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
