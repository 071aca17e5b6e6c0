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
import type { ContractEndReason, RecordedState } from "./contract.entity";

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
/** CESA trial period, L7332-1: at most 8 months, minus the time already spent in a CAPE. */
export const TRIAL_PERIOD_MAX_MONTHS = 8;
/** L7331-3: associate within 3 years of the CESA's start, minus the time spent in a CAPE. */
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

/** Why a renewal to `newEndsOn` is refused, or null when the law allows it. */
export function renewalRefusal(agreement: { startsOn: string; endsOn: string }, renewalsSoFar: number, newEndsOn: string): string | null {
  if (renewalsSoFar >= SUPPORT_AGREEMENT_MAX_RENEWALS) {
    return `A support agreement is renewed ${timesInWords(SUPPORT_AGREEMENT_MAX_RENEWALS)} at most (L127-1 Code de commerce); this one already was ${renewalsSoFar} times`;
  }
  if (newEndsOn <= agreement.endsOn) return `The renewal must end after the agreement's current end (${agreement.endsOn})`;
  const latestThisRenewal = supportAgreementLatestEnd(addDays(agreement.endsOn, 1));
  if (newEndsOn > latestThisRenewal)
    return `A renewal lasts ${SUPPORT_AGREEMENT_MAX_MONTHS} months at most: from ${addDays(agreement.endsOn, 1)}, ${latestThisRenewal} at the latest`;
  const latestInAll = addDays(addMonths(agreement.startsOn, SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS), -1);
  if (newEndsOn > latestInAll)
    return `A support agreement lasts ${SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS} months in all: from ${agreement.startsOn}, ${latestInAll} at the latest`;
  return null;
}

/**
 * Days spent in support agreements before an employment contract starting on `employmentStartsOn`:
 * each signed agreement counts from its first day to its last, or to the day before the employment.
 */
export function supportDaysBefore(contracts: readonly DatedContract[], employmentStartsOn: string): number {
  let days = 0;
  for (const contract of contracts) {
    if (contract.kind !== "SUPPORT_AGREEMENT" || !REACHED_STATES.includes(contract.state) || contract.startsOn >= employmentStartsOn)
      continue;
    const last = lastDayOf(contract);
    const until = last === null || last >= employmentStartsOn ? addDays(employmentStartsOn, -1) : last;
    days += daysBetween(contract.startsOn, until) + 1;
  }
  return days;
}

/** The latest last day of the trial period: 8 months minus the support days; null when none is left. */
export function trialPeriodLatestEnd(startsOn: string, supportDays: number): string | null {
  const latest = addDays(addMonths(startsOn, TRIAL_PERIOD_MAX_MONTHS), -1 - supportDays);
  return latest < startsOn ? null : latest;
}

/** The date by which the entrepreneur becomes an associate or the CESA ends (L7331-3). */
export const associateDeadline = (startsOn: string, supportDays: number): string =>
  addDays(addMonths(startsOn, ASSOCIATE_DEADLINE_MONTHS), -supportDays);

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
