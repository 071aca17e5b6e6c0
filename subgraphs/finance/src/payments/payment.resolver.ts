import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { notFound, STAFF } from "@cae/shared";
import type { FinanceContext } from "../context";
import { toInvoice } from "../invoices/invoice.mapper";
import { Invoice } from "../invoices/invoice.type";
import { toPayment } from "./payment.mapper";
import { recordPayment } from "./payment.service";
import { Payment, RecordPaymentInput } from "./payment.type";

@Resolver(() => Payment)
export class PaymentResolver {
  @FieldResolver(() => Invoice, { description: "The invoice paid, with its status after the payment." })
  async invoice(@Root() payment: Payment, @Ctx() ctx: FinanceContext): Promise<Invoice> {
    const invoice = await ctx.loaders.invoiceById.load(payment.invoiceId);
    if (!invoice) throw notFound("The payment's invoice is missing");
    return toInvoice(invoice, ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Payment, {
    description: "Records a payment of an issued invoice, never more than what is due (BAD_USER_INPUT on input.amountCents).",
  })
  async recordPayment(@Arg("input", () => RecordPaymentInput) input: RecordPaymentInput, @Ctx() ctx: FinanceContext): Promise<Payment> {
    return toPayment((await recordPayment(ctx.db, ctx.cooperativeId, ctx.caller, input)).payment, ctx.cooperativeId);
  }
}

@Resolver(() => Invoice)
export class InvoicePaymentsResolver {
  @FieldResolver(() => [Payment], { description: "The payments received, oldest first." })
  async payments(@Root() invoice: Invoice, @Ctx() ctx: FinanceContext): Promise<Payment[]> {
    return (await ctx.loaders.paymentsByInvoice.load(invoice.localId)).map((payment) => toPayment(payment, ctx.cooperativeId));
  }
}
