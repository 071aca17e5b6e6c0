import { Field, ID, ObjectType } from "type-graphql";
import { CentsScalar, LocalDateScalar } from "@cae/shared";

@ObjectType({ description: "A credit note (avoir): cancels an issued invoice in full or in part, numbered in its own gapless series." })
export class CreditNote {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: 'Number in the credit-note series ("AV2026-000007").' })
  number: string;

  @Field(() => LocalDateScalar, { description: "Issue date." })
  issuedOn: string;

  @Field(() => String, { description: "Why (motif)." })
  reason: string;

  @Field(() => CentsScalar, { description: "Credited excluding VAT." })
  netCents: bigint;

  @Field(() => CentsScalar, { description: "Credited VAT." })
  vatCents: bigint;

  @Field(() => CentsScalar, { description: "Credited including VAT." })
  totalCents: bigint;

  localId: string;
  invoiceId: string;
  accountId: string;
  settingsId: string;
}
