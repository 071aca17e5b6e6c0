import { buildRelease, DEFAULT_RULES, type Release } from "../indicators/release";
import type { YearFigures } from "../indicators/figures";
import {
  addAggregates,
  AMOUNT_MEASURES,
  audit,
  COUNT_MEASURES,
  FUNDER_FLOW_COUNTS,
  FUNDER_PERIOD_COUNTS,
  key,
  relations,
  sensitiveCells,
  UNPUBLISHED,
  yearPeriods,
  type Geography,
} from "../indicators/__tests__/auditor";
import { syntheticNetwork, withFunderFigures } from "../indicators/__tests__/synthetic";

// Linear programs by the thousand on a shared machine: no duration is asserted, the deadline is generous.
jest.setTimeout(600_000);

const YEAR = 2026;

/** The true values of every cell, from the cooperatives' year figures (regions and network summed by the auditor). */
function truthOf(
  network: { cooperative: { id: string; region: string }; figures: YearFigures }[],
  names = [...COUNT_MEASURES, ...UNPUBLISHED, ...AMOUNT_MEASURES],
) {
  const truth = new Map<string, number>();
  const activities = new Map<string, { count: number; largest: number }>();
  for (const { cooperative, figures } of network) {
    for (const period of yearPeriods(YEAR).all) {
      const measures = figures.get(period)!;
      for (const measure of names) truth.set(key(`C:${cooperative.id}`, period, measure), Number(measures.get(measure) ?? 0n));
      activities.set(`C:${cooperative.id}|${period}`, {
        count: Number(measures.get("activitiesWithRevenue") ?? 0n),
        largest: Number(measures.get("largestActivityCents") ?? 0n),
      });
    }
  }
  const geography: Geography = { cooperatives: network.map((n) => n.cooperative) };
  addAggregates(geography, truth, activities);
  return { truth, activities, geography };
}

/** What a network role can obtain: every published cell of the release (null where suppressed). */
function publishedOf(release: Release): Map<string, number | null> {
  const published = new Map<string, number | null>();
  release.scopes.forEach((scope, s) =>
    release.periods.forEach((period, p) =>
      release.measures.forEach((measure, m) => {
        const value = release.values[(s * release.periods.length + p) * release.measures.length + m];
        published.set(key(scope, period, measure), value === null ? null : Number(value));
      }),
    ),
  );
  return published;
}

describe("the protected release against an attacker with linear programming", () => {
  const network = syntheticNetwork(30);
  const { truth, activities, geography } = truthOf(network);
  const sensitive = sensitiveCells(truth, activities, DEFAULT_RULES);
  const rows = relations(geography, YEAR);

  it("30 synthetic cooperatives with many small counts and dominant activities: every sensitive cell keeps its protection interval", async () => {
    const release = buildRelease(YEAR, network, DEFAULT_RULES, new Date());
    const published = publishedOf(release);
    // The relations hold on the published cells (the release is consistent), and counts are many and small.
    expect(sensitive.size).toBeGreaterThan(5000);
    expect([...sensitive].some((cell) => cell.endsWith("|revenueCents"))).toBe(true);
    const result = await audit({
      published,
      truth,
      sensitive,
      rows,
      minCount: DEFAULT_RULES.minCount,
      protectionPercent: DEFAULT_RULES.protectionPercent,
    });
    expect(result.findings.slice(0, 5)).toEqual([]);
    expect(result.checked).toBe([...sensitive].length);
    // Not everything is hidden: the network's and most regions' totals are published.
    expect(published.get(key("N", "2026", "people"))).toBe(truth.get(key("N", "2026", "people")));
    expect(published.get(key("N", "2026-Q2", "receptions"))).toBe(truth.get(key("N", "2026-Q2", "receptions")));
  });

  it("the funders' figures of 4 cooperatives: people supported by every dimension in each period, receptions and orientations by key, follow-ups", async () => {
    const funded = withFunderFigures(syntheticNetwork(4, 13));
    const measures = [...COUNT_MEASURES, ...UNPUBLISHED, ...AMOUNT_MEASURES, ...FUNDER_PERIOD_COUNTS, ...FUNDER_FLOW_COUNTS];
    const own = truthOf(funded, measures);
    const ownSensitive = sensitiveCells(own.truth, own.activities, DEFAULT_RULES);
    const release = buildRelease(YEAR, funded, DEFAULT_RULES, new Date());
    const published = publishedOf(release);
    const funderSensitive = [...ownSensitive].filter((cell) => cell.split("|")[2].startsWith("f."));
    expect(funderSensitive.length).toBeGreaterThan(1000);
    // A quarter's people supported are its own figure: published where safe, and not the sum of its months.
    const supported = (period: string) => own.truth.get(key("N", period, "f.supported"));
    expect(published.get(key("N", "2026-Q1", "f.supported"))).toBe(supported("2026-Q1"));
    expect(supported("2026-Q1")).toBeLessThan(supported("2026-01")! + supported("2026-02")! + supported("2026-03")!);
    const result = await audit({
      published,
      truth: own.truth,
      sensitive: ownSensitive,
      rows: relations(own.geography, YEAR, { funder: true }),
      minCount: DEFAULT_RULES.minCount,
      protectionPercent: DEFAULT_RULES.protectionPercent,
    });
    expect(result.findings.slice(0, 5)).toEqual([]);
    expect(result.checked).toBe(ownSensitive.size);
  });

  it("finds the cells a weak protection gives away: primary suppression only", async () => {
    const published = new Map<string, number | null>();
    for (const [cell, value] of truth)
      if (!UNPUBLISHED.includes(cell.split("|")[2])) published.set(cell, sensitive.has(cell) ? null : value);
    const result = await audit({
      published,
      truth,
      sensitive,
      rows,
      minCount: DEFAULT_RULES.minCount,
      protectionPercent: DEFAULT_RULES.protectionPercent,
      stopAfter: 200,
    });
    expect(result.findings.length).toBeGreaterThanOrEqual(200);
    // Exactly recovered, for instance: the range is a single value.
    expect(result.findings.some((f) => Math.abs(f.max - f.min) < 1e-6)).toBe(true);
  });

  it("finds a sensitive cell published, and a small count pinned by its total", async () => {
    const scope = `C:${network[0].cooperative.id}`;
    const cells = new Map<string, number>([
      [key(scope, "2026-01", "receptions"), 2],
      [key(scope, "2026-02", "receptions"), 30],
      [key(scope, "2026-03", "receptions"), 30],
      [key(scope, "2026-Q1", "receptions"), 62],
    ]);
    const published = new Map<string, number | null>([...cells].map(([cell, value]) => [cell, value === 2 ? null : value]));
    const result = await audit({
      published,
      truth: cells,
      sensitive: new Set([key(scope, "2026-01", "receptions")]),
      rows: [[key(scope, "2026-Q1", "receptions"), ["2026-01", "2026-02", "2026-03"].map((m) => key(scope, m, "receptions"))]],
      minCount: 5,
      protectionPercent: 15,
    });
    expect(result.findings).toEqual([expect.objectContaining({ min: 2, max: 2 })]);
    const leak = await audit({
      published: cells,
      truth: cells,
      sensitive: new Set([key(scope, "2026-01", "receptions")]),
      rows: [],
      minCount: 5,
      protectionPercent: 15,
    });
    expect(leak.findings).toEqual([expect.objectContaining({ published: true })]);
  });
});
