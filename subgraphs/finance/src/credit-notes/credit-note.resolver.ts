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
import { renderDocumentPdf } from "../pdf/document-pdf";
import { CreditNoteEntity } from "./credit-note.entity";
import { IssueCreditNoteInput } from "./credit-note.input";
import { toCreditNote } from "./credit-note.mapper";
import { issueCreditNote } from "./credit-note.service";
import { CreditNote } from "./credit-note.type";

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
    const [invoice, settings, lines] = await Promise.all([
      ctx.loaders.invoiceById.load(note.invoiceId),
      ctx.loaders.settingsById.load(note.settingsId),
      ctx.loaders.creditNoteLinesByCreditNote.load(note.localId),
    ]);
    const customer = invoice && (await ctx.loaders.customerById.load(invoice.customerId));
    if (!settings || !customer) throw notFound("The credit note's settings or customer are missing");
    return documentMentions(settings, customer, lines, null);
  }

  @FieldResolver(() => String, { description: "The printable credit note with its mandatory mentions: a PDF, base64-encoded." })
  async pdf(@Root() note: CreditNote, @Ctx() ctx: FinanceContext): Promise<string> {
    const mentions = await this.mentions(note, ctx);
    const invoice = await ctx.loaders.invoiceById.load(note.invoiceId);
    const [account, customer, lines] = await Promise.all([
      accountOf(ctx, note.accountId),
      invoice ? ctx.loaders.customerById.load(invoice.customerId) : null,
      ctx.loaders.creditNoteLinesByCreditNote.load(note.localId),
    ]);
    if (!customer) throw notFound("The credit note's customer is missing");
    const pdf = await renderDocumentPdf({
      kind: "AVOIR",
      number: note.number,
      issuedOn: note.issuedOn,
      dueOn: null,
      creditedInvoiceNumber: invoice?.number,
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
    });
    return pdf.toString("base64");
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
