import { startTestNetwork, type TestNetwork } from "@cae/tools";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { tryDecodeId } from "@cae/shared";

const ALPES = "alpes-entreprendre";
const BRETAGNE = "bretagne-cooperer";

const PEOPLE_OF = `
  query People($id: ID!, $first: Int) {
    cooperative(id: $id) { id name people(first: $first) { totalCount edges { node { id lastName cooperative { id name } } } } }
  }`;

type PeoplePage = { totalCount: number; edges: { node: { id: string; lastName: string; cooperative: { id: string; name: string } } }[] };

/** The IDs the cooperative's own members database holds. */
async function idsInDatabase(network: TestNetwork, cooperativeId: string): Promise<Set<string>> {
  const rows: { id: string }[] = await network.subgraph(cooperativeId, "members").database.dataSource.query("SELECT id FROM people");
  return new Set(rows.map((row) => `${cooperativeId}:${row.id}`));
}

async function somePersonIds(network: TestNetwork, cooperativeId: string, count: number): Promise<string[]> {
  const rows: { id: string }[] = await network
    .subgraph(cooperativeId, "members")
    .database.dataSource.query(`SELECT id FROM people ORDER BY id LIMIT ${count}`);
  return rows.map((row) => `${cooperativeId}:${row.id}`);
}

describe("the federated network, end to end over HTTP", () => {
  let network: TestNetwork;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    network = await startTestNetwork([ALPES, BRETAGNE]);
    tokens.analyst = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    tokens.alpes = await network.token({ sub: "counselor-a", role: "COUNSELOR", coop: ALPES });
    tokens.bretagne = await network.token({ sub: "counselor-b", role: "COUNSELOR", coop: BRETAGNE });
  });
  afterAll(() => network?.stop());

  it("lists the registry's cooperatives, filtered by region", async () => {
    const all = await network.query("{ cooperatives { totalCount edges { node { id name region } } } }", {}, tokens.analyst);
    expect(all.data?.cooperatives).toMatchObject({
      totalCount: 2,
      edges: [{ node: { id: ALPES } }, { node: { id: BRETAGNE, region: "Bretagne" } }],
    });
    const breton = await network.query('{ cooperatives(region: "Bretagne") { edges { node { id } } } }', {}, tokens.analyst);
    expect(breton.data?.cooperatives).toEqual({ edges: [{ node: { id: BRETAGNE } }] });
  });

  it("reads two cooperatives' profiles in one query, each from its own database (network role)", async () => {
    const result = await network.query("{ cooperatives { edges { node { id profile { legalName region } } } } }", {}, tokens.analyst);
    expect(result.errors).toBeUndefined();
    const nodes = (result.data?.cooperatives as { edges: { node: { id: string; profile: { legalName: string } } }[] }).edges.map(
      (edge) => edge.node,
    );
    for (const coop of [ALPES, BRETAGNE]) {
      const [row] = await network.subgraph(coop, "members").database.dataSource.query("SELECT legal_name FROM cooperative_profile");
      expect(nodes.find((node) => node.id === coop)?.profile.legalName).toBe(row.legal_name);
    }
  });

  it("gives a network role no person of any cooperative, by ID, not even their stage", async () => {
    const [a1] = await somePersonIds(network, ALPES, 1);
    const [b1] = await somePersonIds(network, BRETAGNE, 1);
    const result = await network.query(
      `query ($a1: ID!, $b1: ID!) { a1: person(id: $a1) { id welcomeStage } b1: person(id: $b1) { id cooperative { name } } }`,
      { a1, b1 },
      tokens.analyst,
    );
    expect(result.data).toEqual({ a1: null, b1: null });
    expect(result.errors?.map((error) => [error.extensions?.code, error.path?.[0]]).sort()).toEqual([
      ["FORBIDDEN", "a1"],
      ["FORBIDDEN", "b1"],
    ]);
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${a1}|${b1}`));
  });

  it("lists a cooperative's people to its counselor, every one from its own database", async () => {
    const result = await network.query(PEOPLE_OF, { id: BRETAGNE, first: 50 }, tokens.bretagne);
    expect(result.errors).toBeUndefined();
    const people = (result.data?.cooperative as { people: PeoplePage }).people;
    const own = await idsInDatabase(network, BRETAGNE);
    const other = await idsInDatabase(network, ALPES);
    expect(people.totalCount).toBe(own.size);
    expect(people.edges).toHaveLength(50);
    for (const { node } of people.edges) {
      expect(tryDecodeId(node.id)?.cooperativeId).toBe(BRETAGNE);
      expect(own.has(node.id) && !other.has(node.id)).toBe(true);
      expect(node.cooperative).toEqual({ id: BRETAGNE, name: `Coopérative ${BRETAGNE}` });
    }
  });

  it("looks a person up by ID, with contracts and activity accounts from the person's cooperative", async () => {
    const [{ person_id: localId }] = await network
      .subgraph(BRETAGNE, "contracts")
      .database.dataSource.query("SELECT person_id FROM contracts WHERE kind = 'EMPLOYMENT' ORDER BY person_id LIMIT 1");
    const id = `${BRETAGNE}:${localId}`;
    const result = await network.query(
      `query ($id: ID!) { person(id: $id) { id firstName contracts { edges { node { id kind fixedMonthlyPayCents person { id } } } }
         activityAccounts { edges { node { analyticCode person { id } } } } } }`,
      { id },
      tokens.bretagne,
    );
    expect(result.errors).toBeUndefined();
    const person = result.data?.person as {
      id: string;
      firstName: string;
      contracts: { edges: { node: { id: string; kind: string; fixedMonthlyPayCents: string | null; person: { id: string } } }[] };
    };
    expect(person.id).toBe(id);
    expect(person.firstName).toEqual(expect.any(String));
    const employment = person.contracts.edges.find((edge) => edge.node.kind === "EMPLOYMENT")!.node;
    expect(employment.fixedMonthlyPayCents).toMatch(/^\d+$/);
    expect(employment.person.id).toBe(id);
    expect(employment.id.startsWith(`${BRETAGNE}:`)).toBe(true);
  });

  it("answers null for a person the cooperative does not have, and a coded error for a bad ID", async () => {
    const missing = await network.query(
      `{ person(id: "${ALPES}:00000000-0000-4000-8000-000000000000") { id firstName } }`,
      {},
      tokens.alpes,
    );
    expect(missing.data).toEqual({ person: null });
    // An ID of the cooperative that names nobody is an error naming it, not a silent null.
    expect(missing.errors?.[0]).toMatchObject({
      message: expect.stringContaining("00000000-0000-4000-8000-000000000000"),
      extensions: { code: "NOT_FOUND" },
    });
    const malformed = await network.query('{ person(id: "nonsense") { id } }', {}, tokens.alpes);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const unknown = await network.query('{ person(id: "nowhere-coop:00000000-0000-4000-8000-000000000000") { id } }', {}, tokens.alpes);
    expect(unknown.errors?.[0]).toMatchObject({ message: expect.stringContaining('"nowhere-coop"'), extensions: { code: "NOT_FOUND" } });
    expect(unknown.data).toEqual({ person: null });
  });

  it("routes a mutation to the cooperative its input names, and only there", async () => {
    const result = await network.query(
      `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id lastName welcomeStage cooperative { name } } }`,
      {
        input: {
          cooperativeId: BRETAGNE,
          firstName: "Maïwenn",
          lastName: "Le Gall",
          email: "maiwenn.legall@example.fr",
          firstContactOn: "2026-11-20",
        },
      },
      tokens.bretagne,
    );
    expect(result.errors).toBeUndefined();
    const person = result.data?.registerPerson as { id: string };
    expect(person).toMatchObject({ lastName: "Le Gall", welcomeStage: "PROSPECT", cooperative: { name: `Coopérative ${BRETAGNE}` } });
    expect((await idsInDatabase(network, BRETAGNE)).has(person.id)).toBe(true);
    expect((await idsInDatabase(network, ALPES)).has(person.id)).toBe(false);

    // An account is opened for a person the cooperative admitted, once the finance subgraph knows it.
    const admitted = await network.query(
      `mutation ($input: RecordReceptionInput!) { recordReception(input: $input) { welcomeStage } }`,
      {
        input: {
          personId: person.id,
          receivedOn: "2026-11-21",
          projectSummary: "Traduction",
          projectProgress: "IDEA",
          sector: "SERVICES",
          decision: "ADMITTED",
        },
      },
      tokens.bretagne,
    );
    expect(admitted.data?.recordReception).toEqual({ welcomeStage: "ADMITTED" });
    await network.settled();

    const account = await network.query(
      `mutation ($input: OpenActivityAccountInput!) { openActivityAccount(input: $input) { id analyticCode person { id lastName } } }`,
      { input: { personId: person.id, label: "Traduction bretonne", sector: "SERVICES", openedOn: "2026-11-25" } },
      tokens.bretagne,
    );
    expect(account.errors).toBeUndefined();
    expect(account.data?.openActivityAccount).toMatchObject({
      analyticCode: expect.stringMatching(/^ACT-\d{4}$/),
      person: { id: person.id, lastName: "Le Gall" },
    });
  });

  it("refuses a mutation for a cooperative outside the registry, and bad input, with coded errors", async () => {
    const unknown = await network.query(
      `mutation { registerPerson(input: { cooperativeId: "nowhere-coop", firstName: "A", lastName: "B", firstContactOn: "2026-11-20" }) { id } }`,
      {},
      tokens.analyst,
    );
    expect(unknown.errors?.[0]).toMatchObject({ message: expect.stringContaining('"nowhere-coop"'), extensions: { code: "NOT_FOUND" } });
    const blank = await network.query(
      `mutation { registerPerson(input: { cooperativeId: "${ALPES}", firstName: "  ", lastName: "B", firstContactOn: "2026-11-20" }) { id } }`,
      {},
      tokens.alpes,
    );
    expect(blank.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.firstName" });
    const foreign = await network.query(
      `mutation { openActivityAccount(input: { personId: "not-an-id", label: "X", sector: OTHER, openedOn: "2026-11-20" }) { id } }`,
      {},
      tokens.alpes,
    );
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: "UNROUTABLE_OPERATION" });
  });

  it("costs a bounded number of SQL statements per cooperative, whatever the number of people", async () => {
    const contractsDb = network.subgraph(ALPES, "contracts").database;
    const financeDb = network.subgraph(ALPES, "finance").database;
    const membersDb = network.subgraph(ALPES, "members").database;
    const before = [membersDb.statementCount, contractsDb.statementCount, financeDb.statementCount];
    const result = await network.query(
      `{ cooperative(id: "${ALPES}") { people(first: 100) { edges { node { id contracts(first: 5) { totalCount edges { node { kind person { id lastName } } } } activityAccounts(first: 2) { totalCount } } } } } }`,
      {},
      tokens.alpes,
    );
    expect(result.errors).toBeUndefined();
    const edges = (result.data?.cooperative as { people: { edges: unknown[] } }).people.edges;
    expect(edges).toHaveLength(100);
    const [members, contracts, finance] = [
      membersDb.statementCount - before[0],
      contractsDb.statementCount - before[1],
      financeDb.statementCount - before[2],
    ];
    expect(members).toBeLessThanOrEqual(3); // page + count, then one batch for the contracts' people
    expect(contracts).toBe(1); // one batch for 100 people
    expect(finance).toBe(1);
  });

  it("combines the welcome (members) and the signed contracts (contracts) into each person's path stage", async () => {
    const membersDb = network.subgraph(ALPES, "members").database;
    const contractsDb = network.subgraph(ALPES, "contracts").database;
    const before = [membersDb.statementCount, contractsDb.statementCount];
    const result = await network.query(
      `{ cooperative(id: "${ALPES}") { people(first: 100) { edges { node { id welcomeStage stage } } } } }`,
      {},
      tokens.alpes,
    );
    expect(result.errors).toBeUndefined();
    // members: the page and its count, then one batch each for the people, associates and exits behind the stages;
    // contracts: one batch for the furthest contracts. The same for 10 people or 100.
    expect(membersDb.statementCount - before[0]).toBeLessThanOrEqual(5);
    expect(contractsDb.statementCount - before[1]).toBe(1);

    const signed: { person_id: string; kind: string }[] = await contractsDb.dataSource.query(
      "SELECT person_id, kind FROM contracts WHERE status IN ('SIGNED', 'ENDED')",
    );
    const rank = { OBJECTIVE: 1, SUPPORT_AGREEMENT: 2, EMPLOYMENT: 3 } as Record<string, number>;
    const stageOf = {
      OBJECTIVE: "OBJECTIVE_CONTRACT",
      SUPPORT_AGREEMENT: "SUPPORT_AGREEMENT",
      EMPLOYMENT: "EMPLOYMENT_CONTRACT",
    } as Record<string, string>;
    const furthest = new Map<string, string>();
    for (const { person_id, kind } of signed) {
      const id = `${ALPES}:${person_id}`;
      if ((rank[furthest.get(id) ?? ""] ?? 0) < rank[kind]) furthest.set(id, kind);
    }
    const ids = async (table: string) =>
      new Set(
        ((await membersDb.dataSource.query(`SELECT person_id FROM ${table}`)) as { person_id: string }[]).map(
          (row) => `${ALPES}:${row.person_id}`,
        ),
      );
    const [exited, associates] = [await ids("exits"), await ids("associates")];
    const people = (result.data?.cooperative as { people: { edges: { node: { id: string; welcomeStage: string; stage: string } }[] } })
      .people.edges;
    for (const { node } of people) {
      const kind = furthest.get(node.id);
      const expected = exited.has(node.id) ? "EXITED" : associates.has(node.id) ? "ASSOCIATE" : kind ? stageOf[kind] : node.welcomeStage;
      expect(node.stage).toBe(expected);
    }
    const stages = new Set(people.map(({ node }) => node.stage));
    expect(["EMPLOYMENT_CONTRACT", "PROSPECT", "ASSOCIATE", "EXITED"].filter((stage) => !stages.has(stage))).toEqual([]);
  });

  it("filters a cooperative's people by path stage, contracts included, as each person's own stage says", async () => {
    type Page = { cooperative: { people: { totalCount: number; edges: { node: { id: string; stage: string } }[] } } };
    const everyone = await network.query(
      `{ cooperative(id: "${BRETAGNE}") { people(first: 100) { totalCount edges { node { id stage } } } } }`,
      {},
      tokens.bretagne,
    );
    const all = (everyone.data as Page).cooperative.people;
    expect(all.edges).toHaveLength(all.totalCount); // the page holds everyone
    let seen = 0;
    for (const stage of [
      "PROSPECT",
      "RECEIVED",
      "ORIENTED",
      "ADMITTED",
      "OBJECTIVE_CONTRACT",
      "SUPPORT_AGREEMENT",
      "EMPLOYMENT_CONTRACT",
      "ASSOCIATE",
      "EXITED",
    ]) {
      const filtered = await network.query(
        `query ($stage: PathStage!) { cooperative(id: "${BRETAGNE}") { people: peopleAtStage(first: 100, stage: $stage) { totalCount edges { node { id stage } } } } }`,
        { stage },
        tokens.bretagne,
      );
      expect(filtered.errors).toBeUndefined();
      const expected = all.edges.filter(({ node }) => node.stage === stage).map(({ node }) => node.id);
      expect((filtered.data as Page).cooperative.people.edges.map(({ node }) => node.id).sort()).toEqual(expected.sort());
      expect((filtered.data as Page).cooperative.people.totalCount).toBe(expected.length);
      seen += expected.length;
    }
    expect(seen).toBe(all.totalCount);
  });

  it("moves the path stage to associate, then to exited, as the counselor records them", async () => {
    const employed: { person_id: string }[] = await network
      .subgraph(BRETAGNE, "contracts")
      .database.dataSource.query(
        "SELECT person_id FROM contracts WHERE kind = 'EMPLOYMENT' AND status = 'SIGNED' AND starts_on <= CURRENT_DATE AND ends_on IS NULL ORDER BY person_id",
      );
    const [{ id: localId }] = await network
      .subgraph(BRETAGNE, "members")
      .database.dataSource.query(
        "SELECT id FROM people WHERE id = ANY($1::uuid[]) AND id NOT IN (SELECT person_id FROM associates) ORDER BY id LIMIT 1",
        [employed.map((row) => row.person_id)],
      );
    const id = `${BRETAGNE}:${localId}`;
    const stage = async () =>
      ((await network.query("query ($id: ID!) { person(id: $id) { stage } }", { id }, tokens.bretagne)).data?.person as { stage: string })
        .stage;
    expect(await stage()).toBe("EMPLOYMENT_CONTRACT");

    const admitted = await network.query(
      `mutation ($id: ID!) { admitAssociate(input: { personId: $id, admittedOn: "2026-11-25", shares: 2, shareValueCents: "5000" }) { stage associate { capitalCents } } }`,
      { id },
      tokens.bretagne,
    );
    expect(admitted.errors).toBeUndefined();
    expect(admitted.data?.admitAssociate).toEqual({ stage: "ASSOCIATE", associate: { capitalCents: "10000" } });

    const exited = await network.query(
      `mutation ($id: ID!) { recordExit(input: { personId: $id, exitedOn: "2026-11-28", reason: OWN_COMPANY, employmentEndMode: RESIGNATION }) { stage exit { reason } } }`,
      { id },
      tokens.bretagne,
    );
    expect(exited.data?.recordExit).toEqual({ stage: "EXITED", exit: { reason: "OWN_COMPANY" } });
    expect(await stage()).toBe("EXITED");
    // The exit ended the employment contract in force, on the exit day, with the mode given.
    await network.settled();
    const [cesa] = await network
      .subgraph(BRETAGNE, "contracts")
      .database.dataSource.query(
        "SELECT status, ended_on::text AS ended_on, end_reason FROM contracts WHERE person_id = $1 AND kind = 'EMPLOYMENT' AND ends_on IS NULL",
        [localId],
      );
    expect(cesa).toEqual({ status: "ENDED", ended_on: "2026-11-28", end_reason: "RESIGNATION" });
  });

  it("reports each cooperative's subgraphs as up in /health, without a token, with the events waiting between them", async () => {
    await network.settled();
    const health: unknown = await (await fetch(new URL("/health", network.gateway.url))).json();
    const delivered = { backlog: 0, parked: 0, oldestUndeliveredAt: null };
    expect(health).toMatchObject({
      status: "ok",
      cooperatives: [
        { id: ALPES, subgraphs: { members: "up", contracts: "up", finance: "up" }, events: delivered },
        { id: BRETAGNE, events: delivered },
      ],
    });
  });
});

describe("the network with a cooperative down", () => {
  let network: TestNetwork;
  let silent: Server;
  const sockets: Socket[] = [];
  let analyst: string;

  beforeAll(async () => {
    // A cooperative that accepts connections and never answers: the timeout must end the wait.
    silent = createServer((socket) => sockets.push(socket)).listen(0, "127.0.0.1");
    await new Promise((resolve) => silent.once("listening", resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    network = await startTestNetwork([ALPES, BRETAGNE], {
      // Long enough for the live cooperatives to answer on a busy machine; the silent one never does.
      timeoutMs: 8000,
      extraRegistry: [
        { id: "silent-coop", name: "Silent", region: "Normandie", subgraphs: { members: url, contracts: url, finance: url } },
      ],
    });
    analyst = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
  });
  afterAll(async () => {
    await network?.stop();
    sockets.forEach((socket) => socket.destroy());
    silent?.close();
  });

  it("still answers for the others, with null and an error naming each missing cooperative", async () => {
    await network.subgraph(ALPES, "members").stop();
    const result = await network.query(
      `query ($a: ID!, $b: ID!, $c: ID!) { a: cooperative(id: $a) { id profile { legalName } } b: cooperative(id: $b) { id profile { legalName } } c: cooperative(id: $c) { id profile { legalName } } }`,
      { a: ALPES, b: BRETAGNE, c: "silent-coop" },
      analyst,
    );
    const profileOf = (key: string) => (result.data?.[key] as { profile: { legalName: string } | null } | null)?.profile ?? null;
    expect(profileOf("a")).toBeNull();
    expect(profileOf("b")).toEqual({ legalName: expect.any(String) });
    expect(profileOf("c")).toBeNull();

    const unavailable = (result.errors ?? []).filter((error) => error.extensions?.code === "COOPERATIVE_UNAVAILABLE");
    expect(unavailable.map((error) => error.extensions?.cooperativeId).sort()).toEqual([ALPES, "silent-coop"]);
    expect(unavailable.find((error) => error.extensions?.cooperativeId === "silent-coop")?.message).toMatch(/no answer within 8000 ms/);
    // Each error points at the part that is missing.
    expect(unavailable.find((error) => error.extensions?.cooperativeId === ALPES)?.path?.[0]).toBe("a");
    expect(unavailable.find((error) => error.extensions?.cooperativeId === "silent-coop")?.path?.[0]).toBe("c");
  });

  it("keeps, in a list of every cooperative, those that answered when one cooperative's finance and contracts are silent", async () => {
    const result = await network.query(
      `{ cooperatives(first: 10) { edges { node { id name financeIndicators(from: "2026-01-01", to: "2026-01-31") { revenueInvoicedCents }
           contractDeadlines(withinDays: 30) { kind } } } }
         network { indicators(from: "2026-01-01", to: "2026-01-31") { missingCooperatives { id } } } }`,
      {},
      analyst,
    );
    // Before, a non-null finance field of the silent cooperative nulled the whole answer.
    const nodes = (result.data?.cooperatives as { edges: { node: { id: string; name: string } }[] }).edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.id)).toEqual([ALPES, BRETAGNE, "silent-coop"]);
    expect(nodes.every((node) => node.name.length > 0)).toBe(true);
    const missing = (result.data?.network as { indicators: { missingCooperatives: { id: string }[] } }).indicators.missingCooperatives;
    expect(missing.map((cooperative) => cooperative.id)).toContain("silent-coop");
    const unavailable = (result.errors ?? []).filter((error) => error.extensions?.code === "COOPERATIVE_UNAVAILABLE");
    // The silent cooperative, and the one whose members were stopped above (deadlines need its people): never Bretagne.
    const unavailableIds = new Set(unavailable.map((error) => error.extensions?.cooperativeId));
    expect(unavailableIds).toContain("silent-coop");
    expect([...unavailableIds].filter((id) => id !== "silent-coop" && id !== ALPES)).toEqual([]);
  });

  it("gives the counselor of the stopped cooperative null and the reason, not a hang", async () => {
    const counselor = await network.token({ sub: "counselor-a", role: "COUNSELOR", coop: ALPES });
    const result = await network.query(PEOPLE_OF, { id: ALPES, first: 5 }, counselor);
    expect(result.data).toEqual({ cooperative: { id: ALPES, name: `Coopérative ${ALPES}`, people: null } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "COOPERATIVE_UNAVAILABLE", cooperativeId: ALPES, subgraph: "members" });
  });

  it("shows the stopped subgraphs as down in /health", async () => {
    const response = await fetch(new URL("/health", network.gateway.url));
    expect(response.status).toBe(200);
    const health = (await response.json()) as { status: string; cooperatives: unknown };
    expect(health.status).toBe("degraded");
    // The events of the subgraphs that answer; none for a cooperative whose subgraphs all are down.
    const delivered = { backlog: 0, parked: 0, oldestUndeliveredAt: null };
    expect(health.cooperatives).toEqual([
      { id: ALPES, subgraphs: { members: "down", contracts: "up", finance: "up" }, events: delivered },
      { id: BRETAGNE, subgraphs: { members: "up", contracts: "up", finance: "up" }, events: delivered },
      { id: "silent-coop", subgraphs: { members: "down", contracts: "down", finance: "down" } },
    ]);
  });
});
