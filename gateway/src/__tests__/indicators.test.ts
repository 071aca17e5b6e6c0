import { emptyFigures, hundredths, sumFigures, type Figures } from "../indicators/figures";
import { networkPeriod } from "../indicators/indicators.service";
import { divide, indicatorSet, releaseView } from "../indicators/present";
import { patternsOf, protect, type Dimension, type Table } from "../indicators/protect";
import { buildRelease, businessSensitive, DEFAULT_RULES } from "../indicators/release";
import { syntheticNetwork } from "../indicators/__tests__/synthetic";

/** A two-level hierarchy: `parts` elements and their total (the last element). */
const flat = (parts: number, weightOfTotal = 4): Dimension => ({
  size: parts + 1,
  relations: [[parts, Array.from({ length: parts }, (_, i) => i)]],
  weight: [...Array.from({ length: parts }, () => 1), weightOfTotal],
  maxPattern: 4,
});
const one: Dimension = { size: 1, relations: [], weight: [1], maxPattern: 1 };

/** Cooperatives (rows) × categories (columns) with their totals, protected for counts below 5. */
function protectCounts(values: number[][]) {
  const rows = values.length;
  const columns = values[0].length;
  const G = rows + 1;
  const B = columns + 1;
  const cell = (g: number, b: number) => g * B + b;
  const data = new Float64Array(G * B);
  values.forEach((row, r) => row.forEach((value, c) => (data[cell(r, c)] = value)));
  for (let r = 0; r < rows; r++) data[cell(r, columns)] = values[r].reduce((a, b) => a + b, 0);
  for (let c = 0; c <= columns; c++)
    data[cell(rows, c)] = Array.from({ length: rows }, (_, r) => data[cell(r, c)]).reduce((a, b) => a + b, 0);
  const table: Table = {
    dimensions: [flat(rows), one, flat(columns)],
    values: [data],
    hidden: new Uint8Array(G * B),
    up: [new Float64Array(G * B)],
    down: [new Float64Array(G * B)],
    sensitive: new Uint8Array(G * B),
  };
  data.forEach((value, c) => {
    if (value >= 1 && value < 5) {
      table.sensitive[c] = 1;
      table.up[0][c] = 4 - value;
      table.down[0][c] = value - 1;
    }
  });
  return { suppressed: protect(table, (c) => 1 + Math.log1p(data[c])), data, cell };
}

describe("the hypercube method", () => {
  it("gives each element of a hierarchy the patterns that keep its sums", () => {
    const patterns = patternsOf(flat(3), 0).map((p) => [...p.elements].map((e, i) => p.signs[i] * (e + 1)));
    // +a -b (the total unchanged), or +a +total.
    expect(patterns).toEqual(
      expect.arrayContaining([
        [1, -2],
        [1, -3],
        [1, 4],
      ]),
    );
    for (const pattern of patterns)
      expect(pattern.filter((e) => Math.abs(e) <= 3).reduce((s, e) => s + Math.sign(e), 0)).toBe(pattern.includes(4) ? 1 : 0);
  });

  it("hides a small cell with the corners of a rectangle whose cells can give it room both ways", () => {
    const { suppressed, cell } = protectCounts([
      [3, 40, 12],
      [25, 30, 18],
      [14, 9, 50],
    ]);
    expect(suppressed[cell(0, 0)]).toBe(1);
    // Another cell in its row and in its column, and the fourth corner; the totals stay.
    const hidden = [...suppressed.keys()].filter((c) => suppressed[c]);
    expect(hidden.length).toBe(4);
    expect(suppressed[cell(3, 3)]).toBe(0);
  });

  it("protects a cell whose neighbours are small too, with several hypercubes when one has not enough room", () => {
    const { suppressed, cell } = protectCounts([
      [1, 1, 2],
      [1, 0, 30],
      [2, 30, 40],
    ]);
    for (const [r, c] of [
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [2, 0],
    ])
      expect(suppressed[cell(r, c)]).toBe(1);
    expect(suppressed[cell(3, 3)]).toBe(0);
  });
});

describe("the protected release", () => {
  it("applies INSEE's business rules: few activities, a dominant one", () => {
    const measures = (revenue: bigint, activities: bigint, largest: bigint) =>
      new Map([
        ["revenueCents", revenue],
        ["activitiesWithRevenue", activities],
        ["largestActivityCents", largest],
      ]);
    expect(businessSensitive(measures(100_000n, 2n, 60_000n), DEFAULT_RULES)).toBe(true);
    expect(businessSensitive(measures(100_000n, 10n, 90_000n), DEFAULT_RULES)).toBe(true);
    expect(businessSensitive(measures(100_000n, 10n, 85_000n), DEFAULT_RULES)).toBe(false);
    expect(businessSensitive(measures(0n, 0n, 0n), DEFAULT_RULES)).toBe(false);
  });

  it("publishes every cell of a year once: a stock's quarter is its last month, flows add up, small counts never shown", () => {
    const network = syntheticNetwork(6, 3);
    const release = buildRelease(2026, network, DEFAULT_RULES, new Date("2026-12-01T00:00:00Z"));
    expect(release.periods).toHaveLength(17);
    expect(release.scopes).toContain("N");
    const view = (scope: string, period: string) => releaseView(release, scope, period, 1);
    for (const scope of release.scopes) {
      expect(view(scope, "2026-Q1").cell("", "people")).toEqual(view(scope, "2026-03").cell("", "people"));
      for (const period of release.periods) {
        for (const measure of ["receptions", "stage:ASSOCIATE", "exits", "running:EMPLOYMENT"]) {
          const { value, reason } = view(scope, period).cell("", measure);
          if (value !== null) expect(value === 0n || value >= 5n).toBe(true);
          else expect(reason).toBe("CONFIDENTIAL");
        }
      }
      const months = ["2026-04", "2026-05", "2026-06"].map((m) => view(scope, "2026-Q2").cell(m, "receptions").value);
      const quarter = view(scope, "2026-Q2").cell("", "receptions").value;
      if (quarter !== null && months.every((m) => m !== null)) expect(months.reduce((a, b) => a! + b!, 0n)).toBe(quarter);
    }
    // The single activity's figures and the hidden remainders are never in the release.
    expect(release.measures).not.toContain("largestActivityCents");
    expect(release.measures).not.toContain("activitiesWithRevenue");
    expect(release.measures).not.toContain("notWomen");
    // Derived figures are hidden with what they are computed from.
    const set = indicatorSet(view(release.scopes[0], "2026-01"));
    if (set.women.value === null) expect(set.womenShare).toMatchObject({ value: null, suppressed: true, reason: "CONFIDENTIAL" });
  });

  it("is the same release whatever the order the cooperatives answered in", () => {
    const network = syntheticNetwork(5, 11);
    const at = new Date("2026-12-01T00:00:00Z");
    expect(buildRelease(2026, [...network].reverse(), DEFAULT_RULES, at)).toEqual(buildRelease(2026, network, DEFAULT_RULES, at));
  });

  it("allows network roles a calendar month, quarter or year only", () => {
    expect(networkPeriod("2026-03-01", "2026-03-31")).toEqual({ year: 2026, period: "2026-03", months: ["2026-03"] });
    expect(networkPeriod("2026-04-01", "2026-06-30")).toMatchObject({ period: "2026-Q2" });
    expect(networkPeriod("2026-01-01", "2026-12-31")).toMatchObject({ period: "2026", months: expect.arrayContaining(["2026-12"]) });
    expect(networkPeriod("2028-02-01", "2028-02-29")).toMatchObject({ period: "2028-02" });
    const wrong = (from: string, to: string) => {
      try {
        networkPeriod(from, to);
      } catch (error) {
        return (error as { extensions?: { field?: string } }).extensions?.field;
      }
    };
    expect(wrong("2026-03-02", "2026-03-31")).toBe("from");
    expect(wrong("2026-02-01", "2026-04-30")).toBe("to");
    expect(wrong("2026-01-01", "2026-10-31")).toBe("to");
    expect(wrong("2026-04-01", "2027-03-31")).toBe("to");
  });
});

describe("exact arithmetic", () => {
  it("sums amounts far beyond 32 bits, and keeps the largest activity as a maximum", () => {
    const coop = (revenue: bigint, largest: bigint): Figures => {
      const figures = emptyFigures();
      figures.period.set("revenueCents", revenue);
      figures.period.set("largestActivityCents", largest);
      return figures;
    };
    const total = sumFigures([coop(900_000_000_000_000n, 5n), coop(99_999_999_999_999n, 7n), coop(1n, 3n)]);
    expect(total.period.get("revenueCents")!.toString()).toBe("1000000000000000");
    expect(total.period.get("largestActivityCents")).toBe(7n);
  });

  it("divides exactly, rounding half up", () => {
    expect(divide(1n, 3n, 4)).toBe("0.3333");
    expect(divide(2n, 3n, 4)).toBe("0.6667");
    expect(divide(123450n, 15167n, 2)).toBe("8.14");
    expect(divide(5n, 0n, 2)).toBeNull();
    expect(divide(-1n, 8n, 2)).toBe("-0.13");
  });

  it("reads hours as hundredths without a float", () => {
    expect(hundredths("1234.5")).toBe(123450n);
    expect(hundredths("0.07")).toBe(7n);
    expect(hundredths("151.67")).toBe(15167n);
    expect(() => hundredths("1.234")).toThrow(/hundredths/);
  });
});
