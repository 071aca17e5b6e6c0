import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";

export type PaymentMethod = "TRANSFER" | "CHECK" | "CARD" | "CASH" | "DIRECT_DEBIT" | "OTHER";

/**
 * A payment received for an invoice (règlement), or the reversing entry that cancels one
 * (contre-passation), table `payments`. Rows are never deleted nor changed: a mistaken or bounced
 * payment is cancelled by a reversal that points at it, with the opposite amount.
 */
@Entity({ name: "payments" })
export class PaymentEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", generated: "increment", insert: false, update: false })
  seq: string;

  @Column({ name: "invoice_id", type: "uuid" })
  invoiceId: string;

  /** When the money came in; for a reversal, when the payment was cancelled. */
  @Column({ name: "received_on", type: "date" })
  receivedOn: string;

  /** Above 0 for a payment; the opposite of its payment's for a reversal. */
  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn })
  amountCents: bigint;

  @Column({ type: "text" })
  method: PaymentMethod;

  @Column({ type: "text", nullable: true })
  reference: string | null;

  /** For a reversal, the payment it cancels (at most one reversal each); null for a payment. */
  @Column({ name: "reversal_of", type: "uuid", nullable: true })
  reversalOf: string | null;

  /** For a reversal, why the payment was cancelled; null for a payment. */
  @Column({ type: "text", nullable: true })
  reason: string | null;

  /** For an adjustment (a reversal dated in a closed month), the first day of the month it is booked in; null when booked on `receivedOn`. */
  @Column({ name: "booked_on", type: "date", nullable: true })
  bookedOn: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
