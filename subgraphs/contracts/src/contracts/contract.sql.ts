/**
 * `contract.rules.ts`'s reading of a contract's dates, in SQL over the `contracts` table under
 * `alias`, for the queries that filter or count contracts without loading them.
 */
import { REACHED_STATES } from "./contract.rules";

/** Signed, whatever came after: the states from which a step counts as reached. */
export const signedSql = (alias: string): string => `${alias}.status IN (${REACHED_STATES.map((state) => `'${state}'`).join(", ")})`;

/** A signed contract's last day: its recorded early end, else its planned end (LEAST skips nulls). */
export const lastDaySql = (alias: string): string => `LEAST(${alias}.ended_on, ${alias}.ends_on)`;

/** Running on `day` (a parameter or expression): signed, started, and its last day not past. */
export const runningOnSql = (alias: string, day: string): string =>
  `${signedSql(alias)} AND ${alias}.starts_on <= ${day} AND (${lastDaySql(alias)} IS NULL OR ${lastDaySql(alias)} >= ${day})`;
