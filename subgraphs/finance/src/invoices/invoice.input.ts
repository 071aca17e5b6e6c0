import { Field, ID, InputType, Int } from "type-graphql";
import { LocalDateScalar } from "@cae/shared";
import { DocumentLineInput } from "./line.type";
import { ReverseCharge } from "./invoice.type";
import type { ReverseCharge as ReverseChargeValue } from "./vat-rules";

@InputType({ description: "The period an invoice is for (période de facturation)." })
export class InvoicePeriodInput {
  @Field(() => LocalDateScalar, { description: "First day." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day, on or after the first." })
  to: string;
}

@InputType({ description: "A draft invoice (brouillon) of an activity: editable until issued." })
export class CreateInvoiceDraftInput {
  @Field(() => ID, { description: "The activity account; the request goes to its cooperative." })
  accountId: string;

  @Field(() => ID, { description: "The customer, one of the activity's." })
  customerId: string;

  @Field(() => Int, { nullable: true, description: "Payment terms in days, 0 to 60; the settings' default when absent." })
  paymentTermsDays?: number | null;

  @Field(() => [DocumentLineInput], { description: "1 to 200 lines." })
  lines: DocumentLineInput[];

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Day of the delivery or of the completion of the service, when it differs from the issue date (CGI art. 242 nonies A).",
  })
  deliveredOn?: string | null;

  @Field(() => InvoicePeriodInput, { nullable: true, description: "The period invoiced, for a service over several days." })
  period?: InvoicePeriodInput | null;

  @Field(() => ReverseCharge, {
    nullable: true,
    description: "The reverse-charge case, when the customer pays the VAT: every line is then EXEMPT, without a ground.",
  })
  reverseCharge?: ReverseChargeValue | null;
}

@InputType({ description: "Changes to a draft invoice; what is absent stays." })
export class UpdateInvoiceDraftInput {
  @Field(() => ID, { description: "The draft invoice." })
  id: string;

  @Field(() => ID, { nullable: true, description: "Another customer of the activity." })
  customerId?: string | null;

  @Field(() => Int, { nullable: true, description: "Payment terms in days, 0 to 60." })
  paymentTermsDays?: number | null;

  @Field(() => [DocumentLineInput], { nullable: true, description: "The new lines, replacing all the old ones." })
  lines?: DocumentLineInput[] | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Day of the delivery or of the completion of the service." })
  deliveredOn?: string | null;

  @Field(() => InvoicePeriodInput, { nullable: true, description: "The period invoiced." })
  period?: InvoicePeriodInput | null;

  @Field(() => ReverseCharge, { nullable: true, description: "The reverse-charge case." })
  reverseCharge?: ReverseChargeValue | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True to clear the delivery date, the period and the reverse charge before applying the fields above.",
  })
  clearMentions?: boolean | null;
}

@InputType({ description: "A draft invoice to delete; an issued invoice is never deleted." })
export class DeleteInvoiceDraftInput {
  @Field(() => ID, { description: "The draft invoice." })
  id: string;
}

@InputType({ description: "A draft invoice to issue (émettre): it takes the next number of the cooperative's series and is frozen." })
export class IssueInvoiceInput {
  @Field(() => ID, { description: "The draft invoice." })
  id: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Issue date (date d'émission), today in France by default; never before the last invoice issued.",
  })
  issuedOn?: string | null;
}
