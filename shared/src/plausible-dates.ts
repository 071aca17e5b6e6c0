import { addMonths, todayInFrance } from "./dates";
import { badUserInput } from "./errors";

/**
 * Plausible dates: the one place of the rules every mutation of every subgraph applies to the dates
 * of its input (docs/finance.md, "Plausible dates and amounts"). A date outside them is a typo
 * ("2099" for "2026", "0001-01-01" for an empty field), refused with BAD_USER_INPUT naming the
 * field, before it is written anywhere: a date in the future would, for instance, stop the
 * cooperative's gapless invoice numbering (numbers follow the issue dates) for good.
 *
 * - What happened (a first contact, a reception, a decision, an admission, an exit, a signature,
 *   a commitment done, an issue, a payment, an expense, a session held...) lies between
 *   EARLIEST_EVENT_DATE and today in France (`todayInFrance`, the cooperatives' legal calendar).
 * - What is planned (a contract's start, end, review or trial period, a due date, an amendment or a
 *   settings version in force from a date, a quote's validity, a meeting) may lie ahead, but no
 *   more than PLANNING_HORIZON_YEARS after today.
 * - A birth year lies between EARLIEST_BIRTH_YEAR and MINIMUM_AGE_YEARS before this year.
 */

/**
 * No date of a cooperative's life comes before this: the first business-and-employment
 * cooperatives opened in 1995 (Cap Services, Lyon), and the oldest records a cooperative may enter
 * are its own; 1990 leaves room without letting a mistyped century through.
 */
export const EARLIEST_EVENT_DATE = "1990-01-01";

/**
 * How far ahead a planned date may lie. The longest spans of a path are a support agreement with
 * its renewals (36 months in all) and the associate deadline (3 years after the employment
 * contract is signed); five years covers them, drafted some months ahead, and nothing a
 * cooperative plans lies further.
 */
export const PLANNING_HORIZON_YEARS = 5;

/** No one born before 1900 starts an activity. */
export const EARLIEST_BIRTH_YEAR = 1900;
/** Nor anyone younger than 14, the youngest age at which French law lets anyone work (school-holiday jobs). */
export const MINIMUM_AGE_YEARS = 14;

/** The latest planned date allowed on `today`. */
export const latestPlannedDate = (today: string = todayInFrance()): string => addMonths(today, 12 * PLANNING_HORIZON_YEARS);

function notBeforeFloor(value: string, field: string): void {
  if (value < EARLIEST_EVENT_DATE) {
    throw badUserInput(`${field} ${value} is before ${EARLIEST_EVENT_DATE}: not a plausible date of a cooperative's life`, field);
  }
}

/**
 * A date of something that happened: from EARLIEST_EVENT_DATE to today in France. Null and
 * undefined (an absent optional date) pass as they are; `field` names the date in the error.
 */
export function pastDate<Value extends string | null | undefined>(value: Value, field: string, today: string = todayInFrance()): Value {
  if (value === null || value === undefined) return value;
  notBeforeFloor(value, field);
  if (value > today) {
    throw badUserInput(`${field} ${value} is in the future (today in France is ${today}): it records what has happened`, field);
  }
  return value;
}

/**
 * A planned date: from EARLIEST_EVENT_DATE to PLANNING_HORIZON_YEARS after today in France. Null
 * and undefined pass as they are; `field` names the date in the error.
 */
export function plannedDate<Value extends string | null | undefined>(value: Value, field: string, today: string = todayInFrance()): Value {
  if (value === null || value === undefined) return value;
  notBeforeFloor(value, field);
  const latest = latestPlannedDate(today);
  if (value > latest) {
    throw badUserInput(
      `${field} ${value} is more than ${PLANNING_HORIZON_YEARS} years ahead (${latest} at the latest): not a plausible planned date`,
      field,
    );
  }
  return value;
}

/** A month ("2026-03") that has begun: its first day between EARLIEST_EVENT_DATE and today in France. */
export function pastMonth(month: string, field: string, today: string = todayInFrance()): string {
  if (`${month}-01` < EARLIEST_EVENT_DATE) {
    throw badUserInput(
      `${field} ${month} is before ${EARLIEST_EVENT_DATE.slice(0, 7)}: not a plausible month of a cooperative's life`,
      field,
    );
  }
  if (`${month}-01` > today) {
    throw badUserInput(`${field} ${month} has not begun (today in France is ${today}): it records what has happened`, field);
  }
  return month;
}

/** A year of birth: from EARLIEST_BIRTH_YEAR to MINIMUM_AGE_YEARS before this year in France. Null and undefined pass. */
export function plausibleBirthYear<Value extends number | null | undefined>(
  value: Value,
  field: string,
  today: string = todayInFrance(),
): Value {
  if (value === null || value === undefined) return value;
  const latest = Number(today.slice(0, 4)) - MINIMUM_AGE_YEARS;
  if (!Number.isInteger(value) || value < EARLIEST_BIRTH_YEAR || value > latest) {
    throw badUserInput(`${field} must be a year between ${EARLIEST_BIRTH_YEAR} and ${latest}`, field);
  }
  return value;
}

/** The longest period an aggregate is asked for: ten years, one series of 120 months at most. */
export const LONGEST_PERIOD_YEARS = 10;

/**
 * A period of aggregates (indicators) as given: `from` not after `to`, and at most ten years, so
 * that a period to 9999-12-31 does not make the database build a series of 96,000 months.
 */
export function aggregatePeriod(from: string, to: string): void {
  if (from > to) throw badUserInput("from must not be after to", "from");
  if (to > addMonths(from, 12 * LONGEST_PERIOD_YEARS)) throw badUserInput(`the period spans at most ${LONGEST_PERIOD_YEARS} years`, "to");
}
