import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn, type ContractKind } from "@cae/shared";
import { legalTermsColumn, type LegalTerms } from "./legal-terms";

/**
 * What was decided about a contract, as stored. Whether a signed contract is running or over is
 * read from its dates (`contract.rules.ts`), so that nothing has to flip it on its first day.
 */
export type RecordedState = "DRAFT" | "SIGNED" | "ENDED" | "CANCELLED";

export type EmploymentType = "OPEN_ENDED" | "FIXED_TERM";

/**
 * Why a contract ended. An employment contract ends by a legal mode only (`EMPLOYMENT_END_MODES`,
 * `employmentEndRefusal` in contract.rules.ts); the outcomes (NEXT_CONTRACT, PROJECT_ABANDONED,
 * OWN_COMPANY, OTHER) are for the other kinds, the person's own outcome being recorded with their exit.
 */
export type ContractEndReason =
  | "TERM_REACHED"
  | "NEXT_CONTRACT"
  | "RESIGNATION"
  | "MUTUAL_AGREEMENT"
  | "DISMISSAL"
  | "TRIAL_PERIOD"
  | "ASSOCIATE_DEADLINE"
  | "PROJECT_ABANDONED"
  | "OWN_COMPANY"
  | "OTHER";

/** A contract of a person's path (table `contracts`); the columns of other kinds stay null. */
@Entity({ name: "contracts" })
export class ContractEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** The person, owned by the members subgraph: a reference, not a foreign key. */
  @Column({ name: "person_id", type: "uuid" })
  personId: string;

  @Column({ type: "text" })
  kind: ContractKind;

  @Column({ name: "status", type: "text" })
  state: RecordedState;

  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  /** The planned last day; for a support agreement, moved by each renewal. */
  @Column({ name: "ends_on", type: "date", nullable: true })
  endsOn: string | null;

  @Column({ name: "signed_on", type: "date", nullable: true })
  signedOn: string | null;

  @Column({ name: "ended_on", type: "date", nullable: true })
  endedOn: string | null;

  @Column({ name: "end_reason", type: "text", nullable: true })
  endReason: ContractEndReason | null;

  @Column({ name: "end_note", type: "text", nullable: true })
  endNote: string | null;

  @Column({ name: "cancelled_on", type: "date", nullable: true })
  cancelledOn: string | null;

  @Column({ name: "cancel_reason", type: "text", nullable: true })
  cancelReason: string | null;

  /** Objective contract: when the commitments are reviewed together. */
  @Column({ name: "review_on", type: "date", nullable: true })
  reviewOn: string | null;

  /** Support agreement: the support the cooperative gives. */
  @Column({ name: "support_given", type: "text", nullable: true })
  supportGiven: string | null;

  @Column({ name: "revenue_goal_cents", type: "bigint", nullable: true, transformer: centsColumn })
  revenueGoalCents: bigint | null;

  @Column({ name: "employment_type", type: "text", nullable: true })
  employmentType: EmploymentType | null;

  /** Employment contract: the terms at signature; amendments change them from their date. */
  @Column({ name: "monthly_hours", type: "numeric", precision: 5, scale: 2, nullable: true })
  monthlyHours: string | null;

  @Column({ name: "fixed_monthly_pay_cents", type: "bigint", nullable: true, transformer: centsColumn })
  fixedMonthlyPayCents: bigint | null;

  @Column({ name: "variable_pay", type: "text", nullable: true })
  variablePay: string | null;

  @Column({ name: "trial_period_ends_on", type: "date", nullable: true })
  trialPeriodEndsOn: string | null;

  @Column({ name: "direct_hire_reason", type: "text", nullable: true })
  directHireReason: string | null;

  /**
   * What the law requires a CESA (L7331-2) or a CAPE (R127-1) to state (legal-terms.ts); null for an
   * objective contract, and for contracts recorded before it was kept (they print it as not given).
   */
  @Column({ name: "legal_terms", type: "jsonb", nullable: true, transformer: legalTermsColumn })
  legalTerms: LegalTerms | null;

  /** The version of the cooperative's template the contract was signed with: it prints with it ever after. */
  @Column({ name: "template_version_id", type: "uuid", nullable: true })
  templateVersionId: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

/** A renewal of a support agreement (renouvellement de CAPE), at most two. */
@Entity({ name: "support_agreement_renewals" })
export class RenewalEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "contract_id", type: "uuid" })
  contractId: string;

  @Column({ type: "integer" })
  number: number;

  @Column({ name: "previous_ends_on", type: "date" })
  previousEndsOn: string;

  @Column({ name: "ends_on", type: "date" })
  endsOn: string;

  @Column({ name: "decided_on", type: "date" })
  decidedOn: string;
}

/** An amendment of an employment contract (avenant): new hours and pay from a date. */
@Entity({ name: "contract_amendments" })
export class AmendmentEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "contract_id", type: "uuid" })
  contractId: string;

  @Column({ type: "integer" })
  number: number;

  @Column({ name: "effective_on", type: "date" })
  effectiveOn: string;

  @Column({ name: "monthly_hours", type: "numeric", precision: 5, scale: 2 })
  monthlyHours: string;

  @Column({ name: "fixed_monthly_pay_cents", type: "bigint", transformer: centsColumn })
  fixedMonthlyPayCents: bigint;

  @Column({ type: "text" })
  reason: string;
}

export type CommitmentParty = "ENTREPRENEUR" | "COOPERATIVE";
export type CommitmentKind = "SKILLS" | "OFFER_AND_PRICES" | "MARKET_STUDY" | "LEGAL_INFORMATION" | "OTHER";

/** A commitment of an objective contract (engagement réciproque). */
@Entity({ name: "objective_commitments" })
export class CommitmentEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "contract_id", type: "uuid" })
  contractId: string;

  @Column({ type: "text" })
  party: CommitmentParty;

  @Column({ type: "text" })
  kind: CommitmentKind;

  @Column({ type: "text" })
  description: string;

  @Column({ name: "due_on", type: "date" })
  dueOn: string;

  @Column({ name: "done_on", type: "date", nullable: true })
  doneOn: string | null;

  @Column({ type: "integer" })
  position: number;
}
