import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";
import { LineColumns } from "../invoices/line.entity";

/** A credit note (avoir) cancelling an issued invoice in full or in part, table `credit_notes`. */
@Entity({ name: "credit_notes" })
export class CreditNoteEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", generated: "increment", insert: false, update: false })
  seq: string;

  @Column({ name: "invoice_id", type: "uuid" })
  invoiceId: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  @Column({ type: "text" })
  number: string;

  @Column({ name: "issued_on", type: "date" })
  issuedOn: string;

  @Column({ type: "text" })
  reason: string;

  @Column({ name: "settings_id", type: "uuid" })
  settingsId: string;

  @Column({ name: "net_cents", type: "bigint", transformer: centsColumn })
  netCents: bigint;

  @Column({ name: "vat_cents", type: "bigint", transformer: centsColumn })
  vatCents: bigint;

  @Column({ name: "total_cents", type: "bigint", transformer: centsColumn })
  totalCents: bigint;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

@Entity({ name: "credit_note_lines" })
export class CreditNoteLineEntity extends LineColumns {
  @Column({ name: "credit_note_id", type: "uuid" })
  creditNoteId: string;
}
