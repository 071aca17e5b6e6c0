import { createTestAuth, type TestAuth, createTestDatabase } from "@cae/tools/testing";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { members } from "@cae/members";
import { startSubgraph, type Caller, type RunningSubgraph } from "@cae/shared";
import type { GatewayContext } from "../context";
import { CooperativeDeadlines } from "../routing/deadlines";
import type { Registry } from "../registry/registry";
import { reindexed, REQUEST_KINDS, ShardedDataSource } from "../routing/sharded-data-source";

const A = "alpes-entreprendre";
const B = "bretagne-cooperer";
/**
 * The data sources' deadline where no test is about deadlines: long enough for a machine busy with
 * another test run (a subgraph's first answer after its start took more than a second there).
 * The deadlines' own tests, below, set short ones against a cooperative that never answers.
 */
const UNHURRIED_MS = 60_000;

describe("the sharded data source", () => {
  const running: RunningSubgraph<unknown>[] = [];
  let dataSource: ShardedDataSource;
  let registry: Registry;
  const ids: Record<string, string[]> = {};
  let testAuth: TestAuth;
  let analystToken: string;

  beforeAll(async () => {
    testAuth = await createTestAuth();
    analystToken = await testAuth.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    for (const cooperativeId of [A, B]) {
      const subgraph = await startSubgraph(members, {
        cooperativeId,
        port: 0,
        host: "127.0.0.1",
        database: (await createTestDatabase("embedded", { subgraph: "members", demoOf: cooperativeId })).config,
        production: false,
        auth: testAuth.auth,
        logLevel: "silent",
      });
      running.push(subgraph as RunningSubgraph<unknown>);
      const rows: { id: string }[] = await subgraph.database.dataSource.query("SELECT id FROM people ORDER BY id LIMIT 3");
      ids[cooperativeId] = rows.map((row) => `${cooperativeId}:${row.id}`);
    }
    registry = {
      cooperatives: running.map((subgraph, i) => ({
        id: [A, B][i],
        name: [A, B][i],
        region: "R",
        subgraphs: { members: subgraph.url, contracts: subgraph.url, finance: subgraph.url },
      })),
    };
    dataSource = new ShardedDataSource("members", registry, UNHURRIED_MS);
  });
  afterAll(async () => {
    await Promise.all(running.map((subgraph) => subgraph.stop()));
    testAuth?.remove();
  });

  const ANALYST: Caller = { subject: "analyst", role: "NETWORK_ANALYST" };
  /** As the gateway calls it: the caller verified, their token in the headers it forwards. */
  const process = (query: string, variables: Record<string, unknown>, caller: Caller = ANALYST, token = analystToken) =>
    dataSource.process({
      kind: REQUEST_KINDS.incomingOperation,
      request: { query, variables },
      context: { registry, headers: new Headers({ authorization: `Bearer ${token}` }), caller } satisfies GatewayContext,
      incomingRequestContext: {} as never,
    });

  const ENTITIES =
    "query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { id welcomeStage } } }";
  /** Entities a network role may read in any cooperative: the cooperatives themselves (their people are refused). */
  const COOPERATIVES =
    "query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Cooperative { id profile { legalName } } ... on Person { id } } }";

  it("splits an entity fetch by cooperative and puts every answer back in its place", async () => {
    const representations = [A, B, A, B, A].map((id) => ({ __typename: "Cooperative", id }));
    const response = await process(COOPERATIVES, { representations });
    expect(response.errors).toBeUndefined();
    const entities = response.data?._entities as { id: string; profile: { legalName: string } }[];
    expect(entities.map((entity) => entity.id)).toEqual([A, B, A, B, A]);
    const legalNames = await Promise.all(
      running.map(
        async (subgraph) => (await subgraph.database.dataSource.query("SELECT legal_name FROM cooperative_profile"))[0].legal_name,
      ),
    );
    expect(entities.map((entity) => entity.profile.legalName)).toEqual([0, 1, 0, 1, 0].map((i) => legalNames[i]));
  });

  it("answers null, with an error at the right position, for what a cooperative could not or would not resolve", async () => {
    const representations = [
      { __typename: "Cooperative", id: A },
      { __typename: "Person", id: ids[A][0] }, // a person, refused to a network role: its error at its own position
      { __typename: "Cooperative", id: B },
      { __typename: "NoSuchType", id: ids[B][1] }, // refused at its own position: the rest of B's part is answered
      { __typename: "Person", id: "garbage" },
    ];
    const response = await process(COOPERATIVES, { representations });
    const entities = response.data?._entities as ({ id: string } | null)[];
    expect(entities.map((entity) => entity?.id ?? null)).toEqual([A, null, B, null, null]);
    expect(response.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ["_entities", 1], extensions: expect.objectContaining({ code: "FORBIDDEN", cooperativeId: A }) }),
        expect.objectContaining({
          message: expect.stringContaining("NoSuchType"),
          path: ["_entities", 3],
          extensions: expect.objectContaining({ code: "BAD_USER_INPUT", cooperativeId: B }),
        }),
        expect.objectContaining({ path: ["_entities", 4], extensions: { code: "NOT_FOUND" } }),
      ]),
    );
    expect(response.errors).toHaveLength(3);
  });

  it("refuses, without sending it, the part of another cooperative to a cooperative's token", async () => {
    const token = await testAuth.token({ sub: "counselor", role: "COUNSELOR", coop: A });
    const bDatabase = running[1].database;
    const before = bDatabase.statementCount;
    const response = await process(
      ENTITIES,
      { representations: [ids[B][0], ids[A][0]].map((id) => ({ __typename: "Person", id })) },
      { subject: "counselor", role: "COUNSELOR", cooperativeId: A },
      token,
    );
    expect((response.data?._entities as ({ id: string } | null)[]).map((entity) => entity?.id ?? null)).toEqual([null, ids[A][0]]);
    expect(response.errors).toEqual([
      expect.objectContaining({ path: ["_entities", 0], extensions: { code: "FORBIDDEN", cooperativeId: B } }),
    ]);
    expect(bDatabase.statementCount).toBe(before);
  });

  it("moves an error of one entity of a part to that entity's position in the whole fetch", () => {
    expect(reindexed({ message: "x", path: ["_entities", 1, "lastName"] }, [2, 5], B)).toEqual({
      message: "x",
      path: ["_entities", 5, "lastName"],
      extensions: { cooperativeId: B },
    });
    expect(reindexed({ message: "y" }, [2, 5], B)).toEqual({ message: "y", extensions: { cooperativeId: B } });
  });

  it("refuses an operation that names no cooperative or several", async () => {
    const none = await process("mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }", {
      input: { firstName: "x" },
    });
    expect(none.errors?.[0].extensions).toEqual({ code: "UNROUTABLE_OPERATION" });
    const two = await process(
      `mutation { a: registerPerson(input: { cooperativeId: "${A}" }) { id } b: registerPerson(input: { cooperativeId: "${B}" }) { id } }`,
      {},
    );
    expect(two.errors?.[0].message).toMatch(/several cooperatives/);
  });

  it("serves incoming operations only", async () => {
    await expect(
      dataSource.process({ kind: REQUEST_KINDS.healthCheck, request: { query: "{ __typename }" }, context: {} }),
    ).rejects.toThrow(/serves operations only/);
  });
});

describe("a cooperative's data source on the wire", () => {
  const C = "centre-val-cooperer";
  let server: Server;
  let dataSource: ShardedDataSource;
  let registry: Registry;
  /** What the next request gets: status, content type and body. */
  let reply: { status: number; type: string; body: string };
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(reply.status, { "content-type": reply.type }).end(reply.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    registry = { cooperatives: [{ id: C, name: C, region: "R", subgraphs: { members: url, contracts: url, finance: url } }] };
    dataSource = new ShardedDataSource("members", registry, UNHURRIED_MS);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = (deadlines?: CooperativeDeadlines, source = dataSource) =>
    source.process({
      kind: REQUEST_KINDS.incomingOperation,
      request: { query: `mutation Register { registerPerson(input: { cooperativeId: "${C}" }) { id } }`, operationName: "Register" },
      context: {
        registry,
        headers: new Headers({ authorization: "Bearer the-token" }),
        caller: { subject: "admin", role: "COOP_ADMIN", cooperativeId: C },
        deadlines,
      } satisfies GatewayContext,
      incomingRequestContext: {} as never,
    });

  it("posts the operation as JSON with the caller's token, and hands back the subgraph's answer", async () => {
    reply = { status: 200, type: "application/graphql-response+json; charset=utf-8", body: '{"data":{"registerPerson":{"id":"x"}}}' };
    received.length = 0;
    await expect(ask()).resolves.toEqual({ data: { registerPerson: { id: "x" } } });
    expect(received).toHaveLength(1);
    expect(received[0].headers).toMatchObject({ authorization: "Bearer the-token", "content-type": "application/json" });
    // The deadline travels: the subgraph knows how long the gateway waits (at most the data source's).
    const deadline = Number(received[0].headers["x-deadline-ms"]);
    expect(deadline).toBeGreaterThan(0);
    expect(deadline).toBeLessThanOrEqual(UNHURRIED_MS);
    expect(JSON.parse(received[0].body)).toEqual({
      query: `mutation Register { registerPerson(input: { cooperativeId: "${C}" }) { id } }`,
      operationName: "Register",
      variables: {},
    });
  });

  it.each([
    [{ status: 502, type: "text/html", body: "<h1>Bad gateway</h1>" }, "HTTP 502 (Bad Gateway), not a GraphQL answer"],
    [{ status: 200, type: "text/plain", body: "oops" }, "HTTP 200 (OK), not a GraphQL answer"],
    [{ status: 200, type: "application/json", body: "42" }, "HTTP 200 (OK), not a GraphQL answer"],
    [{ status: 500, type: "application/json", body: '{"message":"no"}' }, "HTTP 500 (Internal Server Error), not a GraphQL answer"],
  ])("names the cooperative and what went wrong when it answers %j", async (answer, reason) => {
    reply = answer;
    const response = await ask();
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      {
        message: `Cooperative "${C}" did not answer for members: ${reason}`,
        extensions: { code: "COOPERATIVE_UNAVAILABLE", cooperativeId: C, subgraph: "members" },
      },
    ]);
  });

  it.each([
    [400, '{"errors":[{"message":"Variable \\"$input\\" got invalid value","extensions":{"code":"BAD_USER_INPUT"}}]}'],
    [401, '{"errors":[{"message":"Authentication required","extensions":{"code":"UNAUTHENTICATED"}}]}'],
    [403, '{"errors":[{"message":"no","extensions":{"code":"FORBIDDEN"}}]}'],
  ])("passes on a GraphQL refusal with HTTP %i as the cooperative's answer, not as unavailability", async (status, body) => {
    reply = { status, type: "application/graphql-response+json; charset=utf-8", body };
    await expect(ask()).resolves.toEqual(JSON.parse(body));
  });
});

describe("one deadline per cooperative for a whole request", () => {
  const C = "centre-val-cooperer";
  let blackHole: Server;
  let registry: Registry;
  /** Requests the silent cooperative has received. */
  let received = 0;

  beforeAll(async () => {
    // A cooperative that accepts the connection and never answers: every call to it waits its whole deadline.
    blackHole = createServer(() => void received++);
    await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/graphql`;
    registry = { cooperatives: [{ id: C, name: C, region: "R", subgraphs: { members: url, contracts: url, finance: url } }] };
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        blackHole.close(() => resolve());
        blackHole.closeAllConnections();
      }),
  );

  const context = (deadlines: CooperativeDeadlines): GatewayContext => ({
    registry,
    headers: new Headers(),
    caller: { subject: "admin", role: "COOP_ADMIN", cooperativeId: C },
    deadlines,
  });
  const register = (source: ShardedDataSource, deadlines: CooperativeDeadlines) =>
    source.process({
      kind: REQUEST_KINDS.incomingOperation,
      request: { query: `mutation { registerPerson(input: { cooperativeId: "${C}" }) { id } }` },
      context: context(deadlines),
      incomingRequestContext: {} as never,
    });

  it("asks a cooperative that did not answer no more within the request, on any of its subgraphs", async () => {
    const members = new ShardedDataSource("members", registry, 300);
    const finance = new ShardedDataSource("finance", registry, 300);
    const deadlines = new CooperativeDeadlines(300);
    received = 0;
    const first = await register(members, deadlines);
    expect(first.errors?.[0]).toMatchObject({
      message: `Cooperative "${C}" did not answer for members: no answer within 300 ms`,
      extensions: { code: "COOPERATIVE_UNAVAILABLE", cooperativeId: C, subgraph: "members" },
    });
    expect(received).toBe(1);
    // The same subgraph again, then another subgraph of the same cooperative: the deadline is spent, nothing is sent.
    expect((await register(members, deadlines)).errors?.[0].extensions).toMatchObject({ code: "COOPERATIVE_UNAVAILABLE" });
    expect((await register(finance, deadlines)).errors?.[0]).toMatchObject({
      message: `Cooperative "${C}" did not answer for finance: no answer within 300 ms`,
      extensions: { code: "COOPERATIVE_UNAVAILABLE", cooperativeId: C, subgraph: "finance" },
    });
    expect(received).toBe(1);
    // A new request has a deadline of its own.
    await register(members, new CooperativeDeadlines(300));
    expect(received).toBe(2);
  });

  it("gives work the request waits for as a whole clocks of its own, and shares what failed there", async () => {
    const members = new ShardedDataSource("members", registry, 300);
    const request = new CooperativeDeadlines(300);
    const release = request.apart();
    // A cooperative the release asked first keeps, for the request's own calls, its whole deadline.
    expect(release.remainingMs("answered-coop", 0)).toBe(300);
    expect(request.remainingMs("answered-coop", 1000)).toBe(300);
    received = 0;
    expect((await register(members, release)).errors?.[0].extensions).toMatchObject({ code: "COOPERATIVE_UNAVAILABLE" });
    expect(received).toBe(1);
    // Found down by the release: the request does not ask it again.
    expect((await register(members, request)).errors?.[0]).toMatchObject({
      message: `Cooperative "${C}" did not answer for members: no answer within 300 ms`,
    });
    expect(received).toBe(1);
  });
});
