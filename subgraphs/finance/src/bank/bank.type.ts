import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, connectionType, DateTimeScalar, LocalDateScalar, PageArgs } from "@cae/shared";
import type { BankStatementFormat as FormatValue, CsvDateFormat as DateFormatValue, CsvDecimalSeparator as DecimalValue } from "./parsers";

export const BankStatementFormat = { CAMT_053: "CAMT_053", OFX: "OFX", CSV: "CSV" } as const;
registerEnumType(BankStatementFormat, {
  name: "BankStatementFormat",
  description:
    "Format of a bank statement file: ISO 20022 camt.053 (bank-to-customer statement, versions 001.02 to 001.13), OFX (1.x SGML or 2.x XML), or CSV read with a column mapping.",
});

export const CsvDateFormat = { DAY_MONTH_YEAR: "DAY_MONTH_YEAR", YEAR_MONTH_DAY: "YEAR_MONTH_DAY" } as const;
registerEnumType(CsvDateFormat, {
  name: "CsvDateFormat",
  description: 'Order of a CSV date\'s parts: "31/10/2026" (also with "-" or ".", or a two-digit year) or "2026-10-31".',
});

export const CsvDecimalSeparator = { COMMA: "COMMA", POINT: "POINT" } as const;
registerEnumType(CsvDecimalSeparator, {
  name: "CsvDecimalSeparator",
  description: 'Decimal mark of a CSV\'s amounts: "1 200,50" or "1200.50".',
});

@InputType({ description: "Which column of a bank's CSV export holds what; columns are numbered from 1, as a spreadsheet shows them." })
export class BankCsvMappingInput {
  @Field(() => String, {
    description:
      "The account the file is of, as CSV exports seldom say it in their rows: its IBAN (checked), or the bank's account number.",
  })
  accountIdentifier: string;

  @Field(() => String, { nullable: true, description: 'Field separator: ";" (default, as French banks write), ",", tab or "|".' })
  separator?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Lines before the first operation (the bank's preamble and the header line), 1 by default.",
  })
  skipLines?: number | null;

  @Field(() => Int, { description: "Column of the booking date (date comptable)." })
  dateColumn: number;

  @Field(() => CsvDateFormat, { nullable: true, description: "How dates are written; DAY_MONTH_YEAR by default." })
  dateFormat?: DateFormatValue | null;

  @Field(() => Int, { nullable: true, description: "Column of the value date (date de valeur), if any." })
  valueDateColumn?: number | null;

  @Field(() => Int, { nullable: true, description: "Column of a signed amount (credits positive); or give debitColumn and creditColumn." })
  amountColumn?: number | null;

  @Field(() => Int, { nullable: true, description: "Column of debits (money out, whichever sign the bank writes them with)." })
  debitColumn?: number | null;

  @Field(() => Int, { nullable: true, description: "Column of credits (money in)." })
  creditColumn?: number | null;

  @Field(() => CsvDecimalSeparator, { nullable: true, description: "Decimal mark of the amounts; COMMA by default." })
  decimalSeparator?: DecimalValue | null;

  @Field(() => Int, { description: "Column of the operation's label (libellé)." })
  labelColumn: number;

  @Field(() => Int, { nullable: true, description: "Column of the bank's reference of the operation, if any." })
  referenceColumn?: number | null;
}

@InputType({ description: "A bank statement file to import." })
export class ImportBankStatementInput {
  @Field(() => ID, { description: "The cooperative whose bank account it is; the request goes to it." })
  cooperativeId: string;

  @Field(() => BankStatementFormat, { description: "The file's format." })
  format: FormatValue;

  @Field(() => String, {
    description:
      "The file's text, decoded by the client from its charset (OFX 1.x and CSV exports are often Windows-1252). At most 10,000 operations; the request's size limit applies.",
  })
  content: string;

  @Field(() => BankCsvMappingInput, {
    nullable: true,
    description: "For CSV: which column holds what. Required for CSV, refused otherwise.",
  })
  mapping?: BankCsvMappingInput | null;
}

@InputType({ description: "A statement line and the journal entry that is its side in the books." })
export class ConfirmBankMatchInput {
  @Field(() => ID, { description: "The statement line; the request goes to its cooperative." })
  statementLineId: string;

  @Field(() => ID, { description: "The journal entry on the bank account (BANK role) of exactly the line's amount." })
  journalEntryId: string;
}

@InputType({ description: "A statement line whose match is undone." })
export class RemoveBankMatchInput {
  @Field(() => ID, { description: "The statement line; the request goes to its cooperative." })
  statementLineId: string;
}

@ObjectType({ description: "A statement imported from the cooperative's bank (relevé bancaire)." })
export class BankStatement {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => BankStatementFormat, { description: "The format it was imported from." })
  format: FormatValue;

  @Field(() => String, {
    description: "The account: its IBAN when the file gives it or it can be computed (a French OFX's RIB), else the bank's identification.",
  })
  accountIdentifier: string;

  @Field(() => String, {
    nullable: true,
    description: "The bank's identification of the statement (camt.053 Stmt/Id); null for OFX and CSV.",
  })
  statementRef: string | null;

  @Field(() => LocalDateScalar, { description: "First day it covers." })
  fromDate: string;

  @Field(() => LocalDateScalar, { description: "Last day it covers." })
  toDate: string;

  @Field(() => CentsScalar, {
    nullable: true,
    description: "Opening balance the bank states (negative when overdrawn); null when the file gives none.",
  })
  openingBalanceCents: bigint | null;

  @Field(() => CentsScalar, { nullable: true, description: "Closing balance the bank states; null when the file gives none." })
  closingBalanceCents: bigint | null;

  @Field(() => Int, { description: "How many lines were imported from it." })
  lineCount: number;

  @Field(() => Int, { description: "How many of its lines were left out because an earlier import brought them already." })
  skippedDuplicateCount: number;

  @Field(() => DateTimeScalar, { description: "When it was imported." })
  importedAt: Date;

  localId: string;
}

@ObjectType({ description: "A journal entry that moves the cooperative's bank account (the BANK role, 512), whatever its source." })
export class BankJournalEntry {
  @Field(() => ID, { description: 'Global ID of the journal entry, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: 'Its reference in the books, journal, year and number: "BQ2026-000042".' })
  reference: string;

  @Field(() => String, { description: "Journal code (BQ, OD…)." })
  journal: string;

  @Field(() => Int, { description: "Its number in the journal and fiscal year." })
  number: number;

  @Field(() => Int, { description: "Fiscal year." })
  fiscalYear: number;

  @Field(() => LocalDateScalar, { description: "Entry date." })
  entryDate: string;

  @Field(() => String, { description: "Piece reference (an invoice number, a receipt's reference…)." })
  pieceRef: string;

  @Field(() => String, { description: "Label." })
  label: string;

  @Field(() => String, { description: "Kind of source document it was posted from (PAYMENT, EXPENSE, …)." })
  sourceKind: string;

  @Field(() => CentsScalar, {
    description: "What it moves on the bank account as a statement shows it: money in positive (a debit of 512), money out negative.",
  })
  amountCents: bigint;
}

@ObjectType({ description: "A journal entry that may be a statement line's side in the books, and why." })
export class BankMatchSuggestion {
  @Field(() => Int, { description: "Its rank among the line's suggestions, 1 first." })
  rank: number;

  @Field(() => BankJournalEntry, { description: "The entry: of exactly the line's amount and sign, not matched to any line yet." })
  journalEntry: BankJournalEntry;

  @Field(() => Int, { description: "Days between the line's booking date and the entry's date." })
  daysApart: number;

  @Field(() => Boolean, {
    description:
      "Whether a reference of the entry (its piece reference, the invoice it settles) is in the line's label, remittance information or end-to-end ID.",
  })
  referenceFound: boolean;
}

@ObjectType({ description: "A statement line confirmed as the bank's side of a journal entry." })
export class BankMatch {
  @Field(() => BankJournalEntry, { description: "The journal entry." })
  journalEntry: BankJournalEntry;

  @Field(() => DateTimeScalar, { description: "When it was confirmed." })
  matchedAt: Date;
}

@ObjectType({ description: "One booked operation of a bank statement." })
export class BankStatementLine {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => LocalDateScalar, { description: "The day the bank booked it (date comptable)." })
  bookingDate: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Value date (date de valeur), when the file gives one." })
  valueDate: string | null;

  @Field(() => CentsScalar, { description: "Amount as the bank sees the account: money in positive, money out negative." })
  amountCents: bigint;

  @Field(() => String, { description: "The bank's wording." })
  label: string;

  @Field(() => String, { nullable: true, description: "Who paid or was paid, when the file names them." })
  counterparty: string | null;

  @Field(() => String, { nullable: true, description: "The bank's reference of the operation (AcctSvcrRef, FITID…)." })
  bankReference: string | null;

  @Field(() => String, { nullable: true, description: "The payer's end-to-end identification (SEPA)." })
  endToEndId: string | null;

  @Field(() => String, { nullable: true, description: "What the payer wrote for the payee (remittance information)." })
  remittanceInformation: string | null;

  localId: string;
  statementId: string;
}

@ObjectType({ description: "What an import brought." })
export class ImportBankStatementResult {
  @Field(() => [BankStatement], { description: "The statements imported (a camt.053 file may hold several: one per account or day)." })
  statements: BankStatement[];

  @Field(() => Int, { description: "How many lines were imported." })
  importedLineCount: number;

  @Field(() => Int, { description: "How many lines were left out as brought by an earlier import (overlapping exports)." })
  skippedDuplicateCount: number;
}

@ObjectType({ description: "What bank matching leaves open: statement lines without an entry, and bank entries without a statement line." })
export class UnmatchedBankLines {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "First day compared: the first statement's (or the one asked); null before any statement.",
  })
  from: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Last day compared: the last statement's (or the one asked); null before any statement.",
  })
  through: string | null;
}

export const BankStatementConnection = connectionType(BankStatement, "BankStatement", "bank statement");
export const BankStatementLineConnection = connectionType(BankStatementLine, "BankStatementLine", "bank statement line");
export const BankJournalEntryConnection = connectionType(BankJournalEntry, "BankJournalEntry", "journal entry on the bank account");

@ArgsType()
export class UnmatchedBankLinesArgs {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "First day of bank entries to compare; the first statement's first day by default.",
  })
  from?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Last day of bank entries to compare; the last statement's last day by default.",
  })
  through?: string | null;
}

export { PageArgs };
