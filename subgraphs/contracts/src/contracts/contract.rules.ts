import {
  addDays,
  addMonths,
  CONTRACT_KINDS_IN_PATH_ORDER,
  daysBetween,
  eurosText,
  FULL_TIME_MONTHLY_HOURS_HUNDREDTHS,
  hoursToHundredths,
  minimumMonthlyPayCents,
  type ContractKind,
  type ContractStatus,
  type MinimumWageTable,
} from "@cae/shared";
import type { ContractEndReason, EmploymentType, RecordedState } from "./contract.entity";

/**
 * The rules of the path's contracts (docs/contracts.md), as plain functions:
 * the services call them, and unit tests try to break them one by one.
 */

/** CAPE, Code de commerce L127-1 and following: 12 months at most, renewable twice, 36 months in all. */
export const SUPPORT_AGREEMENT_MAX_MONTHS = 12;
export const SUPPORT_AGREEMENT_MAX_RENEWALS = 2;
export const SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS = 36;
/** How many times, in words: messages and documents say the limits from the constants, never as literals beside them. */
export const timesInWords = (times: number): string => ["never", "once", "twice"][times] ?? `${times} times`;
export const foisEnToutesLettres = (times: number): string => ["jamais", "une fois", "deux fois"][times] ?? `${times} fois`;
/** CESA trial period, L7332-1: at most 8 months, minus the time of the earlier contracts between the parties. */
export const TRIAL_PERIOD_MAX_MONTHS = 8;
/** L7331-3: associate within 3 years of the CESA's conclusion, minus the time of the earlier contracts between the parties. */
export const ASSOCIATE_DEADLINE_MONTHS = 36;

/** The states from which a step counts as reached: the contract was signed. */
export const REACHED_STATES: readonly RecordedState[] = ["SIGNED", "ENDED"];

export interface DatedContract {
  kind: ContractKind;
  state: RecordedState;
  startsOn: string;
  /** The planned last day (after renewals). */
  endsOn: string | null;
  endedOn: string | null;
  endReason: ContractEndReason | null;
}

/** The last day the contract was or will be in force: its early end, or its planned end. */
export function lastDayOf(contract: DatedContract): string | null {
  if (contract.endedOn && (!contract.endsOn || contract.endedOn < contract.endsOn)) return contract.endedOn;
  return contract.endsOn;
}

/** Where a contract stands on `today`: a signed contract runs from its first day and ends after its last. */
export function statusOn(contract: DatedContract, today: string): ContractStatus {
  if (contract.state === "DRAFT" || contract.state === "CANCELLED") return contract.state;
  const last = lastDayOf(contract);
  if (last !== null && last < today) return "ENDED";
  return contract.startsOn <= today ? "RUNNING" : "SIGNED";
}

/** Why a contract ended: the recorded reason, or its term when it simply reached its last day. */
export function endReasonOn(contract: DatedContract, today: string): ContractEndReason | null {
  return statusOn(contract, today) === "ENDED" ? (contract.endReason ?? "TERM_REACHED") : null;
}

/** The furthest kind of contract of a person's path that was signed, or null when none was. */
export function furthestContractKind(contracts: readonly { kind: ContractKind; state: RecordedState }[]): ContractKind | null {
  let furthest = -1;
  for (const contract of contracts) {
    if (REACHED_STATES.includes(contract.state)) furthest = Math.max(furthest, CONTRACT_KINDS_IN_PATH_ORDER.indexOf(contract.kind));
  }
  return furthest < 0 ? null : CONTRACT_KINDS_IN_PATH_ORDER[furthest];
}

/** Two periods of days overlap; a null end is open. */
export function periodsOverlap(a: { startsOn: string; last: string | null }, b: { startsOn: string; last: string | null }): boolean {
  return (a.last === null || b.startsOn <= a.last) && (b.last === null || a.startsOn <= b.last);
}

/** The latest last day a support agreement starting on `startsOn` may have: 12 months, the first day included. */
export const supportAgreementLatestEnd = (startsOn: string): string => addDays(addMonths(startsOn, SUPPORT_AGREEMENT_MAX_MONTHS), -1);

/** The days of a signed contract from its first day to its last, both included, or to `until` when that comes first. */
function daysInForce(contract: DatedContract, until: string | null = null): number {
  const last = lastDayOf(contract);
  const end = last === null ? until : until === null || last < until ? last : until;
  return end === null || end < contract.startsOn ? 0 : daysBetween(contract.startsOn, end) + 1;
}

const signedOf = (contracts: readonly DatedContract[], kind: ContractKind) =>
  contracts.filter((contract) => contract.kind === kind && REACHED_STATES.includes(contract.state));

/** A period's length in whole calendar months from its first day, then days: from 2024-01-15 to 2024-03-16, 2 months and 2 days. */
export function monthsAndDays(startsOn: string, last: string): { months: number; days: number } {
  const after = addDays(last, 1);
  let months = 0;
  while (addMonths(startsOn, months + 1) <= after) months += 1;
  return { months, days: daysBetween(addMonths(startsOn, months), after) };
}

const durationText = ({ months, days }: { months: number; days: number }): string =>
  `${months} month${months === 1 ? "" : "s"}${days === 0 ? "" : ` and ${days} day${days === 1 ? "" : "s"}`}`;

/**
 * The 36 months in all are the person's, whatever the number of agreements (L127-1 Code de
 * commerce): `others` are their other support agreements, each signed one counted from its first
 * day to its last (early ends and renewals included), in calendar months and days, so that a
 * second agreement after 36 months of a first has none left whatever leap years fall in between.
 * `latestEnd` is the last day the rest leaves to an agreement starting on `startsOn`.
 */
export function supportTime(
  startsOn: string,
  others: readonly DatedContract[],
): { used: { months: number; days: number }; latestEnd: string } {
  const used = { months: 0, days: 0 };
  for (const agreement of signedOf(others, "SUPPORT_AGREEMENT")) {
    const length = monthsAndDays(agreement.startsOn, lastDayOf(agreement)!);
    used.months += length.months;
    used.days += length.days;
  }
  return { used, latestEnd: addDays(addMonths(startsOn, SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS - used.months), -used.days - 1) };
}

/** Why a support agreement from `startsOn` to `endsOn` would take the person past 36 months of agreements in all, or null. */
export function supportTimeRefusal(agreement: { startsOn: string; endsOn: string }, others: readonly DatedContract[]): string | null {
  const { used, latestEnd } = supportTime(agreement.startsOn, others);
  if (agreement.endsOn <= latestEnd) return null;
  const limit = `A person's support agreements last ${SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS} months in all, whatever their number (L127-1 Code de commerce)`;
  const usedText = used.months === 0 && used.days === 0 ? "" : `: their other agreements already count ${durationText(used)}`;
  return latestEnd < agreement.startsOn
    ? `${limit}${usedText}, so none is left from ${agreement.startsOn}`
    : `${limit}${usedText}; from ${agreement.startsOn}, ${latestEnd} at the latest`;
}

/** Whether a support agreement ended by reaching its term: no end recorded, or one recorded as its term on its last day. */
export const reachedItsTerm = (agreement: DatedContract): boolean =>
  agreement.endedOn === null || (agreement.endReason === "TERM_REACHED" && agreement.endedOn === agreement.endsOn);

/**
 * Why a renewal to `newEndsOn` is refused, or null when the law allows it; `others` are the
 * person's other support agreements, which share the 36 months in all.
 */
export function renewalRefusal(
  agreement: { startsOn: string; endsOn: string },
  renewalsSoFar: number,
  newEndsOn: string,
  others: readonly DatedContract[] = [],
): string | null {
  if (renewalsSoFar >= SUPPORT_AGREEMENT_MAX_RENEWALS) {
    return `A support agreement is renewed ${timesInWords(SUPPORT_AGREEMENT_MAX_RENEWALS)} at most (L127-1 Code de commerce); this one already was ${renewalsSoFar} times`;
  }
  if (newEndsOn <= agreement.endsOn) return `The renewal must end after the agreement's current end (${agreement.endsOn})`;
  const latestThisRenewal = supportAgreementLatestEnd(addDays(agreement.endsOn, 1));
  if (newEndsOn > latestThisRenewal)
    return `A renewal lasts ${SUPPORT_AGREEMENT_MAX_MONTHS} months at most (L127-1 Code de commerce): from ${addDays(agreement.endsOn, 1)}, ${latestThisRenewal} at the latest`;
  return supportTimeRefusal({ startsOn: agreement.startsOn, endsOn: newEndsOn }, others);
}

/** Whether monthly hours are full time (151.67 h a month). */
export const isFullTime = (hours: string): boolean => (hoursToHundredths(hours) ?? 0) >= FULL_TIME_MONTHLY_HOURS_HUNDREDTHS;

/** An employment contract with its terms: those at signature, and its amendments in order. */
export interface EmploymentWithTerms extends DatedContract {
  monthlyHours: string | null;
  fixedMonthlyPayCents: bigint | null;
  amendments: readonly (Terms & { effectiveOn: string })[];
}

/** The first day of `period` on which `employment` is in force at full time, its amendments applied (`termsOn`); null when none is. */
export function firstFullTimeDay(employment: EmploymentWithTerms, period: { startsOn: string; last: string | null }): string | null {
  const last = lastDayOf(employment);
  const from = employment.startsOn > period.startsOn ? employment.startsOn : period.startsOn;
  const to = last === null ? period.last : period.last === null || last < period.last ? last : period.last;
  if (to !== null && from > to) return null;
  const initial = { monthlyHours: employment.monthlyHours!, fixedMonthlyPayCents: employment.fixedMonthlyPayCents! };
  // The hours change only on an amendment's day: the first day of the overlap and those days are enough.
  const days = [
    from,
    ...employment.amendments.map((amendment) => amendment.effectiveOn).filter((day) => day > from && (to === null || day <= to)),
  ];
  return days.find((day) => isFullTime(termsOn(initial, employment.amendments, day).monthlyHours)) ?? null;
}

const NOT_FOR_FULL_TIME = "A support agreement (CAPE) is not for someone employed full time (L127-1 Code de commerce)";

/** Why a support agreement over `period` is refused next to the person's employment contracts, or null: never while one is in force at full time. */
export function supportAgreementFullTimeRefusal(
  period: { startsOn: string; last: string | null },
  employments: readonly EmploymentWithTerms[],
): string | null {
  for (const employment of employments) {
    if (employment.kind !== "EMPLOYMENT" || !REACHED_STATES.includes(employment.state)) continue;
    const day = firstFullTimeDay(employment, period);
    if (day !== null) {
      return `${NOT_FOR_FULL_TIME}: the person's employment contract from ${employment.startsOn} is at full time (151.67 h a month) on ${day}, within this agreement's period; part time is allowed`;
    }
  }
  return null;
}

/** Why an employment contract at `monthlyHours` over `period` is refused next to the person's support agreements, or null: part time is allowed. */
export function fullTimeOverSupportRefusal(
  period: { startsOn: string; last: string | null },
  monthlyHours: string,
  contracts: readonly DatedContract[],
): string | null {
  if (!isFullTime(monthlyHours)) return null;
  const agreement = signedOf(contracts, "SUPPORT_AGREEMENT").find((other) =>
    periodsOverlap(period, { startsOn: other.startsOn, last: lastDayOf(other) }),
  );
  return agreement
    ? `${NOT_FOR_FULL_TIME}: the person's support agreement from ${agreement.startsOn} to ${lastDayOf(agreement)} would overlap full-time employment (151.67 h a month) from ${period.startsOn}; part time is allowed`
    : null;
}

/**
 * Days spent in support agreements before an employment contract starting on `employmentStartsOn`:
 * each signed agreement counts from its first day to its last, or to the day before the employment.
 * What the law deducts is the wider `priorContractDays`.
 */
export function supportDaysBefore(contracts: readonly DatedContract[], employmentStartsOn: string): number {
  return signedOf(contracts, "SUPPORT_AGREEMENT")
    .filter((contract) => contract.startsOn < employmentStartsOn)
    .reduce((days, contract) => days + daysInForce(contract, addDays(employmentStartsOn, -1)), 0);
}

/**
 * Days of the earlier contracts between the parties before an employment contract starting on
 * `employmentStartsOn` (L7331-3, L7332-1): every signed support agreement and employment contract
 * of the person that started before it, from its first day to its last, or to the day before the
 * employment; a day two of them share (a CAPE beside a part-time CESA) counts once.
 */
export function priorContractDays(contracts: readonly DatedContract[], employmentStartsOn: string): number {
  const dayBefore = addDays(employmentStartsOn, -1);
  const periods = contracts
    .filter(
      (contract) => contract.kind !== "OBJECTIVE" && REACHED_STATES.includes(contract.state) && contract.startsOn < employmentStartsOn,
    )
    .map((contract) => {
      const last = lastDayOf(contract);
      return { from: contract.startsOn, to: last === null || last > dayBefore ? dayBefore : last };
    })
    .sort((a, b) => a.from.localeCompare(b.from));
  let days = 0;
  let counted: string | null = null; // the last day already counted
  for (const { from, to } of periods) {
    const start = counted !== null && from <= counted ? addDays(counted, 1) : from;
    if (start <= to) days += daysBetween(start, to) + 1;
    if (counted === null || to > counted) counted = to;
  }
  return days;
}

/** The latest last day of the trial period: 8 months minus the days of earlier contracts; null when none is left. */
export function trialPeriodLatestEnd(startsOn: string, priorDays: number): string | null {
  const latest = addDays(addMonths(startsOn, TRIAL_PERIOD_MAX_MONTHS), -1 - priorDays);
  return latest < startsOn ? null : latest;
}

/**
 * The day an employment contract is concluded: its signature. A draft has none yet, and counts
 * from its planned first day, the latest it may be signed: its deadlines are provisional until then.
 */
export const conclusionDate = (contract: { signedOn: string | null; startsOn: string }): string => contract.signedOn ?? contract.startsOn;

/** The date by which the entrepreneur becomes an associate or the CESA ends (L7331-3): 3 years from the conclusion minus the earlier contracts' days. */
export const associateDeadline = (concludedOn: string, priorDays: number): string =>
  addDays(addMonths(concludedOn, ASSOCIATE_DEADLINE_MONTHS), -priorDays);

/** An employment contract as its end is judged. */
export interface EmploymentContract extends DatedContract {
  signedOn: string | null;
  employmentType: EmploymentType | null;
  trialPeriodEndsOn: string | null;
}

/** The associate deadline of an employment contract, among the person's contracts (`personContracts` may include it). */
export const associateDeadlineOf = (contract: EmploymentContract, personContracts: readonly DatedContract[]): string =>
  associateDeadline(conclusionDate(contract), priorContractDays(personContracts, contract.startsOn));

/**
 * How an employment contract ends in law (mode de rupture). What the person goes on to do (their
 * own company, another job, a project abandoned) is their outcome, recorded with their exit.
 */
export const EMPLOYMENT_END_MODES = [
  "RESIGNATION",
  "MUTUAL_AGREEMENT",
  "DISMISSAL",
  "TRIAL_PERIOD",
  "TERM_REACHED",
  "ASSOCIATE_DEADLINE",
] as const satisfies readonly ContractEndReason[];
export type EmploymentEndMode = (typeof EMPLOYMENT_END_MODES)[number];

/**
 * Why ending the employment contract on `endedOn` with `reason` is refused, or null: only a legal
 * mode, the trial period while it runs, the term of a fixed-term contract on that day, the
 * associate deadline once reached. `personContracts` are the person's contracts (for the deadline).
 */
export function employmentEndRefusal(
  contract: EmploymentContract,
  personContracts: readonly DatedContract[],
  reason: ContractEndReason,
  endedOn: string,
): string | null {
  if (!(EMPLOYMENT_END_MODES as readonly ContractEndReason[]).includes(reason)) {
    return `${reason} is the person's outcome, not how an employment contract ends: record it with their exit (recordExit); the contract ends by one of the legal modes (${EMPLOYMENT_END_MODES.join(", ")})`;
  }
  if (reason === "TRIAL_PERIOD" && (contract.trialPeriodEndsOn === null || endedOn > contract.trialPeriodEndsOn)) {
    return contract.trialPeriodEndsOn === null
      ? "The contract has no trial period: it cannot end by one (L7332-1)"
      : `The trial period ended on ${contract.trialPeriodEndsOn}: the contract ends by it only until then (L7332-1)`;
  }
  if (reason === "TERM_REACHED" && (contract.employmentType !== "FIXED_TERM" || endedOn !== contract.endsOn)) {
    return contract.employmentType !== "FIXED_TERM"
      ? "An open-ended contract has no term to reach (only a fixed-term one does, L1243-5 Code du travail): it ends by another mode"
      : `A fixed-term contract reaches its term on its last day, ${contract.endsOn} (L1243-5 Code du travail): before that, it ends by another mode`;
  }
  if (reason === "ASSOCIATE_DEADLINE") {
    const deadline = associateDeadlineOf(contract, personContracts);
    if (endedOn < deadline)
      return `The associate deadline is ${deadline} (L7331-3 Code du travail): the contract ends by it from that day only`;
  }
  return null;
}

/** Why monthly hours are refused, or null: more than zero, at most full time, two decimals at most. */
export function hoursRefusal(hours: string): string | null {
  const hundredths = hoursToHundredths(hours);
  if (hundredths === null) return `monthly hours must be a number of hours with at most two decimals ("86.67"), got "${hours}"`;
  if (hundredths <= 0) return "monthly hours must be more than zero";
  if (hundredths > FULL_TIME_MONTHLY_HOURS_HUNDREDTHS) return `monthly hours must be at most full time, 151.67 h, got ${hours}`;
  return null;
}

/** Why a fixed monthly pay is refused for the hours on a date, or null: never below the SMIC for the hours. */
export function payRefusal(table: MinimumWageTable, date: string, hours: string, payCents: bigint): string | null {
  const minimum = minimumMonthlyPayCents(table, date, hoursToHundredths(hours) ?? 0);
  if (minimum === null) return `No legal minimum wage is configured for ${date}: add it to the minimum-wage table`;
  if (payCents < minimum) {
    return `fixed monthly pay ${eurosText(payCents)} is below the legal minimum (SMIC) for ${hours} h on ${date}: ${eurosText(minimum)}`;
  }
  return null;
}

export interface Terms {
  monthlyHours: string;
  fixedMonthlyPayCents: bigint;
}

/** The terms in force on `date`: those of the latest amendment effective by then, else the contract's own. */
export function termsOn(initial: Terms, amendments: readonly (Terms & { effectiveOn: string })[], date: string): Terms {
  let terms = initial;
  for (const amendment of amendments) if (amendment.effectiveOn <= date) terms = amendment;
  return { monthlyHours: terms.monthlyHours, fixedMonthlyPayCents: terms.fixedMonthlyPayCents };
}
