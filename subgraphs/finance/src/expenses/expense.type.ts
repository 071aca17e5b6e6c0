import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, connectionType, LocalDateScalar } from "@cae/shared";
import type { ExpenseCategory as ExpenseCategoryValue } from "./expense.entity";

export const ExpenseCategory = {
  PURCHASES: "PURCHASES",
  SUPPLIES: "SUPPLIES",
  TRAVEL: "TRAVEL",
  EQUIPMENT: "EQUIPMENT",
  RENT: "RENT",
  SUBCONTRACTING: "SUBCONTRACTING",
  INSURANCE: "INSURANCE",
  TELECOM: "TELECOM",
  TRAINING: "TRAINING",
  FEES: "FEES",
  OTHER: "OTHER",
} as const;
registerEnumType(ExpenseCategory, {
  name: "ExpenseCategory",
  description:
    "Category of an expense: purchases for resale (achats de marchandises), supplies (fournitures), travel (déplacements), equipment (matériel), rent (loyer), subcontracting (sous-traitance), insurance, telecom, training, fees (honoraires), other.",
});

@ObjectType({ description: "An expense of an activity (dépense), from a receipt (justificatif)." })
export class Expense {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => LocalDateScalar, { description: "Day of the expense: when it was incurred (the receipt's date)." })
  spentOn: string;

  @Field(() => LocalDateScalar, {
    description:
      "Day it counts in the books (statement, contribution): spentOn, or for an adjustment the first day of the month it is booked in.",
  })
  bookedOn: string;

  @Field(() => Boolean, {
    description:
      "Whether it is an adjustment: spent in a month whose contribution was already recorded, it is booked in the first month after it that is not, and the closed month's figures never change.",
  })
  adjustment: boolean;

  @Field(() => ExpenseCategory, { description: "Category." })
  category: ExpenseCategoryValue;

  @Field(() => String, { description: "What was bought." })
  description: string;

  @Field(() => CentsScalar, { description: "Amount excluding VAT (HT)." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "Deductible VAT on the receipt." })
  vatCents: bigint;

  @Field(() => CentsScalar, { description: "Amount including VAT (TTC)." })
  totalCents: bigint;

  @Field(() => String, { description: "Reference of the receipt (numéro de justificatif)." })
  receiptReference: string;

  /** The activity account it belongs to (local ID): whose it is, for the access policy. */
  accountId: string;
}

export const ExpenseConnection = connectionType(Expense, "Expense", "expense");

@InputType({ description: "An expense of an activity." })
export class RecordExpenseInput {
  @Field(() => ID, { description: "The activity account; the request goes to its cooperative." })
  accountId: string;

  @Field(() => LocalDateScalar, {
    description:
      "Day of the expense, not in the future. In a month whose contribution is recorded, it is booked as an adjustment in the first month after it that is not.",
  })
  spentOn: string;

  @Field(() => ExpenseCategory, { description: "Category." })
  category: ExpenseCategoryValue;

  @Field(() => String, { description: "What was bought." })
  description: string;

  @Field(() => CentsScalar, { description: "Amount excluding VAT, above 0." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "VAT, 0 or more and not above the net." })
  vatCents: bigint;

  @Field(() => String, { description: "Reference of the receipt." })
  receiptReference: string;
}
