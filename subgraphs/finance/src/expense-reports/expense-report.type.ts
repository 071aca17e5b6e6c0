import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, connectionType, LocalDateScalar } from "@cae/shared";
import type { ExpenseCategory as ExpenseCategoryValue } from "../expenses/expense.entity";
import { ExpenseCategory } from "../expenses/expense.type";
import { PurchaseFileInput } from "../supplier-invoices/purchase-file";
import type { ExpenseReportStatus as ExpenseReportStatusValue } from "./expense-report.entity";

export const ExpenseReportStatus = { SUBMITTED: "SUBMITTED", APPROVED: "APPROVED", REJECTED: "REJECTED", PAID: "PAID" } as const;
registerEnumType(ExpenseReportStatus, {
  name: "ExpenseReportStatus",
  description:
    "SUBMITTED (waiting for staff), APPROVED (owed to the entrepreneur, booked), PAID (by an executed transfer), REJECTED (with a reason).",
});

@ObjectType({ description: "One expense of an expense report, with its receipt." })
export class ExpenseReportLine {
  @Field(() => Int, { description: "Position, from 1." })
  position: number;

  @Field(() => LocalDateScalar, { description: "Day of the expense." })
  spentOn: string;

  @Field(() => ExpenseCategory, { description: "Category." })
  category: ExpenseCategoryValue;

  @Field(() => String, { description: "What was bought." })
  description: string;

  @Field(() => CentsScalar, { description: "Net excl. VAT." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "Deductible VAT the receipt shows (0 when it shows none)." })
  vatCents: bigint;

  @Field(() => String, { nullable: true, description: "Reference of a paper receipt." })
  receiptReference: string | null;

  @Field(() => Boolean, { description: "Whether the receipt's file is attached." })
  hasReceiptFile: boolean;
}

@ObjectType({ description: "A trip with a personal car, paid on the tax administration's mileage scale (indemnités kilométriques)." })
export class MileageAllowance {
  @Field(() => Int, { description: "Position, from 1." })
  position: number;

  @Field(() => LocalDateScalar, { description: "Day of the trip." })
  tripOn: string;

  @Field(() => String, { description: "Why (the customer visited, the place)." })
  purpose: string;

  @Field(() => String, { description: "The car's registration: distances add up per person and car over the calendar year." })
  vehicle: string;

  @Field(() => Int, { description: "Fiscal horsepower (CV) on the registration certificate (P.6)." })
  fiscalHorsepower: number;

  @Field(() => Boolean, { description: "Electric car: the scale's amount + 20 %." })
  electric: boolean;

  @Field(() => Int, { description: "Distance in whole km." })
  distanceKm: number;

  @Field(() => Int, { description: "The person's km with this car in the year before this trip: with the trip, they decide the band." })
  yearKmBefore: number;

  @Field(() => Int, { description: "Year of the scale applied." })
  scaleYear: number;

  @Field(() => CentsScalar, {
    description: "Allowance: the scale's amount for the year's km after the trip minus that for the km before it.",
  })
  amountCents: bigint;
}

@ObjectType({
  description: "An entrepreneur's expense report for one month of an activity (note de frais): expenses they advanced and mileage.",
})
export class ExpenseReport {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: 'The month ("2026-10").' })
  month: string;

  @Field(() => ExpenseReportStatus, { description: "Status." })
  status: ExpenseReportStatusValue;

  @Field(() => String, { description: "Who is refunded (the account holder's name)." })
  payeeName: string;

  @Field(() => String, { description: "IBAN the refund goes to." })
  payeeIban: string;

  @Field(() => [ExpenseReportLine], { description: "Expenses." })
  lines: ExpenseReportLine[];

  @Field(() => [MileageAllowance], { description: "Trips on the mileage scale." })
  mileage: MileageAllowance[];

  @Field(() => CentsScalar, { description: "Expenses excl. VAT." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "Deductible VAT of the receipts." })
  vatCents: bigint;

  @Field(() => CentsScalar, { description: "Mileage allowances (no VAT)." })
  mileageCents: bigint;

  @Field(() => CentsScalar, { description: "What is owed: expenses incl. VAT + mileage." })
  totalCents: bigint;

  @Field(() => CentsScalar, { description: "Paid by executed transfers." })
  paidCents: bigint;

  @Field(() => LocalDateScalar, { nullable: true, description: "Day staff approved it." })
  approvedOn: string | null;

  @Field(() => String, { nullable: true, description: "Why staff rejected it." })
  rejectionReason: string | null;

  accountId: string;
}

export const ExpenseReportConnection = connectionType(ExpenseReport, "ExpenseReport", "expense report");

@InputType({ description: "One expense of a report, with its receipt: a file, or the reference of a paper receipt." })
export class ExpenseReportLineInput {
  @Field(() => LocalDateScalar, { description: "Day of the expense, in the report's month." })
  spentOn: string;

  @Field(() => ExpenseCategory, { description: "Category." })
  category: ExpenseCategoryValue;

  @Field(() => String, { description: "What was bought." })
  description: string;

  @Field(() => CentsScalar, { description: "Net excl. VAT, above 0." })
  netCents: bigint;

  @Field(() => CentsScalar, { nullable: true, description: "VAT the receipt shows, 0 to the net; 0 when not given." })
  vatCents?: bigint | null;

  @Field(() => String, { nullable: true, description: "Reference of a paper receipt; required without a file." })
  receiptReference?: string | null;

  @Field(() => PurchaseFileInput, { nullable: true, description: "The receipt's file." })
  receiptFile?: PurchaseFileInput | null;
}

@InputType({ description: "A trip with a personal car." })
export class MileageTripInput {
  @Field(() => LocalDateScalar, { description: "Day of the trip, in the report's month." })
  tripOn: string;

  @Field(() => String, { description: "Why, 1 to 200 characters." })
  purpose: string;

  @Field(() => String, { description: "The car's registration (letters, digits, dashes)." })
  vehicle: string;

  @Field(() => Int, { description: "Fiscal horsepower, 1 to 99 (the scale reads 3 and less, 4, 5, 6, 7 and more)." })
  fiscalHorsepower: number;

  @Field(() => Boolean, { description: "Whether the car is electric." })
  electric: boolean;

  @Field(() => Int, { description: "Distance in whole km, 1 to 10,000." })
  distanceKm: number;
}

@InputType({ description: "An expense report to submit for one month of an activity." })
export class SubmitExpenseReportInput {
  @Field(() => ID, { description: "The activity account; the request goes to its cooperative." })
  accountId: string;

  @Field(() => String, { description: 'The month ("2026-10"), begun.' })
  month: string;

  @Field(() => String, { description: "Name of the holder of the account refunded." })
  payeeName: string;

  @Field(() => String, { description: "IBAN refunded, checked by its key." })
  payeeIban: string;

  @Field(() => String, { nullable: true, description: "BIC." })
  payeeBic?: string | null;

  @Field(() => [ExpenseReportLineInput], { description: "Expenses." })
  lines: ExpenseReportLineInput[];

  @Field(() => [MileageTripInput], { description: "Trips on the mileage scale." })
  mileage: MileageTripInput[];
}

@InputType({ description: "An expense report to approve." })
export class ApproveExpenseReportInput {
  @Field(() => ID, { description: "The report." })
  id: string;

  @Field(() => LocalDateScalar, { description: "Day of approval: not in the future, not before the report's last expense or trip." })
  approvedOn: string;
}

@InputType({ description: "An expense report to reject." })
export class RejectExpenseReportInput {
  @Field(() => ID, { description: "The report." })
  id: string;

  @Field(() => String, { description: "Why, 1 to 500 characters." })
  reason: string;
}
