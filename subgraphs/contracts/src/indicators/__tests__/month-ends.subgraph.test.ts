import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
import { contracts } from "../../index";

const COOP = "garonne-activites";
const INDICATORS = ENTITIES_QUERY(`... on Cooperative { contractsIndicators(from: $from, to: $to) {
  runningByKind { kind count } runningEmploymentHours supportToEmployment { count totalDays }
  monthly { month runningByKind { kind count } runningEmploymentHours supportToEmployment { count totalDays } } } }`).replace(
  "query ($representations: [_Any!]!)",
  "query ($representations: [_Any!]!, $from: Date!, $to: Date!)",
);

type Running = { runningByKind: { kind: string; count: number }[]; runningEmploymentHours: string };
type Days = { count: number; totalDays: number };
type Indicators = Running & { supportToEmployment: Days; monthly: (Running & { month: string; supportToEmployment: Days })[] };

describe.each(databaseBackends())("the contracts indicators' months on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    server = (await startTestSubgraph(contracts, COOP, backend)) as typeof server;
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
    return (result.data?._entities as { contractsIndicators: Indicators }[])[0].contractsIndicators;
  };

  it("give the contracts running at each month's end, as a period ending that day, and the month's support-to-employment days", async () => {
    const year = await indicators("2026-01-01", "2026-12-31");
    expect(year.monthly).toHaveLength(12);
    for (const [month, last] of [
      ["2026-03", "2026-03-31"],
      ["2026-09", "2026-09-30"],
    ]) {
      const atEnd = await indicators("2026-01-01", last);
      const row = year.monthly.find((m) => m.month === month)!;
      expect([month, row.runningByKind, row.runningEmploymentHours]).toEqual([month, atEnd.runningByKind, atEnd.runningEmploymentHours]);
    }
    expect(year.monthly[11].runningByKind).toEqual(year.runningByKind);
    expect(year.monthly[11].runningEmploymentHours).toBe(year.runningEmploymentHours);
    const days = year.monthly.reduce(
      (total, row) => ({
        count: total.count + row.supportToEmployment.count,
        totalDays: total.totalDays + row.supportToEmployment.totalDays,
      }),
      { count: 0, totalDays: 0 },
    );
    expect(days).toEqual(year.supportToEmployment);
    expect(year.runningByKind.some((row) => row.count > 0)).toBe(true);
  });
});
