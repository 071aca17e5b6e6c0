import { startTestNetwork, type GraphQLResult, type TestNetwork } from "@cae/tools";

const ALPES = "alpes-entreprendre";

const REGISTER = `mutation Register($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`;
const SALARY = `mutation Salary($input: RecordSalaryCostInput!) { recordSalaryCost(input: $input) { id } }`;
const DRAFT_CESA = `mutation Draft($input: DraftEmploymentContractInput!) { draftEmploymentContract(input: $input) { id } }`;

/** A refusal of the input: the code, the field it names, no data, and never the cooperative said unavailable. */
function expectRefusedInput(result: GraphQLResult, field: string) {
  expect(result.errors?.length).toBeGreaterThan(0);
  expect(result.errors?.every((error) => error.extensions?.code === "BAD_USER_INPUT")).toBe(true);
  expect(result.errors?.map((error) => error.extensions?.field)).toContain(field);
  expect(result.data ?? null).toBeNull();
}

describe("bad input through the gateway and straight at the subgraphs", () => {
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
    network = await startTestNetwork([ALPES]);
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
    const logged: string[] = [];
    const spy = jest.spyOn(console, "error").mockImplementation((line: unknown) => void logged.push(String(line)));
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
      expect(logged.find((line) => line.includes(errorId))).toMatch(/people/);
    } finally {
      await members.query("ALTER TABLE people_elsewhere RENAME TO people");
      spy.mockRestore();
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
});
