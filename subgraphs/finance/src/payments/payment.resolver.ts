import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { notFound, STAFF } from "@cae/shared";
import type { FinanceContext } from "../context";
import { toInvoice } from "../invoices/invoice.mapper";
import { Invoice } from "../invoices/invoice.type";
import { toPayment } from "./payment.mapper";
import { cancelPayment, recordPayment } from "./payment.service";
import { CancelPaymentInput, Payment, RecordPaymentInput } from "./payment.type";

@Resolver(() => Payment)
export class PaymentResolver {
  @FieldResolver(() => Invoice, { description: "The invoice paid, with its status after the payment." })
  async invoice(@Root() payment: Payment, @Ctx() ctx: FinanceContext): Promise<Invoice> {
    const invoice = await ctx.loaders.invoiceById.load(payment.invoiceId);
    if (!invoice) throw notFound("The payment's invoice is missing");
    return toInvoice(invoice, ctx.cooperativeId);
  }

  @FieldResolver(() => Payment, { nullable: true, description: "On a reversal, the payment it cancels; null on a payment." })
  async reverses(@Root() payment: Payment, @Ctx() ctx: FinanceContext): Promise<Payment | null> {
    if (payment.reversalOf === null) return null;
    // A reversal and its payment are of one invoice: the invoice's batch has both.
    const original = (await ctx.loaders.paymentsByInvoice.load(payment.invoiceId)).find((row) => row.id === payment.reversalOf);
    return original ? toPayment(original, ctx.cooperativeId) : null;
  }

  @FieldResolver(() => Payment, {
    nullable: true,
    description: "The reversal that cancelled this payment; null while it stands, and on a reversal.",
  })
  async reversedBy(@Root() payment: Payment, @Ctx() ctx: FinanceContext): Promise<Payment | null> {
    const reversal = (await ctx.loaders.paymentsByInvoice.load(payment.invoiceId)).find((row) => row.reversalOf === payment.localId);
    return reversal ? toPayment(reversal, ctx.cooperativeId) : null;
  }

  @Authorized(STAFF)
  @Mutation(() => Payment, {
    description: "Records a payment of an issued invoice, never more than what is due (BAD_USER_INPUT on input.amountCents).",
  })
  async recordPayment(@Arg("input", () => RecordPaymentInput) input: RecordPaymentInput, @Ctx() ctx: FinanceContext): Promise<Payment> {
    return toPayment((await recordPayment(ctx.db, ctx.cooperativeId, ctx.caller, input)).payment, ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Payment, {
    description:
      "Cancels a payment by a reversing entry, never a delete: returns the reversal (its `reverses` is the payment, which stays, now `reversedBy` it); the invoice's paid amount and status go back. Refused for a reversal or a payment already cancelled (CONFLICT on input.id), before the payment's date (BAD_USER_INPUT on input.cancelledOn), on a closed account.",
  })
  async cancelPayment(@Arg("input", () => CancelPaymentInput) input: CancelPaymentInput, @Ctx() ctx: FinanceContext): Promise<Payment> {
    return toPayment((await cancelPayment(ctx.db, ctx.cooperativeId, ctx.caller, input)).reversal, ctx.cooperativeId);
  }
}

@Resolver(() => Invoice)
export class InvoicePaymentsResolver {
  @FieldResolver(() => [Payment], { description: "The payments received and the reversals that cancel some of them, oldest first." })
  async payments(@Root() invoice: Invoice, @Ctx() ctx: FinanceContext): Promise<Payment[]> {
    return (await ctx.loaders.paymentsByInvoice.load(invoice.localId)).map((payment) => toPayment(payment, ctx.cooperativeId));
  }
}
