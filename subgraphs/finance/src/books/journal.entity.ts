import { Column, Entity, PrimaryColumn } from "typeorm";
import { centsColumn } from "@cae/shared";
import type { JournalCode } from "./entry";

/** A journal entry (écriture), table `journal_entries`: written by the posting rules only, never changed. */
@Entity({ name: "journal_entries" })
export class JournalEntryEntity {
  @PrimaryColumn("uuid")
  id: string;

  @Column({ type: "text" })
  journal: JournalCode;

  @Column({ name: "fiscal_year", type: "integer" })
  fiscalYear: number;

  /** Gapless per journal and fiscal year, in the order of posting. */
  @Column({ type: "integer" })
  number: number;

  @Column({ name: "entry_date", type: "date" })
  entryDate: string;

  @Column({ name: "piece_ref", type: "text" })
  pieceRef: string;

  @Column({ name: "piece_date", type: "date" })
  pieceDate: string;

  @Column({ type: "text" })
  label: string;

  @Column({ name: "source_kind", type: "text" })
  sourceKind: string;

  @Column({ name: "source_id", type: "uuid" })
  sourceId: string;

  @Column({ name: "document_id", type: "uuid", nullable: true })
  documentId: string | null;

  @Column({ name: "account_id", type: "uuid", nullable: true })
  accountId: string | null;

  @Column({ name: "validated_on", type: "date" })
  validatedOn: string;

  @Column({ name: "posted_at", type: "timestamptz" })
  postedAt: Date;
}

/** A line of a journal entry, table `journal_lines`. */
@Entity({ name: "journal_lines" })
export class JournalLineEntity {
  @PrimaryColumn({ name: "entry_id", type: "uuid" })
  entryId: string;

  @PrimaryColumn({ type: "integer" })
  position: number;

  @Column({ type: "text", nullable: true })
  role: string | null;

  @Column({ name: "ledger_number", type: "text" })
  ledgerNumber: string;

  @Column({ name: "ledger_label", type: "text" })
  ledgerLabel: string;

  @Column({ name: "aux_number", type: "text", nullable: true })
  auxNumber: string | null;

  @Column({ name: "aux_label", type: "text", nullable: true })
  auxLabel: string | null;

  @Column({ type: "text" })
  label: string;

  @Column({ name: "debit_cents", type: "bigint", transformer: centsColumn })
  debitCents: bigint;

  @Column({ name: "credit_cents", type: "bigint", transformer: centsColumn })
  creditCents: bigint;

  @Column({ name: "analytic_code", type: "text" })
  analyticCode: string;

  @Column({ name: "vat_base_cents", type: "bigint", nullable: true, transformer: centsColumn })
  vatBaseCents: bigint | null;
}
