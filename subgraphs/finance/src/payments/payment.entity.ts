import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";

export type PaymentMethod = "TRANSFER" | "CHECK" | "CARD" | "CASH" | "DIRECT_DEBIT" | "OTHER";

/** A payment received for an invoice (règlement), table `payments`. */
@Entity({ name: "payments" })
export class PaymentEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", generated: "increment", insert: false, update: false })
  seq: string;

  @Column({ name: "invoice_id", type: "uuid" })
  invoiceId: string;

  @Column({ name: "received_on", type: "date" })
  receivedOn: string;

  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn })
  amountCents: bigint;

  @Column({ type: "text" })
  method: PaymentMethod;

  @Column({ type: "text", nullable: true })
  reference: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
