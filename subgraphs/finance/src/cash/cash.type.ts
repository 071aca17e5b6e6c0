import { Field, Int, ObjectType } from "type-graphql";
import { CentsScalar, LocalDateScalar } from "@cae/shared";

@ObjectType({ description: "What customers owe an activity, by how late it is after the due dates (incl. VAT)." })
export class ReceivableAgeing {
  @Field(() => CentsScalar, { description: "Not due yet (the due date is the day or later)." })
  notDueCents: bigint;

  @Field(() => CentsScalar, { description: "1 to 30 days late." })
  late1To30Cents: bigint;

  @Field(() => CentsScalar, { description: "31 to 60 days late." })
  late31To60Cents: bigint;

  @Field(() => CentsScalar, { description: "61 to 90 days late." })
  late61To90Cents: bigint;

  @Field(() => CentsScalar, { description: "More than 90 days late." })
  lateOver90Cents: bigint;
}

@ObjectType({ description: "An invoice past its due date with something left to pay: one to remind the customer of." })
export class InvoiceToRemind {
  @Field(() => String, { description: "Its number." })
  number: string;

  @Field(() => String, { description: "The customer's name." })
  customerName: string;

  @Field(() => LocalDateScalar, { description: "Its due date." })
  dueOn: string;

  @Field(() => CentsScalar, { description: "What is left to pay on the day (incl. VAT): total − payments − credit notes by then." })
  leftCents: bigint;

  @Field(() => Int, { description: "Days since the due date." })
  daysLate: number;

  /** The invoice's local ID, for the field resolver of `invoice` (cash.resolver.ts). */
  invoiceId: string;
}

@ObjectType({
  description:
    "The cash of an activity on a day (trésorerie): what came in, what went out, what it may still spend, and what customers owe. Exact to the cent.",
})
export class ActivityCash {
  @Field(() => LocalDateScalar, { description: "The day, included." })
  on: string;

  @Field(() => CentsScalar, { description: "Payments received by then, incl. VAT, reversals deducted (on the day they were cancelled)." })
  receiptsCents: bigint;

  @Field(() => CentsScalar, {
    description:
      "Their share excl. VAT (the VAT collected is the State's): for each invoice, round(cumulative paid × net / total) less the same before each payment.",
  })
  receiptsNetCents: bigint;

  @Field(() => CentsScalar, {
    description:
      "Expenses excl. VAT spent by then: expenses, and supplier invoices and expense reports once a transfer paid them (the VAT on them is deducted by the cooperative).",
  })
  expensesNetCents: bigint;

  @Field(() => CentsScalar, { description: "Salary costs (employer cost) of the months over by then, adjustments included." })
  salaryCostsCents: bigint;

  @Field(() => CentsScalar, { description: "Contributions of the months over by then." })
  contributionCents: bigint;

  @Field(() => CentsScalar, {
    description: "Cash available = receiptsNetCents − expensesNetCents − salaryCostsCents − contributionCents. May be negative.",
  })
  availableCents: bigint;

  @Field(() => CentsScalar, { description: "What customers owe on the day (incl. VAT): issued invoices not fully paid nor credited." })
  receivableCents: bigint;

  @Field(() => ReceivableAgeing, { description: "receivableCents by lateness." })
  ageing: ReceivableAgeing;

  @Field(() => [InvoiceToRemind], { description: "The invoices past their due date with something left, the latest first." })
  toRemind: InvoiceToRemind[];

  /** The account's local ID. */
  accountId: string;
}
