import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";
import type { ExpenseCategory } from "../expenses/expense.entity";
import type { VatRate } from "../money/arithmetic";

/** RECEIVED when recorded, PARTLY_PAID or PAID as the transfers that pay it are executed. */
export type SupplierInvoiceStatus = "RECEIVED" | "PARTLY_PAID" | "PAID";

/** A supplier's invoice to one activity (facture fournisseur), table `supplier_invoices`. */
@Entity({ name: "supplier_invoices" })
export class SupplierInvoiceEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", insert: false, update: false })
  seq: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  @Column({ name: "supplier_id", type: "uuid" })
  supplierId: string;

  /** The supplier's own number, unique per supplier. */
  @Column({ type: "text" })
  number: string;

  @Column({ name: "issued_on", type: "date" })
  issuedOn: string;

  /** For a late invoice dated in a month whose contribution is recorded, the first day of the month it counts in; null when it counts on its issue date. */
  @Column({ name: "booked_on", type: "date", nullable: true })
  bookedOn: string | null;

  @Column({ name: "due_on", type: "date" })
  dueOn: string;

  @Column({ type: "text" })
  category: ExpenseCategory;

  @Column({ type: "text" })
  description: string;

  @Column({ name: "net_cents", type: "bigint", transformer: centsColumn })
  netCents: bigint;

  @Column({ name: "vat_cents", type: "bigint", transformer: centsColumn })
  vatCents: bigint;

  @Column({ name: "total_cents", type: "bigint", transformer: centsColumn })
  totalCents: bigint;

  @Column({ name: "paid_cents", type: "bigint", transformer: centsColumn })
  paidCents: bigint;

  @Column({ type: "text" })
  status: SupplierInvoiceStatus;

  @Column({ name: "file_id", type: "uuid" })
  fileId: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt: Date;
}

/** The net and VAT of one rate of a supplier's invoice, table `supplier_invoice_amounts`. */
@Entity({ name: "supplier_invoice_amounts" })
export class SupplierInvoiceAmountEntity {
  @PrimaryColumn({ name: "invoice_id", type: "uuid" })
  invoiceId: string;

  @PrimaryColumn({ name: "vat_rate", type: "text" })
  vatRate: VatRate;

  @Column({ name: "net_cents", type: "bigint", transformer: centsColumn })
  netCents: bigint;

  @Column({ name: "vat_cents", type: "bigint", transformer: centsColumn })
  vatCents: bigint;
}

/** Where the payments leave an invoice. */
export const settledSupplierStatus = (totalCents: bigint, paidCents: bigint): SupplierInvoiceStatus =>
  paidCents === 0n ? "RECEIVED" : paidCents < totalCents ? "PARTLY_PAID" : "PAID";
