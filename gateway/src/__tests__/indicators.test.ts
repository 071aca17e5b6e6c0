import { recoverable, suppress, type CellInput, type Relation } from "../indicators/disclosure";
import { emptyFigures, hundredths, monthsOf, sumFigures, type Figures } from "../indicators/figures";
import { divide, indicatorSet, scopeView } from "../indicators/present";
import { controlledCells, DEFAULT_RULES, type Scope } from "../indicators/tables";

/** A table of cooperatives (rows) by categories (columns), with row, column and grand totals. */
function table(values: number[][], minCount = 5) {
  const cells: CellInput[] = [];
  const relations: Relation[] = [];
  const cell = (key: string, value: number, rank: number) =>
    cells.push({ key, value: BigInt(value), primary: value > 0 && value < minCount ? "BELOW_MIN_COUNT" : null, rank });
  values.forEach((row, r) => {
    row.forEach((value, c) => cell(`${r},${c}`, value, 0));
    cell(
      `${r},T`,
      row.reduce((a, b) => a + b, 0),
      1,
    );
    relations.push({ total: `${r},T`, parts: row.map((_, c) => `${r},${c}`) });
  });
  values[0].forEach((_, c) => {
    cell(
      `T,${c}`,
      values.reduce((total, row) => total + row[c], 0),
      2,
    );
    relations.push({ total: `T,${c}`, parts: values.map((_, r) => `${r},${c}`) });
  });
  cell(
    "T,T",
    values.flat().reduce((a, b) => a + b, 0),
    3,
  );
  relations.push({ total: "T,T", parts: values.map((_, r) => `${r},T`) });
  relations.push({ total: "T,T", parts: values[0].map((_, c) => `T,${c}`) });
  return { cells, relations };
}

describe("disclosure control", () => {
  it("hides a small cell, and another in its row and its column so that subtraction cannot find it", () => {
    const { cells, relations } = table([
      [3, 40, 12],
      [25, 30, 18],
      [14, 9, 50],
    ]);
    const hidden = suppress(cells, relations);
    expect(hidden.get("0,0")).toBe("BELOW_MIN_COUNT");
    expect([...hidden.keys()].filter((key) => key.startsWith("0,")).length).toBeGreaterThanOrEqual(2);
    expect([...hidden.keys()].filter((key) => key.endsWith(",0")).length).toBeGreaterThanOrEqual(2);
    const rows = relations.map((relation) => [relation.total, ...relation.parts]);
    expect(recoverable(rows, (key) => hidden.has(key))).toEqual([]);
    // Totals are hidden last: the cheapest cells inside the table go first.
    expect(hidden.has("T,T")).toBe(false);
  });

  it("finds what subtraction alone misses: a cell given away by a combination of relations", () => {
    // x + y = a, y + z = b, x + z = c: no relation has a single unknown, yet each is determined.
    const rows = [
      ["a", "x", "y"],
      ["b", "y", "z"],
      ["c", "x", "z"],
    ];
    expect(recoverable(rows, (key) => ["x", "y", "z"].includes(key)).sort()).toEqual(["x", "y", "z"]);
    const cells: CellInput[] = ["a", "b", "c", "x", "y", "z", "w"].map((key) => ({
      key,
      value: 10n,
      primary: key === "x" ? "BELOW_MIN_COUNT" : null,
      rank: 0,
    }));
    const relations = rows.map(([total, ...parts]) => ({ total, parts }));
    const hidden = suppress(cells, relations);
    expect(recoverable(rows, (key) => hidden.has(key))).toEqual([]);
  });

  it("protects a cell no one publishes but anyone could compute (the people who are not women)", () => {
    const cells: CellInput[] = [
      { key: "declared", value: 40n, primary: null, rank: 1 },
      { key: "women", value: 38n, primary: null, rank: 0 },
      { key: "others", value: 2n, primary: "BELOW_MIN_COUNT", hidden: true, rank: 0 },
    ];
    const hidden = suppress(cells, [{ total: "declared", parts: ["women", "others"] }]);
    expect(hidden.get("women")).toBe("SECONDARY");
    expect(hidden.has("others")).toBe(false);
  });

  it("applies INSEE's rules to revenue: at least 3 activities, none over 85 %", () => {
    const scope = (key: string, revenue: bigint, activities: bigint, largest: bigint): Scope => {
      const figures = emptyFigures();
      figures.period.set("revenueCents", revenue);
      figures.period.set("activitiesWithRevenue", activities);
      figures.period.set("largestActivityCents", largest);
      return { key, level: 0, figures, parts: [] };
    };
    const coops = [
      scope("C:a", 100_000n, 2n, 60_000n),
      scope("C:b", 100_000n, 10n, 90_000n),
      scope("C:c", 500_000n, 12n, 90_000n),
      scope("C:d", 400_000n, 9n, 50_000n),
    ];
    const network: Scope = { key: "N", level: 2, figures: sumFigures(coops.map((c) => c.figures)), parts: coops.map((c) => c.key) };
    const hidden = controlledCells([...coops, network], [], DEFAULT_RULES);
    expect(hidden.get("C:a||revenueCents")).toBe("FEW_ACTIVITIES");
    expect(hidden.get("C:b||revenueCents")).toBe("DOMINANT_ACTIVITY");
    expect(hidden.has("C:c||revenueCents")).toBe(false);
    expect(hidden.has("N||revenueCents")).toBe(false);
    // The invoices and contributions of a hidden revenue cell are hidden with it.
    coops[0].figures.period.set("contributionsCents", 10_000n);
    coops[0].figures.period.set("invoices", 4n);
    const set = indicatorSet(scopeView(coops[0], 1, hidden));
    expect(set.contributions).toEqual({ value: null, suppressed: true, reason: "FEW_ACTIVITIES" });
    expect(set.invoicesIssued.value).toBeNull();
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

  it("reads hours as hundredths without a float, and names the months of a period", () => {
    expect(hundredths("1234.5")).toBe(123450n);
    expect(hundredths("0.07")).toBe(7n);
    expect(hundredths("151.67")).toBe(15167n);
    expect(() => hundredths("1.234")).toThrow(/hundredths/);
    expect(monthsOf("2025-11-15", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsOf("2026-03-01", "2026-03-31")).toEqual(["2026-03"]);
  });
});
