import { AGE_BRACKETS, CONTRACT_KINDS, EXIT_REASONS, PATH_STAGES, SECTORS } from "./figures";
import {
  ENTRY_MEASURES,
  FOLLOW_UP_MONTHS,
  FOLLOW_UP_SITUATIONS,
  followUpKey,
  FUNDER_DIMENSIONS,
  PARTNER_KINDS,
  receivedKey,
  supportedKey,
} from "./funder";
import type {
  AmountCell,
  CountCell,
  DecimalCell,
  DurationIndicator,
  IndicatorSet,
  FunderIndicators,
  KeyedCountCell,
  MonthIndicators,
} from "./indicators.type";
import type { Figures } from "./figures";
import type { Release } from "./release";

/** Why a cell has no value: hidden by the disclosure control (one reason for every hidden cell), or its source is not in the network yet. */
export type Reason = "CONFIDENTIAL" | "UNAVAILABLE";

/** A readable set of cells: one scope of a release, a cooperative's exact figures, or the sum of several cooperatives' cells. */
export interface View {
  cooperatives: number;
  /** `month` "" is the period itself. */
  cell(month: string, measure: string): { value: bigint | null; reason: Reason | null };
}

/** A cooperative's own exact figures (its staff). */
export function figuresView(figures: Figures, cooperatives: number): View {
  return {
    cooperatives,
    cell(month, measure) {
      const measures = month === "" ? figures.period : figures.months.get(month);
      const value = measures?.get(measure);
      return value === undefined ? { value: null, reason: "UNAVAILABLE" } : { value, reason: null };
    },
  };
}

/** One scope of a protected release, for one period (`month` "" in `cell`) and its months. */
export function releaseView(release: Release, scope: string, period: string, cooperatives: number): View {
  const s = release.scopes.indexOf(scope);
  if (s < 0) throw new Error(`no scope ${scope} in the release`);
  const measureIndex = indexOf(release);
  const own = release.periods.indexOf(period);
  return {
    cooperatives,
    cell(month, measure) {
      const m = measureIndex.get(measure);
      const p = month === "" ? own : release.periods.indexOf(month);
      if (m === undefined || p < 0) return { value: null, reason: "UNAVAILABLE" };
      const value = release.values[(s * release.periods.length + p) * release.measures.length + m];
      return value === null ? { value: null, reason: "CONFIDENTIAL" } : { value: BigInt(value), reason: null };
    },
  };
}

const indexes = new WeakMap<Release, Map<string, number>>();
function indexOf(release: Release): Map<string, number> {
  let index = indexes.get(release);
  if (!index) indexes.set(release, (index = new Map(release.measures.map((m, i) => [m, i]))));
  return index;
}

/** Every cell unavailable: no protected release to cut the answer from. */
export function unavailableView(cooperatives: number): View {
  return { cooperatives, cell: () => ({ value: null, reason: "UNAVAILABLE" }) };
}

/** A sum of cooperatives that is no scope of the release: shown only where every part is shown, so that it tells nothing new. */
export function sumView(parts: View[]): View {
  return {
    cooperatives: parts.reduce((total, part) => total + part.cooperatives, 0),
    cell(month, measure) {
      let value = 0n;
      for (const part of parts) {
        const cell = part.cell(month, measure);
        if (cell.reason === "UNAVAILABLE") return cell;
        if (cell.value === null) return { value: null, reason: "CONFIDENTIAL" };
        value += cell.value;
      }
      return { value, reason: null };
    },
  };
}

const count = (view: View, month: string, measure: string): CountCell => {
  const { value, reason } = view.cell(month, measure);
  return { value: value === null ? null : Number(value), suppressed: reason !== null && reason !== "UNAVAILABLE", reason };
};
const keyed = (view: View, month: string, prefix: string, keys: readonly string[]): KeyedCountCell[] =>
  keys.map((key) => ({ key, ...count(view, month, `${prefix}:${key}`) }));
const amount = (view: View, month: string, measure: string, revenueOf = "revenueCents"): AmountCell => {
  // Every finance figure of a cell is hidden with the revenue cell it would give away.
  const revenue = view.cell(month, revenueOf);
  const own = view.cell(month, measure);
  const reason = own.reason ?? revenue.reason;
  return { value: reason ? null : own.value!.toString(), suppressed: reason !== null && reason !== "UNAVAILABLE", reason };
};
const financeCount = (view: View, month: string, measure: string): CountCell => {
  const cell = amount(view, month, measure);
  return { value: cell.value === null ? null : Number(cell.value), suppressed: cell.suppressed, reason: cell.reason };
};

/** A decimal computed from exact integers: `numerator / denominator` rounded half up to `places`. */
export function divide(numerator: bigint, denominator: bigint, places: number): string | null {
  if (denominator === 0n) return null;
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const scale = 10n ** BigInt(places);
  const rounded = (n * scale * 2n + d) / (2n * d);
  const whole = (rounded / scale).toString();
  const fraction = places > 0 ? `.${(rounded % scale).toString().padStart(places, "0")}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

const decimal = (
  cells: { value: bigint | null; reason: Reason | null }[],
  compute: (...values: bigint[]) => string | null,
): DecimalCell => {
  const hidden = cells.find((cell) => cell.reason !== null);
  if (hidden)
    return {
      value: null,
      suppressed: hidden.reason !== "UNAVAILABLE",
      reason: hidden.reason,
    };
  return { value: compute(...cells.map((cell) => cell.value!)), suppressed: false, reason: null };
};

const duration = (view: View, prefix: string): DurationIndicator => ({
  count: count(view, "", `${prefix}.count`),
  averageDays: decimal([view.cell("", `${prefix}.count`), view.cell("", `${prefix}.days`)], (n, days) => divide(days, n, 1)),
});

/** Hours per month of a full-time employee (35 h a week): the FTE divisor. */
const FULL_TIME_HUNDREDTHS = 15167n;

/** Hours from minutes, two decimals, hidden with the count of sessions they are the minutes of. */
const hours = (view: View, sessions: string, minutes: string): DecimalCell =>
  decimal([view.cell("", sessions), view.cell("", minutes)], (_, m) => divide(m, 60n, 2));

export function funderIndicators(view: View): FunderIndicators {
  const byDimension = (keyOf: (dimension: string, key: string) => string) =>
    Object.entries(FUNDER_DIMENSIONS).map(([dimension, keys]) => ({
      dimension,
      cells: keys.map((key) => ({ key, ...count(view, "", keyOf(dimension, key)) })),
    }));
  return {
    supported: count(view, "", "f.supported"),
    supportedBy: byDimension(supportedKey),
    receivedBy: byDimension(receivedKey),
    entries: ENTRY_MEASURES.map(([step, measure]) => ({ key: step, ...count(view, "", measure) })),
    inContract: keyed(view, "", "f.inContract", CONTRACT_KINDS),
    orientationsByPartnerKind: keyed(view, "", "f.orientedTo", PARTNER_KINDS),
    followUps: FOLLOW_UP_MONTHS.map((months) => ({
      months,
      due: count(view, "", followUpKey(months)),
      bySituation: FOLLOW_UP_SITUATIONS.map((situation) => ({ key: situation, ...count(view, "", followUpKey(months, situation)) })),
    })),
    support: {
      individualSessions: count(view, "", "f.individualSessions"),
      individualHours: hours(view, "f.individualSessions", "f.individualMinutes"),
      individualMinutes: count(view, "", "f.individualMinutes"),
      workshops: count(view, "", "f.workshops"),
      workshopHours: hours(view, "f.workshops", "f.workshopMinutes"),
      workshopMinutes: count(view, "", "f.workshopMinutes"),
      workshopsWithSignedSheet: count(view, "", "f.workshopsWithSignedSheet"),
      workshopAttendances: count(view, "", "f.workshopAttendances"),
      peopleReached: count(view, "", "f.peopleReached"),
    },
  };
}

export function indicatorSet(view: View): IndicatorSet {
  const running = view.cell("", "running:EMPLOYMENT");
  const hours = view.cell("", "runningEmploymentHundredths");
  // Hours are hidden with the count of running CESA they are the hours of.
  const hoursCells = [running, hours];
  return {
    cooperatives: view.cooperatives,
    people: count(view, "", "people"),
    peopleByStage: keyed(view, "", "stage", PATH_STAGES),
    receptions: count(view, "", "receptions"),
    admissions: count(view, "", "admissions"),
    orientations: count(view, "", "orientations"),
    exits: count(view, "", "exits"),
    exitsByReason: keyed(view, "", "exit", EXIT_REASONS),
    associates: count(view, "", "associates"),
    associatesShare: decimal([view.cell("", "stage:ASSOCIATE"), view.cell("", "stage:EMPLOYMENT_CONTRACT")], (associates, employed) =>
      divide(associates, associates + employed, 4),
    ),
    women: count(view, "", "women"),
    genderDeclared: count(view, "", "genderDeclared"),
    womenShare: decimal([view.cell("", "women"), view.cell("", "genderDeclared")], (women, declared) => divide(women, declared, 4)),
    ageBrackets: keyed(view, "", "age", AGE_BRACKETS),
    activitiesBySector: keyed(view, "", "sector", SECTORS),
    contractsSigned: count(view, "", "signed"),
    contractsSignedByKind: keyed(view, "", "signed", CONTRACT_KINDS),
    amendments: count(view, "", "amendments"),
    runningContractsByKind: keyed(view, "", "running", CONTRACT_KINDS),
    runningEmploymentHours: decimal(hoursCells, (_, h) => divide(h, 100n, 2)),
    fullTimeEquivalent: decimal(hoursCells, (_, h) => divide(h, FULL_TIME_HUNDREDTHS, 2)),
    revenueExcludingVat: amount(view, "", "revenueCents"),
    revenueCollected: amount(view, "", "collectedCents"),
    contributions: amount(view, "", "contributionsCents"),
    invoicesIssued: financeCount(view, "", "invoices"),
    creditNotesIssued: financeCount(view, "", "creditNotes"),
    receptionToEmploymentContract: duration(view, "toEmployment"),
    receptionToAdmission: duration(view, "toAdmission"),
    supportToEmployment: duration(view, "supportToEmployment"),
    funder: funderIndicators(view),
  };
}

export function monthIndicators(view: View, month: string): MonthIndicators {
  return {
    month,
    receptions: count(view, month, "receptions"),
    admissions: count(view, month, "admissions"),
    orientations: count(view, month, "orientations"),
    exits: count(view, month, "exits"),
    contractsSigned: count(view, month, "signed"),
    contractsSignedByKind: keyed(view, month, "signed", CONTRACT_KINDS),
    amendments: count(view, month, "amendments"),
    revenueExcludingVat: amount(view, month, "revenueCents"),
    contributions: amount(view, month, "contributionsCents"),
    invoicesIssued: financeCount(view, month, "invoices"),
  };
}
