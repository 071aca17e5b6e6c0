import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
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

  it("lists the cooperative's sessions newest first, filtered, each with its people, in a bounded number of statements", async () => {
    const LIST = `query ($representations: [_Any!]!, $first: Int, $counselorId: ID, $topic: SessionTopic, $kind: SessionKind, $from: Date, $to: Date) {
      _entities(representations: $representations) { ... on Cooperative {
        supportSessions(first: $first, counselorId: $counselorId, topic: $topic, kind: $kind, from: $from, to: $to) {
          totalCount edges { node { id heldOn topic kind counselor { id } people { id } } } } } } }`;
    type Node = { id: string; heldOn: string; topic: string; kind: string; counselor: { id: string }; people: { id: string }[] };
    const list = async (variables: Record<string, unknown>, caller = testCaller("COUNSELOR", COOP)) => {
      const result = await execute(server, LIST, { representations: [{ __typename: "Cooperative", id: COOP }], ...variables }, caller);
      return {
        result,
        page: (result.data?._entities as { supportSessions: { totalCount: number; edges: { node: Node }[] } }[] | undefined)?.[0]
          ?.supportSessions,
      };
    };
    const rows: { id: string; held_on: string; topic: string; kind: string; counselor_id: string; people: number }[] =
      await server.database.dataSource.query(
        `SELECT s.id, s.held_on::text, s.topic, s.kind, s.counselor_id, (SELECT count(*)::int FROM support_session_people p WHERE p.session_id = s.id) AS people
         FROM support_sessions s ORDER BY s.held_on DESC, s.id DESC`,
      );
    expect(rows.length).toBeGreaterThan(40);
    const statements = async (first: number) => {
      const before = server.database.statementCount;
      const { result, page } = await list({ first });
      expect(result.errors).toBeUndefined();
      expect(page!.edges.map(({ node }) => node.id)).toEqual(rows.slice(0, first).map((row) => `${COOP}:${row.id}`));
      expect(page!.edges.map(({ node }) => node.people.length)).toEqual(rows.slice(0, first).map((row) => row.people));
      return server.database.statementCount - before;
    };
    expect(await statements(40)).toBe(await statements(5));

    const workshop = rows.find((row) => row.kind === "WORKSHOP")!;
    const filtered = await list({ first: 100, counselorId: `${COOP}:${workshop.counselor_id}`, topic: workshop.topic, kind: "WORKSHOP" });
    const expected = rows.filter(
      (row) => row.counselor_id === workshop.counselor_id && row.topic === workshop.topic && row.kind === "WORKSHOP",
    );
    expect(filtered.page!.totalCount).toBe(expected.length);
    expect(filtered.page!.edges.map(({ node }) => node.id)).toEqual(expected.map((row) => `${COOP}:${row.id}`));
    const period = await list({ first: 100, from: "2026-01-01", to: "2026-03-31" });
    expect(period.page!.totalCount).toBe(rows.filter((row) => row.held_on >= "2026-01-01" && row.held_on <= "2026-03-31").length);

    expect((await list({ first: 5, from: "2026-03-31", to: "2026-01-01" })).result.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "from",
    });
    expect((await list({ first: 5 }, testCaller("NETWORK_ANALYST"))).result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
