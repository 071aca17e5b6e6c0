import { Field, Int, ObjectType } from "type-graphql";
import { CentsScalar, DecimalScalar, LocalDateScalar } from "@cae/shared";
import type { ContractEndReason as ContractEndReasonValue, EmploymentType as EmploymentTypeValue } from "../contracts/contract.entity";
import { ContractEndReason, EmploymentType } from "../contracts/contract.type";

@ObjectType({
  description:
    "The attestation of a support agreement (CAPE) for the employment service (France Travail): its dates, renewals, the beneficiary's pay and social protection.",
})
export class SupportAgreementAttestation {
  @Field(() => LocalDateScalar, { description: "First day." })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: "Last day agreed, renewals included." })
  endsOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Actual last day, once ended." })
  endedOn: string | null;

  @Field(() => Int, { description: "How many times it was renewed." })
  renewals: number;

  @Field(() => CentsScalar, { nullable: true, description: "The beneficiary's monthly pay from the cooperative; null when not recorded." })
  beneficiaryMonthlyPayCents: bigint | null;

  @Field(() => String, { nullable: true, description: "The beneficiary's social protection; null when not recorded." })
  socialProtection: string | null;

  @Field(() => LocalDateScalar, { description: "The day it is issued (today)." })
  issuedOn: string;

  @Field(() => String, { description: "The attestation as a PDF, base64." })
  pdf: string;
}

@ObjectType({
  description:
    "The employer's end-of-contract certificate (attestation employeur) of an ended employment contract: dates, kind, hours, reason for the end, last pay.",
})
export class EmployerCertificate {
  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar, { description: "The last day of the contract." })
  endedOn: string;

  @Field(() => EmploymentType)
  employmentType: EmploymentTypeValue;

  @Field(() => DecimalScalar, { description: "Monthly hours in force on the last day." })
  monthlyHours: string;

  @Field(() => DecimalScalar, { description: "The same as weekly hours (× 12 / 52)." })
  weeklyHours: string;

  @Field(() => ContractEndReason, { description: "The legal mode of the end." })
  endReason: ContractEndReasonValue;

  @Field(() => CentsScalar, {
    description: "The fixed gross monthly pay in force on the last day (the contract's terms; the payslips are payroll's).",
  })
  lastFixedMonthlyPayCents: bigint;

  @Field(() => LocalDateScalar)
  issuedOn: string;

  @Field(() => String, { description: "The certificate as a PDF, base64." })
  pdf: string;
}

@ObjectType({ description: "An attestation of employment (attestation de travail): employed since a date, or from and to." })
export class EmploymentAttestation {
  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "The last day, once passed; null while employed." })
  endedOn: string | null;

  @Field(() => EmploymentType)
  employmentType: EmploymentTypeValue;

  @Field(() => DecimalScalar, { description: "Monthly hours (in force today, or on the last day)." })
  monthlyHours: string;

  @Field(() => DecimalScalar)
  weeklyHours: string;

  @Field(() => LocalDateScalar)
  issuedOn: string;

  @Field(() => String, { description: "The attestation as a PDF, base64." })
  pdf: string;
}
