import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";
import type { ExpenseCategory } from "../expenses/expense.entity";

/** SUBMITTED by the entrepreneur (or staff), APPROVED by staff (then owed and booked), PAID by an executed transfer; or REJECTED. */
export type ExpenseReportStatus = "SUBMITTED" | "APPROVED" | "REJECTED" | "PAID";

/** An entrepreneur's expense report for one month of one activity (note de frais), table `expense_reports`. */
@Entity({ name: "expense_reports" })
export class ExpenseReportEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", insert: false, update: false })
  seq: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  @Column({ name: "person_id", type: "uuid" })
  personId: string;

  @Column({ type: "text" })
  month: string;

  @Column({ type: "text" })
  status: ExpenseReportStatus;

  @Column({ name: "payee_name", type: "text" })
  payeeName: string;

  @Column({ name: "payee_iban", type: "text" })
  payeeIban: string;

  @Column({ name: "payee_bic", type: "text", nullable: true })
  payeeBic: string | null;

  @Column({ name: "net_cents", type: "bigint", transformer: centsColumn })
  netCents: bigint;

  @Column({ name: "vat_cents", type: "bigint", transformer: centsColumn })
  vatCents: bigint;

  @Column({ name: "mileage_cents", type: "bigint", transformer: centsColumn })
  mileageCents: bigint;

  @Column({ name: "total_cents", type: "bigint", transformer: centsColumn })
  totalCents: bigint;

  @Column({ name: "paid_cents", type: "bigint", transformer: centsColumn })
  paidCents: bigint;

  @Column({ name: "approved_on", type: "date", nullable: true })
  approvedOn: string | null;

  @Column({ name: "rejection_reason", type: "text", nullable: true })
  rejectionReason: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt: Date;
}

/** One expense of a report, with its receipt (a file, or the reference of a paper one), table `expense_report_lines`. */
@Entity({ name: "expense_report_lines" })
export class ExpenseReportLineEntity {
  @PrimaryColumn({ name: "report_id", type: "uuid" })
  reportId: string;

  @PrimaryColumn({ type: "integer" })
  position: number;

  @Column({ name: "spent_on", type: "date" })
  spentOn: string;

  @Column({ type: "text" })
  category: ExpenseCategory;

  @Column({ type: "text" })
  description: string;

  @Column({ name: "net_cents", type: "bigint", transformer: centsColumn })
  netCents: bigint;

  @Column({ name: "vat_cents", type: "bigint", transformer: centsColumn })
  vatCents: bigint;

  @Column({ name: "receipt_reference", type: "text", nullable: true })
  receiptReference: string | null;

  @Column({ name: "file_id", type: "uuid", nullable: true })
  fileId: string | null;
}

/** One trip with a personal car, paid on the mileage scale, table `mileage_trips`. */
@Entity({ name: "mileage_trips" })
export class MileageTripEntity {
  @PrimaryColumn({ name: "report_id", type: "uuid" })
  reportId: string;

  @PrimaryColumn({ type: "integer" })
  position: number;

  @Column({ name: "person_id", type: "uuid" })
  personId: string;

  @Column({ name: "trip_on", type: "date" })
  tripOn: string;

  @Column({ type: "text" })
  purpose: string;

  @Column({ type: "text" })
  vehicle: string;

  @Column({ name: "fiscal_horsepower", type: "integer" })
  fiscalHorsepower: number;

  @Column({ type: "boolean" })
  electric: boolean;

  @Column({ name: "distance_km", type: "integer" })
  distanceKm: number;

  @Column({ name: "scale_year", type: "integer" })
  scaleYear: number;

  @Column({ name: "year_km_before", type: "integer" })
  yearKmBefore: number;

  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn })
  amountCents: bigint;
}
