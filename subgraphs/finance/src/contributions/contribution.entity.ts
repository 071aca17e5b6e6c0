import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { centsColumn } from "@cae/shared";
import type { ContributionBasis } from "../settings/settings.entity";

/** How a part of the contribution was computed, as stored (strings: exact). */
export interface StoredPart {
  fromCents: string;
  rate: string;
  basisCents: string;
  amountCents: string;
}

/** The contribution of one account for one month, recorded once (table `contribution_entries`). */
@Entity({ name: "contribution_entries" })
export class ContributionEntryEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  /** First day of the month. */
  @Column({ type: "date" })
  month: string;

  @Column({ type: "text" })
  basis: ContributionBasis;

  @Column({ name: "basis_cents", type: "bigint", transformer: centsColumn })
  basisCents: bigint;

  @Column({ name: "year_basis_before_cents", type: "bigint", transformer: centsColumn })
  yearBasisBeforeCents: bigint;

  @Column({ name: "rate_source", type: "text" })
  rateSource: "ACCOUNT" | "COOPERATIVE";

  @Column({ type: "jsonb" })
  parts: StoredPart[];

  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn })
  amountCents: bigint;

  @Column({ name: "settings_id", type: "uuid" })
  settingsId: string;

  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}

/** Where a salary cost's figures come from: typed by staff (a total), or the payroll provider's results. */
export type SalaryCostSource = "MANUAL" | "PAYROLL_IMPORT";

/**
 * A salary cost of an activity for a month, from payroll (table `salary_costs`): the employer cost
 * the statement reads, and for imported results its split (docs/payroll.md). An adjustment
 * (`adjustsMonth`) carries the difference a re-import found for a month whose books were locked,
 * booked in the month `month`.
 */
@Entity({ name: "salary_costs" })
export class SalaryCostEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  /** First day of the month it is booked in. */
  @Column({ type: "date" })
  month: string;

  /** Employer cost: gross pay plus employer contributions. */
  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn })
  amountCents: bigint;

  @Column({ type: "text", default: "MANUAL" })
  source: SalaryCostSource;

  @Column({ name: "gross_cents", type: "bigint", nullable: true, transformer: centsColumn })
  grossCents: bigint | null;

  @Column({ name: "net_cents", type: "bigint", nullable: true, transformer: centsColumn })
  netCents: bigint | null;

  @Column({ name: "employer_contributions_cents", type: "bigint", nullable: true, transformer: centsColumn })
  employerContributionsCents: bigint | null;

  @Column({ name: "import_id", type: "uuid", nullable: true })
  importId: string | null;

  /** For an adjustment: the first day of the (locked) month it corrects. */
  @Column({ name: "adjusts_month", type: "date", nullable: true })
  adjustsMonth: string | null;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
