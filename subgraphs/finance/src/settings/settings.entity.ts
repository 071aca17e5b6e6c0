import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";
import type { Territory } from "../invoices/vat-rules";

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

  @Column({ name: "vat_on_debits", type: "boolean" })
  vatOnDebits: boolean;

  // The columns below are null on versions recorded before they existed (migration DocumentMentions); a new version has them.

  /** Legal form, "SCOP SARL à capital variable" (Code de commerce R123-237). */
  @Column({ name: "legal_form", type: "text", nullable: true })
  legalForm: string | null;

  /** The capital as printed ("capital minimum 3 750 EUR"); needed unless the capital is variable. */
  @Column({ name: "share_capital", type: "text", nullable: true })
  shareCapital: string | null;

  /** RCS registration: the SIREN and the registry's city. */
  @Column({ name: "rcs_number", type: "text", nullable: true })
  rcsNumber: string | null;

  @Column({ name: "rcs_city", type: "text", nullable: true })
  rcsCity: string | null;

  /** The legal interest rate (for creditors other than private persons) the late penalties are at least three times. */
  @Column({ name: "legal_interest_rate", type: "numeric", nullable: true })
  legalInterestRate: string | null;

  @Column({ type: "text", default: "MAINLAND" })
  territory: Territory;

  @Column({ name: "quote_prefix", type: "text", nullable: true })
  quotePrefix: string | null;

  /** The decennial insurance of the building activities (Code des assurances L241-1, L243-2). */
  @Column({ name: "decennial_insurer", type: "text", nullable: true })
  decennialInsurer: string | null;

  @Column({ name: "decennial_policy", type: "text", nullable: true })
  decennialPolicy: string | null;

  @Column({ name: "decennial_coverage", type: "text", nullable: true })
  decennialCoverage: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
