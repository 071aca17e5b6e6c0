import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { CentsScalar, LocalDateScalar } from "@cae/shared";

@ArgsType()
export class FinanceIndicatorsArgs {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period (at most 10 years after `from`)." })
  to: string;
}

@ObjectType({ description: "The cooperative's finance aggregates of one calendar month, restricted to the days of the period." })
export class FinanceMonth {
  @Field(() => String, { description: 'The month, "2026-03".' })
  month: string;

  @Field(() => CentsScalar, { description: "Revenue excl. VAT invoiced: nets of invoices issued minus nets of credit notes issued." })
  revenueInvoicedCents: bigint;

  @Field(() => CentsScalar, { description: "Payments received, their excl.-VAT share (pro rata of each invoice's net to its total)." })
  revenueCollectedCents: bigint;

  @Field(() => CentsScalar, { description: "Contribution entries of the month (when its first day lies in the period)." })
  contributionsCents: bigint;

  @Field(() => Int, { description: "Invoices issued." })
  invoicesIssued: number;

  @Field(() => Int, { description: "Credit notes issued." })
  creditNotesIssued: number;

  @Field(() => Int, { description: "Activity accounts whose revenue invoiced is above 0." })
  activitiesWithRevenue: number;

  @Field(() => CentsScalar, { description: "The largest single account's revenue invoiced (0 when none has any)." })
  largestActivityRevenueCents: bigint;
}

@ObjectType({
  description:
    "The activities of one calendar quarter, restricted to the days of the period: inputs of the network's disclosure control, whose activities do not add up over months.",
})
export class FinanceQuarter {
  @Field(() => String, { description: 'The quarter, "2026-Q1".' })
  quarter: string;

  @Field(() => Int, { description: "Activity accounts whose revenue invoiced in the quarter is above 0." })
  activitiesWithRevenue: number;

  @Field(() => CentsScalar, { description: "The largest single account's revenue invoiced in the quarter (0 when none has any)." })
  largestActivityRevenueCents: bigint;
}

@ObjectType({
  description:
    "The cooperative's own finance aggregates for a period (no person, no single invoice): for the network's indicators. Revenue invoiced = nets excl. VAT of invoices issued in the period minus those of credit notes issued in it. Revenue collected = the excl.-VAT share of payments received in the period: for each invoice, the cumulative payments × net / total rounded half up, minus the same before the payment, so that a fully paid invoice collects exactly its net.",
})
export class FinanceIndicators {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => CentsScalar, { description: "Revenue excl. VAT invoiced in the period, credit notes deducted." })
  revenueInvoicedCents: bigint;

  @Field(() => CentsScalar, { description: "Excl.-VAT share of the payments received in the period." })
  revenueCollectedCents: bigint;

  @Field(() => CentsScalar, { description: "Contribution entries of the months whose first day lies in the period." })
  contributionsCents: bigint;

  @Field(() => Int, { description: "Invoices issued in the period." })
  invoicesIssued: number;

  @Field(() => Int, { description: "Credit notes issued in the period." })
  creditNotesIssued: number;

  @Field(() => Int, { description: "Activity accounts whose revenue invoiced in the period is above 0." })
  activitiesWithRevenue: number;

  @Field(() => CentsScalar, {
    description: "The biggest single account's revenue invoiced in the period (for the 85 % dominance rule); 0 when none.",
  })
  largestActivityRevenueCents: bigint;

  @Field(() => [FinanceMonth], {
    description: "One row per calendar month overlapping the period, in order; months with nothing give zeros.",
  })
  monthly: FinanceMonth[];

  @Field(() => [FinanceQuarter], { description: "One row per calendar quarter overlapping the period, in order." })
  quarterly: FinanceQuarter[];
}
