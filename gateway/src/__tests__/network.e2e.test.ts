import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { tryDecodeId } from "@cae/shared";
import { startTestNetwork, type TestNetwork } from "../testing/network";

const ALPES = "alpes-entreprendre";
const BRETAGNE = "bretagne-cooperer";

const PEOPLE_OF_EVERY_COOPERATIVE = `
  query People($first: Int) {
    cooperatives {
      edges { node { id name people(first: $first) { totalCount edges { node { id lastName cooperative { id name } } } } } }
    }
  }`;

type PeopleResult = {
  cooperatives: {
    edges: {
      node: {
        id: string;
        people: { totalCount: number; edges: { node: { id: string; cooperative: { id: string; name: string } } }[] } | null;
      };
    }[];
  };
};

/** The IDs the cooperative's own members database holds. */
async function idsInDatabase(network: TestNetwork, cooperativeId: string): Promise<Set<string>> {
  const rows: { id: string }[] = await network.subgraph(cooperativeId, "members").database.dataSource.query("SELECT id FROM people");
  return new Set(rows.map((row) => `${cooperativeId}:${row.id}`));
}

describe("the federated network, end to end over HTTP", () => {
  let network: TestNetwork;

  beforeAll(async () => {
    network = await startTestNetwork([ALPES, BRETAGNE], { timeoutMs: 1500 });
  });
  afterAll(() => network?.stop());

  it("lists the registry's cooperatives, filtered by region", async () => {
    const all = await network.query("{ cooperatives { totalCount edges { node { id name region } } } }");
    expect(all.data?.cooperatives).toMatchObject({
      totalCount: 2,
      edges: [{ node: { id: ALPES } }, { node: { id: BRETAGNE, region: "Bretagne" } }],
    });
    const breton = await network.query('{ cooperatives(region: "Bretagne") { edges { node { id } } } }');
    expect(breton.data?.cooperatives).toEqual({ edges: [{ node: { id: BRETAGNE } }] });
  });

  it("reads the people of two cooperatives in one query, each from its own database", async () => {
    const result = await network.query(PEOPLE_OF_EVERY_COOPERATIVE, { first: 50 });
    expect(result.errors).toBeUndefined();
    const [alpes, bretagne] = (result.data as PeopleResult).cooperatives.edges.map((edge) => edge.node);
    const alpesIds = await idsInDatabase(network, ALPES);
    const bretagneIds = await idsInDatabase(network, BRETAGNE);
    expect(alpes.people?.totalCount).toBe(alpesIds.size);
    expect(bretagne.people?.totalCount).toBe(bretagneIds.size);
    for (const [cooperative, ownIds, otherIds] of [
      [alpes, alpesIds, bretagneIds],
      [bretagne, bretagneIds, alpesIds],
    ] as const) {
      expect(cooperative.people?.edges).toHaveLength(50);
      for (const { node } of cooperative.people!.edges) {
        expect(tryDecodeId(node.id)?.cooperativeId).toBe(cooperative.id);
        expect(ownIds.has(node.id)).toBe(true);
        expect(otherIds.has(node.id)).toBe(false);
        expect(node.cooperative).toEqual({ id: cooperative.id, name: `Coopérative ${cooperative.id}` });
      }
    }
  });

  it("looks a person up by ID, with contracts and activity accounts from the person's cooperative", async () => {
    const [{ person_id: localId }] = await network
      .subgraph(BRETAGNE, "contracts")
      .database.dataSource.query("SELECT person_id FROM contracts WHERE kind = 'EMPLOYMENT' ORDER BY person_id LIMIT 1");
    const id = `${BRETAGNE}:${localId}`;
    const result = await network.query(
      `query ($id: ID!) { person(id: $id) { id firstName contracts { edges { node { id kind fixedMonthlyPay person { id } } } }
         activityAccounts { edges { node { analyticCode person { id } } } } } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    const person = result.data?.person as {
      id: string;
      firstName: string;
      contracts: { edges: { node: { id: string; kind: string; fixedMonthlyPay: string | null; person: { id: string } } }[] };
    };
    expect(person.id).toBe(id);
    expect(person.firstName).toEqual(expect.any(String));
    const employment = person.contracts.edges.find((edge) => edge.node.kind === "EMPLOYMENT")!.node;
    expect(employment.fixedMonthlyPay).toMatch(/^\d+$/);
    expect(employment.person.id).toBe(id);
    expect(employment.id.startsWith(`${BRETAGNE}:`)).toBe(true);
  });

  it("answers null for a person the cooperative does not have, and a coded error for a bad ID", async () => {
    const missing = await network.query(`{ person(id: "${ALPES}:00000000-0000-4000-8000-000000000000") { id firstName } }`);
    expect(missing.data).toEqual({ person: null });
    const malformed = await network.query('{ person(id: "nonsense") { id } }');
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    const unknown = await network.query('{ person(id: "nowhere-coop:00000000-0000-4000-8000-000000000000") { id } }');
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
    );
    expect(result.errors).toBeUndefined();
    const person = result.data?.registerPerson as { id: string };
    expect(person).toMatchObject({ lastName: "Le Gall", welcomeStage: "PROSPECT", cooperative: { name: `Coopérative ${BRETAGNE}` } });
    expect((await idsInDatabase(network, BRETAGNE)).has(person.id)).toBe(true);
    expect((await idsInDatabase(network, ALPES)).has(person.id)).toBe(false);

    const account = await network.query(
      `mutation ($input: OpenActivityAccountInput!) { openActivityAccount(input: $input) { id analyticCode person { id lastName } } }`,
      { input: { personId: person.id, label: "Traduction bretonne", sector: "SERVICES", openedOn: "2026-11-25" } },
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
    );
    expect(unknown.errors?.[0]).toMatchObject({ message: expect.stringContaining('"nowhere-coop"'), extensions: { code: "NOT_FOUND" } });
    const blank = await network.query(
      `mutation { registerPerson(input: { cooperativeId: "${ALPES}", firstName: "  ", lastName: "B", firstContactOn: "2026-11-20" }) { id } }`,
    );
    expect(blank.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.firstName" });
    const foreign = await network.query(
      `mutation { openActivityAccount(input: { personId: "not-an-id", label: "X", sector: OTHER, openedOn: "2026-11-20" }) { id } }`,
    );
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: "UNROUTABLE_OPERATION" });
  });

  it("costs a bounded number of SQL statements per cooperative, whatever the number of people", async () => {
    const contractsDb = network.subgraph(ALPES, "contracts").database;
    const financeDb = network.subgraph(ALPES, "finance").database;
    const membersDb = network.subgraph(ALPES, "members").database;
    const before = [membersDb.statementCount, contractsDb.statementCount, financeDb.statementCount];
    const result = await network.query(
      `{ cooperative(id: "${ALPES}") { people(first: 100) { edges { node { id contracts { totalCount edges { node { kind person { id lastName } } } } activityAccounts { totalCount } } } } } }`,
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

  it("reports each cooperative's subgraphs as up in /health", async () => {
    const health: unknown = await (await fetch(new URL("/health", network.gateway.url))).json();
    expect(health).toMatchObject({
      status: "ok",
      cooperatives: [{ id: ALPES, subgraphs: { members: "up", contracts: "up", finance: "up" } }, { id: BRETAGNE }],
    });
  });
});

describe("the network with a cooperative down", () => {
  let network: TestNetwork;
  let silent: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // A cooperative that accepts connections and never answers: the timeout must end the wait.
    silent = createServer((socket) => sockets.push(socket)).listen(0, "127.0.0.1");
    await new Promise((resolve) => silent.once("listening", resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    network = await startTestNetwork([ALPES, BRETAGNE], {
      timeoutMs: 1000,
      extraRegistry: [
        { id: "silent-coop", name: "Silent", region: "Normandie", subgraphs: { members: url, contracts: url, finance: url } },
      ],
    });
    await network.subgraph(ALPES, "members").stop();
  });
  afterAll(async () => {
    await network?.stop();
    sockets.forEach((socket) => socket.destroy());
    silent?.close();
  });

  it("still answers for the others, with null and an error naming each missing cooperative", async () => {
    const result = await network.query(PEOPLE_OF_EVERY_COOPERATIVE, { first: 5 });
    const nodes = (result.data as PeopleResult).cooperatives.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.id)).toEqual([ALPES, BRETAGNE, "silent-coop"]);
    expect(nodes[0].people).toBeNull();
    expect(nodes[1].people?.edges).toHaveLength(5);
    expect(nodes[2].people).toBeNull();

    const unavailable = (result.errors ?? []).filter((error) => error.extensions?.code === "COOPERATIVE_UNAVAILABLE");
    expect(unavailable.map((error) => error.extensions?.cooperativeId).sort()).toEqual([ALPES, "silent-coop"]);
    expect(unavailable.find((error) => error.extensions?.cooperativeId === "silent-coop")?.message).toMatch(/no answer within 1000 ms/);
    // Each error points at the cooperative whose part is missing.
    expect(unavailable.find((error) => error.extensions?.cooperativeId === ALPES)?.path).toEqual(["cooperatives", "edges", 0, "node"]);
    expect(unavailable.find((error) => error.extensions?.cooperativeId === "silent-coop")?.path).toEqual([
      "cooperatives",
      "edges",
      2,
      "node",
    ]);
  });

  it("shows the stopped subgraphs as down in /health", async () => {
    const response = await fetch(new URL("/health", network.gateway.url));
    expect(response.status).toBe(200);
    const health = (await response.json()) as { status: string; cooperatives: unknown };
    expect(health.status).toBe("degraded");
    expect(health.cooperatives).toEqual([
      { id: ALPES, subgraphs: { members: "down", contracts: "up", finance: "up" } },
      { id: BRETAGNE, subgraphs: { members: "up", contracts: "up", finance: "up" } },
      { id: "silent-coop", subgraphs: { members: "down", contracts: "down", finance: "down" } },
    ]);
  });
});
