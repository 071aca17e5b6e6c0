import { AGE_BRACKETS, CONTRACT_KINDS, EXIT_REASONS, PATH_STAGES, periodsOf, SECTORS, type Measures, type YearFigures } from "./figures";
import { FUNDER_FAMILIES } from "./funder";
import { protect, type Dimension, type Table } from "./protect";

/**
 * The network's protected release of a calendar year: every cell a network role can obtain for
 * that year (every measure × 12 months, 4 quarters and the year × every cooperative, region and
 * the network × every breakdown), protected jointly, once. Every answer to a network role is a
 * slice of it, so that no set of answers tells more than the release itself.
 */

export interface DisclosureRules {
  /** Counts of people from 1 to minCount - 1 are sensitive. */
  minCount: number;
  /** A revenue cell needs that many activities at least. */
  minActivities: number;
  /** A revenue cell is sensitive when one activity makes more than this percentage of it. */
  dominancePercent: number;
  /** A sensitive amount must stay unknown within ± this percentage of its value. */
  protectionPercent: number;
}

export const DEFAULT_RULES: DisclosureRules = { minCount: 5, minActivities: 3, dominancePercent: 85, protectionPercent: 15 };

export interface ReleaseCooperative {
  id: string;
  name: string;
  region: string;
}

/** What is kept (cache, Redis) and served: published values only, as strings; null where suppressed. */
export interface Release {
  year: number;
  generatedAt: string;
  cooperatives: ReleaseCooperative[];
  /** "C:<cooperative>", "R:<region>", "N". */
  scopes: string[];
  /** "2026-01".."2026-12", "2026-Q1".."2026-Q4", "2026". */
  periods: string[];
  /** The measures of the release (those of the sources in the network's schema). */
  measures: string[];
  /** `values[(scope × periods + period) × measures + measure]`: the value, or null when suppressed. */
  values: (string | null)[];
}

/** One table of the release: its breakdown, the relations between its cells, how it is protected. */
export interface Family {
  name: string;
  /** Stocks: one table per month; a quarter's or the year's cell is its last month's. Flows: months, quarters and year linked. */
  stock: boolean;
  /**
   * Counts of people within each period (supported in it, in a contract during it): every one of
   * the 17 periods is a table of its own, since a quarter's count is not the sum of its months'.
   */
  eachPeriod?: boolean;
  /** The breakdown's elements (measures); for an amount family, one element whose measures are `amounts`. */
  elements: string[];
  /** Within a scope and period: `total` = the sum of `parts`. */
  relations: { total: string; parts: string[] }[];
  /** Elements never published (a reader may derive them): protected when sensitive, never shown. */
  hidden?: string[];
  /** Amounts sharing one cell (revenue and what goes with it): protected jointly by the business rules. */
  amounts?: string[];
  /** Measures published only where another element is (hours with the running CESA, days with their count). */
  shadows?: Record<string, string>;
}

const list = (prefix: string, names: readonly string[]) => names.map((name) => `${prefix}:${name}`);
const single = (name: string, stock = false): Family => ({ name, stock, elements: [name], relations: [] });
const duration = (prefix: string): Family => ({
  name: prefix,
  stock: false,
  elements: [`${prefix}.count`],
  relations: [],
  shadows: { [`${prefix}.days`]: `${prefix}.count` },
});

export const FAMILIES: Family[] = [
  {
    name: "people",
    stock: true,
    elements: ["people", ...list("stage", PATH_STAGES), ...list("age", AGE_BRACKETS), "genderDeclared", "women", "notWomen", "undeclared"],
    relations: [
      { total: "people", parts: list("stage", PATH_STAGES) },
      { total: "people", parts: list("age", AGE_BRACKETS) },
      { total: "people", parts: ["genderDeclared", "undeclared"] },
      { total: "genderDeclared", parts: ["women", "notWomen"] },
    ],
    hidden: ["notWomen", "undeclared"],
  },
  single("associates", true),
  { name: "sectors", stock: true, elements: list("sector", SECTORS), relations: [] },
  {
    name: "running",
    stock: true,
    elements: list("running", CONTRACT_KINDS),
    relations: [],
    shadows: { runningEmploymentHundredths: "running:EMPLOYMENT" },
  },
  single("admissions"),
  {
    name: "exits",
    stock: false,
    elements: ["exits", ...list("exit", EXIT_REASONS)],
    relations: [{ total: "exits", parts: list("exit", EXIT_REASONS) }],
  },
  {
    name: "signed",
    stock: false,
    elements: ["signed", ...list("signed", CONTRACT_KINDS)],
    relations: [{ total: "signed", parts: list("signed", CONTRACT_KINDS) }],
  },
  single("amendments"),
  duration("toAdmission"),
  duration("toEmployment"),
  duration("supportToEmployment"),
  {
    name: "finance",
    stock: false,
    elements: ["revenue"],
    relations: [],
    amounts: ["revenueCents", "collectedCents", "contributionsCents"],
    shadows: { invoices: "revenue", creditNotes: "revenue" },
  },
  // The receptions and orientations, with the funders' breakdowns of them when the cooperatives give these.
  ...FUNDER_FAMILIES,
];

/** The time dimension of flows: months, quarters (sums of 3 months), the year (sum of the quarters). */
export const TIME_RELATIONS: [number, number[]][] = [
  ...[0, 1, 2, 3].map((q): [number, number[]] => [12 + q, [q * 3, q * 3 + 1, q * 3 + 2]]),
  [16, [12, 13, 14, 15]],
];

interface Scope {
  key: string;
  figures: YearFigures;
}

/** The exact sum of several scopes' year figures; the largest activity is the largest of the parts. */
function sumYears(parts: YearFigures[]): YearFigures {
  const total: YearFigures = new Map();
  for (const part of parts) {
    for (const [period, measures] of part) {
      let into = total.get(period);
      if (!into) total.set(period, (into = new Map()));
      for (const [key, value] of measures) {
        const current = into.get(key);
        into.set(
          key,
          current === undefined ? value : key === "largestActivityCents" ? (value > current ? value : current) : current + value,
        );
      }
    }
  }
  return total;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const asNumber = (value: bigint): number => {
  if (value > SAFE || value < -SAFE) throw new RangeError(`a figure beyond 2^53 cannot be protected exactly: ${value}`);
  return Number(value);
};

/** INSEE's rule for business data: at least `minActivities` activities, none over `dominancePercent` of the cell. */
export function businessSensitive(measures: Measures | undefined, rules: DisclosureRules): boolean {
  const activities = measures?.get("activitiesWithRevenue") ?? 0n;
  const revenue = measures?.get("revenueCents") ?? 0n;
  const largest = measures?.get("largestActivityCents") ?? 0n;
  if (activities > 0n && activities < BigInt(rules.minActivities)) return true;
  return revenue > 0n && largest * 100n > revenue * BigInt(rules.dominancePercent);
}

/** Writes one family's published cells, those not suppressed, into the release's values (`Release.values`). */
function publishCells(
  values: (string | null)[],
  table: {
    scopes: Scope[];
    periods: string[];
    months: string[];
    /** A stock's quarter and year are its last month's cell. */
    stock: boolean;
    T: number;
    B: number;
    suppressed: Uint8Array;
    /** Per element: the measures it publishes (itself or its amounts, and its shadows) and their index among the release's. */
    publishedOf: { measure: string; index: number }[][];
    /** The release's measures. */
    width: number;
  },
): void {
  const { scopes, periods, months, stock, T, B, suppressed, publishedOf, width } = table;
  for (let g = 0; g < scopes.length; g++) {
    for (let p = 0; p < periods.length; p++) {
      const t = stock ? (p < 12 ? p : p < 16 ? (p - 12) * 3 + 2 : 11) : p;
      const measures = scopes[g].figures.get(stock ? months[t] : periods[p]);
      const row = (g * periods.length + p) * width;
      for (let b = 0; b < B; b++) {
        if (suppressed[(g * T + t) * B + b] === 1) continue;
        for (const { measure, index } of publishedOf[b]) values[row + index] = (measures?.get(measure) ?? 0n).toString();
      }
    }
  }
}

/** Builds and protects the release of `year` from every cooperative's year figures. */
export function buildRelease(
  year: number,
  cooperatives: { cooperative: ReleaseCooperative; figures: YearFigures }[],
  rules: DisclosureRules,
  generatedAt: Date,
): Release {
  const { months, quarters, year: yearKey } = periodsOf(year);
  const periods = [...months, ...quarters, yearKey];
  const sorted = [...cooperatives].sort((a, b) => a.cooperative.id.localeCompare(b.cooperative.id));
  const regionNames = [...new Set(sorted.map((c) => c.cooperative.region))].sort();
  const scopes: Scope[] = [
    ...sorted.map((c) => ({ key: `C:${c.cooperative.id}`, figures: c.figures })),
    ...regionNames.map((region) => ({
      key: `R:${region}`,
      figures: sumYears(sorted.filter((c) => c.cooperative.region === region).map((c) => c.figures)),
    })),
    { key: "N", figures: sumYears(sorted.map((c) => c.figures)) },
  ];
  const n = sorted.length;
  const geography: Dimension = {
    size: scopes.length,
    relations: [
      ...regionNames.map((region, r): [number, number[]] => [
        n + r,
        sorted.flatMap((c, i) => (c.cooperative.region === region ? [i] : [])),
      ]),
      [n + regionNames.length, regionNames.map((_, r) => n + r)],
    ],
    weight: scopes.map((scope) => (scope.key === "N" ? 16 : scope.key.startsWith("R:") ? 4 : 1)),
    maxPattern: 4,
  };
  const flowTime: Dimension = {
    size: 17,
    relations: TIME_RELATIONS,
    weight: periods.map((_, p) => (p < 12 ? 1 : p < 16 ? 3 : 9)),
    maxPattern: 4,
  };
  const stockTime: Dimension = { size: 12, relations: [], weight: months.map(() => 1), maxPattern: 1 };
  const periodTime: Dimension = { size: 17, relations: [], weight: flowTime.weight, maxPattern: 1 };

  // Which measures the sources gave (a source not in the schema yet gives none: its cells are unavailable).
  const present = new Set(scopes[0]?.figures.get(yearKey)?.keys() ?? []);
  const published = FAMILIES.flatMap((family) => [
    ...(family.amounts ?? family.elements.filter((e) => !family.hidden?.includes(e))),
    ...Object.keys(family.shadows ?? {}),
  ]).filter((measure) => present.has(measure));
  const measureIndex = new Map(published.map((m, i) => [m, i]));
  const values: (string | null)[] = new Array(scopes.length * periods.length * published.length).fill(null);

  for (const family of FAMILIES) {
    const measuresOfCell = family.amounts ?? [family.elements[0]];
    if (!measuresOfCell.every((m) => present.has(m))) continue;
    // A family's elements that the sources gave (the funders' breakdowns come from a newer members subgraph), and the relations among them.
    const elements = family.amounts ? family.elements : family.elements.filter((e) => present.has(e));
    const relations = family.relations.filter((r) => [r.total, ...r.parts].every((e) => elements.includes(e)));
    const time = family.eachPeriod ? periodTime : family.stock ? stockTime : flowTime;
    const B = elements.length;
    const T = time.size;
    const hidden = elements.map((e) => family.hidden?.includes(e) ?? false);
    const index = new Map(elements.map((e, i) => [e, i]));
    const breakdown: Dimension = {
      size: B,
      relations: relations.map((r): [number, number[]] => [index.get(r.total)!, r.parts.map((p) => index.get(p)!)]),
      weight: elements.map((e) => (relations.some((r) => r.total === e) ? 3 : 1)),
      maxPattern: 5,
    };
    const cells = scopes.length * T * B;
    const M = measuresOfCell.length;
    const table: Table = {
      dimensions: [geography, time, breakdown],
      values: Array.from({ length: M }, () => new Float64Array(cells)),
      hidden: new Uint8Array(cells),
      up: Array.from({ length: M }, () => new Float64Array(cells)),
      down: Array.from({ length: M }, () => new Float64Array(cells)),
      sensitive: new Uint8Array(cells),
    };
    const min = BigInt(rules.minCount);
    scopes.forEach((scope, g) => {
      for (let t = 0; t < T; t++) {
        const measures = scope.figures.get(periods[t]);
        elements.forEach((element, b) => {
          const cell = (g * T + t) * B + b;
          if (hidden[b]) table.hidden[cell] = 1;
          if (family.amounts) {
            const sensitive = businessSensitive(measures, rules);
            family.amounts.forEach((measure, m) => {
              const value = measures?.get(measure) ?? 0n;
              table.values[m][cell] = asNumber(value);
              if (sensitive) {
                const magnitude = value < 0n ? -value : value;
                const level = asNumber((magnitude * BigInt(rules.protectionPercent) + 99n) / 100n);
                table.up[m][cell] = level;
                table.down[m][cell] = level;
              }
            });
            if (sensitive) table.sensitive[cell] = 1;
          } else {
            const value = measures?.get(element) ?? 0n;
            table.values[0][cell] = asNumber(value);
            if (value > 0n && value < min) {
              table.sensitive[cell] = 1;
              table.up[0][cell] = asNumber(min - 1n - value);
              table.down[0][cell] = asNumber(value - 1n);
            }
          }
        });
      }
    });
    const suppressed = protect(table, (cell) => {
      const b = cell % B;
      const t = Math.floor(cell / B) % T;
      const g = Math.floor(cell / (T * B));
      const size = Math.abs(table.values[0][cell]);
      return geography.weight[g] * time.weight[t] * breakdown.weight[b] * (1 + Math.log1p(size));
    });
    // What each element publishes (itself or its amounts, and its shadows) is listed once, not looked up per cell.
    const stock = family.stock && !family.eachPeriod;
    const shadows = Object.entries(family.shadows ?? {}).filter(([shadow]) => measureIndex.has(shadow));
    const publishedOf = elements.map((element, b) =>
      hidden[b]
        ? []
        : [...(family.amounts ?? [element]), ...shadows.filter(([, master]) => master === element).map(([shadow]) => shadow)].map(
            (measure) => ({ measure, index: measureIndex.get(measure)! }),
          ),
    );
    publishCells(values, { scopes, periods, months, stock, T, B, suppressed, publishedOf, width: published.length });
  }
  return {
    year,
    generatedAt: generatedAt.toISOString(),
    cooperatives: sorted.map((c) => c.cooperative),
    scopes: scopes.map((s) => s.key),
    periods,
    measures: published,
    values,
  };
}
