import { startTestNetwork, type TestNetwork } from "@cae/tools";

const ALPES = "alpes-entreprendre";
const GARONNE = "garonne-activites";

const COOPERATIVE = `query ($id: ID!) { cooperative(id: $id) { id name region charterInForce { charterVersion inForce } } }`;
const PEOPLE = `query ($id: ID!) { cooperative(id: $id) { people(first: 2) { totalCount } } }`;
const REGISTER = `mutation ($input: RegisterCooperativeInput!) { registerCooperative(input: $input) { cooperativeId name joinedOn } }`;
const WITHDRAW = `mutation ($input: WithdrawCooperativeInput!) { withdrawCooperative(input: $input) { cooperativeId withdrawnOn } }`;
const CHARTER = `mutation ($input: RecordCharterAdherenceInput!) { recordCharterAdherence(input: $input) { charterVersion inForce } }`;
const TRAIL = `{ networkAuditTrail(first: 10, entityId: "${GARONNE}") { edges { node { action actorSubject actorRole } } } }`;

/** Asks again until `done` holds: the gateway reads the registry every 200 ms here; no deadline but the test's own. */
async function until<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  for (;;) {
    const answer = await ask();
    if (done(answer)) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the network's registry, changed through the API and followed by the gateway without a restart", () => {
  let network: TestNetwork;
  const tokens: Record<string, string> = {};
  let garonneUrls: Record<string, string>;

  beforeAll(async () => {
    network = await startTestNetwork([ALPES], { networkSubgraph: true });
    garonneUrls = await network.startCooperative(GARONNE);
    tokens.admin = await network.token({ sub: "network-admin", role: "NETWORK_ADMIN" });
    tokens.analyst = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    tokens.coopAdmin = await network.token({ sub: "admin-a", role: "COOP_ADMIN", coop: ALPES });
    tokens.garonne = await network.token({ sub: "counselor-g", role: "COUNSELOR", coop: GARONNE });
  });
  afterAll(() => network?.stop());

  it("joins a cooperative's registry entry with its charter, read from the network's subgraph", async () => {
    const { data, errors } = await network.query(COOPERATIVE, { id: ALPES }, tokens.analyst);
    expect(errors).toBeUndefined();
    expect(data!.cooperative).toEqual({ id: ALPES, name: `Coopérative ${ALPES}`, region: "Auvergne-Rhône-Alpes", charterInForce: null });
    const signed = await network.query(
      CHARTER,
      { input: { cooperativeId: ALPES, charterVersion: "2024", signedOn: "2024-06-01", signatory: "Claire Martin, gérante" } },
      tokens.admin,
    );
    expect(signed.errors).toBeUndefined();
    const after = await network.query(COOPERATIVE, { id: ALPES }, tokens.analyst);
    expect(after.data!.cooperative).toMatchObject({ charterInForce: { charterVersion: "2024", inForce: true } });
  });

  it("refuses a cooperative's admin a change to the registry, through the gateway", async () => {
    const { errors } = await network.query(
      REGISTER,
      { input: { cooperativeId: GARONNE, name: "Garonne Activités", region: "Occitanie", endpoints: garonneUrls } },
      tokens.coopAdmin,
    );
    expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await network.query(COOPERATIVE, { id: GARONNE }, tokens.analyst)).data!.cooperative).toBeNull();
  });

  it("routes to a cooperative registered through the API within seconds, and stops when it is withdrawn", async () => {
    // Not in the registry yet: the gateway knows no such cooperative.
    const unknown = await network.query(PEOPLE, { id: GARONNE }, tokens.garonne);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.cooperative).toBeNull();

    const registered = await network.query(
      REGISTER,
      { input: { cooperativeId: GARONNE, name: "Garonne Activités", region: "Occitanie", departement: "31", endpoints: garonneUrls } },
      tokens.admin,
    );
    expect(registered.errors).toBeUndefined();

    // The same gateway process, not restarted: it follows the network's registry.
    const listed = await until(
      () => network.query(COOPERATIVE, { id: GARONNE }, tokens.analyst),
      (answer) => answer.data?.cooperative != null,
    );
    expect(listed.data!.cooperative).toMatchObject({ id: GARONNE, name: "Garonne Activités", region: "Occitanie" });
    const people = await network.query(PEOPLE, { id: GARONNE }, tokens.garonne);
    expect(people.errors).toBeUndefined();
    expect((people.data!.cooperative as { people: { totalCount: number } }).people.totalCount).toBeGreaterThan(0);
    expect(network.registry.cooperatives.find((c) => c.id === GARONNE)).toMatchObject({ departement: "31" });

    const withdrawn = await network.query(
      WITHDRAW,
      {
        input: {
          cooperativeId: GARONNE,
          withdrawnOn: (registered.data!.registerCooperative as { joinedOn: string }).joinedOn,
          reason: "Test over",
        },
      },
      tokens.admin,
    );
    expect(withdrawn.errors).toBeUndefined();
    await until(
      () => network.query(COOPERATIVE, { id: GARONNE }, tokens.analyst),
      (answer) => answer.data?.cooperative === null,
    );
    const gone = await network.query(PEOPLE, { id: GARONNE }, tokens.garonne);
    expect(gone.data!.cooperative).toBeNull();
    // Nor is anything of it routed: a person's global ID of that cooperative finds no cooperative.
    const person = await network.query(
      `query ($id: ID!) { person(id: $id) { id } }`,
      { id: `${GARONNE}:00000000-0000-4000-8000-000000000001` },
      tokens.garonne,
    );
    expect(person.errors?.[0].extensions?.code).toBe("NOT_FOUND");

    const trail = await network.query(TRAIL, {}, tokens.admin);
    expect(trail.errors).toBeUndefined();
    const actions = (trail.data!.networkAuditTrail as { edges: { node: { action: string; actorSubject: string } }[] }).edges.map((edge) => [
      edge.node.action,
      edge.node.actorSubject,
    ]);
    expect(actions).toEqual([
      ["withdrawCooperative", "network-admin"],
      ["registerCooperative", "network-admin"],
    ]);
  });

  it("keeps routing by the last registry while the network's subgraph is down, and says its own fields are unavailable", async () => {
    await network.networkSubgraph!.stop();
    const cooperative = await network.query(`query ($id: ID!) { cooperative(id: $id) { id name } }`, { id: ALPES }, tokens.analyst);
    expect(cooperative.errors).toBeUndefined();
    expect(cooperative.data!.cooperative).toEqual({ id: ALPES, name: `Coopérative ${ALPES}` });
    const registry = await network.query(`{ registry { cooperativeId } }`, {}, tokens.analyst);
    expect(registry.errors?.[0].extensions?.code).toBe("NETWORK_UNAVAILABLE");
  });
});
