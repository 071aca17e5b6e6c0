import { parse } from "csv-parse/sync";
import { badUserInput } from "@cae/shared";
import { parseCents } from "./amount";
import { validIban } from "./iban";
import { badFile, cleanText, isCalendarDate, type ParsedLine, type ParsedStatement } from "./types";

export type CsvDateFormat = "DAY_MONTH_YEAR" | "YEAR_MONTH_DAY";
export type CsvDecimalSeparator = "COMMA" | "POINT";

/** Where each field is in a bank's CSV export: columns are numbered from 1, as a spreadsheet shows them. */
export interface CsvMapping {
  /** The account the file is of (a CSV export seldom says it in its rows): an IBAN, or the bank's account number. */
  accountIdentifier: string;
  separator?: string | null;
  /** Lines before the first operation: the bank's preamble and the header line. */
  skipLines?: number | null;
  dateColumn: number;
  dateFormat?: CsvDateFormat | null;
  valueDateColumn?: number | null;
  /** One signed amount column, or a debit and a credit column (debits as positive or negative figures). */
  amountColumn?: number | null;
  debitColumn?: number | null;
  creditColumn?: number | null;
  decimalSeparator?: CsvDecimalSeparator | null;
  labelColumn: number;
  referenceColumn?: number | null;
}

const MAPPING = "input.mapping";
const MAX_COLUMN = 200;
const SEPARATORS = [";", ",", "\t", "|"];

function column(value: number | null | undefined, name: string, required: boolean): number | null {
  if (value === null || value === undefined) {
    if (required) throw badUserInput(`${MAPPING}.${name} is required`, `${MAPPING}.${name}`);
    return null;
  }
  if (!Number.isInteger(value) || value < 1 || value > MAX_COLUMN) {
    throw badUserInput(`${MAPPING}.${name} must be a column number from 1 to ${MAX_COLUMN}, got ${value}`, `${MAPPING}.${name}`);
  }
  return value;
}

/** An IBAN given in any spacing is kept in its electronic form; another identification as it is. */
export function accountOfMapping(value: string): string {
  const text = value.trim();
  const field = `${MAPPING}.accountIdentifier`;
  if (text === "") throw badUserInput(`${field} must not be empty`, field);
  if (/^[A-Za-z]{2}\d{2}/.test(text.replace(/\s/g, ""))) {
    const iban = validIban(text);
    if (!iban) throw badUserInput(`${field} "${text}" is not a valid IBAN (its check digits do not match)`, field);
    return iban;
  }
  if (text.length > 60) throw badUserInput(`${field} must be at most 60 characters`, field);
  return text;
}

function dayOf(value: string, format: CsvDateFormat): string | null {
  const text = value.trim().split(/[ T]/)[0];
  let match: RegExpExecArray | null;
  let iso: string | null = null;
  if (format === "DAY_MONTH_YEAR" && (match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text))) {
    const year = match[3].length === 2 ? `20${match[3]}` : match[3];
    iso = `${year}-${match[2].padStart(2, "0")}-${match[1].padStart(2, "0")}`;
  } else if (format === "YEAR_MONTH_DAY" && (match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text))) {
    iso = `${match[1]}-${match[2].padStart(2, "0")}-${match[3].padStart(2, "0")}`;
  }
  return iso && isCalendarDate(iso) ? iso : null;
}

/**
 * Reads a bank's CSV export with the mapping the cooperative gives for its bank (`csv-parse`):
 * French banks write ";" between fields, a decimal comma, "DD/MM/YYYY" dates, a few lines of
 * preamble, and the amount either signed in one column or split into debit and credit columns.
 * The file has no statement ID and no balances; its period is the span of its operations.
 */
export function parseCsv(content: string, mapping: CsvMapping | null | undefined): ParsedStatement[] {
  if (!mapping) throw badUserInput("A CSV statement needs input.mapping (which column holds what)", MAPPING);
  const accountIdentifier = accountOfMapping(mapping.accountIdentifier);
  const separator = mapping.separator ?? ";";
  if (!SEPARATORS.includes(separator)) {
    throw badUserInput(
      `${MAPPING}.separator must be one of ";", ",", tab or "|", got ${JSON.stringify(separator)}`,
      `${MAPPING}.separator`,
    );
  }
  const skipLines = mapping.skipLines ?? 1;
  if (!Number.isInteger(skipLines) || skipLines < 0 || skipLines > 100) {
    throw badUserInput(`${MAPPING}.skipLines must be from 0 to 100, got ${skipLines}`, `${MAPPING}.skipLines`);
  }
  const dateFormat = mapping.dateFormat ?? "DAY_MONTH_YEAR";
  const mark = (mapping.decimalSeparator ?? "COMMA") === "COMMA" ? "," : ".";
  const columns = {
    date: column(mapping.dateColumn, "dateColumn", true)!,
    valueDate: column(mapping.valueDateColumn, "valueDateColumn", false),
    amount: column(mapping.amountColumn, "amountColumn", false),
    debit: column(mapping.debitColumn, "debitColumn", false),
    credit: column(mapping.creditColumn, "creditColumn", false),
    label: column(mapping.labelColumn, "labelColumn", true)!,
    reference: column(mapping.referenceColumn, "referenceColumn", false),
  };
  if (
    (columns.amount === null) === (columns.debit === null || columns.credit === null) ||
    (columns.amount !== null && (columns.debit ?? columns.credit) !== null)
  ) {
    throw badUserInput(
      `${MAPPING} must give either amountColumn (a signed amount) or both debitColumn and creditColumn, not both ways`,
      `${MAPPING}.amountColumn`,
    );
  }

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, {
      delimiter: separator,
      from_line: skipLines + 1,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw badFile(`CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const lines: ParsedLine[] = [];
  for (const { record, info } of records) {
    if (record.every((cell) => cell.trim() === "")) continue;
    const at = (name: string, index: number) => `CSV: line ${info.lines}, column ${index} (${name})`;
    const cell = (index: number | null) => (index === null ? "" : (record[index - 1] ?? "").trim());
    const bookingDate = dayOf(cell(columns.date), dateFormat);
    if (!bookingDate)
      throw badFile(
        `${at("date", columns.date)}: "${cell(columns.date)}" is not a date (${dateFormat === "DAY_MONTH_YEAR" ? "DD/MM/YYYY" : "YYYY-MM-DD"})`,
      );
    let valueDate: string | null = null;
    if (columns.valueDate !== null && cell(columns.valueDate) !== "") {
      valueDate = dayOf(cell(columns.valueDate), dateFormat);
      if (!valueDate) throw badFile(`${at("value date", columns.valueDate)}: "${cell(columns.valueDate)}" is not a date`);
    }
    const amountOf = (index: number, name: string): bigint | null => {
      const text = cell(index);
      if (text === "") return null;
      const cents = parseCents(text, mark);
      if (cents === null) throw badFile(`${at(name, index)}: "${text}" is not an amount (decimal ${mark === "," ? "comma" : "point"})`);
      return cents;
    };
    let amountCents: bigint | null;
    if (columns.amount !== null) {
      amountCents = amountOf(columns.amount, "amount");
      if (amountCents === null) throw badFile(`${at("amount", columns.amount)}: the amount is empty`);
    } else {
      const debit = amountOf(columns.debit!, "debit");
      const credit = amountOf(columns.credit!, "credit");
      const abs = (cents: bigint) => (cents < 0n ? -cents : cents);
      if (debit !== null && debit !== 0n && credit !== null && credit !== 0n) {
        throw badFile(`CSV: line ${info.lines}: both debit (column ${columns.debit}) and credit (column ${columns.credit}) are filled`);
      }
      if ((debit ?? 0n) === 0n && (credit ?? 0n) === 0n && debit === null && credit === null) {
        throw badFile(`CSV: line ${info.lines}: neither debit (column ${columns.debit}) nor credit (column ${columns.credit}) is filled`);
      }
      // A debit column holds what left the account, whichever sign the bank writes it with.
      amountCents = debit !== null && debit !== 0n ? -abs(debit) : abs(credit ?? 0n);
    }
    if (amountCents === 0n) continue;
    const label = cleanText(cell(columns.label));
    if (!label) throw badFile(`${at("label", columns.label)}: the label is empty`);
    lines.push({
      bookingDate,
      valueDate,
      amountCents,
      label,
      counterparty: null,
      bankReference: cleanText(cell(columns.reference), 100),
      endToEndId: null,
      remittance: null,
      sourceLine: info.lines,
    });
  }
  if (lines.length === 0) throw badFile(`CSV: no operation after the ${skipLines} line(s) skipped`);
  const days = lines.map((line) => line.bookingDate).sort();
  return [
    {
      accountIdentifier,
      statementRef: null,
      fromDate: days[0],
      toDate: days[days.length - 1],
      openingBalanceCents: null,
      closingBalanceCents: null,
      lines,
    },
  ];
}
