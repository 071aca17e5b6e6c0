import { captureLog, startTestNetwork, type GraphQLResult, type TestNetwork } from "@cae/tools";

const ALPES = "alpes-entreprendre";

const REGISTER = `mutation Register($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
const SALARY = `mutation Salary($input: RecordSalaryCostInput!) { recordSalaryCost(input: $input) { id } }`;
const DRAFT_CESA = `mutation Draft($input: DraftEmploymentContractInput!) { draftEmploymentContract(input: $input) { id } }`;

/** The value of the sample of `name` with exactly these labels (in any order) in a Prometheus text, or undefined. */
function metric(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(",");
  for (const line of text.split("\n")) {
    const match = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (match && match[1] === name && match[2].split(",").sort().join(",") === wanted) return Number(match[3]);
  }
  return undefined;
}

/** A refusal of the input: the code, the field it names, no data, and never the cooperative said unavailable. */
function expectRefusedInput(result: GraphQLResult, field: string) {
  expect(result.errors?.length).toBeGreaterThan(0);
  expect(result.errors?.every((error) => error.extensions?.code === "BAD_USER_INPUT")).toBe(true);
  expect(result.errors?.map((error) => error.extensions?.field)).toContain(field);
  expect(result.data ?? null).toBeNull();
}

describe("bad input through the gateway and straight at the subgraphs, faults, logs and metrics", () => {
  const log = captureLog();
  let network: TestNetwork;
  let admin: string;
  let person: string;
  let account: string;
  const count = async (subgraph: "members" | "finance" | "contracts", table: string) => {
    const rows: { n: string }[] = await network.subgraph(ALPES, subgraph).database.dataSource.query(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0].n);
  };
  const person0 = (extra: Record<string, unknown> = {}) => ({
    cooperativeId: ALPES,
    firstName: "Inès",
    lastName: "Martin",
    firstContactOn: "2026-01-05",
    ...extra,
  });

  beforeAll(async () => {
    network = await startTestNetwork([ALPES], { log: log.stream });
    admin = await network.token({ sub: "admin", role: "COOP_ADMIN", coop: ALPES });
    const people: { id: string }[] = await network.subgraph(ALPES, "members").database.dataSource.query("SELECT id FROM people LIMIT 1");
    person = `${ALPES}:${people[0].id}`;
    const accounts: { id: string }[] = await network
      .subgraph(ALPES, "finance")
      .database.dataSource.query("SELECT id FROM activity_accounts LIMIT 1");
    account = `${ALPES}:${accounts[0].id}`;
  });
  afterAll(() => network?.stop());

  describe.each([
    [
      "the gateway",
      (query: string, variables: Record<string, unknown>, _subgraph: "members" | "contracts" | "finance") =>
        network.query(query, variables, admin),
    ],
    [
      "the subgraph",
      (query: string, variables: Record<string, unknown>, subgraph: "members" | "contracts" | "finance") =>
        network.querySubgraph(ALPES, subgraph, query, variables, admin),
    ],
  ])("at %s", (_, send) => {
    it.each([
      ["a day that does not exist", "2025-02-30"],
      ["a month that does not exist", "2025-13-01"],
      ["a date with a time", "2025-01-01T00:00:00Z"],
    ])("refuses %s in a Date variable as BAD_USER_INPUT naming the field", async (_case, date) => {
      const before = await count("members", "people");
      expectRefusedInput(await send(REGISTER, { input: person0({ firstContactOn: date }) }, "members"), "input.firstContactOn");
      expect(await count("members", "people")).toBe(before);
    });

    it.each([["0.5"], ["abc"], ["1e3"], [0.5]])("refuses %j in a Cents variable", async (amount) => {
      const before = await count("finance", "salary_costs");
      expectRefusedInput(
        await send(SALARY, { input: { accountId: account, month: "2026-01", amountCents: amount } }, "finance"),
        "input.amountCents",
      );
      expect(await count("finance", "salary_costs")).toBe(before);
    });

    it.each([["1e2"], ["abc"], [151.67]])("refuses %j in a Decimal variable", async (hours) => {
      const input = {
        personId: person,
        type: "PERMANENT",
        startsOn: "2026-02-01",
        monthlyHours: hours,
        fixedMonthlyPayCents: "180000",
        variablePay: "none",
      };
      const before = await count("contracts", "contracts");
      expectRefusedInput(await send(DRAFT_CESA, { input }, "contracts"), "input.monthlyHours");
      expect(await count("contracts", "contracts")).toBe(before);
    });

    it.each([
      ["a NUL character", "Inès\u0000"],
      ["a lone high surrogate", "In\uD800ès"],
      ["a lone low surrogate", "\uDC00Inès"],
    ])("refuses a name with %s, before any database sees it", async (_case, firstName) => {
      const before = await count("members", "people");
      expectRefusedInput(await send(REGISTER, { input: person0({ firstName }) }, "members"), "input.firstName");
      expect(await count("members", "people")).toBe(before);
    });

    it("refuses a literal a scalar does not accept, naming the argument's field", async () => {
      const result = await send(
        `mutation { registerPerson(input: { cooperativeId: "${ALPES}", firstName: "A", lastName: "B", firstContactOn: "2025-02-30" }) { id } }`,
        {},
        "members",
      );
      expectRefusedInput(result, "input.firstContactOn");
    });

    it("refuses a NUL character in a literal, naming the argument's field", async () => {
      const result = await send(
        `mutation { registerPerson(input: { cooperativeId: "${ALPES}", firstName: "A\\u0000", lastName: "B", firstContactOn: "2025-01-02" }) { id } }`,
        {},
        "members",
      );
      expectRefusedInput(result, "input.firstName");
    });
  });

  it("tells a client nothing of an unexpected fault but an ID, which the subgraph's log carries with the fault", async () => {
    const members = network.subgraph(ALPES, "members").database.dataSource;
    // A fault no input can cause: the table is gone from under the service.
    await members.query("ALTER TABLE people RENAME TO people_elsewhere");
    try {
      const result = await network.query(`query ($id: ID!) { person(id: $id) { firstName } }`, { id: person }, admin);
      const error = result.errors?.[0];
      expect(error?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      expect(error?.message).not.toMatch(/relation|people|SQL|QueryFailedError/i);
      expect(Object.keys(error?.extensions ?? {}).sort()).toEqual(["code", "errorId"]);
      const errorId = error?.extensions?.errorId as string;
      expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
      const logged = log.lines().find((line) => line.errorId === errorId);
      expect(logged).toMatchObject({ level: 50, service: "members", cooperativeId: ALPES, msg: "unexpected error" });
      expect(logged?.message).toMatch(/people/);
    } finally {
      await members.query("ALTER TABLE people_elsewhere RENAME TO people");
    }
  });

  it("stops a request at the subgraph once the caller's deadline has passed", async () => {
    const members = network.subgraph(ALPES, "members");
    const ask = (deadline: string) =>
      fetch(members.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin}`, "x-deadline-ms": deadline },
        body: JSON.stringify({
          query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { firstName } } }`,
          variables: { r: [{ __typename: "Person", id: person }] },
        }),
      }).then((response) => response.json() as Promise<GraphQLResult>);
    const late = await ask("0");
    expect(late.errors?.[0].extensions?.code).toBe("DEADLINE_EXCEEDED");
    const inTime = await ask("60000");
    expect(inTime.errors).toBeUndefined();
    expect(inTime.data?._entities).toEqual([{ firstName: expect.any(String) }]);
  });

  describe("logs and metrics", () => {
    it("logs each request as one JSON line in every process it reached, under the gateway's request ID", async () => {
      const response = await fetch(network.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
        body: JSON.stringify({
          query: "query PersonName($id: ID!) { person(id: $id) { firstName contracts { totalCount } } }",
          variables: { id: person },
        }),
      });
      expect(response.status).toBe(200);
      const requestId = response.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const lines = log.lines().filter((line) => line.requestId === requestId && line.msg === "request");
      expect(lines.find((line) => line.service === "gateway")).toMatchObject({
        operation: "PersonName",
        type: "query",
        durationMs: expect.any(Number),
      });
      // The subgraphs the plan asked log the same request ID, with their cooperative.
      const services = lines.filter((line) => line.service !== "gateway").map((line) => [line.service, line.cooperativeId]);
      expect(services).toEqual(expect.arrayContaining([["contracts", ALPES]]));
    });

    it("writes no person's name, email or phone in any log line of all these requests", async () => {
      const people: { first_name: string; last_name: string; email: string | null; phone: string | null }[] = await network
        .subgraph(ALPES, "members")
        .database.dataSource.query("SELECT first_name, last_name, email, phone FROM people WHERE erased_at IS NULL");
      const text = log.text();
      // Short names could be part of a word or an ID; names of four letters or more are the test.
      const personal = people
        .flatMap((p) => [p.first_name, p.last_name, p.email, p.phone])
        .filter((value): value is string => !!value && value.length >= 4);
      expect(personal.length).toBeGreaterThan(100);
      expect(personal.filter((value) => text.includes(value))).toEqual([]);
      expect(text).not.toContain("Inès");
    });

    it("serves Prometheus metrics: the gateway's requests and calls per cooperative, a subgraph's requests and database pool", async () => {
      const gateway = await (await fetch(new URL("/metrics", network.gateway.url))).text();
      expect(metric(gateway, "cae_graphql_requests_total", { service: "gateway", type: "query", outcome: "ok" })).toBeGreaterThan(0);
      expect(metric(gateway, "cae_graphql_errors_total", { service: "gateway", code: "BAD_USER_INPUT" })).toBeGreaterThan(0);
      const calls = { service: "gateway", cooperative: ALPES, subgraph: "members", outcome: "answered" };
      expect(metric(gateway, "cae_subgraph_call_duration_seconds_count", calls)).toBeGreaterThan(0);
      const members = await (await fetch(new URL("/metrics", network.subgraph(ALPES, "members").url))).text();
      expect(metric(members, "cae_database_pool_connections", { service: "members", cooperative: ALPES, state: "total" })).toBe(1);
      expect(
        metric(members, "cae_graphql_requests_total", { service: "members", cooperative: ALPES, type: "query", outcome: "ok" }),
      ).toBeGreaterThan(0);
    });

    it("logs a cooperative's subgraph going down once, however many requests need it, and shows it down in the metrics", async () => {
      await network.subgraph(ALPES, "finance").stop();
      const ask = () => network.query(`{ cooperative(id: "${ALPES}") { invoices(first: 1) { totalCount } } }`, {}, admin);
      for (let i = 0; i < 3; i++) {
        const result = await ask();
        expect(result.errors?.[0].extensions).toMatchObject({ code: "COOPERATIVE_UNAVAILABLE", cooperativeId: ALPES, subgraph: "finance" });
      }
      const down = log.lines().filter((line) => line.msg === "cooperative unavailable");
      expect(down).toEqual([expect.objectContaining({ level: 40, service: "gateway", cooperativeId: ALPES, subgraph: "finance" })]);
      const metrics = await (await fetch(new URL("/metrics", network.gateway.url))).text();
      expect(metric(metrics, "cae_cooperative_up", { service: "gateway", cooperative: ALPES, subgraph: "finance" })).toBe(0);
      expect(metric(metrics, "cae_cooperative_up", { service: "gateway", cooperative: ALPES, subgraph: "members" })).toBe(1);
    });
  });
});
