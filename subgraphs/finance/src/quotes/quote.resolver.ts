import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { mapConnection, notFound, PageArgs, pageOfList, STAFF, COOPERATIVE_ROLES } from "@cae/shared";
import { readableAccount } from "../accounts/account-lookup";
import { ActivityAccount } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { toCustomer } from "../customers/customer.mapper";
import { Customer } from "../customers/customer.type";
import { toInvoice } from "../invoices/invoice.mapper";
import { Invoice } from "../invoices/invoice.type";
import { DocumentLine, VatAmount } from "../invoices/line.type";
import { toDocumentLine, vatBreakdown } from "../invoices/lines";
import { toQuote } from "./quote.mapper";
import { accountOf } from "../accounts/account-lookup";
import { DocumentMentions } from "../invoices/invoice.type";
import { documentMentions } from "../invoices/mentions";
import { renderDocumentPdf } from "../pdf/document-pdf";
import { acceptQuote, createQuote, refuseQuote } from "./quote.service";
import { CreateQuoteInput, DecideQuoteInput, Quote, QuoteConnection } from "./quote.type";

/** What a numbered quote prints, with the settings of its day; null for a quote made before quotes were numbered. */
async function printedQuote(ctx: FinanceContext, quote: Quote) {
  if (!quote.settingsId || !quote.number) return null;
  const [settings, customer, lines, account] = await Promise.all([
    ctx.loaders.settingsById.load(quote.settingsId),
    ctx.loaders.customerById.load(quote.customerId),
    ctx.loaders.quoteLinesByQuote.load(quote.localId),
    accountOf(ctx, quote.accountId),
  ]);
  if (!settings || !customer) return null;
  const mentions = {
    ...documentMentions(settings, customer, lines, null, { issuedOn: quote.issuedOn, sector: account.sector }),
    // What the invoice will say, told before the customer signs (Code de commerce L441-1: the terms of sale).
    paymentTerms: `Paiement à ${settings.paymentTermsDays} jours à compter de la facture. Pas d'escompte pour paiement anticipé.`,
  };
  return { settings, customer, lines, account, mentions };
}

@Resolver(() => Quote)
export class QuoteResolver {
  @FieldResolver(() => Customer, { description: "The customer." })
  async customer(@Root() quote: Quote, @Ctx() ctx: FinanceContext): Promise<Customer> {
    const customer = await ctx.loaders.customerById.load(quote.customerId);
    if (!customer) throw notFound("The quote's customer is missing");
    return toCustomer(customer, ctx.cooperativeId);
  }

  @FieldResolver(() => [DocumentLine], { description: "The lines, in order." })
  async lines(@Root() quote: Quote, @Ctx() ctx: FinanceContext): Promise<DocumentLine[]> {
    return (await ctx.loaders.quoteLinesByQuote.load(quote.localId)).map(toDocumentLine);
  }

  @FieldResolver(() => [VatAmount], { description: "The VAT by rate." })
  async vatBreakdown(@Root() quote: Quote, @Ctx() ctx: FinanceContext): Promise<VatAmount[]> {
    return vatBreakdown(await ctx.loaders.quoteLinesByQuote.load(quote.localId));
  }

  @FieldResolver(() => DocumentMentions, {
    nullable: true,
    description: "The mentions printed on the quote, from the settings of its day; null for a quote made before quotes were numbered.",
  })
  async mentions(@Root() quote: Quote, @Ctx() ctx: FinanceContext): Promise<DocumentMentions | null> {
    return (await printedQuote(ctx, quote))?.mentions ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The printable quote (devis): number, validity, the cooperative's identity, the customer, lines and totals, and for a building activity its decennial insurance; a PDF, base64-encoded. Null for a quote made before quotes were numbered.",
  })
  async pdf(@Root() quote: Quote, @Ctx() ctx: FinanceContext): Promise<string | null> {
    const printed = await printedQuote(ctx, quote);
    if (!printed || !quote.number) return null;
    const pdf = await renderDocumentPdf({
      kind: "DEVIS",
      number: quote.number,
      issuedOn: quote.issuedOn,
      dueOn: null,
      validUntil: quote.validUntil,
      activityLabel: printed.account.label,
      analyticCode: printed.account.analyticCode,
      customer: printed.customer,
      lines: printed.lines,
      vat: vatBreakdown(printed.lines),
      netCents: quote.netCents,
      vatCents: quote.vatCents,
      totalCents: quote.totalCents,
      mentions: printed.mentions,
    });
    return pdf.toString("base64");
  }

  @FieldResolver(() => Invoice, { nullable: true, description: "The invoice the accepted quote became." })
  async invoice(@Root() quote: Quote, @Ctx() ctx: FinanceContext): Promise<Invoice | null> {
    const invoice = await ctx.loaders.invoiceByQuote.load(quote.localId);
    return invoice && toInvoice(invoice, ctx.cooperativeId);
  }

  @Authorized(COOPERATIVE_ROLES)
  @Mutation(() => Quote, { description: "Makes a quote (devis) for a customer of an activity (staff, or the activity's entrepreneur)." })
  async createQuote(@Arg("input", () => CreateQuoteInput) input: CreateQuoteInput, @Ctx() ctx: FinanceContext): Promise<Quote> {
    return toQuote(await createQuote(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Quote, {
    description: "Records the acceptance of a pending quote within its validity: it becomes a draft invoice (see `invoice`).",
  })
  async acceptQuote(@Arg("input", () => DecideQuoteInput) input: DecideQuoteInput, @Ctx() ctx: FinanceContext): Promise<Quote> {
    return toQuote(await acceptQuote(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => Quote, { description: "Records the refusal of a pending quote." })
  async refuseQuote(@Arg("input", () => DecideQuoteInput) input: DecideQuoteInput, @Ctx() ctx: FinanceContext): Promise<Quote> {
    return toQuote(await refuseQuote(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}

@Resolver(() => ActivityAccount)
export class AccountQuotesResolver {
  @FieldResolver(() => QuoteConnection, { nullable: true, description: "The activity's quotes, newest first." })
  async quotes(@Root() account: ActivityAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const entity = await readableAccount(account, ctx);
    const quotes = await ctx.loaders.quotesByAccount.load(entity.id);
    return mapConnection(
      pageOfList(quotes, page, (quote) => [quote.seq]),
      (quote) => toQuote(quote, ctx.cooperativeId),
    );
  }
}
