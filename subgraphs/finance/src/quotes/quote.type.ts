import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, connectionType, LocalDateScalar } from "@cae/shared";
import { DocumentLineInput } from "../invoices/line.type";
import type { QuoteStatus as QuoteStatusValue } from "./quote.entity";

export const QuoteStatus = { PENDING: "PENDING", ACCEPTED: "ACCEPTED", REFUSED: "REFUSED" } as const;
registerEnumType(QuoteStatus, {
  name: "QuoteStatus",
  description:
    "Where a quote stands: awaiting the customer (en attente), accepted (accepté: it became a draft invoice) or refused (refusé).",
});

@ObjectType({
  description: "A quote (devis) of an activity: lines priced like an invoice's, valid until a date; accepted, it becomes a draft invoice.",
})
export class Quote {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Number in the cooperative\'s quote series ("D2026-000012"), gapless per year; null on a quote made before quotes were numbered.',
  })
  number: string | null;

  @Field(() => QuoteStatus, { description: "Where the quote stands." })
  status: QuoteStatusValue;

  @Field(() => LocalDateScalar, { description: "Day the quote was made." })
  issuedOn: string;

  @Field(() => LocalDateScalar, { description: "Last day the customer may accept it (date de validité)." })
  validUntil: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Day it was accepted or refused." })
  decidedOn: string | null;

  @Field(() => CentsScalar, { description: "Total excluding VAT." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "Total VAT." })
  vatCents: bigint;

  @Field(() => CentsScalar, { description: "Total including VAT." })
  totalCents: bigint;

  localId: string;
  /** The activity account it belongs to (local ID): whose it is, for the access policy. */
  accountId: string;
  customerId: string;
  settingsId: string | null;
}

export const QuoteConnection = connectionType(Quote, "Quote", "quote");

@InputType({ description: "A quote for a customer of an activity." })
export class CreateQuoteInput {
  @Field(() => ID, { description: "The activity account; the request goes to its cooperative." })
  accountId: string;

  @Field(() => ID, { description: "The customer, one of the activity's." })
  customerId: string;

  @Field(() => LocalDateScalar, {
    description: "Day the quote is made: it takes the next number of the quote series, so never before the last quote's day.",
  })
  issuedOn: string;

  @Field(() => LocalDateScalar, { description: "Last day it may be accepted: on or after issuedOn." })
  validUntil: string;

  @Field(() => [DocumentLineInput], { description: "1 to 200 lines." })
  lines: DocumentLineInput[];
}

@InputType({ description: "The customer's answer to a pending quote." })
export class DecideQuoteInput {
  @Field(() => ID, { description: "The quote." })
  id: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Day of the answer, today in France by default; an acceptance must fall within the validity.",
  })
  decidedOn?: string | null;
}
