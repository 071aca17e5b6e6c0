import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";

export type TransferBatchStatus = "PREPARED" | "EXECUTED" | "CANCELLED";

/** The cooperative's own account, debtor of its transfers, table `transfer_account` (one row). */
@Entity({ name: "transfer_account" })
export class TransferAccountEntity {
  @PrimaryColumn({ type: "boolean", default: true })
  singleton: boolean;

  @Column({ type: "text" })
  iban: string;

  @Column({ type: "text" })
  bic: string;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt: Date;
}

/** A batch of SEPA credit transfers (one pain.001 file), table `transfer_batches`. */
@Entity({ name: "transfer_batches" })
export class TransferBatchEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", insert: false, update: false })
  seq: string;

  /** Message ID of the file, unique: "VIR-000012". */
  @Column({ type: "text" })
  number: string;

  @Column({ type: "text" })
  status: TransferBatchStatus;

  @Column({ name: "requested_on", type: "date" })
  requestedOn: string;

  @Column({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "debtor_name", type: "text" })
  debtorName: string;

  @Column({ name: "debtor_iban", type: "text" })
  debtorIban: string;

  @Column({ name: "debtor_bic", type: "text" })
  debtorBic: string;

  @Column({ name: "total_cents", type: "bigint", transformer: centsColumn })
  totalCents: bigint;

  @Column({ name: "executed_on", type: "date", nullable: true })
  executedOn: string | null;

  @Column({ name: "cancelled_at", type: "timestamptz", nullable: true })
  cancelledAt: Date | null;
}

/** One transfer of a batch: what it pays (a supplier's invoice or an expense report) and to whom, table `transfer_items`. */
@Entity({ name: "transfer_items" })
export class TransferItemEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", insert: false, update: false })
  seq: string;

  @Column({ name: "batch_id", type: "uuid" })
  batchId: string;

  @Column({ type: "integer" })
  position: number;

  @Column({ name: "supplier_invoice_id", type: "uuid", nullable: true })
  supplierInvoiceId: string | null;

  @Column({ name: "expense_report_id", type: "uuid", nullable: true })
  expenseReportId: string | null;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn })
  amountCents: bigint;

  @Column({ name: "creditor_name", type: "text" })
  creditorName: string;

  @Column({ name: "creditor_iban", type: "text" })
  creditorIban: string;

  @Column({ name: "creditor_bic", type: "text", nullable: true })
  creditorBic: string | null;

  @Column({ type: "text" })
  remittance: string;

  @Column({ name: "end_to_end_id", type: "text" })
  endToEndId: string;
}
