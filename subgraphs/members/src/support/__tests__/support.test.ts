import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller, type SubgraphServer } from "@cae/shared";
import { members } from "../../index";

const COOP = "garonne-activites";
const ADD_COUNSELOR = `mutation ($input: AddCounselorInput!) { addCounselor(input: $input) { id firstName lastName email } }`;
const ASSIGN = `mutation ($input: AssignFollowUpInput!) { assignFollowUp(input: $input) { id counselor { lastName } referringPartner { name } } }`;
const SESSION = `mutation ($input: RecordSupportSessionInput!) { recordSupportSession(input: $input) { id kind topic durationMinutes counselor { lastName } } }`;
const FOLLOW_UP =
  "... on Person { id counselor { lastName } referringPartner { name } activities { name } lastSupportSession { heldOn topic counselor { lastName } } }";

describe.each(databaseBackends())("counselors and support sessions on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  let people: string[];

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
    const rows: { id: string }[] = await server.database.dataSource.query(
      "SELECT id FROM people WHERE welcome_stage = 'ADMITTED' AND first_contact_on < '2026-06-01' ORDER BY id LIMIT 3",
    );
    people = rows.map((row) => `${COOP}:${row.id}`);
  });
  afterAll(() => server?.stop());

  it("adds a counselor (admins only) and assigns who follows a person", async () => {
    const refused = await execute(server, ADD_COUNSELOR, { input: { cooperativeId: COOP, firstName: "Léo", lastName: "Perrin" } });
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const added = await execute(
      server,
      ADD_COUNSELOR,
      { input: { cooperativeId: COOP, firstName: "Léo", lastName: "Perrin" } },
      testCaller("COOP_ADMIN", COOP),
    );
    const counselor = added.data?.addCounselor as { id: string };
    const [partner] = await server.database.dataSource.query("SELECT id, name FROM partners ORDER BY name LIMIT 1");

    const assigned = await execute(server, ASSIGN, {
      input: { personId: people[0], counselorId: counselor.id, referringPartnerId: `${COOP}:${partner.id}` },
    });
    expect(assigned.data?.assignFollowUp).toEqual({
      id: people[0],
      counselor: { lastName: "Perrin" },
      referringPartner: { name: partner.name },
    });
    const unknown = await execute(server, ASSIGN, {
      input: { personId: people[0], counselorId: `${COOP}:00000000-0000-4000-8000-000000000000` },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.counselorId" });
  });

  it("records sessions, refusing an interview of two, a bad duration and a date before the first contact", async () => {
    const [counselor] = await server.database.dataSource.query("SELECT id FROM counselors ORDER BY last_name LIMIT 1");
    const input = {
      counselorId: `${COOP}:${counselor.id}`,
      personIds: people,
      heldOn: "2026-11-20",
      durationMinutes: 120,
      topic: "COMMERCIAL",
      kind: "WORKSHOP",
    };
    const [before] = await server.database.dataSource.query("SELECT count(*)::int AS n FROM support_sessions");
    const individual = await execute(server, SESSION, { input: { ...input, kind: "INDIVIDUAL" } });
    expect(individual.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.personIds" });
    const short = await execute(server, SESSION, { input: { ...input, durationMinutes: 10 } });
    expect(short.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.durationMinutes" });
    const early = await execute(server, SESSION, { input: { ...input, heldOn: "2000-01-01" } });
    expect(early.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(await server.database.dataSource.query("SELECT count(*)::int AS n FROM support_sessions")).toEqual([before]);

    const workshop = await execute(server, SESSION, { input });
    expect(workshop.errors).toBeUndefined();
    expect(workshop.data?.recordSupportSession).toMatchObject({ kind: "WORKSHOP", topic: "COMMERCIAL", durationMinutes: 120 });
    const seen = await execute(server, ENTITIES_QUERY("... on Person { lastSupportSession { heldOn topic } }"), {
      representations: people.map((id) => ({ __typename: "Person", id })),
    });
    expect(seen.data?._entities).toEqual(people.map(() => ({ lastSupportSession: { heldOn: "2026-11-20", topic: "COMMERCIAL" } })));
  });

  it("costs the same statements for all the people (48 and more) with their counselor, partner, activities and last session as for 10", async () => {
    const rows: { id: string }[] = await server.database.dataSource.query("SELECT id FROM people ORDER BY id LIMIT 100");
    const cost = async (count: number) => {
      const before = server.database.statementCount;
      const result = await execute(server, ENTITIES_QUERY(FOLLOW_UP), {
        representations: rows.slice(0, count).map((row) => ({ __typename: "Person", id: `${COOP}:${row.id}` })),
      });
      expect(result.errors).toBeUndefined();
      return server.database.statementCount - before;
    };
    const ten = await cost(10);
    expect(await cost(rows.length)).toBe(ten);
    expect(ten).toBeLessThanOrEqual(6);
  });
});
