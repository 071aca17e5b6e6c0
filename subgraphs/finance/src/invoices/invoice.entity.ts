import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";
import { LineColumns } from "./line.entity";
import type { ReverseCharge } from "./vat-rules";

export type InvoiceStatus = "DRAFT" | "ISSUED" | "PARTLY_PAID" | "PAID" | "CANCELLED";

/** An invoice of an activity in the cooperative's name, table `invoices`. */
@Entity({ name: "invoices" })
export class InvoiceEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Creation order, the key of pages. */
  @Column({ type: "bigint", generated: "increment", insert: false, update: false })
  seq: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  @Column({ name: "customer_id", type: "uuid" })
  customerId: string;

  @Column({ name: "quote_id", type: "uuid", nullable: true })
  quoteId: string | null;

  @Column({ type: "text" })
  status: InvoiceStatus;

  @Column({ type: "text", nullable: true })
  number: string | null;

  @Column({ name: "issued_on", type: "date", nullable: true })
  issuedOn: string | null;

  @Column({ name: "due_on", type: "date", nullable: true })
  dueOn: string | null;

  @Column({ name: "payment_terms_days", type: "integer", nullable: true })
  paymentTermsDays: number | null;

  @Column({ name: "settings_id", type: "uuid", nullable: true })
  settingsId: string | null;

  @Column({ name: "net_cents", type: "bigint", transformer: centsColumn })
  netCents: bigint;

  @Column({ name: "vat_cents", type: "bigint", transformer: centsColumn })
  vatCents: bigint;

  @Column({ name: "total_cents", type: "bigint", transformer: centsColumn })
  totalCents: bigint;

  @Column({ name: "paid_cents", type: "bigint", transformer: centsColumn, default: 0 })
  paidCents: bigint;

  @Column({ name: "credited_cents", type: "bigint", transformer: centsColumn, default: 0 })
  creditedCents: bigint;

  /** Day of the delivery or of the completion of the service, when it is not the issue date (CGI art. 242 nonies A, I-7°). */
  @Column({ name: "delivered_on", type: "date", nullable: true })
  deliveredOn: string | null;

  /** The period the invoice is for (BT-73/74), both or neither. */
  @Column({ name: "period_from", type: "date", nullable: true })
  periodFrom: string | null;

  @Column({ name: "period_to", type: "date", nullable: true })
  periodTo: string | null;

  /** When the customer pays the VAT (autoliquidation): the invoice carries none. */
  @Column({ name: "reverse_charge", type: "text", nullable: true })
  reverseCharge: ReverseCharge | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt: Date;
}

/** A line of an invoice, table `invoice_lines`. */
@Entity({ name: "invoice_lines" })
export class InvoiceLineEntity extends LineColumns {
  @Column({ name: "invoice_id", type: "uuid" })
  invoiceId: string;
}

/** The status an issued invoice takes from what was paid and credited on it. */
export function settledStatus(invoice: Pick<InvoiceEntity, "totalCents" | "paidCents" | "creditedCents">): InvoiceStatus {
  if (invoice.creditedCents >= invoice.totalCents) return "CANCELLED";
  if (invoice.paidCents > 0n && invoice.paidCents + invoice.creditedCents >= invoice.totalCents) return "PAID";
  return invoice.paidCents > 0n ? "PARTLY_PAID" : "ISSUED";
}
