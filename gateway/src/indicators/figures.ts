/**
 * The raw figures of one cooperative, or of a sum of cooperatives: exact integers (bigint), keyed
 * by measure. Hours are hundredths of an hour, amounts cents, durations a count and a total of days.
 */

export const PATH_STAGES = [
  "PROSPECT",
  "RECEIVED",
  "ORIENTED",
  "ADMITTED",
  "OBJECTIVE_CONTRACT",
  "SUPPORT_AGREEMENT",
  "EMPLOYMENT_CONTRACT",
  "ASSOCIATE",
  "EXITED",
] as const;
export const EXIT_REASONS = [
  "OWN_COMPANY",
  "SALARIED_JOB",
  "TRAINING",
  "ABANDONED",
  "NOT_VIABLE",
  "RETIREMENT",
  "HEALTH_OR_PERSONAL",
  "CONTRACT_TERM",
  "OTHER",
] as const;
export const AGE_BRACKETS = ["under 26", "26-35", "36-45", "46-55", "over 55", "unknown"] as const;
export const SECTORS = ["SERVICES", "CRAFTS", "MOBILE_TRADE", "TRAINING", "BUILDING", "AGRICULTURE", "OTHER"] as const;
export const CONTRACT_KINDS = ["OBJECTIVE", "SUPPORT_AGREEMENT", "EMPLOYMENT"] as const;

/** The parts of a cooperative's figures, one per subgraph that computes them. */
export const SOURCES = ["members", "contracts", "finance"] as const;
export type Source = (typeof SOURCES)[number];

/** Measures that combine by maximum, not by sum (the largest single activity of a set of cells). */
const MAXIMA = new Set(["largestActivityCents"]);

export type Measures = Map<string, bigint>;

export interface Figures {
  /** Period figures. */
  period: Measures;
  /** Month ("2026-03") → that month's flows. */
  months: Map<string, Measures>;
}

export const emptyFigures = (): Figures => ({ period: new Map(), months: new Map() });

function addMeasures(into: Measures, from: Measures) {
  for (const [key, value] of from) {
    const current = into.get(key);
    if (current === undefined) into.set(key, value);
    else into.set(key, MAXIMA.has(key) ? (value > current ? value : current) : current + value);
  }
}

/** The exact sum of several cooperatives' figures (maxima for the largest activity). */
export function sumFigures(parts: Figures[]): Figures {
  const total = emptyFigures();
  for (const part of parts) {
    addMeasures(total.period, part.period);
    for (const [month, measures] of part.months) {
      if (!total.months.has(month)) total.months.set(month, new Map());
      addMeasures(total.months.get(month)!, measures);
    }
  }
  return total;
}

const big = (value: unknown): bigint => {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^-?\d+$/.test(value)) return BigInt(value);
  throw new TypeError(`expected an integer, got ${JSON.stringify(value)}`);
};

/** "1234.5" hours → 123450 hundredths, exactly (no float). */
export function hundredths(decimal: unknown): bigint {
  if (typeof decimal !== "string" || !/^-?\d+(\.\d+)?$/.test(decimal))
    throw new TypeError(`expected a decimal, got ${JSON.stringify(decimal)}`);
  const negative = decimal.startsWith("-");
  const [whole, fraction = ""] = decimal.replace("-", "").split(".");
  if (/[1-9]/.test(fraction.slice(2))) throw new TypeError(`hours are expected in hundredths at most, got ${decimal}`);
  const value = BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2));
  return negative ? -value : value;
}

type Counted<K extends string> = { count: number } & Record<K, string>;
const eachCount = <K extends string>(into: Measures, prefix: string, rows: Counted<K>[], key: K, all: readonly string[]) => {
  for (const name of all) into.set(`${prefix}:${name}`, 0n);
  for (const row of rows) into.set(`${prefix}:${row[key]}`, (into.get(`${prefix}:${row[key]}`) ?? 0n) + big(row.count));
};

/** The shapes the cooperatives' subgraphs answer with (see the fan-out operation). */
export interface MembersPart {
  people: number;
  peopleByPathStage: Counted<"stage">[];
  receptions: number;
  admissions: number;
  orientations: number;
  exitsByReason: Counted<"reason">[];
  associates: number;
  women: number;
  genderDeclared: number;
  ageBrackets: Counted<"bracket">[];
  activitiesBySector: Counted<"sector">[];
  receptionToAdmission: { count: number; totalDays: number };
  receptionToEmploymentContract: { count: number; totalDays: number };
  monthly: { month: string; receptions: number; admissions: number; orientations: number; exits: number }[];
}

export interface ContractsPart {
  signedByKind: Counted<"kind">[];
  runningByKind: Counted<"kind">[];
  runningEmploymentHours: string;
  amendments: number;
  supportToEmployment: { count: number; totalDays: number };
  monthly: { month: string; signedByKind: Counted<"kind">[]; amendments: number }[];
}

interface FinanceFigures {
  revenueInvoicedCents: string;
  revenueCollectedCents: string;
  contributionsCents: string;
  invoicesIssued: number;
  creditNotesIssued: number;
  activitiesWithRevenue: number;
  largestActivityRevenueCents: string;
}
export interface FinancePart extends FinanceFigures {
  monthly: ({ month: string } & FinanceFigures)[];
}

const monthOf = (figures: Figures, month: string): Measures => {
  if (!figures.months.has(month)) figures.months.set(month, new Map());
  return figures.months.get(month)!;
};

export function addMembers(figures: Figures, part: MembersPart) {
  const m = figures.period;
  m.set("people", big(part.people));
  eachCount(m, "stage", part.peopleByPathStage, "stage", PATH_STAGES);
  m.set("receptions", big(part.receptions));
  m.set("admissions", big(part.admissions));
  m.set("orientations", big(part.orientations));
  eachCount(m, "exit", part.exitsByReason, "reason", EXIT_REASONS);
  m.set(
    "exits",
    part.exitsByReason.reduce((total, row) => total + big(row.count), 0n),
  );
  m.set("associates", big(part.associates));
  m.set("women", big(part.women));
  m.set("genderDeclared", big(part.genderDeclared));
  m.set("notWomen", big(part.genderDeclared) - big(part.women));
  eachCount(m, "age", part.ageBrackets, "bracket", AGE_BRACKETS);
  eachCount(m, "sector", part.activitiesBySector, "sector", SECTORS);
  m.set("toAdmission.count", big(part.receptionToAdmission.count));
  m.set("toAdmission.days", big(part.receptionToAdmission.totalDays));
  m.set("toEmployment.count", big(part.receptionToEmploymentContract.count));
  m.set("toEmployment.days", big(part.receptionToEmploymentContract.totalDays));
  for (const row of part.monthly) {
    const month = monthOf(figures, row.month);
    for (const key of ["receptions", "admissions", "orientations", "exits"] as const) month.set(key, big(row[key]));
  }
}

export function addContracts(figures: Figures, part: ContractsPart) {
  const m = figures.period;
  eachCount(m, "signed", part.signedByKind, "kind", CONTRACT_KINDS);
  m.set(
    "signed",
    part.signedByKind.reduce((total, row) => total + big(row.count), 0n),
  );
  eachCount(m, "running", part.runningByKind, "kind", CONTRACT_KINDS);
  m.set("runningEmploymentHundredths", hundredths(part.runningEmploymentHours));
  m.set("amendments", big(part.amendments));
  m.set("supportToEmployment.count", big(part.supportToEmployment.count));
  m.set("supportToEmployment.days", big(part.supportToEmployment.totalDays));
  for (const row of part.monthly) {
    const month = monthOf(figures, row.month);
    eachCount(month, "signed", row.signedByKind, "kind", CONTRACT_KINDS);
    month.set(
      "signed",
      row.signedByKind.reduce((total, r) => total + big(r.count), 0n),
    );
    month.set("amendments", big(row.amendments));
  }
}

const FINANCE_MEASURES: [keyof FinanceFigures, string][] = [
  ["revenueInvoicedCents", "revenueCents"],
  ["revenueCollectedCents", "collectedCents"],
  ["contributionsCents", "contributionsCents"],
  ["invoicesIssued", "invoices"],
  ["creditNotesIssued", "creditNotes"],
  ["activitiesWithRevenue", "activitiesWithRevenue"],
  ["largestActivityRevenueCents", "largestActivityCents"],
];

export function addFinance(figures: Figures, part: FinancePart) {
  for (const [field, key] of FINANCE_MEASURES) figures.period.set(key, big(part[field]));
  for (const row of part.monthly) {
    const month = monthOf(figures, row.month);
    for (const [field, key] of FINANCE_MEASURES) month.set(key, big(row[field]));
  }
}

/** The selection each subgraph's field needs in the fan-out operation. */
export const SOURCE_SELECTIONS: Record<Source, { field: string; selection: string }> = {
  members: {
    field: "membersIndicators",
    selection: `people peopleByPathStage { stage count } receptions admissions orientations exitsByReason { reason count }
      associates women genderDeclared ageBrackets { bracket count } activitiesBySector { sector count }
      receptionToAdmission { count totalDays } receptionToEmploymentContract { count totalDays }
      monthly { month receptions admissions orientations exits }`,
  },
  contracts: {
    field: "contractsIndicators",
    selection: `signedByKind { kind count } runningByKind { kind count } runningEmploymentHours amendments
      supportToEmployment { count totalDays } monthly { month signedByKind { kind count } amendments }`,
  },
  finance: {
    field: "financeIndicators",
    selection: `revenueInvoicedCents revenueCollectedCents contributionsCents invoicesIssued creditNotesIssued activitiesWithRevenue
      largestActivityRevenueCents monthly { month revenueInvoicedCents revenueCollectedCents contributionsCents invoicesIssued
      creditNotesIssued activitiesWithRevenue largestActivityRevenueCents }`,
  },
};

/**
 * A calendar year's figures of one cooperative, for the network's protected release: one set of
 * measures per period of the year, keyed "2026-03" (a month), "2026-Q1" (a quarter) or "2026" (the
 * year). Flows of a quarter or the year are the sums of its months; stocks are those of its last
 * month's end (the same figures); the activities of a quarter or the year come from the finance
 * subgraph (they do not add up over months).
 */
export type YearFigures = Map<string, Measures>;

export interface MembersMonthPart {
  month: string;
  receptions: number;
  admissions: number;
  orientations: number;
  exits: number;
  exitsByReason: Counted<"reason">[];
  receptionToAdmission: { count: number; totalDays: number };
  receptionToEmploymentContract: { count: number; totalDays: number };
  people: number;
  women: number;
  genderDeclared: number;
  associates: number;
  peopleByPathStage: Counted<"stage">[];
  ageBrackets: Counted<"bracket">[];
  activitiesBySector: Counted<"sector">[];
}
export interface ContractsMonthPart {
  month: string;
  signedByKind: Counted<"kind">[];
  amendments: number;
  supportToEmployment: { count: number; totalDays: number };
  runningByKind: Counted<"kind">[];
  runningEmploymentHours: string;
}
export interface FinanceYearPart {
  activitiesWithRevenue: number;
  largestActivityRevenueCents: string;
  monthly: ({ month: string } & FinanceFigures)[];
  quarterly: { quarter: string; activitiesWithRevenue: number; largestActivityRevenueCents: string }[];
}

/** The 17 periods of a year, months first: "2026-01".."2026-12", "2026-Q1".."2026-Q4", "2026". */
export function periodsOf(year: number): { months: string[]; quarters: string[]; year: string } {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  return { months, quarters: [1, 2, 3, 4].map((q) => `${year}-Q${q}`), year: String(year) };
}

/** Measures that are stocks (taken at the end of a period), as opposed to flows (summed over it). */
export const STOCKS = new Set([
  "people",
  ...PATH_STAGES.map((s) => `stage:${s}`),
  ...AGE_BRACKETS.map((a) => `age:${a}`),
  ...SECTORS.map((s) => `sector:${s}`),
  "women",
  "genderDeclared",
  "notWomen",
  "undeclared",
  "associates",
  ...CONTRACT_KINDS.map((k) => `running:${k}`),
  "runningEmploymentHundredths",
]);
/** Measures given for each period by the finance subgraph itself (activities do not add up). */
const ACTIVITY_MEASURES = ["activitiesWithRevenue", "largestActivityCents"];

/** One cooperative's year, from the monthly rows of its three subgraphs for the whole year. */
export function yearFigures(
  year: number,
  parts: { members?: { monthly: MembersMonthPart[] }; contracts?: { monthly: ContractsMonthPart[] }; finance?: FinanceYearPart },
): YearFigures {
  const periods = periodsOf(year);
  const figures: YearFigures = new Map();
  for (const month of periods.months) figures.set(month, new Map());
  const monthOfRow = (month: string) => {
    const measures = figures.get(month);
    if (!measures) throw new TypeError(`a month outside ${year}: ${month}`);
    return measures;
  };
  for (const row of parts.members?.monthly ?? []) {
    const m = monthOfRow(row.month);
    for (const key of ["receptions", "admissions", "orientations", "exits", "people", "women", "genderDeclared", "associates"] as const)
      m.set(key, big(row[key]));
    eachCount(m, "exit", row.exitsByReason, "reason", EXIT_REASONS);
    m.set("toAdmission.count", big(row.receptionToAdmission.count));
    m.set("toAdmission.days", big(row.receptionToAdmission.totalDays));
    m.set("toEmployment.count", big(row.receptionToEmploymentContract.count));
    m.set("toEmployment.days", big(row.receptionToEmploymentContract.totalDays));
    m.set("notWomen", big(row.genderDeclared) - big(row.women));
    m.set("undeclared", big(row.people) - big(row.genderDeclared));
    eachCount(m, "stage", row.peopleByPathStage, "stage", PATH_STAGES);
    eachCount(m, "age", row.ageBrackets, "bracket", AGE_BRACKETS);
    eachCount(m, "sector", row.activitiesBySector, "sector", SECTORS);
  }
  for (const row of parts.contracts?.monthly ?? []) {
    const m = monthOfRow(row.month);
    eachCount(m, "signed", row.signedByKind, "kind", CONTRACT_KINDS);
    m.set(
      "signed",
      row.signedByKind.reduce((total, r) => total + big(r.count), 0n),
    );
    m.set("amendments", big(row.amendments));
    m.set("supportToEmployment.count", big(row.supportToEmployment.count));
    m.set("supportToEmployment.days", big(row.supportToEmployment.totalDays));
    eachCount(m, "running", row.runningByKind, "kind", CONTRACT_KINDS);
    m.set("runningEmploymentHundredths", hundredths(row.runningEmploymentHours));
  }
  if (parts.finance)
    for (const row of parts.finance.monthly) {
      const m = monthOfRow(row.month);
      for (const [field, key] of FINANCE_MEASURES) m.set(key, big(row[field]));
    }
  // Quarters and the year: flows summed over their months, stocks those of their last month.
  const aggregate = (key: string, months: string[]) => {
    const measures: Measures = new Map();
    for (const measure of figures.get(months[0])!.keys()) {
      if (ACTIVITY_MEASURES.includes(measure)) continue;
      const last = figures.get(months.at(-1)!)!.get(measure) ?? 0n;
      measures.set(measure, STOCKS.has(measure) ? last : months.reduce((sum, m) => sum + (figures.get(m)!.get(measure) ?? 0n), 0n));
    }
    figures.set(key, measures);
  };
  periods.quarters.forEach((quarter, q) => aggregate(quarter, periods.months.slice(q * 3, q * 3 + 3)));
  aggregate(periods.year, periods.months);
  if (parts.finance) {
    for (const row of parts.finance.quarterly) {
      const measures = figures.get(row.quarter);
      if (!measures) throw new TypeError(`a quarter outside ${year}: ${row.quarter}`);
      measures.set("activitiesWithRevenue", big(row.activitiesWithRevenue));
      measures.set("largestActivityCents", big(row.largestActivityRevenueCents));
    }
    const measures = figures.get(periods.year)!;
    measures.set("activitiesWithRevenue", big(parts.finance.activitiesWithRevenue));
    measures.set("largestActivityCents", big(parts.finance.largestActivityRevenueCents));
  }
  return figures;
}

/** The selection of the year's fan-out: monthly rows (flows and month-end stocks), and the finance activities of quarters and year. */
export const YEAR_SELECTIONS: Record<Source, { field: string; selection: string }> = {
  members: {
    field: "membersIndicators",
    selection: `monthly { month receptions admissions orientations exits exitsByReason { reason count }
      receptionToAdmission { count totalDays } receptionToEmploymentContract { count totalDays }
      people women genderDeclared associates peopleByPathStage { stage count } ageBrackets { bracket count }
      activitiesBySector { sector count } }`,
  },
  contracts: {
    field: "contractsIndicators",
    selection: `monthly { month signedByKind { kind count } amendments supportToEmployment { count totalDays }
      runningByKind { kind count } runningEmploymentHours }`,
  },
  finance: {
    field: "financeIndicators",
    selection: `activitiesWithRevenue largestActivityRevenueCents
      monthly { month revenueInvoicedCents revenueCollectedCents contributionsCents invoicesIssued creditNotesIssued activitiesWithRevenue
      largestActivityRevenueCents } quarterly { quarter activitiesWithRevenue largestActivityRevenueCents }`,
  },
};
