import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { mapConnection, notFound, PageArgs, pageOfList, STAFF } from "@cae/shared";
import { readableAccount } from "../accounts/account-lookup";
import { ActivityAccount } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { PurchaseFile, toPurchaseFile } from "./purchase-file";
import type { SupplierInvoiceEntity } from "./supplier-invoice.entity";
import { toSupplierInvoice } from "./supplier-invoice.mapper";
import { recordReceivedSupplierInvoice } from "./received-supplier-invoice";
import { recordSupplierInvoice } from "./supplier-invoice.service";
import {
  RecordReceivedSupplierInvoiceInput,
  RecordSupplierInvoiceInput,
  SupplierInvoice,
  SupplierInvoiceConnection,
} from "./supplier-invoice.type";

/** Supplier invoices as the API shows them, their suppliers and amounts loaded in one statement each for the whole list. */
export async function supplierInvoicesOf(entities: readonly SupplierInvoiceEntity[], ctx: FinanceContext): Promise<SupplierInvoice[]> {
  const [suppliers, amounts] = await Promise.all([
    ctx.loaders.supplierById.loadMany(entities.map((invoice) => invoice.supplierId)),
    ctx.loaders.supplierInvoiceAmounts.loadMany(entities.map((invoice) => invoice.id)),
  ]);
  return entities.map((invoice, i) => {
    const supplier = suppliers[i];
    const invoiceAmounts = amounts[i];
    if (!supplier || supplier instanceof Error) throw notFound("The invoice's supplier is missing");
    if (invoiceAmounts instanceof Error) throw invoiceAmounts;
    return toSupplierInvoice(invoice, supplier, invoiceAmounts, ctx.cooperativeId);
  });
}

@Resolver(() => ActivityAccount)
export class AccountSupplierInvoicesResolver {
  @FieldResolver(() => SupplierInvoiceConnection, {
    nullable: true,
    description: "The activity's supplier invoices, latest recorded first.",
  })
  async supplierInvoices(@Root() account: ActivityAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const entity = await readableAccount(account, ctx);
    const invoices = await ctx.loaders.supplierInvoicesByAccount.load(entity.id);
    const connection = pageOfList(invoices, page, (invoice) => [invoice.seq]);
    const nodes = await supplierInvoicesOf(
      connection.edges.map((edge) => edge.node),
      ctx,
    );
    return mapConnection(connection, (invoice) => nodes[connection.edges.findIndex((edge) => edge.node === invoice)]);
  }

  @Authorized(STAFF)
  @Mutation(() => SupplierInvoice, {
    description:
      "Records a supplier's invoice for an activity with its file, and books it in the purchases journal (AC). A number the supplier used already is a CONFLICT on input.number; a VAT more than a cent off its rate is BAD_USER_INPUT on input.amounts.<n>.vatCents.",
  })
  async recordSupplierInvoice(
    @Arg("input", () => RecordSupplierInvoiceInput) input: RecordSupplierInvoiceInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<SupplierInvoice> {
    const { invoice, supplier, amounts } = await recordSupplierInvoice(ctx.db, ctx.cooperativeId, ctx.caller, input);
    return toSupplierInvoice(
      invoice,
      supplier,
      amounts.map((amount) => ({ ...amount, invoiceId: invoice.id })),
      ctx.cooperativeId,
    );
  }

  @Authorized(STAFF)
  @Mutation(() => SupplierInvoice, {
    description:
      "Records a supplier's e-invoice (Factur-X PDF, CII or UBL XML) for an activity: number, dates and amounts by rate are read from the file, which is kept. A file that is not a readable e-invoice is BAD_USER_INPUT on input.file.contentBase64; a seller other than the supplier is a CONFLICT on input.supplierId.",
  })
  async recordReceivedSupplierInvoice(
    @Arg("input", () => RecordReceivedSupplierInvoiceInput) input: RecordReceivedSupplierInvoiceInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<SupplierInvoice> {
    const { invoice, supplier, amounts } = await recordReceivedSupplierInvoice(ctx.db, ctx.cooperativeId, ctx.caller, input);
    return toSupplierInvoice(
      invoice,
      supplier,
      amounts.map((amount) => ({ ...amount, invoiceId: invoice.id })),
      ctx.cooperativeId,
    );
  }
}

@Resolver(() => SupplierInvoice)
export class SupplierInvoiceResolver {
  @FieldResolver(() => PurchaseFile, { description: "The invoice as received (PDF or image)." })
  async file(@Root() invoice: SupplierInvoice, @Ctx() ctx: FinanceContext): Promise<PurchaseFile> {
    const file = await ctx.loaders.purchaseFileById.load(invoice.fileId);
    if (!file) throw notFound("The invoice's file is missing");
    return toPurchaseFile(file);
  }
}
