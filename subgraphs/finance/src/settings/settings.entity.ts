import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";

export type ContributionBasis = "REVENUE" | "GROSS_MARGIN";

/** A bracket as stored in `contribution_brackets` (jsonb): strings, so that no figure goes through a float. */
export interface StoredBracket {
  fromCents: string;
  rate: string;
}

/**
 * One version of the cooperative's finance settings, table `finance_settings`. Versions are never
 * changed: a change is a new version from a later date, so the figures of the past do not move.
 */
@Entity({ name: "finance_settings" })
export class FinanceSettingsEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "effective_from", type: "date" })
  effectiveFrom: string;

  @Column({ name: "legal_name", type: "text" })
  legalName: string;

  @Column({ type: "text" })
  siret: string;

  @Column({ name: "vat_number", type: "text" })
  vatNumber: string;

  @Column({ type: "text" })
  address: string;

  @Column({ name: "contribution_basis", type: "text" })
  contributionBasis: ContributionBasis;

  @Column({ name: "contribution_brackets", type: "jsonb" })
  contributionBrackets: StoredBracket[];

  @Column({ name: "invoice_prefix", type: "text" })
  invoicePrefix: string;

  @Column({ name: "credit_note_prefix", type: "text" })
  creditNotePrefix: string;

  @Column({ name: "payment_terms_days", type: "integer" })
  paymentTermsDays: number;

  @Column({ name: "late_penalty_rate", type: "numeric" })
  latePenaltyRate: string;

  @Column({ name: "recovery_fee_cents", type: "bigint", transformer: centsColumn })
  recoveryFeeCents: bigint;

  @Column({ name: "vat_exemption_mention", type: "text" })
  vatExemptionMention: string;

  @Column({ name: "employer_charge_rate", type: "numeric" })
  employerChargeRate: string;

  @Column({ name: "employee_charge_rate", type: "numeric" })
  employeeChargeRate: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
