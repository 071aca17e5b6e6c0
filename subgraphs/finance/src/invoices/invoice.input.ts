import { Field, ID, InputType, Int } from "type-graphql";
import { LocalDateScalar } from "@cae/shared";
import { DocumentLineInput } from "./line.type";

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
