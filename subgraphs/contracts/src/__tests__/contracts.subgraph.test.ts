import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
import { contracts } from "../index";

const COOP = "garonne-activites";

describe.each(databaseBackends())("the contracts subgraph on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    server = (await startTestSubgraph(contracts, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  it("lists the contracts of many people with their terms, renewals, amendments and commitments in four statements, in path order", async () => {
    const rows: { person_id: string }[] = await server.database.dataSource.query(
      "SELECT DISTINCT person_id FROM contracts ORDER BY person_id",
    );
    const representations = rows.map((row) => ({ __typename: "Person", id: `${COOP}:${row.person_id}` }));
    const before = server.database.statementCount;
    const result = await execute(
      server,
      ENTITIES_QUERY(
        "... on Person { id contracts(first: 10) { totalCount edges { node { id kind startsOn monthlyHours fixedMonthlyPayCents person { id } objective { commitments { kind } } supportAgreement { renewals { number } } employment { associateDeadline amendments { number } } } } } }",
      ),
      {
        representations,
      },
    );
    expect(result.errors).toBeUndefined();
    // Contracts, then one batch each of commitments, renewals and amendments, for every person at once.
    expect(server.database.statementCount - before).toBe(4);
    type Node = {
      kind: string;
      startsOn: string;
      monthlyHours: string | null;
      fixedMonthlyPayCents: string | null;
      person: { id: string };
    };
    const people = result.data?._entities as { id: string; contracts: { totalCount: number; edges: { node: Node }[] } }[];
    expect(people).toHaveLength(rows.length);
    for (const person of people) {
      const nodes = person.contracts.edges.map((edge) => edge.node);
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.map((node) => node.startsOn)).toEqual([...nodes.map((node) => node.startsOn)].sort());
      for (const node of nodes) {
        expect(node.person.id).toBe(person.id);
        if (node.kind === "EMPLOYMENT") {
          expect(node.monthlyHours).toMatch(/^\d+\.\d{2}$/);
          expect(node.fixedMonthlyPayCents).toMatch(/^\d+$/);
        } else {
          expect(node.fixedMonthlyPayCents).toBeNull();
        }
      }
    }
  });

  it("resolves a contract by reference and answers null for another cooperative's", async () => {
    const [{ id }] = await server.database.dataSource.query("SELECT id FROM contracts LIMIT 1");
    const result = await execute(server, ENTITIES_QUERY("... on Contract { id kind }"), {
      representations: [
        { __typename: "Contract", id: `${COOP}:${id}` },
        { __typename: "Contract", id: `bretagne-cooperer:${id}` },
      ],
    });
    expect(result.data?._entities).toEqual([{ id: `${COOP}:${id}`, kind: expect.any(String) }, null]);
  });

  it("refuses an oversized page with BAD_USER_INPUT", async () => {
    const [{ person_id }] = await server.database.dataSource.query("SELECT person_id FROM contracts LIMIT 1");
    const result = await execute(server, ENTITIES_QUERY("... on Person { contracts(first: 1000) { totalCount } }"), {
      representations: [{ __typename: "Person", id: `${COOP}:${person_id}` }],
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("refuses what its table constraints forbid: hours above full time", async () => {
    await expect(
      server.database.dataSource.query(
        "INSERT INTO contracts (person_id, kind, status, starts_on, monthly_hours, fixed_monthly_pay_cents) VALUES (gen_random_uuid(), 'EMPLOYMENT', 'DRAFT', '2026-12-01', 151.68, 200000)",
      ),
    ).rejects.toThrow(/check constraint/);
  });
});

describe.each(databaseBackends())("the cooperative's list of contracts on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  beforeAll(async () => {
    server = (await startTestSubgraph(contracts, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const LIST = `query ($representations: [_Any!]!, $kind: ContractKind, $status: ContractStatus, $after: String) {
    _entities(representations: $representations) { ... on Cooperative {
      contracts(first: 100, kind: $kind, status: $status, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind status startsOn } } } } } }`;
  type Page = {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; kind: string; status: string; startsOn: string } }[];
  };
  const list = async (variables: Record<string, unknown>, caller = testCaller("COUNSELOR", COOP)) => {
    const result = await execute(server, LIST, { representations: [{ __typename: "Cooperative", id: COOP }], ...variables }, caller);
    return { result, page: (result.data?._entities as { contracts: Page }[] | undefined)?.[0]?.contracts };
  };

  it("filters by kind and by today's status, the SQL reading of the dates agreeing with each contract's own status", async () => {
    const all: Page["edges"] = [];
    let after: string | null = null;
    do {
      const { page } = await list({ after });
      all.push(...page!.edges);
      after = page!.pageInfo.hasNextPage ? page!.pageInfo.endCursor : null;
    } while (after);
    expect(all.map(({ node }) => node.startsOn)).toEqual([...all.map(({ node }) => node.startsOn)].sort().reverse());
    const statuses = new Set(all.map(({ node }) => node.status));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
    for (const status of statuses) {
      const { page } = await list({ status });
      expect(page!.totalCount).toBe(all.filter(({ node }) => node.status === status).length);
      expect(page!.edges.every(({ node }) => node.status === status)).toBe(true);
    }
    const { page } = await list({ kind: "EMPLOYMENT", status: "RUNNING" });
    expect(page!.totalCount).toBe(all.filter(({ node }) => node.kind === "EMPLOYMENT" && node.status === "RUNNING").length);
  });

  it("is for the cooperative's staff only", async () => {
    expect((await list({}, testCaller("NETWORK_ANALYST"))).result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
