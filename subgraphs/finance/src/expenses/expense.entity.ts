import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";

export type ExpenseCategory =
  "PURCHASES" | "SUPPLIES" | "TRAVEL" | "EQUIPMENT" | "RENT" | "SUBCONTRACTING" | "INSURANCE" | "TELECOM" | "TRAINING" | "FEES" | "OTHER";

/** An expense of an activity (dépense, frais), table `expenses`. */
@Entity({ name: "expenses" })
export class ExpenseEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", generated: "increment", insert: false, update: false })
  seq: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  /** When it was incurred (the receipt's date). */
  @Column({ name: "spent_on", type: "date" })
  spentOn: string;

  /** For an adjustment (spent in a month already closed), the first day of the month it is booked in; null when booked on `spentOn`. */
  @Column({ name: "booked_on", type: "date", nullable: true })
  bookedOn: string | null;

  @Column({ type: "text" })
  category: ExpenseCategory;

  @Column({ type: "text" })
  description: string;

  @Column({ name: "net_cents", type: "bigint", transformer: centsColumn })
  netCents: bigint;

  @Column({ name: "vat_cents", type: "bigint", transformer: centsColumn })
  vatCents: bigint;

  @Column({ name: "receipt_reference", type: "text" })
  receiptReference: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
