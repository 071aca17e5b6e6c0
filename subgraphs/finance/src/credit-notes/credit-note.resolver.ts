import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { notFound, ownLocalId, STAFF } from "@cae/shared";
import { accountOf } from "../accounts/account-lookup";
import { Cooperative } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { toInvoice } from "../invoices/invoice.mapper";
import { DocumentMentions, IdArgs, Invoice } from "../invoices/invoice.type";
import { DocumentLine, VatAmount } from "../invoices/line.type";
import { toDocumentLine, vatBreakdown } from "../invoices/lines";
import { documentMentions } from "../invoices/mentions";
import { renderDocumentPdf, type PrintableDocument } from "../pdf/document-pdf";
import { ciiXml, type CiiDocument } from "../facturx/cii";
import { CreditNoteEntity } from "./credit-note.entity";
import { IssueCreditNoteInput } from "./credit-note.input";
import { toCreditNote } from "./credit-note.mapper";
import { issueCreditNote } from "./credit-note.service";
import { CreditNote } from "./credit-note.type";

/**
 * Everything a credit note prints: the settings of its own issue date, its invoice's customer and
 * reverse charge (a credit note reverses the invoice's VAT treatment, never another one).
 */
async function printedCreditNote(ctx: FinanceContext, note: CreditNote) {
  const [invoice, settings, lines, account] = await Promise.all([
    ctx.loaders.invoiceById.load(note.invoiceId),
    ctx.loaders.settingsById.load(note.settingsId),
    ctx.loaders.creditNoteLinesByCreditNote.load(note.localId),
    accountOf(ctx, note.accountId),
  ]);
  const customer = invoice && (await ctx.loaders.customerById.load(invoice.customerId));
  if (!settings || !customer || !invoice?.number) throw notFound("The credit note's settings, invoice or customer are missing");
  const document = { issuedOn: note.issuedOn, reverseCharge: invoice.reverseCharge, sector: account.sector };
  const mentions = documentMentions(settings, customer, lines, null, document);
  const printable: PrintableDocument = {
    kind: "AVOIR",
    number: note.number,
    issuedOn: note.issuedOn,
    dueOn: null,
    creditedInvoiceNumber: invoice.number,
    reason: note.reason,
    activityLabel: account.label,
    analyticCode: account.analyticCode,
    customer,
    lines,
    vat: vatBreakdown(lines),
    netCents: note.netCents,
    vatCents: note.vatCents,
    totalCents: note.totalCents,
    mentions,
  };
  const cii: CiiDocument = {
    ...note,
    ...document,
    typeCode: "381",
    dueOn: null,
    precedingInvoice: { number: invoice.number, issuedOn: invoice.issuedOn },
    settings,
    customer,
    lines,
    mentions,
  };
  return { printable, cii };
}

@Resolver(() => CreditNote)
export class CreditNoteResolver {
  @FieldResolver(() => Invoice, { description: "The invoice it cancels." })
  async invoice(@Root() note: CreditNote, @Ctx() ctx: FinanceContext): Promise<Invoice> {
    const invoice = await ctx.loaders.invoiceById.load(note.invoiceId);
    if (!invoice) throw notFound("The credit note's invoice is missing");
    return toInvoice(invoice, ctx.cooperativeId);
  }

  @FieldResolver(() => [DocumentLine], { description: "The lines credited." })
  async lines(@Root() note: CreditNote, @Ctx() ctx: FinanceContext): Promise<DocumentLine[]> {
    return (await ctx.loaders.creditNoteLinesByCreditNote.load(note.localId)).map(toDocumentLine);
  }

  @FieldResolver(() => [VatAmount], { description: "The VAT credited by rate." })
  async vatBreakdown(@Root() note: CreditNote, @Ctx() ctx: FinanceContext): Promise<VatAmount[]> {
    return vatBreakdown(await ctx.loaders.creditNoteLinesByCreditNote.load(note.localId));
  }

  @FieldResolver(() => DocumentMentions, { description: "The mandatory mentions." })
  async mentions(@Root() note: CreditNote, @Ctx() ctx: FinanceContext): Promise<DocumentMentions> {
    return (await printedCreditNote(ctx, note)).printable.mentions;
  }

  @FieldResolver(() => String, { description: "The printable credit note with its mandatory mentions: a PDF, base64-encoded." })
  async pdf(@Root() note: CreditNote, @Ctx() ctx: FinanceContext): Promise<string> {
    return (await renderDocumentPdf((await printedCreditNote(ctx, note)).printable)).toString("base64");
  }

  @FieldResolver(() => String, {
    description:
      "The credit note as a Factur-X 1.07 e-invoice (profile EN 16931, type 381, referring to its invoice): a PDF/A-3 embedding its CII XML, base64-encoded.",
  })
  async facturX(@Root() note: CreditNote, @Ctx() ctx: FinanceContext): Promise<string> {
    const printed = await printedCreditNote(ctx, note);
    return (await renderDocumentPdf(printed.printable, { xml: ciiXml(printed.cii) })).toString("base64");
  }

  @Authorized(STAFF)
  @Mutation(() => CreditNote, {
    description: "Issues a credit note (avoir) cancelling an issued invoice in full or in part, numbered in its own series.",
  })
  async issueCreditNote(
    @Arg("input", () => IssueCreditNoteInput) input: IssueCreditNoteInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<CreditNote> {
    return toCreditNote(await issueCreditNote(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}

@Resolver(() => Invoice)
export class InvoiceCreditNotesResolver {
  @FieldResolver(() => [CreditNote], { description: "The credit notes cancelling it, oldest first." })
  async creditNotes(@Root() invoice: Invoice, @Ctx() ctx: FinanceContext): Promise<CreditNote[]> {
    return (await ctx.loaders.creditNotesByInvoice.load(invoice.localId)).map((note) => toCreditNote(note, ctx.cooperativeId));
  }
}

@Resolver(() => Cooperative)
export class CooperativeCreditNotesResolver {
  @FieldResolver(() => CreditNote, {
    nullable: true,
    description: "One credit note by ID: staff, or the entrepreneur whose activity it is.",
  })
  async creditNote(
    @Root() _cooperative: Cooperative,
    @Args(() => IdArgs) args: IdArgs,
    @Ctx() ctx: FinanceContext,
  ): Promise<CreditNote | null> {
    const note = await ctx.db.getRepository(CreditNoteEntity).findOneBy({ id: ownLocalId(args.id, ctx.cooperativeId, "id") });
    if (!note) return null;
    return toCreditNote(note, ctx.cooperativeId);
  }
}
