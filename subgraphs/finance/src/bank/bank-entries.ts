import type { EntityManager } from "typeorm";

/**
 * The journal's side of bank matching: journal entries that move the BANK role (the cooperative's
 * bank account, 512), whatever their source (a customer's payment, an expense paid, a salary…),
 * read from `journal_entries` and `journal_lines` only, so that a new kind of source is matched the
 * day it is posted.
 */
export interface BankEntryRow {
  id: string;
  journal: string;
  fiscal_year: number;
  number: number;
  entry_date: string;
  piece_ref: string;
  label: string;
  source_kind: string;
  /** What the entry moves on the bank account, as a statement shows it: its BANK debits less its BANK credits. */
  amount_cents: string;
}

/** How far apart (in days) an entry and a statement line may be to be suggested for each other. */
export const MATCH_WINDOW_DAYS = 30;
/** How many suggestions a line shows, best first. */
export const SUGGESTIONS_PER_LINE = 5;

const COLUMNS = `e.id, e.journal, e.fiscal_year, e.number, to_char(e.entry_date, 'YYYY-MM-DD') AS entry_date, e.piece_ref, e.label, e.source_kind,
  (sum(l.debit_cents) - sum(l.credit_cents))::text AS amount_cents`;
const BANK_LINES = `journal_entries e JOIN journal_lines l ON l.entry_id = e.id AND l.role = 'BANK'`;
const GROUP = `GROUP BY e.id`;

/** Letters and digits only, upper case, accents dropped: how references are compared ("F2026 000003" is "F2026-000003"). */
export function searchable(...parts: (string | null | undefined)[]): string {
  return parts
    .filter(Boolean)
    .join(" ")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}
const SQL_SEARCHABLE = (column: string) => `regexp_replace(upper(${column}), '[^A-Z0-9]', '', 'g')`;

/** The BANK entries of the given IDs (one statement). */
export async function bankEntriesByIds(manager: EntityManager, ids: readonly string[]): Promise<BankEntryRow[]> {
  if (ids.length === 0) return [];
  return manager.query(`SELECT ${COLUMNS} FROM ${BANK_LINES} WHERE e.id = ANY($1::uuid[]) ${GROUP}`, [ids]);
}

export interface SuggestionRow extends BankEntryRow {
  line_id: string;
  /** 1 for the best; bigint from row_number(), a string on some drivers. */
  rank: number | string;
  days_apart: number;
  reference_found: boolean;
}

/**
 * The suggestions of every given statement line, in one statement whatever their number: entries on
 * BANK not matched yet, of exactly the line's amount and sign (money in on the statement is a debit
 * of 512), dated within MATCH_WINDOW_DAYS of the booking day; ranked by whether a reference of the
 * entry (its piece reference, the number of the invoice it settles) is found in the line's label,
 * remittance information or end-to-end ID, then by days apart, then by the journal's order.
 */
export async function suggestionsOfLines(manager: EntityManager, lineIds: readonly string[]): Promise<SuggestionRow[]> {
  if (lineIds.length === 0) return [];
  const rows: SuggestionRow[] = await manager.query(
    `WITH wanted AS (
       SELECT s.id, s.booking_date, s.amount_cents, s.search_text FROM bank_statement_lines s
        WHERE s.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM bank_matches m WHERE m.statement_line_id = s.id)
     ),
     candidates AS (
       SELECT ${COLUMNS}, e.entry_date AS day, ${SQL_SEARCHABLE("e.piece_ref")} AS piece_key, ${SQL_SEARCHABLE("min(i.number)")} AS invoice_key
         FROM ${BANK_LINES}
         LEFT JOIN invoices i ON i.id = e.document_id
        WHERE e.entry_date BETWEEN (SELECT min(booking_date) FROM wanted) - $2::int AND (SELECT max(booking_date) FROM wanted) + $2::int
          AND NOT EXISTS (SELECT 1 FROM bank_matches m WHERE m.journal_entry_id = e.id)
        ${GROUP}
     ),
     ranked AS (
       SELECT c.*, w.id AS line_id, abs(c.day - w.booking_date) AS days_apart,
              ((length(c.piece_key) >= 4 AND position(c.piece_key IN w.search_text) > 0)
                OR (length(c.invoice_key) >= 4 AND position(c.invoice_key IN w.search_text) > 0)) AS reference_found
         FROM wanted w JOIN candidates c ON c.amount_cents::bigint = w.amount_cents AND abs(c.day - w.booking_date) <= $2::int
     )
     SELECT * FROM (
       SELECT r.*, row_number() OVER (PARTITION BY r.line_id ORDER BY r.reference_found DESC, r.days_apart, r.day, r.journal, r.number, r.id) AS rank
         FROM ranked r
     ) best
     WHERE rank <= $3
     ORDER BY line_id, rank`,
    [lineIds, MATCH_WINDOW_DAYS, SUGGESTIONS_PER_LINE],
  );
  return rows.map((row) => ({ ...row, days_apart: Number(row.days_apart), reference_found: row.reference_found === true }));
}

/** The period the statements cover: from the first statement's first day to the last one's last day. */
export async function statementsPeriod(manager: EntityManager): Promise<{ from: string | null; through: string | null }> {
  const [row] = await manager.query(
    `SELECT to_char(min(from_date), 'YYYY-MM-DD') AS "from", to_char(max(to_date), 'YYYY-MM-DD') AS through FROM bank_statements`,
  );
  return { from: row?.from ?? null, through: row?.through ?? null };
}

const UNMATCHED = `${BANK_LINES}
  WHERE e.entry_date BETWEEN $1::date AND $2::date
    AND NOT EXISTS (SELECT 1 FROM bank_matches m WHERE m.journal_entry_id = e.id)`;

/** How many BANK entries of the period no statement line is matched to. */
export async function countUnmatchedEntries(manager: EntityManager, from: string, through: string): Promise<number> {
  const [row] = await manager.query(`SELECT count(DISTINCT e.id)::int AS n FROM ${UNMATCHED}`, [from, through]);
  return row.n;
}

/** A page of them in the journal's order (day, journal, number), by keyset after the entry `afterId`: one statement. */
export async function unmatchedEntries(
  manager: EntityManager,
  from: string,
  through: string,
  limit: number,
  afterId: string | null,
): Promise<BankEntryRow[]> {
  const after = afterId
    ? `AND (e.entry_date, e.journal, e.fiscal_year, e.number) >
         (SELECT a.entry_date, a.journal, a.fiscal_year, a.number FROM journal_entries a WHERE a.id = $4::uuid)`
    : "AND $4::uuid IS NULL";
  return manager.query(
    `SELECT ${COLUMNS} FROM ${UNMATCHED} ${after} ${GROUP}
      ORDER BY e.entry_date, e.journal, e.fiscal_year, e.number LIMIT $3`,
    [from, through, limit, afterId],
  );
}
