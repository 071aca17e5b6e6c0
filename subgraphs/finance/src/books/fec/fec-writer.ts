import { badUserInput, conflict, todayInFrance } from "@cae/shared";
import { JOURNALS, type JournalCode } from "../entry";
import {
  closingDateOf,
  FEC_FIELDS,
  FEC_LINE_END,
  FEC_SEPARATOR,
  fecAmount,
  fecDate,
  fecEntryNumber,
  fecFileName,
  fecText,
  openingDateOf,
} from "./fec-format";

/** What runs SQL: a DataSource or a transaction's EntityManager. */
export interface Sql {
  query(query: string, parameters?: unknown[]): Promise<unknown>;
}

/** One line of the journal as the FEC reads it: its entry's fields and its own. */
export interface FecRow {
  journal: string;
  number: number;
  entryDate: string;
  pieceRef: string;
  pieceDate: string;
  validatedOn: string;
  position: number;
  ledgerNumber: string;
  ledgerLabel: string;
  auxNumber: string | null;
  auxLabel: string | null;
  label: string;
  debitCents: bigint;
  creditCents: bigint;
}

/**
 * The FEC of one fiscal year as it stands when the export starts: the last number of each
 * journal then. Entries are only ever added, and a journal's numbers are given in the order
 * entries are committed (the counter's row is locked until then), so the entries numbered up to
 * these are the same in every pass over the journal: the pass that validates the file and the one
 * that sends it give the same bytes, whatever is posted between them.
 */
export interface FecSnapshot {
  fiscalYear: number;
  siren: string;
  fileName: string;
  opensOn: string;
  closesOn: string;
  lastNumbers: Partial<Record<JournalCode, number>>;
}

/**
 * The entries read from the database at once (some 3,500 lines; an invoice has 200 lines at
 * most): the memory an export holds does not grow with the year.
 */
export const FEC_PAGE_ENTRIES = 1000;

/** The fiscal years a FEC may be asked for: from the first the books could hold to the current one. */
export function checkFiscalYear(fiscalYear: number, field = "fiscalYear"): void {
  const current = Number(todayInFrance().slice(0, 4));
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > current) {
    throw badUserInput(`The fiscal year must be a year from 2000 to ${current}, got ${fiscalYear}`, field);
  }
}

/** Reads the snapshot of a fiscal year: the cooperative's SIREN (its SIRET's first 9 digits) and each journal's last number. */
export async function fecSnapshot(db: Sql, fiscalYear: number): Promise<FecSnapshot> {
  checkFiscalYear(fiscalYear);
  const closesOn = closingDateOf(fiscalYear);
  // The SIRET in force on the closing day; a SIREN is the legal person's and does not change, so an
  // earlier year of a cooperative whose first settings came later takes the earliest version.
  const [settings] = (await db.query(
    `SELECT siret FROM finance_settings ORDER BY effective_from <= $1 DESC, CASE WHEN effective_from <= $1 THEN effective_from END DESC, effective_from
     LIMIT 1`,
    [closesOn],
  )) as { siret: string }[];
  if (!settings) throw conflict("The cooperative has no finance settings yet: the FEC's name needs its SIREN (finance settings' SIRET)");
  const numbers = (await db.query(
    `SELECT journal, max(number) AS last_number FROM journal_entries WHERE fiscal_year = $1 GROUP BY journal`,
    [fiscalYear],
  )) as { journal: JournalCode; last_number: number }[];
  return {
    fiscalYear,
    siren: settings.siret.slice(0, 9),
    fileName: fecFileName(settings.siret.slice(0, 9), closesOn),
    opensOn: openingDateOf(fiscalYear),
    closesOn,
    lastNumbers: Object.fromEntries(numbers.map((row) => [row.journal, Number(row.last_number)])),
  };
}

interface EntryRecord {
  id: string;
  journal: string;
  number: number;
  entry_date: string;
  piece_ref: string;
  piece_date: string;
  validated_on: string;
}

interface LineRecord {
  entry_id: string;
  position: number;
  ledger_number: string;
  ledger_label: string;
  aux_number: string | null;
  aux_label: string | null;
  label: string;
  debit_cents: string;
  credit_cents: string;
}

/**
 * The year's journal lines in the FEC's order, a page of entries at a time (`pageEntries`, read by
 * keyset on the index `journal_entries_fec_idx`, never an OFFSET, never the whole year), then the
 * lines of those entries: two statements per page, the connection free between pages. The order:
 * by validation day, as A47 A-1 VII 1° orders the entries ("par ordre chronologique de
 * validation"), then journal, then number, then the line's position.
 */
export async function* fecRows(db: Sql, snapshot: FecSnapshot, pageEntries = FEC_PAGE_ENTRIES): AsyncGenerator<FecRow[]> {
  if (Object.keys(snapshot.lastNumbers).length === 0) return;
  const lastNumbers = JSON.stringify(snapshot.lastNumbers);
  let after: [string, string, number] = ["0001-01-01", "", 0];
  for (;;) {
    const entries = (await db.query(
      `SELECT e.id, e.journal, e.number, to_char(e.entry_date, 'YYYY-MM-DD') AS entry_date, e.piece_ref,
              to_char(e.piece_date, 'YYYY-MM-DD') AS piece_date, to_char(e.validated_on, 'YYYY-MM-DD') AS validated_on
         FROM journal_entries e
        WHERE e.fiscal_year = $1 AND (e.validated_on, e.journal, e.number) > ($2::date, $3::text, $4::int)
          AND e.number <= coalesce(($5::jsonb ->> e.journal)::int, 0)
        ORDER BY e.validated_on, e.journal, e.number
        LIMIT $6`,
      [snapshot.fiscalYear, ...after, lastNumbers, pageEntries],
    )) as EntryRecord[];
    if (entries.length === 0) return;
    const lines = (await db.query(
      `SELECT l.entry_id, l.position, l.ledger_number, l.ledger_label, l.aux_number, l.aux_label, l.label,
              l.debit_cents::text AS debit_cents, l.credit_cents::text AS credit_cents
         FROM unnest($1::uuid[]) WITH ORDINALITY AS page (id, n)
         JOIN journal_lines l ON l.entry_id = page.id
        ORDER BY page.n, l.position`,
      [entries.map((entry) => entry.id)],
    )) as LineRecord[];
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    yield lines.map((line) => {
      const entry = byId.get(line.entry_id)!;
      return {
        journal: entry.journal,
        number: Number(entry.number),
        entryDate: entry.entry_date,
        pieceRef: entry.piece_ref,
        pieceDate: entry.piece_date,
        validatedOn: entry.validated_on,
        position: Number(line.position),
        ledgerNumber: line.ledger_number,
        ledgerLabel: line.ledger_label,
        auxNumber: line.aux_number,
        auxLabel: line.aux_label,
        label: line.label,
        debitCents: BigInt(line.debit_cents),
        creditCents: BigInt(line.credit_cents),
      };
    });
    if (entries.length < pageEntries) return;
    const last = entries[entries.length - 1];
    after = [last.validated_on, last.journal, Number(last.number)];
  }
}

/** The first line: the 18 fields' names (A47 A-1 VII 4°). */
export const FEC_HEADER = FEC_FIELDS.join(FEC_SEPARATOR);

/**
 * One line of the file, its 18 fields in order. Text is cleaned of what would break the file
 * (tabs, line breaks, characters outside ISO 8859-15); what the books do not keep is blank, as
 * A47 A-1 allows for the lettering (EcritureLet, DateLet) and the currency (Montantdevise,
 * Idevise: every amount is in euros).
 */
export function fecLine(row: FecRow, fiscalYear: number): string {
  const journal = row.journal as JournalCode;
  return [
    journal,
    fecText(JOURNALS[journal] ?? journal),
    fecEntryNumber(journal, fiscalYear, row.number),
    fecDate(row.entryDate),
    fecText(row.ledgerNumber),
    fecText(row.ledgerLabel),
    fecText(row.auxNumber),
    fecText(row.auxLabel),
    fecText(row.pieceRef),
    fecDate(row.pieceDate),
    fecText(row.label),
    fecAmount(row.debitCents),
    fecAmount(row.creditCents),
    "",
    "",
    fecDate(row.validatedOn),
    "",
    "",
  ].join(FEC_SEPARATOR);
}

/** The file's lines (without their line ends), the header first, in pages: what the validator and the response read. */
export async function* fecLinePages(db: Sql, snapshot: FecSnapshot, pageEntries = FEC_PAGE_ENTRIES): AsyncGenerator<string[]> {
  yield [FEC_HEADER];
  for await (const rows of fecRows(db, snapshot, pageEntries)) yield rows.map((row) => fecLine(row, snapshot.fiscalYear));
}

/** The file's text of a page of lines, each with its record separator. */
export const fecChunk = (lines: readonly string[]) => lines.join(FEC_LINE_END) + FEC_LINE_END;
