/**
 * Calendar-date arithmetic on ISO dates ("2026-03-14"). Dates are turned into UTC day numbers, so
 * that no time zone or daylight-saving change can shift a day.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export const dayNumber = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;

/** The ISO date of a day number. */
export const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => isoDate(dayNumber(iso) + days);

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** The same day `months` later, clamped to the month's end (31 January + 1 month = 28 or 29 February). */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = [+iso.slice(0, 4), +iso.slice(5, 7) - 1 + months, +iso.slice(8, 10)];
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, lastDayOfMonth))).toISOString().slice(0, 10);
}

/** "2026-03-14" → "14/03/2026", as French documents write dates. */
export const frenchDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

// Built once: a DateTimeFormat with a time zone costs a fraction of a millisecond to build.
const FRENCH_CALENDAR = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

let lastMinute = NaN;
let lastDay = "";

/** Today in France (the cooperatives' legal calendar), whatever the server's zone. */
export function todayInFrance(now: Date = new Date()): string {
  // France changes day on a whole minute of UTC (its offsets are whole hours): formatting, which
  // costs tens of microseconds, is done once a minute.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) [lastMinute, lastDay] = [minute, FRENCH_CALENDAR.format(now)];
  return lastDay;
}

/** The last day of the month of `iso`. */
export function lastDayOfMonth(iso: string): string {
  const [year, month] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** "2026-03" for each calendar month from the one of `from` to the one of `to`, in order. */
export function monthsOverlapping(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = `${from.slice(0, 7)}-01`; month <= to; month = addMonths(month, 1)) months.push(month.slice(0, 7));
  return months;
}
