import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
import { finance } from "../index";

const COOP = "bretagne-cooperer";

describe.each(databaseBackends())("statements of many activity accounts on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  beforeAll(async () => {
    server = (await startTestSubgraph(finance, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const statements = async (count: number) => {
    const rows: { id: string }[] = await server.database.dataSource.query(
      `SELECT id FROM activity_accounts ORDER BY analytic_code LIMIT ${count}`,
    );
    const before = server.database.statementCount;
    const result = await execute(
      server,
      ENTITIES_QUERY('... on ActivityAccount { id statement(from: "2026-01-01", to: "2026-06-30") { revenueInvoicedCents balanceCents } }'),
      { representations: rows.map((row) => ({ __typename: "ActivityAccount", id: `${COOP}:${row.id}` })) },
    );
    expect(result.errors).toBeUndefined();
    const accounts = result.data?._entities as { id: string; statement: { revenueInvoicedCents: string; balanceCents: string } }[];
    expect(accounts).toHaveLength(rows.length);
    return { count: server.database.statementCount - before, accounts };
  };

  it("costs the same number of statements for 40 accounts as for 5, each account with its own figures", async () => {
    const few = await statements(5);
    const many = await statements(40);
    expect(many.accounts.length).toBeGreaterThan(5);
    expect(many.count).toBe(few.count);
    // The batch gives each account its own figures: the first five agree with the smaller batch.
    expect(many.accounts.slice(0, 5)).toEqual(few.accounts);
    expect(new Set(many.accounts.map((account) => account.statement.revenueInvoicedCents)).size).toBeGreaterThan(1);
  });
});
