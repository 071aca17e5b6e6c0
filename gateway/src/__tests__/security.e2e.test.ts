import { createTestAuth, type TestAuth, startTestNetwork, type GraphQLResult, type TestNetwork } from "@cae/tools";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { DEFAULT_SUPERGRAPH_FILE } from "../config";
import { startGateway, type RunningGateway } from "../gateway";
import { DEFAULT_QUERY_LIMITS } from "../limits/limits";

const ALPES = "alpes-entreprendre";
const BRETAGNE = "bretagne-cooperer";
const PERSON_NAME = "query ($id: ID!) { person(id: $id) { id firstName lastName } }";
const ENTITIES_NAME = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id firstName } } }";

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** The refusal a request must get: the code, and no data at all. */
function expectRefused(result: GraphQLResult, code: string, status: number) {
  expect(result.status).toBe(status);
  expect(result.errors?.[0].extensions?.code).toBe(code);
  expect(result.data ?? null).toBeNull();
}

describe("who may see what", () => {
  let network: TestNetwork;
  let otherAuth: TestAuth;
  let ids: Record<string, string[]>;
  let names: Map<string, string>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    network = await startTestNetwork([ALPES, BRETAGNE], { maxBodyBytes: 20_000 });
    otherAuth = await createTestAuth();
    ids = {};
    names = new Map();
    for (const coop of [ALPES, BRETAGNE]) {
      const rows: { id: string; first_name: string }[] = await network
        .subgraph(coop, "members")
        .database.dataSource.query("SELECT id, first_name FROM people ORDER BY id LIMIT 3");
      ids[coop] = rows.map((row) => `${coop}:${row.id}`);
      rows.forEach((row) => names.set(`${coop}:${row.id}`, row.first_name));
    }
    tokens.counselorA = await network.token({ sub: "counselor-a", role: "COUNSELOR", coop: ALPES });
    tokens.adminA = await network.token({ sub: "admin-a", role: "COOP_ADMIN", coop: ALPES });
    tokens.entrepreneurA = await network.token({ sub: "entrepreneur-a", role: "ENTREPRENEUR", coop: ALPES, person: ids[ALPES][0] });
    tokens.analyst = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
  });
  afterAll(async () => {
    await network?.stop();
    otherAuth?.remove();
  });

  describe("tokens, at the gateway and directly at a subgraph", () => {
    const forged: [string, () => Promise<string | undefined>][] = [
      ["no token", async () => undefined],
      [
        "an expired token",
        () => network.token({ sub: "x", role: "COUNSELOR", coop: ALPES }, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
      ],
      ["a token signed by another key", () => otherAuth.token({ sub: "x", role: "COUNSELOR", coop: ALPES })],
      ["a token of another issuer", () => network.token({ sub: "x", role: "COUNSELOR", coop: ALPES }, { issuer: "urn:someone-else" })],
      ["a token for another audience", () => network.token({ sub: "x", role: "COUNSELOR", coop: ALPES }, { audience: "another-api" })],
      [
        "an unsigned token (alg none)",
        async () =>
          `${base64url({ alg: "none", typ: "JWT" })}.${base64url({ sub: "x", role: "COOP_ADMIN", coop: ALPES, iss: "urn:cae-network:development", aud: "cae-network", exp: 9999999999 })}.`,
      ],
      [
        "an HMAC token keyed with the public key",
        async () => {
          // The classic algorithm confusion: the public key, which anyone has, used as an HMAC secret.
          const publicPem = network.auth.key.kind === "pem" ? network.auth.key.pem : "";
          const claims = {
            sub: "x",
            role: "COOP_ADMIN",
            coop: ALPES,
            iss: "urn:cae-network:development",
            aud: "cae-network",
            exp: 9999999999,
          };
          const unsigned = `${base64url({ alg: "HS256", typ: "JWT" })}.${base64url(claims)}`;
          return `${unsigned}.${createHmac("sha256", publicPem).update(unsigned).digest("base64url")}`;
        },
      ],
      ["a token whose claims make no caller", () => network.token({ sub: "x", role: "COUNSELOR" })],
    ];

    it.each(forged)("refuses %s with UNAUTHENTICATED (401) and no data", async (_name, makeToken) => {
      const token = await makeToken();
      expectRefused(await network.query(PERSON_NAME, { id: ids[ALPES][0] }, token), "UNAUTHENTICATED", 401);
      expectRefused(
        await network.querySubgraph(ALPES, "members", ENTITIES_NAME, { r: [{ __typename: "Person", id: ids[ALPES][0] }] }, token),
        "UNAUTHENTICATED",
        401,
      );
    });

    it("refuses the gateway's own service credential from a client with FORBIDDEN (403) and no data", async () => {
      const service = await network.token({ sub: "gateway", role: "NETWORK_SERVICE" });
      expectRefused(
        await network.query(`{ network { indicators(from: "2026-01-01", to: "2026-12-31") { complete } } }`, {}, service),
        "FORBIDDEN",
        403,
      );
      expectRefused(await network.query(PERSON_NAME, { id: ids[ALPES][0] }, service), "FORBIDDEN", 403);
    });

    it("keeps the health endpoints open", async () => {
      expect((await fetch(new URL("/health", network.gateway.url))).status).toBe(200);
      expect((await fetch(new URL("/health", network.subgraph(ALPES, "members").url))).status).toBe(200);
    });
  });

  describe("tenancy", () => {
    it("refuses a cooperative's token at another cooperative's subgraph, even sent there directly", async () => {
      const direct = await network.querySubgraph(
        BRETAGNE,
        "members",
        ENTITIES_NAME,
        { r: [{ __typename: "Person", id: ids[BRETAGNE][0] }] },
        tokens.counselorA,
      );
      expectRefused(direct, "FORBIDDEN", 403);
      const throughGateway = await network.query(PERSON_NAME, { id: ids[BRETAGNE][0] }, tokens.counselorA);
      expect(throughGateway.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(throughGateway.data).toEqual({ person: null });
      const list = await network.query(`{ cooperative(id: "${BRETAGNE}") { id people { totalCount } } }`, {}, tokens.counselorA);
      expect(list.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", cooperativeId: BRETAGNE });
      expect(list.data).toEqual({ cooperative: { id: BRETAGNE, people: null } });
    });

    it("lets an entrepreneur read their own records and nobody else's", async () => {
      const own = await network.query(
        "query ($id: ID!) { person(id: $id) { firstName contracts { totalCount } activityAccounts { totalCount } } }",
        { id: ids[ALPES][0] },
        tokens.entrepreneurA,
      );
      expect(own.errors).toBeUndefined();
      expect(own.data?.person).toMatchObject({ firstName: names.get(ids[ALPES][0]) });

      const other = await network.query(PERSON_NAME, { id: ids[ALPES][1] }, tokens.entrepreneurA);
      expect(other.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(other.data).toEqual({ person: null });
      expect(JSON.stringify(other)).not.toContain(names.get(ids[ALPES][1]));

      const list = await network.query(`{ cooperative(id: "${ALPES}") { people { totalCount } } }`, {}, tokens.entrepreneurA);
      expect(list.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(list.data).toEqual({ cooperative: { people: null } });
    });

    it("gives a network analyst no person, no contract, no account, no activity, no exact figure: at the gateway or at a subgraph", async () => {
      const id = ids[ALPES][1];
      const person = await network.query(PERSON_NAME, { id }, tokens.analyst);
      expect(person.data).toEqual({ person: null });
      expect(person.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(person)).not.toContain(names.get(id));
      const stage = await network.query("query ($id: ID!) { person(id: $id) { id welcomeStage } }", { id }, tokens.analyst);
      expect(stage.data).toEqual({ person: null });

      // Straight at each subgraph, every entity of a person's is refused, found or not (no existence oracle).
      const representations: Record<string, { __typename: string; id: string }[]> = {
        members: [{ __typename: "Person", id }],
        contracts: [
          { __typename: "Person", id },
          { __typename: "Contract", id },
        ],
        finance: [
          { __typename: "Person", id },
          { __typename: "ActivityAccount", id },
        ],
      };
      for (const [subgraph, r] of Object.entries(representations)) {
        const direct = await network.querySubgraph(
          ALPES,
          subgraph as "members",
          "query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Person { id } } }",
          { r },
          tokens.analyst,
        );
        expect(direct.data?._entities).toEqual(r.map(() => null));
        expect(direct.errors?.every((error) => error.extensions?.code === "FORBIDDEN")).toBe(true);
        expect(JSON.stringify(direct)).not.toContain(names.get(id));
      }

      // The field the gateway's schema hides, straight at the contracts subgraph: every contracted person's ID.
      const milestones = await network.querySubgraph(
        ALPES,
        "contracts",
        "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Cooperative { contractMilestones { personId } } } }",
        { r: [{ __typename: "Cooperative", id: ALPES }] },
        tokens.analyst,
      );
      expect(milestones.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(milestones)).not.toContain(`${ALPES}:`);

      // A cooperative's exact figures, through the gateway and at its subgraphs.
      const exact = await network.query(
        `{ cooperative(id: "${ALPES}") { membersIndicators(from: "2026-01-01", to: "2026-12-31") { people }
           financeIndicators(from: "2026-01-01", to: "2026-12-31") { largestActivityRevenueCents } } }`,
        {},
        tokens.analyst,
      );
      expect(exact.errors?.map((error) => error.extensions?.code)).toContain("FORBIDDEN");
      expect(JSON.stringify(exact.data)).not.toMatch(/people"?:\s*\d|largestActivityRevenueCents"?:\s*"/);
    });

    it("lets an entrepreneur follow their own workshop to its other participants without reading them", async () => {
      const [own, ...others] = ids[ALPES];
      const [counselor] = await network
        .subgraph(ALPES, "members")
        .database.dataSource.query("SELECT id FROM counselors ORDER BY id LIMIT 1");
      const recorded = await network.query(
        "mutation ($input: RecordSupportSessionInput!) { recordSupportSession(input: $input) { id } }",
        {
          input: {
            counselorId: `${ALPES}:${counselor.id}`,
            personIds: [own, ...others],
            heldOn: "2026-03-10",
            durationMinutes: 90,
            topic: "COMMERCIAL",
            kind: "WORKSHOP",
            notes: "Notes on each participant",
          },
        },
        tokens.counselorA,
      );
      expect(recorded.errors).toBeUndefined();
      const entrepreneur = await network.token({ sub: "own", role: "ENTREPRENEUR", coop: ALPES, person: own });
      const walk = await network.query(
        `query ($id: ID!) { person(id: $id) { id supportSessions { edges { node { kind notes people { id firstName email phone birthYear
           supportSessions { totalCount } } } } } } }`,
        { id: own },
        entrepreneur,
      );
      expect(walk.errors).toBeUndefined();
      const sessions = (
        walk.data?.person as { supportSessions: { edges: { node: { kind: string; people: { id: string }[] } }[] } }
      ).supportSessions.edges.map((edge) => edge.node);
      const workshop = sessions.find((session) => session.kind === "WORKSHOP")!;
      expect(workshop.people.map((person) => person.id)).toEqual([own]);
      for (const other of others) {
        expect(JSON.stringify(walk)).not.toContain(other);
        expect(JSON.stringify(walk)).not.toContain(names.get(other));
      }
      // By ID, another participant is refused.
      const other = await network.query(PERSON_NAME, { id: others[0] }, entrepreneur);
      expect(other.data).toEqual({ person: null });
      expect(other.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    });

    it("shows the registry's endpoints to network roles only", async () => {
      const query = "{ cooperatives { edges { node { id endpoints { members } } } } }";
      const analyst = await network.query(query, {}, tokens.analyst);
      expect(analyst.errors).toBeUndefined();
      expect(analyst.data?.cooperatives).toMatchObject({
        edges: [{ node: { id: ALPES, endpoints: { members: network.subgraph(ALPES, "members").url } } }, {}],
      });
      const counselor = await network.query(query, {}, tokens.counselorA);
      expect(counselor.errors?.[0]).toMatchObject({
        extensions: { code: "FORBIDDEN" },
        path: ["cooperatives", "edges", 0, "node", "endpoints"],
      });
      expect(JSON.stringify(counselor.data)).not.toContain("127.0.0.1");
    });

    it("lets only the cooperative's staff change its records", async () => {
      const count = async () =>
        (await network.subgraph(ALPES, "members").database.dataSource.query("SELECT count(*)::int AS n FROM people"))[0].n;
      const before = await count();
      const register = `mutation { registerPerson(input: { cooperativeId: "${ALPES}", firstName: "Inès", lastName: "Roux", firstContactOn: "2026-11-20" }) { id } }`;
      for (const token of [tokens.entrepreneurA, tokens.analyst]) {
        const refused = await network.query(register, {}, token);
        expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
        expect(refused.data).toBeNull();
      }
      expect(await count()).toBe(before);
    });
  });

  describe("limits at the gateway", () => {
    it("refuses a too-deep query", async () => {
      const deep = `{ cooperative(id: "${ALPES}") { ${"people { edges { node { cooperative { ".repeat(3)} id ${"} } } } ".repeat(3)} } }`;
      expectRefused(await network.query(deep, {}, tokens.counselorA), "QUERY_TOO_DEEP", 400);
    });

    it("refuses an alias flood", async () => {
      const flood = `{ ${Array.from({ length: DEFAULT_QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: cooperatives { totalCount }`).join(" ")} }`;
      expectRefused(await network.query(flood, {}, tokens.counselorA), "TOO_MANY_ALIASES", 400);
    });

    it("refuses an oversized page at the gateway, and the subgraph refuses it too", async () => {
      const page = `{ cooperative(id: "${ALPES}") { people(first: 500) { totalCount } } }`;
      expectRefused(await network.query(page, {}, tokens.counselorA), "PAGE_TOO_LARGE", 400);
      const direct = await network.querySubgraph(
        ALPES,
        "members",
        "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Cooperative { people(first: 500) { totalCount } } } }",
        { r: [{ __typename: "Cooperative", id: ALPES }] },
        tokens.counselorA,
      );
      expect(direct.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    });

    it("refuses an oversized request body with 413", async () => {
      const response = await fetch(network.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tokens.counselorA}` },
        body: JSON.stringify({ query: `{ cooperatives { totalCount } } # ${"x".repeat(25_000)}` }),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    });
  });

  describe("production", () => {
    let production: RunningGateway;
    beforeAll(async () => {
      production = await startGateway({
        registry: network.registry,
        supergraphSdl: readFileSync(DEFAULT_SUPERGRAPH_FILE, "utf8"),
        port: 0,
        host: "127.0.0.1",
        // No test here is about deadlines: long enough for a busy machine.
        cooperativeTimeoutMs: 30_000,
        production: true,
        logLevel: "silent",
        auth: network.auth,
        limits: DEFAULT_QUERY_LIMITS,
        maxBodyBytes: 1_000_000,
      });
    });
    afterAll(() => production?.stop());

    it("turns introspection off and keeps stack traces out of errors", async () => {
      const post = async (query: string) => {
        const response = await fetch(production.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${tokens.counselorA}` },
          body: JSON.stringify({ query }),
        });
        return (await response.json()) as GraphQLResult;
      };
      const introspection = await post("{ __schema { types { name } } }");
      expect(introspection.errors?.[0].message).toMatch(/introspection/i);
      // A misspelt field names no real one ("Did you mean").
      const misspelt = await post("{ cooperatives { totalCont } }");
      expect(misspelt.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(JSON.stringify(misspelt)).not.toMatch(/Did you mean|totalCount/);
      const bad = await post('{ person(id: "nonsense") { id } }');
      expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(JSON.stringify(bad)).not.toContain("stacktrace");
    });
  });

  describe("the audit trail", () => {
    it("records every mutation with who, what, which entity and when, readable by the cooperative's admin", async () => {
      const registered = await network.query(
        `mutation { registerPerson(input: { cooperativeId: "${ALPES}", firstName: "Léa", lastName: "Morel", firstContactOn: "2026-11-21" }) { id } }`,
        {},
        tokens.counselorA,
      );
      const personId = (registered.data?.registerPerson as { id: string }).id;
      const received = await network.query(
        `mutation ($id: ID!) { recordReception(input: { personId: $id, receivedOn: "2026-11-21", projectSummary: "Céramique", projectProgress: IDEA, sector: CRAFTS, decision: ADMITTED }) { id } }`,
        { id: personId },
        tokens.counselorA,
      );
      expect(received.errors).toBeUndefined();
      await network.settled();
      const opened = await network.query(
        `mutation ($id: ID!) { openActivityAccount(input: { personId: $id, label: "Céramique", sector: CRAFTS, openedOn: "2026-11-22" }) { id } }`,
        { id: personId },
        tokens.counselorA,
      );
      expect(opened.errors).toBeUndefined();
      const today = new Date().toISOString().slice(0, 10);
      const trail = await network.query(
        `query ($id: ID!, $entity: ID!, $today: Date!) { cooperative(id: $id) {
           membersAuditTrail(entityId: $entity, from: $today, to: $today) { totalCount edges { node { action actorSubject actorRole entityType entityId details occurredAt } } }
           financeAuditTrail(entityType: "ActivityAccount", first: 1) { edges { node { action actorSubject details } } } } }`,
        { id: ALPES, entity: personId, today },
        tokens.adminA,
      );
      expect(trail.errors).toBeUndefined();
      const cooperative = trail.data?.cooperative as {
        membersAuditTrail: { totalCount: number; edges: { node: Record<string, string> }[] };
        financeAuditTrail: { edges: { node: Record<string, string> }[] };
      };
      // Newest first: the reception that admitted them, then their registration.
      expect(cooperative.membersAuditTrail.totalCount).toBe(2);
      expect(cooperative.membersAuditTrail.edges.map((edge) => edge.node.action)).toEqual(["recordReception", "registerPerson"]);
      expect(cooperative.membersAuditTrail.edges[1].node).toMatchObject({
        action: "registerPerson",
        actorSubject: "counselor-a",
        actorRole: "COUNSELOR",
        entityType: "Person",
        entityId: personId,
      });
      expect(JSON.parse(cooperative.membersAuditTrail.edges[1].node.details)).toMatchObject({ lastName: "Morel" });
      expect(cooperative.financeAuditTrail.edges[0].node).toMatchObject({ action: "openActivityAccount", actorSubject: "counselor-a" });
      expect(JSON.parse(cooperative.financeAuditTrail.edges[0].node.details)).toMatchObject({ personId, label: "Céramique" });

      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const none = await network.query(
        `query ($id: ID!, $from: Date!) { cooperative(id: $id) { membersAuditTrail(from: $from) { totalCount } } }`,
        { id: ALPES, from: tomorrow },
        tokens.adminA,
      );
      expect(none.data).toEqual({ cooperative: { membersAuditTrail: { totalCount: 0 } } });
    });

    it("writes no audit row for a refused mutation, and shows the trail to admins only", async () => {
      const audit = network.subgraph(ALPES, "members").database.dataSource;
      const [before] = await audit.query("SELECT count(*)::int AS n FROM audit_events");
      const refused = await network.query(
        `mutation { registerPerson(input: { cooperativeId: "${ALPES}", firstName: "Léa", lastName: "Morel", email: "nope", firstContactOn: "2026-11-21" }) { id } }`,
        {},
        tokens.counselorA,
      );
      expect(refused.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(await audit.query("SELECT count(*)::int AS n FROM audit_events")).toEqual([before]);

      const counselor = await network.query(`{ cooperative(id: "${ALPES}") { membersAuditTrail { totalCount } } }`, {}, tokens.counselorA);
      expect(counselor.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(counselor.data).toEqual({ cooperative: { membersAuditTrail: null } });
    });
  });
});
