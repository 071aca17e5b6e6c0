import { badUserInput } from "@cae/shared";

/** The formats a bank statement is imported from. */
export type BankStatementFormat = "CAMT_053" | "OFX" | "CSV";

/** One booked operation of a statement, as the bank reported it. */
export interface ParsedLine {
  /** The day the bank booked it (date comptable). */
  bookingDate: string;
  /** The day it counts for interest (date de valeur), when the file gives one. */
  valueDate: string | null;
  /** Exact cents, signed as the bank sees the account: a credit (money in) is positive, a debit negative. */
  amountCents: bigint;
  /** The bank's wording of the operation ("VIR SEPA RECU /DE BOULANGERIE DU PORT"). */
  label: string;
  /** Who paid or was paid, when the file names them. */
  counterparty: string | null;
  /** The bank's own reference of the operation (AcctSvcrRef, NtryRef, FITID, a CSV reference column). */
  bankReference: string | null;
  /** The payer's end-to-end identification of a SEPA transfer or direct debit. */
  endToEndId: string | null;
  /** What the payer wrote for the payee (remittance information: an invoice number, most often). */
  remittance: string | null;
  /** Where the operation is in the file (1-based line), for error messages and support. */
  sourceLine: number;
}

/** One statement of one account, as read from a file. */
export interface ParsedStatement {
  /** The account: its IBAN when the file gives it or it can be computed, else the bank's own identification. */
  accountIdentifier: string;
  /** The bank's identification of the statement (CAMT `Stmt/Id`); null for OFX and CSV. */
  statementRef: string | null;
  fromDate: string;
  toDate: string;
  /** Balances the bank states (null when the file gives none): checked against the lines when both are given. */
  openingBalanceCents: bigint | null;
  closingBalanceCents: bigint | null;
  lines: ParsedLine[];
}

/** The field every error about the file's content names. */
export const CONTENT = "input.content";

/** A bad file: the error names the input field and, in the message, where in the file. */
export const badFile = (message: string, field = CONTENT) => badUserInput(message, field);

/** The 1-based line of a character offset of a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The 1-based lines of each match of a tag's opening in a text (the n-th entry's line, for errors). */
export function linesOfTag(text: string, pattern: RegExp): number[] {
  const lines: number[] = [];
  let line = 1;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    for (let i = last; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = match.index;
    lines.push(line);
  }
  return lines;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether an ISO date names a real calendar day (2026-02-30 does not). */
export function isCalendarDate(iso: string): boolean {
  const match = ISO_DATE.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A text field, trimmed and with its inner runs of spaces collapsed; null when empty. */
export function cleanText(value: unknown, maxLength = 500): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).replace(/\s+/g, " ").trim();
  return text === "" ? null : text.slice(0, maxLength);
}
