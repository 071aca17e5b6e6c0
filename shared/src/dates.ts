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

/** The first and last days of a calendar month ("2026-03"), quarter ("2026-Q2") or year ("2026"). */
export function periodDates(period: string): { from: string; to: string } {
  const match = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$/.exec(period);
  if (!match) throw new RangeError(`not a month, quarter or year: ${period}`);
  const [first, last] = match[2] ? [+match[2], +match[2]] : match[3] ? [+match[3] * 3 - 2, +match[3] * 3] : [1, 12];
  const month = (m: number) => `${match[1]}-${String(m).padStart(2, "0")}-01`;
  return { from: month(first), to: lastDayOfMonth(month(last)) };
}

const MONTH_NAMES = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** A period as people say it in French: "mars 2026", "2e trimestre 2026", "année 2026", or "du 15/01/2026 au 10/02/2026". */
export function periodInFrench(from: string, to: string): string {
  const year = from.slice(0, 4);
  const month = +from.slice(5, 7);
  const quarter = Math.ceil(month / 3);
  if (to === periodDates(from.slice(0, 7)).to && from.endsWith("-01")) return `${MONTH_NAMES[month - 1]} ${year}`;
  if (from === periodDates(`${year}-Q${quarter}`).from && to === periodDates(`${year}-Q${quarter}`).to)
    return `${quarter === 1 ? "1er" : `${quarter}e`} trimestre ${year}`;
  if (from === `${year}-01-01` && to === `${year}-12-31`) return `année ${year}`;
  return `du ${frenchDate(from)} au ${frenchDate(to)}`;
}
