import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, LocalDateScalar } from "@cae/shared";
import type { PaymentMethod as PaymentMethodValue } from "./payment.entity";

export const PaymentMethod = {
  TRANSFER: "TRANSFER",
  CHECK: "CHECK",
  CARD: "CARD",
  CASH: "CASH",
  DIRECT_DEBIT: "DIRECT_DEBIT",
  OTHER: "OTHER",
} as const;
registerEnumType(PaymentMethod, {
  name: "PaymentMethod",
  description:
    "How a payment was made (mode de règlement): bank transfer (virement), cheque, card, cash, direct debit (prélèvement), other.",
});

@ObjectType({ description: "A payment received for an invoice (règlement)." })
export class Payment {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => LocalDateScalar, { description: "Day the money was received." })
  receivedOn: string;

  @Field(() => CentsScalar, { description: "Amount received, VAT included, in cents." })
  amountCents: bigint;

  @Field(() => PaymentMethod, { description: "How it was paid." })
  method: PaymentMethodValue;

  @Field(() => String, { nullable: true, description: "Bank or cheque reference." })
  reference: string | null;

  invoiceId: string;
}

@InputType({ description: "A payment received for an issued invoice: never more than what is due on it." })
export class RecordPaymentInput {
  @Field(() => ID, { description: "The invoice paid." })
  invoiceId: string;

  @Field(() => LocalDateScalar, { description: "Day received; not before the invoice's issue date." })
  receivedOn: string;

  @Field(() => CentsScalar, { description: "Amount, VAT included, in cents: above 0, at most what is due (total - credited - paid)." })
  amountCents: bigint;

  @Field(() => PaymentMethod, { description: "How it was paid." })
  method: PaymentMethodValue;

  @Field(() => String, { nullable: true, description: "Bank or cheque reference." })
  reference?: string | null;
}
