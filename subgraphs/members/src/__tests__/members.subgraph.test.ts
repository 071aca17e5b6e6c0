import { databaseBackends, ENTITIES_QUERY, execute, testCaller, type OperationResult, startTestSubgraph, DEMO_SEEDERS } from "@cae/tools";
import { type SubgraphServer } from "@cae/shared";
import { members } from "../index";

const COOP = "garonne-activites";
const REGISTER = `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id firstName lastName email welcomeStage gender cooperative { id } } }`;
const prospect = (overrides: Record<string, unknown> = {}) => ({
  cooperativeId: COOP,
  firstName: " Zoé ",
  lastName: "Garnier",
  email: "Zoe.Garnier@example.fr",
  firstContactOn: "2026-11-20",
  ...overrides,
});

describe.each(databaseBackends())("the members subgraph on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  it("creates its tables by migration on an empty database and seeds the demo people once", async () => {
    const [{ n }] = await server.database.dataSource.query("SELECT count(*)::int AS n FROM people");
    expect(n).toBe(48);
    await DEMO_SEEDERS.members(server.database.dataSource, COOP);
    expect(await server.database.dataSource.query("SELECT count(*)::int AS n FROM people")).toEqual([{ n: 48 }]);
  });

  it("registers a prospect, trimmed and lowercased, with an ID that carries the cooperative", async () => {
    const result = await execute(server, REGISTER, { input: prospect() });
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerPerson).toMatchObject({
      id: expect.stringMatching(new RegExp(`^${COOP}:[0-9a-f-]{36}$`)),
      firstName: "Zoé",
      email: "zoe.garnier@example.fr",
      welcomeStage: "PROSPECT",
      gender: "UNDISCLOSED",
      cooperative: { id: COOP },
    });
  });

  it.each([
    [{ firstName: "" }, "input.firstName"],
    [{ email: "not-an-email" }, "input.email"],
    [{ postcode: "3800" }, "input.postcode"],
    [{ birthYear: 1850 }, "input.birthYear"],
    [{ cooperativeId: "bretagne-cooperer" }, "input.cooperativeId"],
  ])("refuses %j with BAD_USER_INPUT on %s and writes nothing", async (overrides, field) => {
    const [before] = await server.database.dataSource.query("SELECT count(*)::int AS n FROM people");
    const result = await execute(server, REGISTER, { input: prospect({ email: null, ...overrides }) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.data).toBeNull();
    expect(await server.database.dataSource.query("SELECT count(*)::int AS n FROM people")).toEqual([before]);
  });

  it("refuses a second person with the same email with CONFLICT", async () => {
    const result = await execute(server, REGISTER, { input: prospect({ email: "ZOE.garnier@example.fr" }) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "CONFLICT" });
  });

  it("resolves a batch of people through _entities in one statement: null for another cooperative's, an error for an unknown one", async () => {
    const rows: { id: string }[] = await server.database.dataSource.query("SELECT id FROM people ORDER BY id LIMIT 30");
    const representations = [
      ...rows.map((row) => ({ __typename: "Person", id: `${COOP}:${row.id}` })),
      { __typename: "Person", id: `alpes-entreprendre:${rows[0].id}` }, // another cooperative's ID
      { __typename: "Person", id: `${COOP}:00000000-0000-4000-8000-000000000000` },
    ];
    const before = server.database.statementCount;
    const result = await execute(server, ENTITIES_QUERY("... on Person { id lastName }"), { representations });
    expect(server.database.statementCount - before).toBe(1);
    const entities = result.data?._entities as ({ id: string } | null)[];
    expect(entities.slice(0, 30).map((entity) => entity?.id)).toEqual(representations.slice(0, 30).map((r) => r.id));
    expect(entities.slice(30)).toEqual([null, null]);
    // Another cooperative's person is not this subgraph's to answer: null. One of this cooperative
    // that does not exist is an error at its own position, naming it; the other positions stand.
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`${COOP}:00000000-0000-4000-8000-000000000000`),
      path: ["_entities", 31],
      extensions: { code: "NOT_FOUND" },
    });
  });

  it("pages a cooperative's people by name with stable cursors", async () => {
    const PEOPLE = `query ($representations: [_Any!]!, $after: String) { _entities(representations: $representations) {
      ... on Cooperative { people(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id lastName firstName } } } } } }`;
    const representations = [{ __typename: "Cooperative", id: COOP }];
    const seen: { lastName: string; firstName: string; id: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: (typeof seen)[number] }[] };
      const result: OperationResult = await execute(server, PEOPLE, { representations, after });
      const people: Page = (result.data?._entities as { people: Page }[])[0].people;
      seen.push(...people.edges.map((edge) => edge.node));
      if (!people.pageInfo.hasNextPage) break;
      after = people.pageInfo.endCursor;
    }
    const [{ n }] = await server.database.dataSource.query("SELECT count(*)::int AS n FROM people");
    expect(seen).toHaveLength(n);
    expect(new Set(seen.map((person) => person.id)).size).toBe(n);
    const other = await execute(server, ENTITIES_QUERY("... on Cooperative { id }"), {
      representations: [{ __typename: "Cooperative", id: "alpes-entreprendre" }],
    });
    expect(other.data?._entities).toEqual([null]);
  });

  it("filters a cooperative's people by welcome stage, project sector and a literal name search", async () => {
    const page = async (filter: string) => {
      const result = await execute(
        server,
        ENTITIES_QUERY(`... on Cooperative { people(first: 100, ${filter}) { totalCount edges { node { lastName } } } }`),
        {
          representations: [{ __typename: "Cooperative", id: COOP }],
        },
      );
      expect(result.errors).toBeUndefined();
      return (result.data?._entities as { people: { totalCount: number; edges: { node: { lastName: string } }[] } }[])[0].people;
    };
    const db = server.database.dataSource;
    const [{ n: prospects }] = await db.query("SELECT count(*)::int AS n FROM people WHERE welcome_stage = 'PROSPECT'");
    expect((await page("welcomeStage: PROSPECT")).totalCount).toBe(prospects);
    const [{ n: crafts }] = await db.query("SELECT count(*)::int AS n FROM receptions WHERE sector = 'CRAFTS'");
    expect((await page("sector: CRAFTS")).totalCount).toBe(crafts);
    const [counselor] = await db.query(
      "SELECT c.id, count(p.id)::int AS n FROM counselors c JOIN people p ON p.counselor_id = c.id GROUP BY c.id ORDER BY c.id LIMIT 1",
    );
    expect((await page(`counselorId: "${COOP}:${counselor.id}"`)).totalCount).toBe(counselor.n);
    const found = await page('search: "GARNIER"');
    const [{ n: garniers }] = await db.query("SELECT count(*)::int AS n FROM people WHERE last_name = 'Garnier'");
    expect(found.totalCount).toBe(garniers);
    expect(found.edges.every((edge) => edge.node.lastName === "Garnier")).toBe(true);
    expect((await page('search: "zoe.garnier@example"')).totalCount).toBe(1);
    expect((await page('search: "%"')).totalCount).toBe(0);
    const invalid = await execute(
      server,
      ENTITIES_QUERY('... on Cooperative { people(search: "' + "x".repeat(101) + '") { totalCount } }'),
      {
        representations: [{ __typename: "Cooperative", id: COOP }],
      },
    );
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "search" });
  });

  it("erases a person's personal data for good, keeps the record, scrubs the audit, and only for an admin", async () => {
    const registered = await execute(server, REGISTER, {
      input: prospect({ firstName: "Solène", lastName: "Vidal", email: "solene.vidal@example.fr", postcode: "31000", birthYear: 1990 }),
    });
    const id = (registered.data?.registerPerson as { id: string }).id;
    const ERASE = `mutation ($input: ErasePersonInput!) { erasePerson(input: $input) { id firstName lastName email phone postcode birthYear gender erasedAt } }`;
    const [{ n: before }] = await server.database.dataSource.query("SELECT count(*)::int AS n FROM people");

    const byCounselor = await execute(server, ERASE, { input: { id, reason: "Demande de la personne" } });
    expect(byCounselor.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    const admin = testCaller("COOP_ADMIN", COOP);
    const erased = await execute(server, ERASE, { input: { id, reason: "Demande de la personne" } }, admin);
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.erasePerson).toMatchObject({
      id,
      firstName: "(effacé)",
      lastName: "(effacé)",
      email: null,
      postcode: null,
      birthYear: null,
      gender: "UNDISCLOSED",
    });
    expect((erased.data?.erasePerson as { erasedAt: string }).erasedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await server.database.dataSource.query("SELECT count(*)::int AS n FROM people")).toEqual([{ n: before }]);

    const audit: { action: string; details: Record<string, unknown> }[] = await server.database.dataSource.query(
      "SELECT action, details FROM audit_events WHERE entity_id = $1 ORDER BY seq",
      [id],
    );
    expect(audit).toEqual([
      { action: "registerPerson", details: { erased: true } },
      { action: "erasePerson", details: { reason: "Demande de la personne" } },
    ]);
    expect(JSON.stringify(await server.database.dataSource.query("SELECT * FROM people WHERE id = $1", [id.split(":")[1]]))).not.toMatch(
      /Vidal|Solène|31000/,
    );

    const again = await execute(server, ERASE, { input: { id, reason: "x" } }, admin);
    expect(again.errors?.[0].extensions?.code).toBe("CONFLICT");
  });

  it("erases an oriented person too, their reception's reason read erased", async () => {
    const db = server.database.dataSource;
    const [{ person_id }]: { person_id: string }[] = await db.query(
      "SELECT person_id FROM receptions r JOIN people p ON p.id = r.person_id WHERE r.orientation_reason IS NOT NULL AND p.erased_at IS NULL LIMIT 1",
    );
    const ERASE = `mutation ($input: ErasePersonInput!) { erasePerson(input: $input) { id firstName } }`;
    const erased = await execute(
      server,
      ERASE,
      { input: { id: `${COOP}:${person_id}`, reason: "Demande" } },
      testCaller("COOP_ADMIN", COOP),
    );
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.erasePerson).toMatchObject({ firstName: "(effacé)" });
    expect(await db.query("SELECT project_summary, orientation_reason FROM receptions WHERE person_id = $1", [person_id])).toEqual([
      { project_summary: "(effacé)", orientation_reason: "(effacé)" },
    ]);
  });
});
