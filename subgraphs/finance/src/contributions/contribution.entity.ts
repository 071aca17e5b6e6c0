import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
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

/** A salary cost of an activity for a month, from payroll (table `salary_costs`). */
@Entity({ name: "salary_costs" })
export class SalaryCostEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  @Column({ type: "date" })
  month: string;

  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn })
  amountCents: bigint;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
