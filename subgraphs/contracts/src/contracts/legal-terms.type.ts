import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, DecimalScalar, LocalDateScalar } from "@cae/shared";
import type {
  CommitmentBearer as CommitmentBearerValue,
  CustomerRights as CustomerRightsValue,
  FixedTermCase as FixedTermCaseValue,
} from "./legal-terms";

export const CustomerRights = {
  ENTREPRENEUR_KEEPS: "ENTREPRENEUR_KEEPS",
  ENTREPRENEUR_TAKES_BACK_ON_LEAVING: "ENTREPRENEUR_TAKES_BACK_ON_LEAVING",
  COOPERATIVE_KEEPS: "COOPERATIVE_KEEPS",
} as const satisfies Record<CustomerRightsValue, CustomerRightsValue>;
registerEnumType(CustomerRights, {
  name: "CustomerRights",
  description:
    "Who holds the customers and the intellectual property of the activity, during the CESA and after it (L7331-2 2° Code du travail).",
  valuesConfig: {
    ENTREPRENEUR_KEEPS: { description: "The entrepreneur's during the contract, and theirs when they leave." },
    ENTREPRENEUR_TAKES_BACK_ON_LEAVING: {
      description: "Held by the cooperative for the activity during the contract, transferred to the entrepreneur when it ends.",
    },
    COOPERATIVE_KEEPS: { description: "The cooperative's, during the contract and after it." },
  },
});

export const FixedTermCase = {
  REPLACEMENT: "REPLACEMENT",
  TEMPORARY_INCREASE: "TEMPORARY_INCREASE",
  SEASONAL_OR_CUSTOMARY: "SEASONAL_OR_CUSTOMARY",
  BUSINESS_HEAD_REPLACEMENT: "BUSINESS_HEAD_REPLACEMENT",
  FARM_HEAD_REPLACEMENT: "FARM_HEAD_REPLACEMENT",
  DEFINED_OBJECT: "DEFINED_OBJECT",
} as const satisfies Record<FixedTermCaseValue, FixedTermCaseValue>;
registerEnumType(FixedTermCase, {
  name: "FixedTermCase",
  description: "The case of article L1242-2 of the Code du travail in which a fixed-term contract is concluded.",
  valuesConfig: {
    REPLACEMENT: { description: "1°: replacing an absent employee, or one whose contract is suspended." },
    TEMPORARY_INCREASE: { description: "2°: a temporary increase in activity." },
    SEASONAL_OR_CUSTOMARY: { description: "3°: seasonal work, or a job for which open-ended contracts are customarily not used." },
    BUSINESS_HEAD_REPLACEMENT: { description: "4°: replacing a business head or a non-salaried associate." },
    FARM_HEAD_REPLACEMENT: { description: "5°: replacing a farm head or a family helper." },
    DEFINED_OBJECT: { description: "6°: engineers and managers hired for a defined object." },
  },
});

export const CommitmentBearer = {
  SUPPORT_BODY: "SUPPORT_BODY",
  BENEFICIARY_REIMBURSES: "BENEFICIARY_REIMBURSES",
} as const satisfies Record<CommitmentBearerValue, CommitmentBearerValue>;
registerEnumType(CommitmentBearer, {
  name: "CommitmentBearer",
  description: "Who finally bears the commitments a CAPE's beneficiary takes towards third parties (R127-1 Code de commerce).",
  valuesConfig: {
    SUPPORT_BODY: { description: "The cooperative, the support body, which answers for them towards third parties." },
    BENEFICIARY_REIMBURSES: {
      description: "The cooperative towards third parties, the beneficiary reimbursing it from the activity's receipts.",
    },
  },
});

@InputType({
  description: "The employee's written, reasoned request to work fewer than 24 hours a week (L3123-7 and L3123-27 Code du travail).",
})
export class PartTimeRequestInput {
  @Field(() => LocalDateScalar, { description: "The date of the written request: before the contract starts, never in the future." })
  requestedOn: string;

  @Field(() => String, { description: "The reasons the employee gives." })
  reason: string;
}

@InputType({ description: "The legal ground of a fixed-term employment contract (L1242-2 Code du travail)." })
export class FixedTermGroundInput {
  @Field(() => FixedTermCase, { description: "The case of L1242-2." })
  case: FixedTermCaseValue;

  @Field(() => String, { description: "Its circumstances (who is replaced, which increase in activity...)." })
  detail: string;
}

@InputType({ description: "What a CESA states by law (L7331-2 2° Code du travail), besides its hours and pay." })
export class EmploymentLegalTermsInput {
  @Field(() => String, { description: "a) The objectives of the activity." })
  objectives: string;

  @Field(() => CentsScalar, { description: "a) The minimum activity: the yearly revenue (chiffre d'affaires hors taxes) to reach." })
  minimumAnnualRevenueCents: bigint;

  @Field(() => [String], { description: "b) The means of support the cooperative provides (at least one)." })
  supportMeans: string[];

  @Field(() => String, { description: "b) How the cooperative controls the activity (reviews, reporting)." })
  controlMeans: string;

  @Field(() => String, { description: "c) How the contribution to the cooperative's shared services is computed (rate, base, decision)." })
  contributionRule: string;

  @Field(() => String, { description: "e) The statutes in force: their version or name." })
  statutesVersion: string;

  @Field(() => LocalDateScalar, { description: "e) When the statutes in force were adopted." })
  statutesAdoptedOn: string;

  @Field(() => CustomerRights, { description: "f) The rights over customers and intellectual property, during and after the contract." })
  customerRights: CustomerRightsValue;

  @Field(() => String, { nullable: true, description: "f) A precision on those rights, if any." })
  rightsNote?: string | null;

  @Field(() => PartTimeRequestInput, { nullable: true, description: "Required under 24 hours a week (104 hours a month)." })
  partTimeRequest?: PartTimeRequestInput | null;

  @Field(() => FixedTermGroundInput, { nullable: true, description: "Required for a fixed-term contract; refused for an open-ended one." })
  fixedTermGround?: FixedTermGroundInput | null;
}

@InputType({ description: "What a CAPE states by law (R127-1 Code de commerce)." })
export class SupportAgreementLegalTermsInput {
  @Field(() => String, { description: "The programme of support before the activity starts." })
  programmeBeforeStart: string;

  @Field(() => String, { description: "The programme of support after the activity starts." })
  programmeAfterStart: string;

  @Field(() => [String], { description: "The means the cooperative provides (at least one)." })
  supportMeans: string[];

  @Field(() => CentsScalar, { description: "The support body's pay for its support; 0 when it is given for free." })
  supportBodyPayCents: bigint;

  @Field(() => String, { description: "The nature of the commitments the beneficiary may take towards third parties." })
  thirdPartyCommitmentsNature: string;

  @Field(() => CentsScalar, { description: "Their maximum amount." })
  thirdPartyCommitmentsMaxCents: bigint;

  @Field(() => CommitmentBearer, { description: "Who finally bears them." })
  thirdPartyCommitmentsBorneBy: CommitmentBearerValue;

  @Field(() => String, { description: "The accounting information the parties exchange." })
  accountingInformation: string;

  @Field(() => String, { description: "How the agreement may end before its term." })
  earlyTermination: string;

  @Field(() => CentsScalar, { description: "The beneficiary's monthly pay from the cooperative; 0 when it pays none." })
  beneficiaryMonthlyPayCents: bigint;

  @Field(() => String, { description: "The beneficiary's social protection during the agreement." })
  socialProtection: string;
}

@ObjectType({ description: "The employee's written request for fewer than 24 hours a week." })
export class PartTimeRequest {
  @Field(() => LocalDateScalar)
  requestedOn: string;

  @Field(() => String)
  reason: string;
}

@ObjectType({ description: "The legal ground of a fixed-term employment contract (L1242-2)." })
export class FixedTermGround {
  @Field(() => FixedTermCase)
  case: FixedTermCaseValue;

  @Field(() => String)
  detail: string;
}

@ObjectType({ description: "What a CESA states by law (L7331-2 2° Code du travail); null for contracts recorded before it was kept." })
export class EmploymentLegalTerms {
  @Field(() => String, { description: "a) The objectives." })
  objectives: string;

  @Field(() => CentsScalar, { description: "a) The minimum yearly revenue." })
  minimumAnnualRevenueCents: bigint;

  @Field(() => [String], { description: "b) The means of support." })
  supportMeans: string[];

  @Field(() => String, { description: "b) The means of control." })
  controlMeans: string;

  @Field(() => String, { description: "c) How the contribution is computed." })
  contributionRule: string;

  @Field(() => String, { description: "e) The statutes in force." })
  statutesVersion: string;

  @Field(() => LocalDateScalar, { description: "e) When they were adopted." })
  statutesAdoptedOn: string;

  @Field(() => CustomerRights, { description: "f) The rights over customers and intellectual property." })
  customerRights: CustomerRightsValue;

  @Field(() => String, { nullable: true })
  rightsNote: string | null;

  @Field(() => DecimalScalar, { description: "The contract's weekly hours (monthly × 12 / 52), to compare with the 24-hour minimum." })
  weeklyHours: string;

  @Field(() => PartTimeRequest, { nullable: true, description: "The written request for fewer than 24 hours a week." })
  partTimeRequest: PartTimeRequest | null;

  @Field(() => FixedTermGround, { nullable: true, description: "The ground of a fixed-term contract." })
  fixedTermGround: FixedTermGround | null;
}

@ObjectType({ description: "What a CAPE states by law (R127-1 Code de commerce); null for agreements recorded before it was kept." })
export class SupportAgreementLegalTerms {
  @Field(() => String)
  programmeBeforeStart: string;

  @Field(() => String)
  programmeAfterStart: string;

  @Field(() => [String])
  supportMeans: string[];

  @Field(() => CentsScalar)
  supportBodyPayCents: bigint;

  @Field(() => String)
  thirdPartyCommitmentsNature: string;

  @Field(() => CentsScalar)
  thirdPartyCommitmentsMaxCents: bigint;

  @Field(() => CommitmentBearer)
  thirdPartyCommitmentsBorneBy: CommitmentBearerValue;

  @Field(() => String)
  accountingInformation: string;

  @Field(() => String)
  earlyTermination: string;

  @Field(() => CentsScalar)
  beneficiaryMonthlyPayCents: bigint;

  @Field(() => String)
  socialProtection: string;
}
