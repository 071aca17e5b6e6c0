import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";
import { LineColumns } from "../invoices/line.entity";

export type QuoteStatus = "PENDING" | "ACCEPTED" | "REFUSED";

/** A quote (devis) of an activity, table `quotes`. */
@Entity({ name: "quotes" })
export class QuoteEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", generated: "increment", insert: false, update: false })
  seq: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  @Column({ name: "customer_id", type: "uuid" })
  customerId: string;

  @Column({ type: "text" })
  status: QuoteStatus;

  @Column({ name: "issued_on", type: "date" })
  issuedOn: string;

  @Column({ name: "valid_until", type: "date" })
  validUntil: string;

  /** Number in the quote series ("D2026-000012"); null on quotes made before quotes were numbered. */
  @Column({ type: "text", nullable: true })
  number: string | null;

  /** The settings version in force on its day, whose identity and mentions it prints; null with the number. */
  @Column({ name: "settings_id", type: "uuid", nullable: true })
  settingsId: string | null;

  @Column({ name: "decided_on", type: "date", nullable: true })
  decidedOn: string | null;

  @Column({ name: "net_cents", type: "bigint", transformer: centsColumn })
  netCents: bigint;

  @Column({ name: "vat_cents", type: "bigint", transformer: centsColumn })
  vatCents: bigint;

  @Column({ name: "total_cents", type: "bigint", transformer: centsColumn })
  totalCents: bigint;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

@Entity({ name: "quote_lines" })
export class QuoteLineEntity extends LineColumns {
  @Column({ name: "quote_id", type: "uuid" })
  quoteId: string;
}
