import { badUserInput, lastDayOfMonth } from "@cae/shared";

/** Months of the books; day arithmetic and today in France are `@cae/shared`'s (`addDays`, `todayInFrance`). */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month given as "2026-03": its first and last days. */
export function parseMonth(value: string, field: string): { month: string; first: string; last: string } {
  const match = MONTH.exec(value);
  if (!match) throw badUserInput(`${field} must be a month "YYYY-MM", got "${value}"`, field);
  return { month: value, first: `${value}-01`, last: lastDayOfMonth(`${value}-01`) };
}

/** The last day of a date's month (`@cae/shared`'s rule). */
export { lastDayOfMonth } from "@cae/shared";

export const monthOf = (date: string): string => date.slice(0, 7);

/** Dates as PostgreSQL returns them through `pg` with TypeORM (strings for `date`). */
export const isoDate = (value: string | Date): string =>
  typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
