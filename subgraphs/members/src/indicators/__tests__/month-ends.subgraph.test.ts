import { databaseBackends, ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { type SubgraphServer } from "@cae/shared";
import { members } from "../../index";

const COOP = "garonne-activites";
const STOCKS = `people women genderDeclared associates peopleByPathStage { stage count } ageBrackets { bracket count }
  activitiesBySector { sector count }`;
const INDICATORS = ENTITIES_QUERY(`... on Cooperative { membersIndicators(from: $from, to: $to) {
  ${STOCKS} admissions exitsByReason { reason count } receptionToAdmission { count totalDays } receptionToEmploymentContract { count totalDays }
  monthly { month exits admissions ${STOCKS} exitsByReason { reason count } receptionToAdmission { count totalDays }
    receptionToEmploymentContract { count totalDays } } } }`).replace(
  "query ($representations: [_Any!]!)",
  "query ($representations: [_Any!]!, $from: Date!, $to: Date!)",
);

type Counts = Record<string, string | number>[];
type Stocks = {
  people: number;
  women: number;
  genderDeclared: number;
  associates: number;
  peopleByPathStage: Counts;
  ageBrackets: Counts;
  activitiesBySector: Counts;
};
type Days = { count: number; totalDays: number };
type Indicators = Stocks & {
  admissions: number;
  exitsByReason: Counts;
  receptionToAdmission: Days;
  receptionToEmploymentContract: Days;
  monthly: (Stocks & {
    month: string;
    exits: number;
    admissions: number;
    exitsByReason: Counts;
    receptionToAdmission: Days;
    receptionToEmploymentContract: Days;
  })[];
};

/** A list of counts as a map of its non-zero counts (the months list non-zero counts only). */
const nonZero = (rows: Counts) =>
  Object.fromEntries(
    rows.filter((row) => Number(row.count) > 0).map((row) => [String(Object.values(row).find((v) => typeof v === "string")), row.count]),
  );
const stocksOf = (figures: Stocks) => ({
  people: figures.people,
  women: figures.women,
  genderDeclared: figures.genderDeclared,
  associates: figures.associates,
  peopleByPathStage: nonZero(figures.peopleByPathStage),
  ageBrackets: nonZero(figures.ageBrackets),
  activitiesBySector: nonZero(figures.activitiesBySector),
});

describe.each(databaseBackends())("the members indicators' months on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };

  beforeAll(async () => {
    server = (await startTestSubgraph(members, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  const indicators = async (from: string, to: string, contractMilestones: unknown[] = []) => {
    const before = server.database.statementCount;
    const representations = [{ __typename: "Cooperative", id: COOP, contractMilestones }];
    const result = await execute(server, INDICATORS, { representations, from, to }, testCaller("COUNSELOR", COOP));
    expect(result.errors).toBeUndefined();
    expect(server.database.statementCount - before).toBe(1);
    return (result.data?._entities as { membersIndicators: Indicators }[])[0].membersIndicators;
  };

  it("give each month's end stocks, the same as a period ending that day, in the one statement of the year", async () => {
    const [{ id: employed }] = await server.database.dataSource.query("SELECT id FROM people ORDER BY id LIMIT 1");
    const milestones = [{ personId: `${COOP}:${employed}`, furthestContractKind: "EMPLOYMENT", employmentContractOn: "2026-05-04" }];
    const year = await indicators("2026-01-01", "2026-12-31", milestones);
    expect(year.monthly).toHaveLength(12);
    for (const [month, last] of [
      ["2026-02", "2026-02-28"],
      ["2026-06", "2026-06-30"],
      ["2026-12", "2026-12-31"],
    ]) {
      const row = year.monthly.find((m) => m.month === month)!;
      const atEnd = await indicators("2026-01-01", last, milestones);
      expect([month, stocksOf(row)]).toEqual([month, stocksOf(atEnd)]);
    }
    expect(stocksOf(year.monthly[11])).toEqual(stocksOf(year));
    // Flows by month add up to the year's; a month's exits by reason to its exits.
    for (const row of year.monthly) {
      expect(row.exitsByReason.reduce((total, r) => total + Number(r.count), 0)).toBe(row.exits);
      expect(row.receptionToAdmission.count).toBe(row.admissions);
    }
    const sumDays = (pick: (row: Indicators["monthly"][number]) => Days) =>
      year.monthly.reduce((total, row) => ({ count: total.count + pick(row).count, totalDays: total.totalDays + pick(row).totalDays }), {
        count: 0,
        totalDays: 0,
      });
    expect(sumDays((row) => row.receptionToAdmission)).toEqual(year.receptionToAdmission);
    expect(sumDays((row) => row.receptionToEmploymentContract)).toEqual(year.receptionToEmploymentContract);
    expect(year.receptionToEmploymentContract.count).toBeGreaterThan(0);
  });
});
