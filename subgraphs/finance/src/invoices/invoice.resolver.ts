import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { mapConnection, notFound, ownLocalId, PageArgs, pageOfList, pageOfQuery, STAFF, COOPERATIVE_ROLES } from "@cae/shared";
import { accountOf, readableAccount } from "../accounts/account-lookup";
import { toActivityAccount } from "../accounts/activity-account.mapper";
import { ActivityAccount, Cooperative } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { toCustomer } from "../customers/customer.mapper";
import { Customer } from "../customers/customer.type";
import { renderDocumentPdf, type PrintableDocument } from "../pdf/document-pdf";
import { ciiXml, type CiiDocument } from "../facturx/cii";
import { InvoiceEntity } from "./invoice.entity";
import { CreateInvoiceDraftInput, DeleteInvoiceDraftInput, IssueInvoiceInput, UpdateInvoiceDraftInput } from "./invoice.input";
import { toInvoice } from "./invoice.mapper";
import { createInvoiceDraft, deleteInvoiceDraft, issueInvoice, updateInvoiceDraft } from "./invoice.service";
import { DocumentMentions, IdArgs, Invoice, InvoiceConnection, InvoiceFilterArgs } from "./invoice.type";
import { DocumentLine, VatAmount } from "./line.type";
import { toDocumentLine, vatBreakdown } from "./lines";
import { documentMentions } from "./mentions";

/** Everything an issued invoice prints, read through the request's loaders; null for a draft. */
async function printedInvoice(ctx: FinanceContext, invoice: Invoice) {
  if (!invoice.settingsId || !invoice.number || !invoice.issuedOn) return null;
  const [settings, customer, lines, account] = await Promise.all([
    ctx.loaders.settingsById.load(invoice.settingsId),
    ctx.loaders.customerById.load(invoice.customerId),
    ctx.loaders.invoiceLinesByInvoice.load(invoice.localId),
    accountOf(ctx, invoice.accountId),
  ]);
  if (!settings || !customer) return null;
  const terms =
    invoice.dueOn && invoice.paymentTermsDays !== null ? { paymentTermsDays: invoice.paymentTermsDays, dueOn: invoice.dueOn } : null;
  const mentions = documentMentions(settings, customer, lines, terms, { ...invoice, issuedOn: invoice.issuedOn, sector: account.sector });
  const printable: PrintableDocument = {
    kind: "FACTURE",
    number: invoice.number,
    issuedOn: invoice.issuedOn,
    dueOn: invoice.dueOn,
    activityLabel: account.label,
    analyticCode: account.analyticCode,
    customer,
    lines,
    vat: vatBreakdown(lines),
    netCents: invoice.netCents,
    vatCents: invoice.vatCents,
    totalCents: invoice.totalCents,
    mentions,
  };
  const cii: CiiDocument = {
    ...invoice,
    typeCode: "380",
    number: invoice.number,
    issuedOn: invoice.issuedOn,
    settings,
    customer,
    lines,
    mentions,
  };
  return { printable, cii };
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  @FieldResolver(() => ActivityAccount, { description: "The activity invoiced for." })
  async account(@Root() invoice: Invoice, @Ctx() ctx: FinanceContext): Promise<ActivityAccount> {
    return toActivityAccount(await accountOf(ctx, invoice.accountId), ctx.cooperativeId);
  }

  @FieldResolver(() => Customer, { description: "The customer invoiced." })
  async customer(@Root() invoice: Invoice, @Ctx() ctx: FinanceContext): Promise<Customer> {
    const customer = await ctx.loaders.customerById.load(invoice.customerId);
    if (!customer) throw notFound("The invoice's customer is missing");
    return toCustomer(customer, ctx.cooperativeId);
  }

  @FieldResolver(() => [DocumentLine], { description: "The lines, in order." })
  async lines(@Root() invoice: Invoice, @Ctx() ctx: FinanceContext): Promise<DocumentLine[]> {
    return (await ctx.loaders.invoiceLinesByInvoice.load(invoice.localId)).map(toDocumentLine);
  }

  @FieldResolver(() => [VatAmount], { description: "The VAT by rate (ventilation de la TVA)." })
  async vatBreakdown(@Root() invoice: Invoice, @Ctx() ctx: FinanceContext): Promise<VatAmount[]> {
    return vatBreakdown(await ctx.loaders.invoiceLinesByInvoice.load(invoice.localId));
  }

  @FieldResolver(() => DocumentMentions, { nullable: true, description: "The mandatory mentions; null for a draft." })
  async mentions(@Root() invoice: Invoice, @Ctx() ctx: FinanceContext): Promise<DocumentMentions | null> {
    return (await printedInvoice(ctx, invoice))?.printable.mentions ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The printable invoice with its mandatory mentions: a PDF, base64-encoded. Null for a draft, which is not a legal document.",
  })
  async pdf(@Root() invoice: Invoice, @Ctx() ctx: FinanceContext): Promise<string | null> {
    const printed = await printedInvoice(ctx, invoice);
    return printed && (await renderDocumentPdf(printed.printable)).toString("base64");
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The invoice as a Factur-X 1.07 e-invoice (profile EN 16931): a PDF/A-3 that shows it and embeds its CII XML (factur-x.xml), base64-encoded. Null for a draft.",
  })
  async facturX(@Root() invoice: Invoice, @Ctx() ctx: FinanceContext): Promise<string | null> {
    const printed = await printedInvoice(ctx, invoice);
    return printed && (await renderDocumentPdf(printed.printable, { xml: ciiXml(printed.cii) })).toString("base64");
  }

  @Authorized(COOPERATIVE_ROLES)
  @Mutation(() => Invoice, {
    description: "Creates a draft invoice for an activity (staff, or the activity's entrepreneur; only staff issue it).",
  })
  async createInvoiceDraft(
    @Arg("input", () => CreateInvoiceDraftInput) input: CreateInvoiceDraftInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<Invoice> {
    return toInvoice(await createInvoiceDraft(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(COOPERATIVE_ROLES)
  @Mutation(() => Invoice, {
    description: "Changes a draft invoice (staff, or the activity's entrepreneur); an issued one is refused (CONFLICT).",
  })
  async updateInvoiceDraft(
    @Arg("input", () => UpdateInvoiceDraftInput) input: UpdateInvoiceDraftInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<Invoice> {
    return toInvoice(await updateInvoiceDraft(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(COOPERATIVE_ROLES)
  @Mutation(() => ID, {
    description: "Deletes a draft invoice and gives its ID (staff, or the activity's entrepreneur); an issued one is refused (CONFLICT).",
  })
  async deleteInvoiceDraft(
    @Arg("input", () => DeleteInvoiceDraftInput) input: DeleteInvoiceDraftInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<string> {
    return deleteInvoiceDraft(ctx.db, ctx.cooperativeId, ctx.caller, input);
  }

  @Authorized(STAFF)
  @Mutation(() => Invoice, {
    description:
      "Issues a draft: the next number of the cooperative's invoice series for the issue date's year, unique, chronological and without gaps even when issued concurrently. An issue date before the last invoice's is refused (CONFLICT on input.issuedOn).",
  })
  async issueInvoice(@Arg("input", () => IssueInvoiceInput) input: IssueInvoiceInput, @Ctx() ctx: FinanceContext): Promise<Invoice> {
    return toInvoice(await issueInvoice(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}

@Resolver(() => ActivityAccount)
export class AccountInvoicesResolver {
  @FieldResolver(() => InvoiceConnection, { nullable: true, description: "The activity's invoices, drafts included, newest first." })
  async invoices(@Root() account: ActivityAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const entity = await readableAccount(account, ctx);
    const invoices = await ctx.loaders.invoicesByAccount.load(entity.id);
    return mapConnection(
      pageOfList(invoices, page, (invoice) => [invoice.seq]),
      (invoice) => toInvoice(invoice, ctx.cooperativeId),
    );
  }
}

@Resolver(() => Cooperative)
export class CooperativeInvoicesResolver {
  @FieldResolver(() => InvoiceConnection, {
    nullable: true,
    description: "The cooperative's invoices, newest first (staff only). Null when its service does not answer.",
  })
  async invoices(@Root() _cooperative: Cooperative, @Args(() => InvoiceFilterArgs) args: InvoiceFilterArgs, @Ctx() ctx: FinanceContext) {
    const query = ctx.db.getRepository(InvoiceEntity).createQueryBuilder("invoice");
    if (args.status) query.andWhere("invoice.status = :status", { status: args.status });
    if (args.accountId)
      query.andWhere("invoice.accountId = :accountId", { accountId: ownLocalId(args.accountId, ctx.cooperativeId, "accountId") });
    if (args.issuedFrom) query.andWhere("invoice.issuedOn >= :issuedFrom", { issuedFrom: args.issuedFrom });
    if (args.issuedTo) query.andWhere("invoice.issuedOn <= :issuedTo", { issuedTo: args.issuedTo });
    const page = await pageOfQuery(query, args, [{ column: "invoice.seq", property: "seq" }], "DESC");
    return mapConnection(page, (invoice) => toInvoice(invoice, ctx.cooperativeId));
  }

  @FieldResolver(() => Invoice, { nullable: true, description: "One invoice by ID: staff, or the entrepreneur whose activity it is." })
  async invoice(@Root() _cooperative: Cooperative, @Args(() => IdArgs) args: IdArgs, @Ctx() ctx: FinanceContext): Promise<Invoice | null> {
    const invoice = await ctx.loaders.invoiceById.load(ownLocalId(args.id, ctx.cooperativeId, "id"));
    if (!invoice) return null;
    return toInvoice(invoice, ctx.cooperativeId);
  }
}
