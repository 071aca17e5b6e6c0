import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, connectionType, DecimalScalar } from "@cae/shared";
import { ContributionBasis } from "../settings/settings.type";
import type { ContributionBasis as ContributionBasisValue } from "../settings/settings.entity";
import type { SalaryCostSource as SalaryCostSourceValue } from "./contribution.entity";

export const RateSource = { ACCOUNT: "ACCOUNT", COOPERATIVE: "COOPERATIVE" } as const;
registerEnumType(RateSource, {
  name: "ContributionRateSource",
  description: "Whose rate applied: the activity's own rate, or the cooperative's brackets.",
});

@ObjectType({ description: "The part of a month's basis that falls in one bracket, and what it pays." })
export class ContributionPart {
  @Field(() => CentsScalar, { description: "Where the bracket starts, in cumulative basis of the year." })
  fromCents: bigint;

  @Field(() => DecimalScalar, { description: "Its rate in percent." })
  rate: string;

  @Field(() => CentsScalar, { description: "The part of the month's basis in this bracket." })
  basisCents: bigint;

  @Field(() => CentsScalar, { description: "That part × the rate, rounded half up to the cent." })
  amountCents: bigint;
}

@ObjectType({
  description:
    "The cooperative contribution (contribution coopérative) of one activity for one month, recorded once and explained: basis × rate by bracket. Once recorded, the month's figures of the activity are closed.",
})
export class ContributionEntry {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: 'The month, "2026-03".' })
  month: string;

  @Field(() => ContributionBasis, { description: "What the contribution is a share of." })
  basis: ContributionBasisValue;

  @Field(() => CentsScalar, {
    description:
      "The month's basis: revenue excl. VAT (invoices minus credit notes), less the expenses booked in the month for a gross-margin basis (a late expense of a closed month is booked in the next open one).",
  })
  basisCents: bigint;

  @Field(() => CentsScalar, { description: "The basis of the year's earlier months, which places this month in the brackets." })
  yearBasisBeforeCents: bigint;

  @Field(() => RateSource, { description: "Whose rate applied." })
  rateSource: "ACCOUNT" | "COOPERATIVE";

  @Field(() => [ContributionPart], { description: "The computation, bracket by bracket (none when the basis is 0 or less)." })
  parts: ContributionPart[];

  @Field(() => CentsScalar, { description: "The contribution: the sum of the parts, never below 0." })
  amountCents: bigint;

  @Field(() => String, { description: 'The computation in words ("10.00 % of 1500.00 EUR = 150.00 EUR").' })
  explanation: string;

  accountId: string;
}

export const ContributionEntryConnection = connectionType(ContributionEntry, "ContributionEntry", "contribution entry");

@InputType({ description: "Computes and records the contribution of a month for the cooperative's activities." })
export class RecordMonthlyContributionsInput {
  @Field(() => ID, { description: "The cooperative; the request goes to it." })
  cooperativeId: string;

  @Field(() => String, { description: 'The month, "2026-03": it must be over.' })
  month: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Only these activity accounts; when absent, every account open in the month (opened by its end, not closed before it began).",
  })
  accountIds?: string[] | null;
}

export const SalaryCostSource = { MANUAL: "MANUAL", PAYROLL_IMPORT: "PAYROLL_IMPORT" } as const satisfies Record<
  SalaryCostSourceValue,
  SalaryCostSourceValue
>;
registerEnumType(SalaryCostSource, {
  name: "SalaryCostSource",
  description: "Where a salary cost's figures come from.",
  valuesConfig: {
    MANUAL: { description: "Typed by staff (recordSalaryCost): the employer cost only." },
    PAYROLL_IMPORT: { description: "Imported from the payroll provider's results (importPayrollResults): gross, net and contributions." },
  },
});

@ObjectType({ description: "The salary cost of an activity for a month (coût salarial), from payroll." })
export class SalaryCost {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: 'The month, "2026-03".' })
  month: string;

  @Field(() => CentsScalar, { description: "Employer cost of the month's pay (gross pay and employer charges)." })
  amountCents: bigint;

  @Field(() => SalaryCostSource, { description: "Typed by staff (a total only) or imported from the payroll provider's results." })
  source: SalaryCostSourceValue;

  @Field(() => CentsScalar, { nullable: true, description: "Gross pay (salaire brut); null for a cost typed by hand." })
  grossCents: bigint | null;

  @Field(() => CentsScalar, { nullable: true, description: "Net pay (salaire net); null for a cost typed by hand." })
  netCents: bigint | null;

  @Field(() => CentsScalar, {
    nullable: true,
    description: "Employer contributions (cotisations patronales); null for a cost typed by hand.",
  })
  employerContributionsCents: bigint | null;

  @Field(() => String, {
    nullable: true,
    description: 'For an adjustment: the month it corrects ("2026-09"), whose books were locked when its results were imported again.',
  })
  adjustsMonth: string | null;
}

@InputType({ description: "The salary cost of an activity for a month, recorded once from payroll." })
export class RecordSalaryCostInput {
  @Field(() => ID, { description: "The activity account; the request goes to its cooperative." })
  accountId: string;

  @Field(() => String, { description: 'The month, "2026-03".' })
  month: string;

  @Field(() => CentsScalar, { description: "Employer cost, above 0." })
  amountCents: bigint;
}
