import { Field, ID, InputType } from "type-graphql";
import { LocalDateScalar } from "@cae/shared";
import { DocumentLineInput } from "../invoices/line.type";

@InputType({ description: "A credit note (avoir) to issue against an issued invoice, cancelling it in full or in part." })
export class IssueCreditNoteInput {
  @Field(() => ID, { description: "The issued invoice it cancels." })
  invoiceId: string;

  @Field(() => String, { description: "Why (motif): shown on the credit note." })
  reason: string;

  @Field(() => [DocumentLineInput], {
    nullable: true,
    description:
      "The lines credited, for a partial credit note; absent, the whole invoice is credited (which needs nothing paid or credited on it yet). The credit cannot exceed, rate by rate, what the invoice has left, nor in total what remains unpaid.",
  })
  lines?: DocumentLineInput[] | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Issue date, today in France by default; never before the last credit note issued, nor before the invoice.",
  })
  issuedOn?: string | null;
}
