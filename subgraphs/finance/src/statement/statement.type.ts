import { ArgsType, Field, ObjectType } from "type-graphql";
import { CentsScalar, LocalDateScalar } from "@cae/shared";

@ArgsType()
export class PeriodArgs {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period." })
  to: string;
}

@ObjectType({
  description:
    "The statement of an activity account for a period (état du compte d'activité, Code du travail L7332-3): what it invoiced and collected, what it paid the cooperative, its expenses and salary costs, and the balance. Monthly figures (contribution, salary costs) count for the months whose first day lies in the period; payments, their reversals and expenses on the day they are booked (an adjustment of a closed month on the first day of the month it is booked in).",
})
export class ActivityStatement {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => CentsScalar, { description: "Nets excl. VAT of the invoices issued in the period." })
  invoicedNetCents: bigint;

  @Field(() => CentsScalar, { description: "Nets excl. VAT of the credit notes issued in the period." })
  creditedNetCents: bigint;

  @Field(() => CentsScalar, { description: "Revenue excl. VAT (chiffre d'affaires HT) = invoiced - credited." })
  revenueInvoicedCents: bigint;

  @Field(() => CentsScalar, {
    description: "VAT of the invoices issued minus that of the credit notes (collected for the State, not revenue).",
  })
  vatInvoicedCents: bigint;

  @Field(() => CentsScalar, {
    description: "Payments received in the period, VAT included (encaissements), less the reversals booked in it (reversedCents).",
  })
  collectedCents: bigint;

  @Field(() => CentsScalar, {
    description:
      "Payments cancelled by reversing entries booked in the period, VAT included, as a positive amount: already deducted from collectedCents.",
  })
  reversedCents: bigint;

  @Field(() => CentsScalar, { description: "Their excl.-VAT share, pro rata of each invoice's net to its total." })
  revenueCollectedCents: bigint;

  @Field(() => CentsScalar, { description: "Cooperative contribution of the months of the period." })
  contributionCents: bigint;

  @Field(() => CentsScalar, {
    description:
      "Expenses excl. VAT of the period: expenses, supplier invoices and approved expense reports (late ones in the month they are booked in).",
  })
  expensesCents: bigint;

  @Field(() => CentsScalar, { description: "Salary costs of the months of the period, from payroll." })
  salaryCostsCents: bigint;

  @Field(() => CentsScalar, { description: "Balance (solde) = revenue invoiced - contribution - expenses - salary costs." })
  balanceCents: bigint;
}
