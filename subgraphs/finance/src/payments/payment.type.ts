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

@ObjectType({
  description:
    "A payment received for an invoice (règlement), or the reversing entry that cancels one (contre-passation): a payment is never deleted, a reversal with the opposite amount points at it and both stay.",
})
export class Payment {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => LocalDateScalar, { description: "Day the money was received; for a reversal, the day the payment was cancelled." })
  receivedOn: string;

  @Field(() => CentsScalar, {
    description: "Amount received, VAT included, in cents; for a reversal, the opposite of the payment's (below 0).",
  })
  amountCents: bigint;

  @Field(() => PaymentMethod, { description: "How it was paid (a reversal keeps its payment's)." })
  method: PaymentMethodValue;

  @Field(() => String, { nullable: true, description: "Bank or cheque reference (a reversal keeps its payment's)." })
  reference: string | null;

  @Field(() => String, { nullable: true, description: "Why the payment was cancelled, on a reversal; null on a payment." })
  reason: string | null;

  @Field(() => LocalDateScalar, {
    description:
      "Day it counts in the statement: receivedOn, or for an adjustment (a reversal dated in a month whose contribution is recorded) the first day of the first open month after it.",
  })
  bookedOn: string;

  @Field(() => Boolean, { description: "Whether it is booked in a later month than its date, the month of its date being closed." })
  adjustment: boolean;

  localId: string;
  /** The local ID of the payment a reversal cancels; null for a payment. */
  reversalOf: string | null;
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

@InputType({ description: "A payment to cancel by a reversing entry (a bounced cheque, a payment recorded by mistake)." })
export class CancelPaymentInput {
  @Field(() => ID, { description: "The payment to cancel: a payment, not a reversal, not cancelled yet." })
  id: string;

  @Field(() => LocalDateScalar, {
    description:
      "Day it is cancelled: not in the future, not before the payment was received. In a month whose contribution is recorded, the reversal is booked in the first open month after it.",
  })
  cancelledOn: string;

  @Field(() => String, { description: "Why it is cancelled, shown on the reversal; 500 characters at most." })
  reason: string;
}
