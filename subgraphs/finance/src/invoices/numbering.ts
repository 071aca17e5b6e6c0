import type { EntityManager } from "typeorm";
import { conflictOn } from "../errors";

export type SeriesKind = "INVOICE" | "CREDIT_NOTE" | "QUOTE";
const KIND_NAME: Record<SeriesKind, string> = { INVOICE: "invoice", CREDIT_NOTE: "credit note", QUOTE: "quote" };

/** "F2026-000123": the prefix, the year of the issue date, six digits. */
export const formatNumber = (prefix: string, year: number, number: number): string => `${prefix}${year}-${String(number).padStart(6, "0")}`;

/**
 * Takes the next number of a series, in the caller's transaction (CGI art. 242 nonies A: unique,
 * chronological, without gaps). The series' counters are locked until the transaction ends, so
 * concurrent issuers queue, and a transaction that fails after this rolls the counter back with
 * everything else: a number is only ever spent by a committed document.
 */
export async function takeNextNumber(
  manager: EntityManager,
  kind: SeriesKind,
  issuedOn: string,
  prefix: string,
  field = "input.issuedOn",
): Promise<string> {
  const year = Number(issuedOn.slice(0, 4));
  await manager.query(`INSERT INTO invoice_series (kind, year, last_number) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`, [kind, year]);
  // Every year's counter of the kind is locked, in a fixed order: the check of chronology below spans years.
  const counters: { year: number; last_issued_on: string | null }[] = await manager.query(
    `SELECT year, last_issued_on::text AS last_issued_on FROM invoice_series WHERE kind = $1 ORDER BY year FOR UPDATE`,
    [kind],
  );
  const latest = counters.reduce<string | null>((max, row) => {
    const day = row.last_issued_on;
    return day !== null && (max === null || day > max) ? day : max;
  }, null);
  if (latest !== null && issuedOn < latest) {
    throw conflictOn(
      `The issue date ${issuedOn} is before the last ${KIND_NAME[kind]} issued (${latest}): numbers follow the dates`,
      field,
    );
  }
  const [[{ last_number }]] = await manager.query(
    `UPDATE invoice_series SET last_number = last_number + 1, last_issued_on = $3 WHERE kind = $1 AND year = $2 RETURNING last_number`,
    [kind, year, issuedOn],
  );
  return formatNumber(prefix, year, Number(last_number));
}
