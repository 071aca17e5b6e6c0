import { Field, ID, InputType } from "type-graphql";
import { CentsScalar, DecimalScalar, LocalDateScalar } from "@cae/shared";
import type {
  CommitmentKind as CommitmentKindValue,
  CommitmentParty as CommitmentPartyValue,
  ContractEndReason as ContractEndReasonValue,
  EmploymentType as EmploymentTypeValue,
} from "./contract.entity";
import { SUPPORT_AGREEMENT_MAX_MONTHS, SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS } from "./contract.rules";
import { CommitmentKind, CommitmentParty, ContractEndReason, EmploymentType } from "./contract.type";
import { EmploymentLegalTermsInput, SupportAgreementLegalTermsInput } from "./legal-terms.type";

@InputType({ description: "A reciprocal commitment of an objective contract." })
export class CommitmentInput {
  @Field(() => CommitmentParty, { description: "Who commits." })
  party: CommitmentPartyValue;

  @Field(() => CommitmentKind, { description: "What it is about." })
  kind: CommitmentKindValue;

  @Field(() => String, { description: "The commitment in words (2,000 characters at most)." })
  description: string;

  @Field(() => LocalDateScalar, { description: "When it is due." })
  dueOn: string;
}

@InputType({ description: "A draft objective contract (contrat d'objectif)." })
export class DraftObjectiveContractInput {
  @Field(() => ID, { description: "The person; the request goes to their cooperative." })
  personId: string;

  @Field(() => LocalDateScalar, { description: "First day." })
  startsOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day, if one is set." })
  endsOn?: string | null;

  @Field(() => LocalDateScalar, { description: "When the commitments are reviewed together (on or after the first day)." })
  reviewOn: string;

  @Field(() => [CommitmentInput], { description: "The reciprocal commitments: at least one." })
  commitments: CommitmentInput[];
}

@InputType({
  description: `A draft support agreement (CAPE): ${SUPPORT_AGREEMENT_MAX_MONTHS} months at most, ${SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS} months in all with the person's other agreements, never beside full-time employment.`,
})
export class DraftSupportAgreementInput {
  @Field(() => ID, { description: "The person; the request goes to their cooperative." })
  personId: string;

  @Field(() => LocalDateScalar, { description: "First day." })
  startsOn: string;

  @Field(() => LocalDateScalar, {
    description: `Last day: ${SUPPORT_AGREEMENT_MAX_MONTHS} months after the first at most (the first day counts).`,
  })
  endsOn: string;

  @Field(() => String, { description: "The support the cooperative gives." })
  supportGiven: string;

  @Field(() => CentsScalar, { nullable: true, description: "An optional revenue goal." })
  revenueGoalCents?: bigint | null;

  @Field(() => SupportAgreementLegalTermsInput, {
    nullable: true,
    description: "What the agreement states by law (R127-1 Code de commerce): required; a draft without it is refused, naming input.legal.",
  })
  legal?: SupportAgreementLegalTermsInput | null;
}

@InputType({ description: "A draft employment contract (CESA)." })
export class DraftEmploymentContractInput {
  @Field(() => ID, { description: "The person; the request goes to their cooperative." })
  personId: string;

  @Field(() => EmploymentType, { description: "Open-ended or fixed-term." })
  type: EmploymentTypeValue;

  @Field(() => LocalDateScalar, { description: "First day." })
  startsOn: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Last day: required for a fixed-term contract, refused for an open-ended one.",
  })
  endsOn?: string | null;

  @Field(() => DecimalScalar, { description: "Monthly hours: more than zero, at most 151.67 (full time)." })
  monthlyHours: string;

  @Field(() => CentsScalar, { description: "Fixed gross monthly pay: never below the SMIC for the hours on the first day." })
  fixedMonthlyPayCents: bigint;

  @Field(() => String, { description: "How the variable part of the pay is computed (L7332-3)." })
  variablePay: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Last day of the trial period, if any: 8 months at most minus the time of the earlier contracts between the parties.",
  })
  trialPeriodEndsOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the person is hired without a prior support agreement; required when they have none.",
  })
  directHireReason?: string | null;

  @Field(() => EmploymentLegalTermsInput, {
    nullable: true,
    description:
      "What the contract states by law (L7331-2 Code du travail), the part-time request under 24 hours a week and the ground of a fixed-term contract: required; a draft without it is refused, naming input.legal.",
  })
  legal?: EmploymentLegalTermsInput | null;
}

@InputType({
  description:
    "Changes to a draft contract: only the fields given change, and the whole draft is checked again. Signed contracts are amended or ended, never edited.",
})
export class UpdateContractDraftInput {
  @Field(() => ID, { description: "The draft contract." })
  id: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "First day." })
  startsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day." })
  endsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Objective contracts: review date." })
  reviewOn?: string | null;

  @Field(() => String, { nullable: true, description: "Support agreements: the support given." })
  supportGiven?: string | null;

  @Field(() => CentsScalar, { nullable: true, description: "Support agreements: the revenue goal." })
  revenueGoalCents?: bigint | null;

  @Field(() => EmploymentType, { nullable: true, description: "Employment contracts: open-ended or fixed-term." })
  type?: EmploymentTypeValue | null;

  @Field(() => DecimalScalar, { nullable: true, description: "Employment contracts: monthly hours." })
  monthlyHours?: string | null;

  @Field(() => CentsScalar, { nullable: true, description: "Employment contracts: fixed gross monthly pay." })
  fixedMonthlyPayCents?: bigint | null;

  @Field(() => String, { nullable: true, description: "Employment contracts: how the variable part is computed." })
  variablePay?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Employment contracts: last day of the trial period." })
  trialPeriodEndsOn?: string | null;

  @Field(() => String, { nullable: true, description: "Employment contracts: why the hire is direct." })
  directHireReason?: string | null;

  @Field(() => [CommitmentInput], { nullable: true, description: "Objective contracts: the commitments, replacing the draft's list." })
  commitments?: CommitmentInput[] | null;

  @Field(() => SupportAgreementLegalTermsInput, {
    nullable: true,
    description: "Support agreements: their legal content (R127-1), replacing the draft's whole.",
  })
  supportAgreementLegal?: SupportAgreementLegalTermsInput | null;

  @Field(() => EmploymentLegalTermsInput, {
    nullable: true,
    description:
      "Employment contracts: their legal content (L7331-2), replacing the draft's whole; checked again with the draft's hours and type.",
  })
  employmentLegal?: EmploymentLegalTermsInput | null;
}

@InputType({ description: "The signature of a draft contract." })
export class SignContractInput {
  @Field(() => ID, { description: "The draft contract." })
  id: string;

  @Field(() => LocalDateScalar, { description: "The day it was signed: not after its first day." })
  signedOn: string;
}

@InputType({ description: "A renewal of a signed support agreement." })
export class RenewSupportAgreementInput {
  @Field(() => ID, { description: "The support agreement." })
  id: string;

  @Field(() => LocalDateScalar, {
    description: `The new last day: ${SUPPORT_AGREEMENT_MAX_MONTHS} months after the current end at most, and the person's support agreements ${SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS} months in all.`,
  })
  endsOn: string;

  @Field(() => LocalDateScalar, {
    description:
      "When the renewal was decided: while the agreement ran, from its first day to its current end. A renewal so decided may be entered after the term.",
  })
  decidedOn: string;
}

@InputType({ description: "An amendment of a signed employment contract: new hours and/or pay from a date." })
export class AmendEmploymentContractInput {
  @Field(() => ID, { description: "The employment contract." })
  id: string;

  @Field(() => LocalDateScalar, { description: "From when it applies: after the start and after the previous amendment." })
  effectiveOn: string;

  @Field(() => DecimalScalar, { nullable: true, description: "New monthly hours; unchanged when not given." })
  monthlyHours?: string | null;

  @Field(() => CentsScalar, { nullable: true, description: "New fixed gross monthly pay; unchanged when not given." })
  fixedMonthlyPayCents?: bigint | null;

  @Field(() => String, { description: "Why the terms change." })
  reason: string;
}

@InputType({ description: "The end of a signed contract." })
export class EndContractInput {
  @Field(() => ID, { description: "The contract." })
  id: string;

  @Field(() => LocalDateScalar, { description: "Its last day: on or after its first day and its signature." })
  endedOn: string;

  @Field(() => ContractEndReason, {
    description:
      "Why it ends. An employment contract ends by a legal mode only (RESIGNATION, MUTUAL_AGREEMENT, DISMISSAL, TRIAL_PERIOD, TERM_REACHED, ASSOCIATE_DEADLINE); the person's outcome is recorded with their exit.",
  })
  reason: ContractEndReasonValue;

  @Field(() => String, { nullable: true, description: "A note on the end." })
  note?: string | null;
}

@InputType({ description: "The cancellation of a draft contract (never of a signed one)." })
export class CancelContractInput {
  @Field(() => ID, { description: "The draft contract." })
  id: string;

  @Field(() => String, { description: "Why it is cancelled." })
  reason: string;
}

@InputType({ description: "A commitment of an objective contract marked as done." })
export class CompleteCommitmentInput {
  @Field(() => ID, { description: "The commitment." })
  id: string;

  @Field(() => LocalDateScalar, { description: "When it was done." })
  doneOn: string;
}
