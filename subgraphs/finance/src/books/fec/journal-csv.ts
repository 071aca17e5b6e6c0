import { badUserInput, dayNumber, frenchDate, isoDate } from "@cae/shared";
import { stringify } from "csv-stringify/sync";
import { JOURNALS, type JournalCode } from "../entry";
import { fecAmount, fecEntryNumber } from "./fec-format";
import { FEC_PAGE_ENTRIES, type Sql } from "./fec-writer";

/**
 * The journal of a period as a plain CSV: the French spreadsheet convention (";" between fields,
 * a comma before the decimals, dates JJ/MM/AAAA), UTF-8 with a byte order mark (without it Excel
 * reads UTF-8 as Windows-1252), a header line, one line per journal line. What the configurable
 * imports of accounting software map column by column (docs/books.md, "The FEC").
 */
export const JOURNAL_CSV_COLUMNS = [
  "Journal",
  "Libellé journal",
  "N° écriture",
  "Date",
  "Compte",
  "Libellé compte",
  "Compte auxiliaire",
  "Libellé auxiliaire",
  "Pièce",
  "Date pièce",
  "Libellé",
  "Débit",
  "Crédit",
  "Code analytique",
  "Date de validation",
];

const BOM = "\uFEFF";
const CSV_OPTIONS = { delimiter: ";", record_delimiter: "windows" } as const;

/**
 * A text cell a spreadsheet would run as a formula ("=", "+", "-", "@" first) gets a leading
 * apostrophe (OWASP's advice against CSV injection): labels are typed by entrepreneurs and their customers.
 */
export const csvText = (value: string | null): string => (value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? ""));

const isDay = (value: string) => /^(19|20)\d\d-\d\d-\d\d$/.test(value) && isoDate(dayNumber(value)) === value;

/** The period's bounds, checked: two days, in order. */
export function checkPeriod(from: string | null, to: string | null): { from: string; to: string } {
  if (!from || !isDay(from)) throw badUserInput(`from must be a day, YYYY-MM-DD, got ${JSON.stringify(from)}`, "from");
  if (!to || !isDay(to)) throw badUserInput(`to must be a day, YYYY-MM-DD, got ${JSON.stringify(to)}`, "to");
  if (from > to) throw badUserInput("from must be on or before to", "from");
  return { from, to };
}

interface EntryRecord {
  id: string;
  journal: string;
  fiscal_year: number;
  number: number;
  entry_date: string;
  piece_ref: string;
  piece_date: string;
  validated_on: string;
}

interface LineRecord {
  entry_id: string;
  ledger_number: string;
  ledger_label: string;
  aux_number: string | null;
  aux_label: string | null;
  label: string;
  debit_cents: string;
  credit_cents: string;
  analytic_code: string;
}

/**
 * The CSV's text, a page of entries at a time, read by keyset in the order of the entries' dates,
 * journals and numbers (the index `journal_entries_date_idx`), then their lines. Bounded, like the
 * FEC, by each journal's last number when it starts: a download shows the journal as it stood then.
 */
export async function* journalCsv(db: Sql, from: string, to: string, pageEntries = FEC_PAGE_ENTRIES): AsyncGenerator<string> {
  yield BOM + stringify([JOURNAL_CSV_COLUMNS], CSV_OPTIONS);
  const bounds = (await db.query(
    `SELECT journal || fiscal_year AS series, max(number) AS last_number FROM journal_entries WHERE entry_date BETWEEN $1 AND $2 GROUP BY journal, fiscal_year`,
    [from, to],
  )) as { series: string; last_number: number }[];
  if (bounds.length === 0) return;
  const lastNumbers = JSON.stringify(Object.fromEntries(bounds.map((b) => [b.series, Number(b.last_number)])));
  let after: [string, string, number] = [from, "", 0];
  for (;;) {
    const entries = (await db.query(
      `SELECT e.id, e.journal, e.fiscal_year, e.number, to_char(e.entry_date, 'YYYY-MM-DD') AS entry_date, e.piece_ref,
              to_char(e.piece_date, 'YYYY-MM-DD') AS piece_date, to_char(e.validated_on, 'YYYY-MM-DD') AS validated_on
         FROM journal_entries e
        WHERE e.entry_date <= $1::date AND (e.entry_date, e.journal, e.number) > ($2::date, $3::text, $4::int)
          AND e.number <= coalesce(($5::jsonb ->> (e.journal || e.fiscal_year))::int, 0)
        ORDER BY e.entry_date, e.journal, e.number
        LIMIT $6`,
      [to, ...after, lastNumbers, pageEntries],
    )) as EntryRecord[];
    if (entries.length === 0) return;
    const lines = (await db.query(
      `SELECT l.entry_id, l.ledger_number, l.ledger_label, l.aux_number, l.aux_label, l.label,
              l.debit_cents::text AS debit_cents, l.credit_cents::text AS credit_cents, l.analytic_code
         FROM unnest($1::uuid[]) WITH ORDINALITY AS page (id, n)
         JOIN journal_lines l ON l.entry_id = page.id
        ORDER BY page.n, l.position`,
      [entries.map((entry) => entry.id)],
    )) as LineRecord[];
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    yield stringify(
      lines.map((line) => {
        const entry = byId.get(line.entry_id)!;
        return [
          entry.journal,
          JOURNALS[entry.journal as JournalCode] ?? entry.journal,
          fecEntryNumber(entry.journal, Number(entry.fiscal_year), Number(entry.number)),
          frenchDate(entry.entry_date),
          line.ledger_number,
          csvText(line.ledger_label),
          csvText(line.aux_number),
          csvText(line.aux_label),
          csvText(entry.piece_ref),
          frenchDate(entry.piece_date),
          csvText(line.label),
          fecAmount(BigInt(line.debit_cents)),
          fecAmount(BigInt(line.credit_cents)),
          csvText(line.analytic_code),
          frenchDate(entry.validated_on),
        ];
      }),
      CSV_OPTIONS,
    );
    if (entries.length < pageEntries) return;
    const last = entries[entries.length - 1];
    after = [last.entry_date, last.journal, Number(last.number)];
  }
}
