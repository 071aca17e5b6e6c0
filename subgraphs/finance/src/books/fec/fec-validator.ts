/**
 * Checks a FEC against the published rules (LPF art. A47 A-1, commented by BOI-CF-IOR-60-40-20),
 * reading its text only: it shares nothing with the writer but the names of the 18 fields, so a
 * mistake of the writer is not repeated here. It reads the file line by line and keeps only the
 * entry being read and a few figures per journal: a year of any size is checked in the same memory.
 * docs/books.md, "The FEC", lists the rules.
 */
import { FEC_FIELDS, isPrintableLatin9 } from "./fec-format";

/** The rules, each named in a failure. */
export type FecRule =
  | "file-name"
  | "header"
  | "separator"
  | "field-count"
  | "empty-record"
  | "charset"
  | "mandatory-field"
  | "date-format"
  | "amount-format"
  | "debit-credit"
  | "account-number"
  | "auxiliary-pair"
  | "lettering-pair"
  | "currency-pair"
  | "currency-code"
  | "entry-number"
  | "entry-consistency"
  | "journal-label"
  | "entry-balance"
  | "fiscal-year"
  | "validation-date"
  | "validation-order";

/** One failure: the line of the file (the header is line 1; 0 for the file's name), the rule, what is wrong. */
export interface FecFailure {
  line: number;
  rule: FecRule;
  message: string;
}

export interface FecValidationOptions {
  /** The file's name, `<SIREN>FEC<AAAAMMJJ>.txt`, AAAAMMJJ being the fiscal year's closing date. */
  fileName: string;
  /** The fiscal year's first and last days (ISO); by default the twelve months ending on the date of the file's name. */
  opensOn?: string;
  closesOn?: string;
  /** The failures kept in the result (all are counted): a broken file of a big year does not fill the memory with them. */
  maxFailures?: number;
}

export interface FecValidation {
  valid: boolean;
  /** The first `maxFailures` failures, in the file's order. */
  failures: FecFailure[];
  failureCount: number;
  /** Records after the header, and entries. */
  lineCount: number;
  entryCount: number;
  /** The file's totals, in cents. */
  debitCents: bigint;
  creditCents: bigint;
}

const FIELD_COUNT = FEC_FIELDS.length;
const F = Object.fromEntries(FEC_FIELDS.map((name, index) => [name, index])) as Record<(typeof FEC_FIELDS)[number], number>;
/** The fields A47 A-1 does not allow blank (the others are "à blanc si non utilisé"). */
const MANDATORY = [
  "JournalCode",
  "JournalLib",
  "EcritureNum",
  "EcritureDate",
  "CompteNum",
  "CompteLib",
  "PieceRef",
  "PieceDate",
  "EcritureLib",
  "Debit",
  "Credit",
  "ValidDate",
] as const;
const DATE_FIELDS = ["EcritureDate", "PieceDate", "DateLet", "ValidDate"] as const;
const FILE_NAME = /^(\d{9})FEC(\d{8})\.txt$/;
/** A47 A-1 III 2°: decimal digits, the sign first, a comma before the decimals; euro amounts to the cent. */
const EURO_AMOUNT = /^[+-]?\d+(,\d{1,2})?$/;
const CURRENCY_AMOUNT = /^[+-]?\d+(,\d+)?$/;
/** CompteNum: its first three characters are digits of a class of the French chart (1 to 8). */
const ACCOUNT_NUMBER = /^[1-8]\d{2}/;

interface OpenEntry {
  journal: string;
  number: string;
  line: number;
  entryDate: string;
  validDate: string;
  pieceRef: string;
  pieceDate: string;
  debit: bigint;
  credit: bigint;
}

/** An ISO date of AAAAMMJJ, or null when it is not a day of the calendar. */
function dayOf(value: string): string | null {
  if (!/^\d{8}$/.test(value)) return null;
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Cents of a euro amount already matched by EURO_AMOUNT. */
function centsOf(value: string): bigint {
  const negative = value.startsWith("-");
  const [units, decimals = ""] = value.replace(/^[+-]/, "").split(",");
  const cents = BigInt(units) * 100n + BigInt(decimals.padEnd(2, "0"));
  return negative ? -cents : cents;
}

const euros = (cents: bigint) => {
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, "0");
  return `${cents < 0n ? "-" : ""}${digits.slice(0, -2)},${digits.slice(-2)}`;
};

/** Reads a FEC one record at a time (`push`), then tells what fails (`end`). */
export class FecValidator {
  private readonly failures: FecFailure[] = [];
  private failureCount = 0;
  private readonly maxFailures: number;
  private opensOn: string | null;
  private closesOn: string | null;
  private lineNumber = 0;
  private separator = "\t";
  private fieldCount: number = FIELD_COUNT;
  private blankLine = 0;
  private lineCount = 0;
  private entryCount = 0;
  private debitCents = 0n;
  private creditCents = 0n;
  private entry: OpenEntry | null = null;
  /** Per journal: the last number of its sequence, and its label. */
  private readonly lastNumbers = new Map<string, bigint>();
  private readonly journalLabels = new Map<string, string>();
  private lastValidDate = "";

  constructor(options: FecValidationOptions) {
    this.maxFailures = options.maxFailures ?? 1000;
    this.opensOn = options.opensOn ?? null;
    this.closesOn = options.closesOn ?? null;
    this.checkFileName(options.fileName);
    if (this.closesOn && !this.opensOn) {
      const opens = new Date(`${this.closesOn}T00:00:00Z`);
      opens.setUTCFullYear(opens.getUTCFullYear() - 1);
      opens.setUTCDate(opens.getUTCDate() + 1);
      this.opensOn = opens.toISOString().slice(0, 10);
    }
  }

  /** `<SIREN>FEC<AAAAMMJJ>.txt`: a valid SIREN, and the fiscal year's closing date (which it gives when not told). */
  private checkFileName(fileName: string) {
    const name = FILE_NAME.exec(fileName);
    if (!name) {
      return this.fail(
        0,
        "file-name",
        `The file's name must be <SIREN>FEC<AAAAMMJJ>.txt (9 digits, "FEC", the closing date), got "${fileName}"`,
      );
    }
    const closing = dayOf(name[2]);
    if (!closing) return this.fail(0, "file-name", `The file's name ends with ${name[2]}, which is not a date AAAAMMJJ`);
    if (this.closesOn && this.closesOn !== closing) {
      this.fail(
        0,
        "file-name",
        `The file's name says the fiscal year closes on ${name[2]}, but it closes on ${this.closesOn.replaceAll("-", "")}`,
      );
    }
    this.closesOn ??= closing;
  }

  private fail(line: number, rule: FecRule, message: string) {
    this.failureCount++;
    if (this.failures.length < this.maxFailures) this.failures.push({ line, rule, message });
  }

  /** One record of the file, without its record separator. */
  push(record: string): void {
    const line = ++this.lineNumber;
    if (line === 1) return this.header(record);
    if (record === "") {
      // A blank record is refused unless it is the last one (a file may end with a record separator).
      if (this.blankLine === 0) this.blankLine = line;
      return;
    }
    if (this.blankLine) {
      this.fail(this.blankLine, "empty-record", "A blank line in the middle of the file: every record is a line of an entry");
      this.blankLine = 0;
    }
    this.record(line, record);
  }

  private header(record: string) {
    if (record === "") return this.fail(1, "header", "The first line is blank: it must name the 18 fields");
    if (record.includes("\t")) this.separator = "\t";
    else if (record.includes("|")) this.separator = "|";
    else {
      this.fail(1, "separator", 'The first line must name the fields separated by a tabulation or "|" (A47 A-1 VI 1° c)');
    }
    const names = record.split(this.separator);
    this.fieldCount = Math.max(names.length, FIELD_COUNT);
    if (names.length < FIELD_COUNT || FEC_FIELDS.some((name, index) => names[index] !== name)) {
      const wrong = FEC_FIELDS.findIndex((name, index) => names[index] !== name);
      this.fail(
        1,
        "header",
        `The first line must name the 18 fields in order (${FEC_FIELDS.join(", ")}); field ${wrong + 1} is "${names[wrong] ?? ""}", not ${FEC_FIELDS[wrong]}`,
      );
      this.fieldCount = FIELD_COUNT;
    }
  }

  private record(line: number, record: string) {
    const fields = record.split(this.separator);
    if (fields.length !== this.fieldCount) {
      const other = this.separator === "\t" ? "|" : "\t";
      if (fields.length === 1 && record.includes(other)) {
        this.fail(
          line,
          "separator",
          `The line separates its fields with ${other === "\t" ? "a tabulation" : '"|"'}, the file's first line with ${this.separator === "\t" ? "a tabulation" : '"|"'}: one separator for the whole file`,
        );
      } else {
        this.fail(line, "field-count", `The line has ${fields.length} fields; the first line names ${this.fieldCount}`);
      }
      return;
    }
    this.lineCount++;
    const value = (name: (typeof FEC_FIELDS)[number]) => fields[F[name]];
    for (const [index, field] of fields.entries()) {
      for (const char of field) {
        if (!isPrintableLatin9(char)) {
          this.fail(
            line,
            "charset",
            `${FEC_FIELDS[index] ?? `Field ${index + 1}`} holds the character U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}, which is not a printable character of ISO 8859-15 (A47 A-1 III 1°)`,
          );
          break;
        }
      }
    }
    for (const name of MANDATORY) {
      if (value(name).trim() === "") this.fail(line, "mandatory-field", `${name} is blank; A47 A-1 requires it on every line`);
    }
    const days: Partial<Record<(typeof DATE_FIELDS)[number], string>> = {};
    for (const name of DATE_FIELDS) {
      const text = value(name);
      if (text === "") continue;
      const day = dayOf(text);
      if (day) days[name] = day;
      else this.fail(line, "date-format", `${name} is "${text}", not a date AAAAMMJJ (A47 A-1 III 4°)`);
    }
    let debit = 0n;
    let credit = 0n;
    for (const name of ["Debit", "Credit"] as const) {
      const text = value(name);
      if (text === "") continue;
      if (!EURO_AMOUNT.test(text)) {
        const hint = /^[+-]?[\d\s.]+(,\d+)?$|^[+-]?\d+\.\d+$/.test(text)
          ? ": a comma separates the decimals, and no thousands separator"
          : "";
        this.fail(line, "amount-format", `${name} is "${text}", not an amount in euros such as 1234,56 (A47 A-1 III 2°)${hint}`);
      } else if (name === "Debit") debit = centsOf(text);
      else credit = centsOf(text);
    }
    if (debit !== 0n && credit !== 0n) {
      this.fail(line, "debit-credit", `The line has a debit (${euros(debit)}) and a credit (${euros(credit)}): a line is on one side only`);
    }
    this.debitCents += debit;
    this.creditCents += credit;
    const account = value("CompteNum");
    if (account !== "" && !ACCOUNT_NUMBER.test(account)) {
      this.fail(
        line,
        "account-number",
        `CompteNum "${account}" must begin with three digits of the French chart of accounts, its class 1 to 8 first (A47 A-1 VII 1°, field 5)`,
      );
    }
    if ((value("CompAuxNum") === "") !== (value("CompAuxLib") === "")) {
      this.fail(
        line,
        "auxiliary-pair",
        "CompAuxNum and CompAuxLib go together: both given, or both blank when no auxiliary account is used",
      );
    }
    if ((value("EcritureLet") === "") !== (value("DateLet") === "")) {
      this.fail(line, "lettering-pair", "EcritureLet and DateLet go together: a lettering has its date, and a date its lettering");
    }
    const amount = value("Montantdevise");
    const currency = value("Idevise");
    if ((amount === "") !== (currency === "")) {
      this.fail(
        line,
        "currency-pair",
        "Montantdevise and Idevise go together: an amount in a currency names the currency, and both are blank otherwise",
      );
    }
    if (amount !== "" && !CURRENCY_AMOUNT.test(amount)) {
      this.fail(line, "amount-format", `Montantdevise is "${amount}", not an amount such as 1234,56 (A47 A-1 III 2°)`);
    }
    if (currency !== "" && !/^[A-Z]{3}$/.test(currency)) {
      this.fail(line, "currency-code", `Idevise "${currency}" must be a currency's ISO 4217 code (three capital letters, such as USD)`);
    }
    const entryDate = days.EcritureDate;
    if (entryDate && this.opensOn && this.closesOn && (entryDate < this.opensOn || entryDate > this.closesOn)) {
      this.fail(
        line,
        "fiscal-year",
        `EcritureDate ${value("EcritureDate")} is outside the fiscal year (${this.opensOn} to ${this.closesOn})`,
      );
    }
    if (entryDate && days.ValidDate && days.ValidDate < entryDate) {
      this.fail(
        line,
        "validation-date",
        `ValidDate ${value("ValidDate")} is before EcritureDate ${value("EcritureDate")}: an entry is validated once it is recorded`,
      );
    }
    this.entryLine(line, fields, debit, credit);
  }

  /** The entry a line belongs to: its lines follow each other, and share their journal, number, dates and piece. */
  private entryLine(line: number, fields: string[], debit: bigint, credit: bigint) {
    const journal = fields[F.JournalCode];
    const number = fields[F.EcritureNum];
    const entryDate = fields[F.EcritureDate];
    const validDate = fields[F.ValidDate];
    const pieceRef = fields[F.PieceRef];
    const pieceDate = fields[F.PieceDate];
    const label = fields[F.JournalLib];
    const known = this.journalLabels.get(journal);
    if (known === undefined) this.journalLabels.set(journal, label);
    else if (known !== label)
      this.fail(line, "journal-label", `Journal ${journal} is labelled "${label}" here and "${known}" before: one label per journal`);
    let entry = this.entry;
    if (!entry || entry.journal !== journal || entry.number !== number) {
      this.closeEntry();
      entry = this.entry = { journal, number, line, entryDate, validDate, pieceRef, pieceDate, debit: 0n, credit: 0n };
      this.openEntry(line, entry);
    } else {
      const differs = (
        [
          ["EcritureDate", entry.entryDate, entryDate],
          ["ValidDate", entry.validDate, validDate],
          ["PieceRef", entry.pieceRef, pieceRef],
          ["PieceDate", entry.pieceDate, pieceDate],
        ] as const
      ).filter(([, first, here]) => first !== here);
      for (const [name, first, here] of differs) {
        this.fail(
          line,
          "entry-consistency",
          `${name} is "${here}" on this line of entry ${journal} ${number} and "${first}" on its first line (line ${entry.line}): one ${name} per entry`,
        );
      }
    }
    entry.debit += debit;
    entry.credit += credit;
  }

  /** A new entry: the next number of its journal's continuous sequence, validated no earlier than the entry before it. */
  private openEntry(line: number, entry: OpenEntry) {
    this.entryCount++;
    const digits = /(\d+)$/.exec(entry.number);
    if (!digits) {
      this.fail(
        line,
        "entry-number",
        `EcritureNum "${entry.number}" does not end with the entry's number in its journal's continuous sequence`,
      );
    } else {
      const number = BigInt(digits[1]);
      const last = this.lastNumbers.get(entry.journal);
      const expected = last === undefined ? 1n : last + 1n;
      if (number !== expected) {
        const why =
          last !== undefined && number <= last
            ? `comes after number ${last}: numbers increase, and an entry's lines follow each other`
            : last === undefined
              ? "is the journal's first: its sequence begins at 1"
              : `follows number ${last}: the sequence has a gap`;
        this.fail(
          line,
          "entry-number",
          `Entry ${entry.journal} ${entry.number} (number ${number}) ${why} (continuous sequence per journal)`,
        );
      }
      if (last === undefined || number > last) this.lastNumbers.set(entry.journal, number);
    }
    if (/^\d{8}$/.test(entry.validDate)) {
      if (entry.validDate < this.lastValidDate) {
        this.fail(
          line,
          "validation-order",
          `Entry ${entry.journal} ${entry.number} was validated on ${entry.validDate}, before the entry above it (${this.lastValidDate}): entries are in the chronological order of their validation (A47 A-1 VII 1°)`,
        );
      } else this.lastValidDate = entry.validDate;
    }
  }

  private closeEntry() {
    const entry = this.entry;
    if (entry && entry.debit !== entry.credit) {
      this.fail(
        entry.line,
        "entry-balance",
        `Entry ${entry.journal} ${entry.number} is not balanced: debit ${euros(entry.debit)}, credit ${euros(entry.credit)}`,
      );
    }
    this.entry = null;
  }

  /** The verdict, once every record has been pushed. */
  end(): FecValidation {
    this.closeEntry();
    if (this.lineNumber === 0) this.fail(1, "header", "The file is empty: its first line must name the 18 fields");
    return {
      valid: this.failureCount === 0,
      failures: [...this.failures],
      failureCount: this.failureCount,
      lineCount: this.lineCount,
      entryCount: this.entryCount,
      debitCents: this.debitCents,
      creditCents: this.creditCents,
    };
  }
}

/** The records of a text, whatever its record separator (CR LF, LF or CR, A47 A-1 I 1°). */
export function fecRecords(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Checks a whole file's text. */
export function validateFecText(text: string, options: FecValidationOptions): FecValidation {
  const validator = new FecValidator(options);
  for (const record of fecRecords(text)) validator.push(record);
  return validator.end();
}

/** Checks a file read as pages of records (the export's stream): memory stays that of one page. */
export async function validateFecPages(pages: AsyncIterable<readonly string[]>, options: FecValidationOptions): Promise<FecValidation> {
  const validator = new FecValidator(options);
  for await (const page of pages) for (const record of page) validator.push(record);
  return validator.end();
}
