import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createTestDatabase, databaseBackends, execute, startTestNetworkSubgraph, testCaller } from "@cae/tools/testing";
import { createNetworkSubgraphServer, type NetworkSubgraphServer } from "../../server";

const admin = testCaller("NETWORK_ADMIN");
const analyst = testCaller("NETWORK_ANALYST");
const DEMO_REGISTRY = resolve(__dirname, "../../../../../gateway/registry.demo.json");
const REGISTRY = `query ($all: Boolean) { registry(includeWithdrawn: $all) { cooperativeId name region departement endpoints { members contracts finance } joinedOn withdrawnOn withdrawalReason } }`;
const REGISTER = `mutation ($input: RegisterCooperativeInput!) { registerCooperative(input: $input) { cooperativeId name region departement endpoints { members } joinedOn } }`;
const UPDATE = `mutation ($input: UpdateCooperativeRegistrationInput!) { updateCooperativeRegistration(input: $input) { cooperativeId name endpoints { finance } } }`;
const WITHDRAW = `mutation ($input: WithdrawCooperativeInput!) { withdrawCooperative(input: $input) { cooperativeId withdrawnOn withdrawalReason } }`;
const TRAIL = `{ networkAuditTrail(first: 50) { edges { node { action entityType entityId actorSubject actorRole details } } } }`;

const loire = (overrides: Record<string, unknown> = {}) => ({
  cooperativeId: "loire-entreprendre",
  name: "Loire Entreprendre",
  region: "Pays de la Loire",
  departement: "44",
  endpoints: {
    members: "http://127.0.0.1:4131/graphql",
    contracts: "http://127.0.0.1:4132/graphql",
    finance: "http://127.0.0.1:4133/graphql",
  },
  joinedOn: "2026-11-02",
  ...overrides,
});

describe.each(databaseBackends())("the network's registry on %s PostgreSQL", (backend) => {
  let server: NetworkSubgraphServer & { stop(): Promise<void> };

  beforeAll(async () => {
    server = await startTestNetworkSubgraph(backend, { registrySeedFile: DEMO_REGISTRY });
  });
  afterAll(() => server?.stop());

  it("starts from the registry file, each entry audited as the file's", async () => {
    const { data, errors } = await execute(server, REGISTRY, {}, analyst);
    expect(errors).toBeUndefined();
    const registry = data!.registry as { cooperativeId: string; departement: string }[];
    expect(registry.map((c) => [c.cooperativeId, c.departement])).toEqual([
      ["alpes-entreprendre", "38"],
      ["bretagne-cooperer", "35"],
      ["garonne-activites", "31"],
    ]);
    const trail = await execute(server, TRAIL, {}, admin);
    const actions = (trail.data!.networkAuditTrail as { edges: { node: { action: string; actorSubject: string } }[] }).edges.map(
      (e) => e.node,
    );
    expect(actions.filter((a) => a.action === "seedRegistry")).toHaveLength(3);
    expect(actions[0].actorSubject).toBe("registry file registry.demo.json");
  });

  it("registers, corrects and withdraws a cooperative, each change audited with its author", async () => {
    const registered = await execute(server, REGISTER, { input: loire() }, admin);
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerCooperative).toMatchObject({
      cooperativeId: "loire-entreprendre",
      departement: "44",
      joinedOn: "2026-11-02",
    });

    const updated = await execute(
      server,
      UPDATE,
      {
        input: {
          cooperativeId: "loire-entreprendre",
          endpoints: { ...loire().endpoints, finance: "https://finance.loire.example/graphql" },
        },
      },
      admin,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateCooperativeRegistration).toMatchObject({ endpoints: { finance: "https://finance.loire.example/graphql" } });

    const withdrawn = await execute(
      server,
      WITHDRAW,
      { input: { cooperativeId: "loire-entreprendre", withdrawnOn: "2026-11-30", reason: "Merged with a neighbour" } },
      admin,
    );
    expect(withdrawn.errors).toBeUndefined();

    const current = await execute(server, REGISTRY, {}, analyst);
    expect((current.data!.registry as { cooperativeId: string }[]).map((c) => c.cooperativeId)).not.toContain("loire-entreprendre");
    const all = await execute(server, REGISTRY, { all: true }, analyst);
    expect((all.data!.registry as { cooperativeId: string }[]).find((c) => c.cooperativeId === "loire-entreprendre")).toMatchObject({
      withdrawnOn: "2026-11-30",
      withdrawalReason: "Merged with a neighbour",
    });

    const trail = await execute(server, TRAIL, {}, admin);
    const changes = (trail.data!.networkAuditTrail as { edges: { node: { action: string; entityId: string; actorRole: string } }[] }).edges
      .map((e) => e.node)
      .filter((node) => node.entityId === "loire-entreprendre");
    expect(changes.map((c) => [c.action, c.actorRole])).toEqual([
      ["withdrawCooperative", "NETWORK_ADMIN"],
      ["updateCooperativeRegistration", "NETWORK_ADMIN"],
      ["registerCooperative", "NETWORK_ADMIN"],
    ]);
  });

  it.each([
    ["a slug already taken", { cooperativeId: "alpes-entreprendre" }, "CONFLICT", "input.cooperativeId"],
    ["a malformed slug", { cooperativeId: "Loire Entreprendre" }, "BAD_USER_INPUT", "input.cooperativeId"],
    ["the network's own slug", { cooperativeId: "network" }, "BAD_USER_INPUT", "input.cooperativeId"],
    ["an empty name", { cooperativeId: "rhone-cooperer", name: "  " }, "BAD_USER_INPUT", "input.name"],
    ["an unknown département", { cooperativeId: "rhone-cooperer", departement: "20" }, "BAD_USER_INPUT", "input.departement"],
    [
      "an endpoint that is not http(s)",
      { cooperativeId: "rhone-cooperer", endpoints: { ...loire().endpoints, contracts: "ftp://x/graphql" } },
      "BAD_USER_INPUT",
      "input.endpoints.contracts",
    ],
    ["a joining day in the future", { cooperativeId: "rhone-cooperer", joinedOn: "2999-01-01" }, "BAD_USER_INPUT", "input.joinedOn"],
  ])("refuses %s, naming the field, and registers nothing", async (_case, overrides, code, field) => {
    const before = await execute(server, REGISTRY, { all: true }, analyst);
    const { errors } = await execute(server, REGISTER, { input: loire(overrides) }, admin);
    expect(errors?.[0].extensions).toMatchObject({ code, field });
    const after = await execute(server, REGISTRY, { all: true }, analyst);
    expect(after.data).toEqual(before.data);
  });

  it("refuses a withdrawal before the cooperative joined, and a second one", async () => {
    const early = await execute(
      server,
      WITHDRAW,
      { input: { cooperativeId: "garonne-activites", withdrawnOn: "1999-01-01", reason: "x" } },
      admin,
    );
    expect(early.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.withdrawnOn" });
    const again = await execute(
      server,
      WITHDRAW,
      { input: { cooperativeId: "loire-entreprendre", withdrawnOn: "2026-11-30", reason: "x" } },
      admin,
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: "CONFLICT" });
    const unknown = await execute(server, UPDATE, { input: { cooperativeId: "nowhere", name: "x" } }, admin);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND" });
  });

  it.each(["NETWORK_ANALYST", "NETWORK_SERVICE", "COOP_ADMIN", "COUNSELOR", "ENTREPRENEUR"] as const)(
    "lets no %s change the registry",
    async (role) => {
      const caller = testCaller(
        role,
        role.startsWith("NETWORK") ? undefined : "alpes-entreprendre",
        role === "ENTREPRENEUR" ? "alpes-entreprendre:00000000-0000-4000-8000-000000000001" : undefined,
      );
      const { errors } = await execute(server, REGISTER, { input: loire({ cooperativeId: "rhone-cooperer" }) }, caller);
      expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
    },
  );

  it.each(["COOP_ADMIN", "COUNSELOR", "ENTREPRENEUR"] as const)("shows a %s neither the registry nor its audit trail", async (role) => {
    const caller = testCaller(
      role,
      "alpes-entreprendre",
      role === "ENTREPRENEUR" ? "alpes-entreprendre:00000000-0000-4000-8000-000000000001" : undefined,
    );
    expect((await execute(server, REGISTRY, {}, caller)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await execute(server, TRAIL, {}, caller)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("gives the gateway's credential the registry, and no network analyst the audit trail", async () => {
    expect((await execute(server, REGISTRY, {}, testCaller("NETWORK_SERVICE"))).errors).toBeUndefined();
    expect((await execute(server, TRAIL, {}, analyst)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("resolves to null a cooperative's representation whose id is missing, null, no string or no slug", async () => {
    // Found by the fuzzer (tools/src/fuzz/__tests__/fuzz-network.subgraph.test.ts): an INTERNAL_SERVER_ERROR before.
    const representations = [undefined, null, { nested: true }, 12, "GARONNE", "x".repeat(10_240), "garonne-activites"].map((id) => ({
      __typename: "Cooperative",
      ...(id !== undefined && { id }),
    }));
    const { data, errors } = await execute(
      server,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Cooperative { id } } }`,
      { r: representations },
      analyst,
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([null, null, null, null, null, null, { id: "garonne-activites" }]);
  });
});

describe.each(databaseBackends())("the registry started from a file on %s PostgreSQL", (backend) => {
  it("takes the file whole or not at all: an entry it refuses leaves the registry empty, and the start says why", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cae-registry-seed-"));
    const file = join(dir, "registry.json");
    const demo = JSON.parse(readFileSync(DEMO_REGISTRY, "utf8")) as { cooperatives: { region: string }[] };
    demo.cooperatives[1].region = "x".repeat(101);
    writeFileSync(file, JSON.stringify(demo));
    const database = await createTestDatabase(backend);
    try {
      await expect(createNetworkSubgraphServer(database.config, { registrySeedFile: file })).rejects.toThrow(
        "input.region must be at most 100 characters",
      );
      const server = await createNetworkSubgraphServer(database.config);
      try {
        expect((await execute(server, REGISTRY, { all: true }, analyst)).data!.registry).toEqual([]);
      } finally {
        await server.apollo.stop();
        await server.database.close();
      }
    } finally {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
