import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { ConfigError, startTracing, tracesEndpoint, type Tracing } from "@cae/shared";
import { startTestNetwork, type TestNetwork } from "@cae/tools";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";

const ALPES = "alpes-entreprendre";
const SILENT = "silent-coop";
/** Long enough for a live cooperative warmed up by a first query; the silent one never answers. */
const TIMEOUT_MS = 5000;

/** One cooperative's profile (members) and figures (finance): a query of its staff. */
const PROFILE_AND_FINANCE = `
  query Traced($id: ID!, $from: Date!, $to: Date!) {
    cooperative(id: $id) { id profile { legalName } financeIndicators(from: $from, to: $to) { invoicesIssued } }
  }`;
/** Two cooperatives' profiles, one of them silent: a query of the network. */
const TWO_PROFILES = `
  query TwoProfiles($a: ID!, $c: ID!) {
    a: cooperative(id: $a) { id profile { legalName } }
    c: cooperative(id: $c) { id profile { legalName } }
  }`;

type Trace = {
  spans: ReadableSpan[];
  parentOf(span: ReadableSpan): ReadableSpan | undefined;
  ancestors(span: ReadableSpan): string[];
  calls: ReadableSpan[];
  served: ReadableSpan[];
};

const isSubgraphServer = (span: ReadableSpan) => span.kind === SpanKind.SERVER && span.attributes["cae.subgraph"] !== undefined;

describe("the tracing configuration", () => {
  it("sends spans to the OTLP/HTTP endpoint of the standard variables, or registers nothing", () => {
    expect(tracesEndpoint({})).toBeUndefined();
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe("http://collector:4318/v1/traces");
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" })).toBe("http://collector:4318/v1/traces");
    expect(
      tracesEndpoint({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://x.example/otlp",
      }),
    ).toBe("https://x.example/otlp");
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "true" })).toBeUndefined();
    expect(() => tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(ConfigError);
    expect(() => tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(startTracing({ service: "gateway", env: {} }).enabled).toBe(false);
  });
});

describe("one trace per request, across the gateway, the cooperatives' subgraphs and their SQL", () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let network: TestNetwork;
  let silent: Server;
  const sockets: Socket[] = [];
  let analyst: string;

  beforeAll(async () => {
    tracing = startTracing({ service: "test-network", exporter });
    // A cooperative that accepts connections and never answers.
    silent = createServer((socket) => sockets.push(socket)).listen(0, "127.0.0.1");
    await new Promise((resolve) => silent.once("listening", resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    network = await startTestNetwork([ALPES], {
      timeoutMs: TIMEOUT_MS,
      extraRegistry: [{ id: SILENT, name: "Silent", region: "Normandie", subgraphs: { members: url, contracts: url, finance: url } }],
    });
    analyst = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    // Warms the live cooperative's subgraphs up (other operations: the traced ones are planned afresh).
    const admin = await network.token({ sub: "admin-a", role: "COOP_ADMIN", coop: ALPES });
    await network.query(
      `{ cooperative(id: "${ALPES}") { profile { legalName } financeIndicators(from: "2026-02-01", to: "2026-02-28") { invoicesIssued } } }`,
      {},
      admin,
    );
    await tracing.flush();
  });
  afterAll(async () => {
    await network?.stop();
    sockets.forEach((socket) => socket.destroy());
    silent?.close();
    await tracing?.shutdown();
  });

  /** The spans exported since the last reset, once the gateway's and the `expected` subgraphs' server spans have ended. */
  async function collect(expected: string[]): Promise<Trace> {
    let spans: ReadableSpan[] = [];
    // A subgraph's server span ends as its response closes, a moment after the gateway has its answer.
    for (let attempt = 0; attempt < 100; attempt++) {
      await tracing.flush();
      spans = exporter.getFinishedSpans();
      const served = new Set(spans.filter(isSubgraphServer).map((span) => span.attributes["cae.subgraph"]));
      if (expected.every((name) => served.has(name)) && spans.some((span) => span.parentSpanContext === undefined)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: ReadableSpan) => (span.parentSpanContext ? byId.get(span.parentSpanContext.spanId) : undefined);
    const ancestors = (span: ReadableSpan) => {
      const names: string[] = [];
      for (let parent = parentOf(span); parent; parent = parentOf(parent)) names.push(parent.name);
      return names;
    };
    const calls = spans.filter((span) => span.kind === SpanKind.CLIENT && span.name.startsWith("subgraph "));
    return { spans, parentOf, ancestors, calls, served: spans.filter(isSubgraphServer) };
  }

  /** One trace, rooted at the gateway's server span, every span's parent in it. */
  function expectOneTrace({ spans, parentOf, calls }: Trace, operationName: string): void {
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    const roots = spans.filter((span) => span.parentSpanContext === undefined);
    expect(roots.map((span) => [span.name, span.kind, span.attributes["cae.subgraph"]])).toEqual([
      ["POST /graphql", SpanKind.SERVER, undefined],
    ]);
    expect(roots[0].attributes).toMatchObject({ "http.response.status_code": 200 });
    expect(spans.filter((span) => span.name === "gateway.request").map((span) => span.attributes["graphql.operation.name"])).toEqual([
      operationName,
    ]);
    // A subgraph's request is named by the gateway after the client's operation.
    for (const span of spans.filter(isSubgraphServer))
      expect(span.attributes["graphql.operation.name"]).toMatch(new RegExp(`^${operationName}__${span.attributes["cae.subgraph"]}__`));
    expect(spans.filter((span) => span.parentSpanContext && !parentOf(span))).toEqual([]);
    // The gateway's call to a cooperative's subgraph: a client span under Apollo's fetch from that subgraph.
    for (const call of calls) {
      expect(call.name).toBe(`subgraph ${call.attributes["cae.subgraph"]}`);
      expect(parentOf(call)).toMatchObject({ name: "gateway.fetch", attributes: { service: call.attributes["cae.subgraph"] } });
    }
  }

  const callsOf = ({ calls }: Trace, cooperative: string, subgraph: string) =>
    calls.filter((call) => call.attributes["cae.cooperative"] === cooperative && call.attributes["cae.subgraph"] === subgraph);

  it("follows a request from the gateway through two subgraphs of a cooperative down to their SQL, in one trace", async () => {
    exporter.reset();
    const admin = await network.token({ sub: "admin-a", role: "COOP_ADMIN", coop: ALPES });
    const result = await network.query(PROFILE_AND_FINANCE, { id: ALPES, from: "2026-01-01", to: "2026-01-31" }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data?.cooperative).toMatchObject({ profile: { legalName: expect.any(String) }, financeIndicators: expect.anything() });
    const trace = await collect(["members", "finance"]);
    const { spans, parentOf, ancestors, served } = trace;
    expectOneTrace(trace, "Traced");

    // Apollo Gateway's own spans nest under the gateway's server span.
    const named = (name: string) => spans.filter((span) => span.name === name);
    expect(named("gateway.request").map((span) => parentOf(span)?.name)).toEqual(["POST /graphql"]);
    expect(named("gateway.plan").map((span) => parentOf(span)?.name)).toEqual(["gateway.request"]);
    expect(named("gateway.fetch").length).toBeGreaterThanOrEqual(2);
    for (const fetch of named("gateway.fetch")) expect(ancestors(fetch)).toEqual(["gateway.execute", "gateway.request", "POST /graphql"]);

    for (const subgraph of ["members", "finance"]) {
      expect(callsOf(trace, ALPES, subgraph)).toHaveLength(1);
      expect(callsOf(trace, ALPES, subgraph)[0]).toMatchObject({
        status: { code: SpanStatusCode.UNSET },
        attributes: { "cae.outcome": "answered", "cae.graphql_errors": 0, "http.response.status_code": 200 },
      });
    }
    // Each subgraph's server span is the child of the gateway's call to it (the `traceparent` it was sent).
    expect(served.map((span) => span.attributes["cae.subgraph"]).sort()).toEqual(["finance", "members"]);
    for (const span of served) {
      expect(span.attributes["cae.cooperative"]).toBe(ALPES);
      expect(parentOf(span)).toBe(callsOf(trace, ALPES, String(span.attributes["cae.subgraph"]))[0]);
    }

    // The SQL statements: under the request's span of the subgraph that ran them, their text without values.
    const statements = spans.filter((span) => span.attributes["db.system"] === "postgresql");
    for (const span of served) expect(statements.filter((statement) => parentOf(statement) === span).length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(served).toContain(parentOf(statement));
      expect(statement.kind).toBe(SpanKind.CLIENT);
      expect(statement.attributes["db.query.text"]).toEqual(expect.any(String));
      expect(statement.name).toBe(statement.attributes["db.operation.name"]);
    }
    // The finance statements take the period as parameters: no value of the request is in a span.
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain("2026-01-31");
  });

  it("shows the silent cooperative's call as an error span naming it, beside the cooperative that answered", async () => {
    exporter.reset();
    const result = await network.query(TWO_PROFILES, { a: ALPES, c: SILENT }, analyst);
    expect(result.data?.a).toMatchObject({ profile: { legalName: expect.any(String) } });
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.cooperativeId])).toEqual([
      ["COOPERATIVE_UNAVAILABLE", SILENT],
    ]);
    const trace = await collect(["members"]);
    expectOneTrace(trace, "TwoProfiles");

    const [answered] = callsOf(trace, ALPES, "members");
    expect(answered).toMatchObject({ status: { code: SpanStatusCode.UNSET }, attributes: { "cae.outcome": "answered" } });
    const silentCalls = trace.calls.filter((call) => call.attributes["cae.cooperative"] === SILENT);
    expect(silentCalls.map((call) => call.name)).toEqual(["subgraph members"]);
    const [late] = silentCalls;
    expect(late).toMatchObject({
      status: { code: SpanStatusCode.ERROR, message: expect.stringMatching(new RegExp(`${SILENT}.*no answer within ${TIMEOUT_MS} ms`)) },
      attributes: { "cae.outcome": "timeout", "error.type": "timeout" },
    });
    // The silent cooperative's call lasted the deadline, the other's did not: the trace says who was slow.
    const milliseconds = ([seconds, nanos]: [number, number]) => seconds * 1000 + nanos / 1e6;
    expect(milliseconds(late.duration)).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(milliseconds(answered.duration)).toBeLessThan(TIMEOUT_MS);
    expect(trace.spans.filter((span) => trace.parentOf(span) === late)).toEqual([]);
  });
});
