import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, type SubgraphServer } from "@cae/shared";
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
        "... on Person { id contracts(first: 10) { totalCount edges { node { id kind startsOn monthlyHours fixedMonthlyPay person { id } objective { commitments { kind } } supportAgreement { renewals { number } } employment { associateDeadline amendments { number } } } } } }",
      ),
      {
        representations,
      },
    );
    expect(result.errors).toBeUndefined();
    // Contracts, then one batch each of commitments, renewals and amendments, for every person at once.
    expect(server.database.statementCount - before).toBe(4);
    type Node = { kind: string; startsOn: string; monthlyHours: string | null; fixedMonthlyPay: string | null; person: { id: string } };
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
          expect(node.fixedMonthlyPay).toMatch(/^\d+$/);
        } else {
          expect(node.fixedMonthlyPay).toBeNull();
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
