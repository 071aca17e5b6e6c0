import { databaseBackends, execute, startTestSubgraph } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
import { finance } from "../index";

const COOP = "garonne-activites";
const OPEN = `mutation ($input: OpenActivityAccountInput!) { openActivityAccount(input: $input) { id analyticCode label sector openedOn person { id } } }`;

describe.each(databaseBackends())("the finance subgraph on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  // A person of the demo the cooperative admitted and who is still there: an account is opened only for one.
  let personId: string;

  beforeAll(async () => {
    server = (await startTestSubgraph(finance, COOP, backend)) as typeof server;
    const [admitted] = await server.database.dataSource.query(
      "SELECT person_id FROM person_path WHERE welcome_stage = 'ADMITTED' AND exited_on IS NULL AND erased_at IS NULL ORDER BY person_id LIMIT 1",
    );
    personId = `${COOP}:${admitted.person_id}`;
  });
  afterAll(() => server?.stop());

  it("opens accounts with distinct, sequential analytic codes even when opened at once", async () => {
    const [{ last }] = await server.database.dataSource.query("SELECT max(analytic_code) AS last FROM activity_accounts");
    const next = Number(String(last).slice(4)) + 1;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        execute(server, OPEN, { input: { personId, label: `Activité ${i}`, sector: "CRAFTS", openedOn: "2026-11-02" } }),
      ),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    const codes = results.map((result) => (result.data?.openActivityAccount as { analyticCode: string }).analyticCode).sort();
    expect(codes).toEqual(Array.from({ length: 8 }, (_, i) => `ACT-${String(next + i).padStart(4, "0")}`));
    expect(results[0].data?.openActivityAccount).toMatchObject({ person: { id: personId }, sector: "CRAFTS" });
  });

  it.each([
    [{ personId: "bretagne-cooperer:7b0e3c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d" }, "input.personId"],
    [{ personId: "nonsense" }, "input.personId"],
    [{ label: "   " }, "input.label"],
  ])("refuses %j with BAD_USER_INPUT on %s and writes nothing", async (overrides, field) => {
    const [before] = await server.database.dataSource.query("SELECT count(*)::int AS n FROM activity_accounts");
    const result = await execute(server, OPEN, {
      input: { personId, label: "Céramique", sector: "CRAFTS", openedOn: "2026-11-02", ...overrides },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await server.database.dataSource.query("SELECT count(*)::int AS n FROM activity_accounts")).toEqual([before]);
  });

  it("refuses a date that is not a calendar date", async () => {
    const result = await execute(server, OPEN, { input: { personId, label: "Céramique", sector: "CRAFTS", openedOn: "2026-02-30" } });
    expect(result.errors?.[0].message).toMatch(/calendar date/);
  });
});
