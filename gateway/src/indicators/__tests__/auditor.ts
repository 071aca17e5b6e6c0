import highsLoader from "highs";
import { FOLLOW_UP_MONTHS, FOLLOW_UP_SITUATIONS, FUNDER_DIMENSIONS, PARTNER_KINDS } from "../funder";

/**
 * An attacker's auditor, for the tests only, independent of the production protection code: from
 * the cells a network role can obtain for a year (published values, nulls where suppressed) and
 * every relation a reader knows between them, linear programming computes the range each
 * suppressed (or never published) cell can take, and checks it against the true values:
 *
 * - a count from 1 to minCount - 1 must be able to reach 1 (or less) and minCount - 1 (or more);
 * - a sensitive amount must be able to move at least ± protectionPercent of its value.
 *
 * What a reader knows: every figure is a count or an amount not below 0; suppressed cells all
 * carry one reason (so none is known to be small, nor to be above the threshold); the relations:
 * a region is the sum of its cooperatives and the network the sum of the regions (every measure,
 * every period); a quarter is the sum of its months and the year of its quarters (flows); a
 * stock's quarter and year are its last month's figure; people = the sum of the stages = the sum
 * of the age brackets = gender declared + the undeclared; gender declared = women + the others;
 * exits = the sum of the reasons; contracts signed = the sum of the kinds. With the funders'
 * figures: people supported = the sum of each dimension's keys, receptions = the sum of each
 * dimension's keys of the people received, orientations = the sum of the partners' kinds, the
 * follow-ups due = the sum of their situations; people supported, in a contract and reached are
 * counted within each period, so no time relation links them (a quarter's is not its months' sum).
 * Of the lists of keys, only the lists are the production's (`../funder`); the relations are
 * written here.
 */

export const STAGES = [
  "PROSPECT",
  "RECEIVED",
  "ORIENTED",
  "ADMITTED",
  "OBJECTIVE_CONTRACT",
  "SUPPORT_AGREEMENT",
  "EMPLOYMENT_CONTRACT",
  "ASSOCIATE",
  "EXITED",
];
export const REASONS = [
  "OWN_COMPANY",
  "SALARIED_JOB",
  "TRAINING",
  "ABANDONED",
  "NOT_VIABLE",
  "RETIREMENT",
  "HEALTH_OR_PERSONAL",
  "CONTRACT_TERM",
  "OTHER",
];
export const AGES = ["under 26", "26-35", "36-45", "46-55", "over 55", "unknown"];
export const SECTOR_NAMES = ["SERVICES", "CRAFTS", "MOBILE_TRADE", "TRAINING", "BUILDING", "AGRICULTURE", "OTHER"];
export const KINDS = ["OBJECTIVE", "SUPPORT_AGREEMENT", "EMPLOYMENT"];

const p = (prefix: string, names: string[]) => names.map((n) => `${prefix}:${n}`);
/** Counts of people (sensitive from 1 to minCount - 1). */
export const COUNT_MEASURES = [
  "people",
  ...p("stage", STAGES),
  ...p("age", AGES),
  "genderDeclared",
  "women",
  "associates",
  ...p("sector", SECTOR_NAMES),
  ...p("running", KINDS),
  "receptions",
  "admissions",
  "orientations",
  "exits",
  ...p("exit", REASONS),
  "signed",
  ...p("signed", KINDS),
  "amendments",
  "toAdmission.count",
  "toEmployment.count",
  "supportToEmployment.count",
];
/** Never published, derivable: protected like the counts. */
export const UNPUBLISHED = ["notWomen", "undeclared"];
/** Amounts of the business rules (sensitive when the revenue cell is). */
export const AMOUNT_MEASURES = ["revenueCents", "collectedCents", "contributionsCents"];
/** Counts of documents, hidden with the revenue they carry (not sensitive by themselves). */
export const DOCUMENT_MEASURES = ["invoices", "creditNotes"];
const STOCK = new Set([
  "people",
  ...p("stage", STAGES),
  ...p("age", AGES),
  "genderDeclared",
  "women",
  "associates",
  ...p("sector", SECTOR_NAMES),
  ...p("running", KINDS),
  ...UNPUBLISHED,
]);
const BREAKDOWNS: [string, string[]][] = [
  ["people", p("stage", STAGES)],
  ["people", p("age", AGES)],
  ["people", ["genderDeclared", "undeclared"]],
  ["genderDeclared", ["women", "notWomen"]],
  ["exits", p("exit", REASONS)],
  ["signed", p("signed", KINDS)],
];

const byDimension = (prefix: string) =>
  Object.entries(FUNDER_DIMENSIONS).map(([dimension, keys]) => keys.map((k) => `${prefix}:${dimension}:${k}`));
const followUp = (months: number) => `f.followUp:${months}`;
/** The funders' counts of people counted within each period: no time relation. */
export const FUNDER_PERIOD_COUNTS = ["f.supported", ...byDimension("f.supported").flat(), ...p("f.inContract", KINDS), "f.peopleReached"];
/** The funders' other counts: flows, like the receptions. */
export const FUNDER_FLOW_COUNTS = [
  ...byDimension("f.received").flat(),
  ...p("f.orientedTo", [...PARTNER_KINDS]),
  ...p("f.entry", ["INFORMATION_MEETING", "OBJECTIVE_CONTRACT", "SUPPORT_AGREEMENT", "EMPLOYMENT_CONTRACT", "ASSOCIATE"]),
  ...FOLLOW_UP_MONTHS.flatMap((months) => [followUp(months), ...FOLLOW_UP_SITUATIONS.map((s) => `${followUp(months)}:${s}`)]),
  "f.individualSessions",
  "f.workshops",
  "f.workshopAttendances",
];
const FUNDER_BREAKDOWNS: [string, string[]][] = [
  ...byDimension("f.supported").map((keys): [string, string[]] => ["f.supported", keys]),
  ...byDimension("f.received").map((keys): [string, string[]] => ["receptions", keys]),
  ["orientations", p("f.orientedTo", [...PARTNER_KINDS])],
  ...FOLLOW_UP_MONTHS.map((months): [string, string[]] => [followUp(months), FOLLOW_UP_SITUATIONS.map((s) => `${followUp(months)}:${s}`)]),
];
const FUNDER_PERIOD = new Set(FUNDER_PERIOD_COUNTS);
const COUNTS = new Set([...COUNT_MEASURES, ...UNPUBLISHED, ...FUNDER_PERIOD_COUNTS, ...FUNDER_FLOW_COUNTS]);

export interface Geography {
  cooperatives: { id: string; region: string }[];
}

/** Cell key: scope ("C:id", "R:region", "N") | period ("2026-03", "2026-Q1", "2026") | measure. */
export const key = (scope: string, period: string, measure: string) => `${scope}|${period}|${measure}`;

export function yearPeriods(year: number): { months: string[]; quarters: string[]; year: string; all: string[] } {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return { months, quarters, year: String(year), all: [...months, ...quarters, String(year)] };
}

/** Every relation a reader knows, as rows `total - sum(parts) = 0`. */
export function relations(geography: Geography, year: number, options: { funder?: boolean } = {}): [string, string[]][] {
  const periods = yearPeriods(year);
  const regions = [...new Set(geography.cooperatives.map((c) => c.region))];
  const measures = [
    ...COUNT_MEASURES,
    ...UNPUBLISHED,
    ...AMOUNT_MEASURES,
    ...DOCUMENT_MEASURES,
    ...(options.funder ? [...FUNDER_PERIOD_COUNTS, ...FUNDER_FLOW_COUNTS] : []),
  ];
  const scopes = ["N", ...regions.map((r) => `R:${r}`), ...geography.cooperatives.map((c) => `C:${c.id}`)];
  const rows: [string, string[]][] = [];
  for (const measure of measures) {
    for (const period of periods.all) {
      rows.push([key("N", period, measure), regions.map((r) => key(`R:${r}`, period, measure))]);
      for (const region of regions)
        rows.push([
          key(`R:${region}`, period, measure),
          geography.cooperatives.filter((c) => c.region === region).map((c) => key(`C:${c.id}`, period, measure)),
        ]);
    }
    if (FUNDER_PERIOD.has(measure)) continue;
    for (const scope of scopes) {
      periods.quarters.forEach((quarter, q) => {
        const months = periods.months.slice(q * 3, q * 3 + 3);
        rows.push([
          key(scope, quarter, measure),
          STOCK.has(measure) ? [key(scope, months[2], measure)] : months.map((m) => key(scope, m, measure)),
        ]);
      });
      rows.push([
        key(scope, periods.year, measure),
        STOCK.has(measure) ? [key(scope, periods.quarters[3], measure)] : periods.quarters.map((q) => key(scope, q, measure)),
      ]);
    }
  }
  for (const scope of scopes)
    for (const period of periods.all)
      for (const [total, parts] of [...BREAKDOWNS, ...(options.funder ? FUNDER_BREAKDOWNS : [])])
        rows.push([key(scope, period, total), parts.map((part) => key(scope, period, part))]);
  return rows;
}

export interface Finding {
  cell: string;
  value: number;
  min: number;
  max: number;
  needed: [number, number];
  published?: boolean;
}

export interface AuditResult {
  /** Sensitive cells checked by linear programming. */
  checked: number;
  /** Sensitive cells whose range is too narrow, or that are published. */
  findings: Finding[];
  /** How many linear programs were solved, and the largest component (variables). */
  programs: number;
  largest: number;
}

/**
 * `published`: every cell a network role obtains (null where suppressed); `truth`: the true values
 * of every cell (counts and amounts) and `sensitive` the cells the rules say are sensitive.
 */
export async function audit(options: {
  published: ReadonlyMap<string, number | null>;
  truth: ReadonlyMap<string, number>;
  sensitive: ReadonlySet<string>;
  rows: [string, string[]][];
  minCount: number;
  protectionPercent: number;
  /** Stop once that many findings are made (a weak protection need not be audited to the end). */
  stopAfter?: number;
}): Promise<AuditResult> {
  const highs = await highsLoader();
  const { published, truth, sensitive, rows, minCount, protectionPercent, stopAfter = Infinity } = options;
  const unknown = (cell: string) => !published.has(cell) || published.get(cell) === null;
  const findings: Finding[] = [];
  // A sensitive cell published is a finding by itself.
  for (const cell of sensitive) {
    if (!unknown(cell))
      findings.push({ cell, value: truth.get(cell)!, min: truth.get(cell)!, max: truth.get(cell)!, needed: [0, 0], published: true });
  }
  // The unknowns, in components linked by relations.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root)! !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const linear = rows.map(([total, parts]) => [total, ...parts].map((cell, i) => ({ cell, sign: i === 0 ? 1 : -1 })));
  for (const row of linear) {
    const cells = row.filter((t) => unknown(t.cell)).map((t) => t.cell);
    for (const cell of cells) if (!parent.has(cell)) parent.set(cell, cell);
    for (const cell of cells.slice(1)) parent.set(find(cell), find(cells[0]));
  }
  for (const cell of sensitive) if (unknown(cell) && !parent.has(cell)) parent.set(cell, cell);
  const components = new Map<string, { cells: string[]; rows: { terms: { cell: string; sign: number }[]; constant: number }[] }>();
  for (const cell of parent.keys()) {
    const root = find(cell);
    if (!components.has(root)) components.set(root, { cells: [], rows: [] });
    components.get(root)!.cells.push(cell);
  }
  for (const row of linear) {
    const terms = row.filter((t) => unknown(t.cell));
    if (terms.length === 0) continue;
    const constant = row.filter((t) => !unknown(t.cell)).reduce((sum, t) => sum + t.sign * (published.get(t.cell) as number), 0);
    components.get(find(terms[0].cell))!.rows.push({ terms, constant });
  }
  let checked = 0;
  let programs = 0;
  let largest = 0;
  for (const component of components.values()) {
    if (findings.length >= stopAfter) break;
    const targets = component.cells.filter((cell) => sensitive.has(cell));
    if (targets.length === 0) continue;
    largest = Math.max(largest, component.cells.length);
    const index = new Map(component.cells.map((cell, i) => [cell, i]));
    const n = component.cells.length;
    // Rows: sum(sign × x) = -constant.
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const bounds: number[] = [];
    for (const row of component.rows) {
      const merged = new Map<number, number>();
      for (const t of row.terms) merged.set(index.get(t.cell)!, (merged.get(index.get(t.cell)!) ?? 0) + t.sign);
      for (const [column, value] of merged) {
        if (value === 0) continue;
        indices.push(column);
        values.push(value);
      }
      starts.push(indices.length);
      bounds.push(-row.constant);
    }
    const model = highs.createModel({
      numCols: n,
      numRows: component.rows.length,
      colCost: new Float64Array(n),
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(highs.infinity),
      rowLower: bounds,
      rowUpper: bounds,
      matrix: { format: "csr", numRows: component.rows.length, numCols: n, starts, indices, values },
    });
    // One model per component, the objective changed between solves: without presolve, the simplex starts from the last basis.
    model.options.set({ output_flag: false, presolve: "off", solver: "simplex" });
    try {
      // What each target's range must reach, and whether a feasible point already shows it does (the true values are one):
      // a solution of one program is a witness for every target it takes far enough, so most need no program of their own.
      const needs = targets.map((cell): [number, number, number] => {
        const value = truth.get(cell)!;
        const measure = cell.split("|")[2];
        const [low, high] = AMOUNT_MEASURES.includes(measure)
          ? [value - (Math.abs(value) * protectionPercent) / 100, value + (Math.abs(value) * protectionPercent) / 100]
          : [1, minCount - 1];
        return [low, high, 1e-6 * Math.max(1, Math.abs(value))];
      });
      const reachedLow = targets.map((cell, i) => truth.get(cell)! <= needs[i][0] + needs[i][2]);
      const reachedHigh = targets.map((cell, i) => truth.get(cell)! >= needs[i][1] - needs[i][2]);
      const columns = targets.map((cell) => index.get(cell)!);
      const witness = (solution: Float64Array) =>
        columns.forEach((column, i) => {
          if (solution[column] <= needs[i][0] + needs[i][2]) reachedLow[i] = true;
          if (solution[column] >= needs[i][1] - needs[i][2]) reachedHigh[i] = true;
        });
      // First a few programs for all of them at once: push every target not yet seen high up to its need (capped there, so
      // that the program is bounded: a point of a smaller feasible set is a point of the whole), and every target not yet
      // seen low down. Their solutions are witnesses; the targets left get programs of their own.
      for (let round = 0; round < 3; round++) {
        for (const side of [1, 0] as const) {
          const left = columns.filter((_, i) => !(side === 1 ? reachedHigh[i] : reachedLow[i]));
          if (left.length === 0) continue;
          const sorted = Int32Array.from([...new Set(left)].sort((a, b) => a - b));
          const selection = { kind: "set", indices: sorted } as const;
          const caps = Float64Array.from(sorted, (column) => needs[columns.indexOf(column)][1]);
          model.changeColsCost(selection, new Float64Array(sorted.length).fill(1));
          if (side === 1) model.changeColsBounds(selection, new Float64Array(sorted.length), caps);
          model.changeObjectiveSense(side === 1 ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize);
          model.run();
          programs++;
          const solution = model.getModelStatus() === highs.constants.modelStatus.optimal ? model.getSolution().colValue : undefined;
          model.changeColsCost(selection, new Float64Array(sorted.length));
          if (side === 1)
            model.changeColsBounds(selection, new Float64Array(sorted.length), new Float64Array(sorted.length).fill(highs.infinity));
          if (solution) witness(solution);
        }
      }
      for (let i = 0; i < targets.length; i++) {
        if (findings.length >= stopAfter) break;
        const cell = targets[i];
        const range: [number, number] = [-Infinity, Infinity];
        for (const [side, sense] of [
          [0, highs.constants.objectiveSense.minimize],
          [1, highs.constants.objectiveSense.maximize],
        ] as const) {
          if (side === 0 ? reachedLow[i] : reachedHigh[i]) continue;
          model.changeColCost(columns[i], 1);
          model.changeObjectiveSense(sense);
          model.run();
          programs++;
          const status = model.getModelStatus();
          const objective = model.getObjectiveValue();
          const solution = status === highs.constants.modelStatus.optimal ? model.getSolution().colValue : undefined;
          // Changing the model resets its status: after reading it.
          model.changeColCost(columns[i], 0);
          if (status === highs.constants.modelStatus.unbounded || status === highs.constants.modelStatus.unboundedOrInfeasible) {
            if (side === 1) reachedHigh[i] = true;
            else throw new Error(`the auditor's program for ${cell} is unbounded below`);
            continue;
          }
          if (status !== highs.constants.modelStatus.optimal)
            throw new Error(`the auditor's program for ${cell} ended with status ${status}`);
          range[side] = objective;
          witness(solution!);
        }
        checked++;
        if (!reachedLow[i] || !reachedHigh[i])
          findings.push({ cell, value: truth.get(cell)!, min: range[0], max: range[1], needed: [needs[i][0], needs[i][1]] });
      }
    } finally {
      model[Symbol.dispose]();
    }
  }
  return { checked, findings, programs, largest };
}

/** Which cells the rules say are sensitive, from the true values (and each revenue cell's activities). */
export function sensitiveCells(
  truth: ReadonlyMap<string, number>,
  activities: ReadonlyMap<string, { count: number; largest: number }>,
  rules: { minCount: number; minActivities: number; dominancePercent: number },
): Set<string> {
  const sensitive = new Set<string>();
  for (const [cell, value] of truth) {
    const [scope, period, measure] = cell.split("|");
    if (COUNTS.has(measure) && value >= 1 && value < rules.minCount) sensitive.add(cell);
    if (measure === "revenueCents") {
      const a = activities.get(`${scope}|${period}`) ?? { count: 0, largest: 0 };
      const business = (a.count > 0 && a.count < rules.minActivities) || (value > 0 && a.largest * 100 > value * rules.dominancePercent);
      if (business)
        for (const amount of AMOUNT_MEASURES) if (truth.get(key(scope, period, amount))) sensitive.add(key(scope, period, amount));
    }
  }
  return sensitive;
}

/** True values of regions and the network from the cooperatives' (sums; activities summed, the largest the largest). */
export function addAggregates(
  geography: Geography,
  cooperatives: Map<string, number>,
  activities: Map<string, { count: number; largest: number }>,
) {
  const regions = [...new Set(geography.cooperatives.map((c) => c.region))];
  const scopes: [string, string[]][] = [
    ...regions.map((r): [string, string[]] => [`R:${r}`, geography.cooperatives.filter((c) => c.region === r).map((c) => `C:${c.id}`)]),
    ["N", geography.cooperatives.map((c) => `C:${c.id}`)],
  ];
  const entries = [...cooperatives];
  for (const [scope, parts] of scopes) {
    for (const [cell, value] of entries) {
      const [coop, period, measure] = cell.split("|");
      if (!parts.includes(coop)) continue;
      const k = key(scope, period, measure);
      cooperatives.set(k, (cooperatives.get(k) ?? 0) + value);
    }
    for (const [cell, a] of [...activities]) {
      const [coop, period] = cell.split("|");
      if (!parts.includes(coop)) continue;
      const k = `${scope}|${period}`;
      const current = activities.get(k) ?? { count: 0, largest: 0 };
      activities.set(k, { count: current.count + a.count, largest: Math.max(current.largest, a.largest) });
    }
  }
}
