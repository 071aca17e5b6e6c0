import { readFileSync } from "node:fs";
import { ConfigError } from "../errors";
import DEFAULT_TABLE from "./minimum-wage.json";

/**
 * The legal hourly minimum wage (SMIC) as dated configuration: it is revalued every 1 January and
 * sometimes mid-year, so code never holds a rate, only this table. A deployment can replace the
 * bundled table with `MINIMUM_WAGE_FILE` (same JSON shape) without a release.
 */
export type Territory = "metropolitan" | "mayotte";

export interface MinimumWageRate {
  /** First day the rate applies, "YYYY-MM-DD". */
  from: string;
  /** Gross cents per hour. */
  centsPerHour: bigint;
}

export type MinimumWageTable = Readonly<Record<Territory, readonly MinimumWageRate[]>>;

/** Full time in France: 35 hours a week, 151.67 hours a month, in hundredths of an hour. */
export const FULL_TIME_MONTHLY_HOURS_HUNDREDTHS = 15167;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EUROS = /^\d{1,3}\.\d{2}$/;

/** Validates a table in the JSON shape of `minimum-wage.json`; every error names the entry. */
export function parseMinimumWageTable(json: unknown, origin = "minimum wage table"): MinimumWageTable {
  const territories = (json as { territories?: Record<string, unknown> } | null)?.territories;
  if (typeof territories !== "object" || territories === null) throw new ConfigError(`${origin}: "territories" is missing`);
  const table = {} as Record<Territory, MinimumWageRate[]>;
  for (const territory of ["metropolitan", "mayotte"] as const) {
    const rows = territories[territory];
    if (!Array.isArray(rows) || rows.length === 0) throw new ConfigError(`${origin}: territory "${territory}" needs at least one rate`);
    table[territory] = rows.map((row: { from?: unknown; eurosPerHour?: unknown }, index) => {
      const where = `${origin}: ${territory}[${index}]`;
      if (typeof row?.from !== "string" || !ISO_DATE.test(row.from)) throw new ConfigError(`${where}.from must be a date "YYYY-MM-DD"`);
      if (typeof row.eurosPerHour !== "string" || !EUROS.test(row.eurosPerHour)) {
        throw new ConfigError(`${where}.eurosPerHour must be euros with two decimals as a string ("12.02")`);
      }
      return { from: row.from, centsPerHour: BigInt(row.eurosPerHour.replace(".", "")) };
    });
    const dates = table[territory].map((rate) => rate.from);
    if (dates.some((date, index) => index > 0 && date <= dates[index - 1])) {
      throw new ConfigError(`${origin}: rates of "${territory}" must be in increasing order of date`);
    }
  }
  return table;
}

/** The bundled table, or the file named by `MINIMUM_WAGE_FILE`. */
export function minimumWageTableFromEnv(env: NodeJS.ProcessEnv = process.env): MinimumWageTable {
  const file = env.MINIMUM_WAGE_FILE;
  if (!file) return DEFAULT_MINIMUM_WAGE;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`MINIMUM_WAGE_FILE ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  return parseMinimumWageTable(json, file);
}

export const DEFAULT_MINIMUM_WAGE: MinimumWageTable = parseMinimumWageTable(DEFAULT_TABLE, "minimum-wage.json");

let configured: MinimumWageTable | undefined;
/** The table this process runs with, read once from its environment (checked at start by the subgraph's configuration). */
export const configuredMinimumWage = (): MinimumWageTable => (configured ??= minimumWageTableFromEnv());

/** The gross hourly minimum in force on `date`; `null` before the table's first rate (nothing is guessed). */
export function minimumCentsPerHourOn(table: MinimumWageTable, date: string, territory: Territory = "metropolitan"): bigint | null {
  let found: bigint | null = null;
  for (const rate of table[territory]) if (rate.from <= date) found = rate.centsPerHour;
  return found;
}

/**
 * The least fixed gross monthly pay for `hoursHundredths` hours a month on `date`: hours × hourly
 * minimum, rounded up to the cent so that the pay is never below the legal floor.
 */
export function minimumMonthlyPayCents(
  table: MinimumWageTable,
  date: string,
  hoursHundredths: number,
  territory: Territory = "metropolitan",
): bigint | null {
  const perHour = minimumCentsPerHourOn(table, date, territory);
  return perHour === null ? null : (BigInt(hoursHundredths) * perHour + 99n) / 100n;
}

/** "86.67" → 8667. Hours have at most two decimals; anything else is refused by the caller's validation. */
export function hoursToHundredths(hours: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(hours);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : null;
}

/** 8667 → "86.67". */
export function hundredthsToHours(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}
