import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
import { finance } from "../../index";

const COOP = "garonne-activites";
const INDICATORS = ENTITIES_QUERY(`... on Cooperative { financeIndicators(from: $from, to: $to) {
  activitiesWithRevenue largestActivityRevenueCents quarterly { quarter activitiesWithRevenue largestActivityRevenueCents } } }`).replace(
  "query ($representations: [_Any!]!)",
  "query ($representations: [_Any!]!, $from: Date!, $to: Date!)",
);

type Activities = { activitiesWithRevenue: number; largestActivityRevenueCents: string };
type Indicators = Activities & { quarterly: (Activities & { quarter: string })[] };

describe.each(databaseBackends())("the finance indicators' quarters on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    server = (await startTestSubgraph(finance, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const indicators = async (from: string, to: string) => {
    const before = server.database.statementCount;
    const result = await execute(
      server,
      INDICATORS,
      { representations: [{ __typename: "Cooperative", id: COOP }], from, to },
      testCaller("COUNSELOR", COOP),
    );
    expect(result.errors).toBeUndefined();
    expect(server.database.statementCount - before).toBe(1);
    return (result.data?._entities as { financeIndicators: Indicators }[])[0].financeIndicators;
  };

  it("give each quarter's activities (which do not add up over months) as the quarter asked alone", async () => {
    const year = await indicators("2026-01-01", "2026-12-31");
    expect(year.quarterly.map((q) => q.quarter)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    for (const [q, from, to] of [
      [0, "2026-01-01", "2026-03-31"],
      [2, "2026-07-01", "2026-09-30"],
    ] as const) {
      const alone = await indicators(from, to);
      expect(year.quarterly[q]).toEqual({
        quarter: year.quarterly[q].quarter,
        activitiesWithRevenue: alone.activitiesWithRevenue,
        largestActivityRevenueCents: alone.largestActivityRevenueCents,
      });
    }
    expect(year.quarterly.some((q) => q.activitiesWithRevenue > 0)).toBe(true);
    // A period cut inside a quarter: the quarter's row covers the period's days only.
    const cut = await indicators("2026-02-15", "2026-03-31");
    expect(cut.quarterly).toEqual([
      {
        quarter: "2026-Q1",
        activitiesWithRevenue: cut.activitiesWithRevenue,
        largestActivityRevenueCents: cut.largestActivityRevenueCents,
      },
    ]);
  });
});
