import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";
import type { BankStatementFormat } from "./parsers";

/** A statement imported from the cooperative's bank (table `bank_statements`). */
@Entity({ name: "bank_statements" })
export class BankStatementEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", generated: "increment", insert: false, update: false })
  seq: string;

  @Column({ type: "text" })
  format: BankStatementFormat;

  @Column({ name: "account_identifier", type: "text" })
  accountIdentifier: string;

  @Column({ name: "statement_ref", type: "text", nullable: true })
  statementRef: string | null;

  @Column({ name: "from_date", type: "date" })
  fromDate: string;

  @Column({ name: "to_date", type: "date" })
  toDate: string;

  @Column({ name: "opening_balance_cents", type: "bigint", nullable: true, transformer: centsColumn })
  openingBalanceCents: bigint | null;

  @Column({ name: "closing_balance_cents", type: "bigint", nullable: true, transformer: centsColumn })
  closingBalanceCents: bigint | null;

  @Column({ name: "content_sha256", type: "text" })
  contentSha256: string;

  @Column({ name: "line_count", type: "integer" })
  lineCount: number;

  @Column({ name: "skipped_duplicates", type: "integer" })
  skippedDuplicates: number;

  @Column({ name: "imported_by", type: "text" })
  importedBy: string;

  @Column({ name: "imported_at", type: "timestamptz", insert: false, update: false })
  importedAt: Date;
}

/** One booked operation of a statement (table `bank_statement_lines`). */
@Entity({ name: "bank_statement_lines" })
export class BankStatementLineEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", generated: "increment", insert: false, update: false })
  seq: string;

  @Column({ name: "statement_id", type: "uuid" })
  statementId: string;

  @Column({ type: "integer" })
  position: number;

  @Column({ name: "account_identifier", type: "text" })
  accountIdentifier: string;

  @Column({ name: "booking_date", type: "date" })
  bookingDate: string;

  @Column({ name: "value_date", type: "date", nullable: true })
  valueDate: string | null;

  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn })
  amountCents: bigint;

  /** Its rank among the lines of the same account, day and amount: what tells two equal operations apart. */
  @Column({ type: "integer" })
  occurrence: number;

  @Column({ type: "text" })
  label: string;

  @Column({ type: "text", nullable: true })
  counterparty: string | null;

  @Column({ name: "bank_reference", type: "text", nullable: true })
  bankReference: string | null;

  @Column({ name: "end_to_end_id", type: "text", nullable: true })
  endToEndId: string | null;

  @Column({ type: "text", nullable: true })
  remittance: string | null;

  /** Label, references and remittance in upper-case letters and digits only, where references are looked for. */
  @Column({ name: "search_text", type: "text" })
  searchText: string;

  @Column({ name: "source_line", type: "integer" })
  sourceLine: number;
}

/** A statement line confirmed as the bank's side of a journal entry (table `bank_matches`). */
@Entity({ name: "bank_matches" })
export class BankMatchEntity {
  @PrimaryColumn({ name: "statement_line_id", type: "uuid" })
  statementLineId: string;

  @Column({ name: "journal_entry_id", type: "uuid" })
  journalEntryId: string;

  @Column({ name: "matched_by", type: "text" })
  matchedBy: string;

  @Column({ name: "matched_at", type: "timestamptz", insert: false, update: false })
  matchedAt: Date;
}
