import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { localIdOfReference, mapConnection, notFound, PageArgs, pageOfList, COOPERATIVE_ROLES } from "@cae/shared";

import { ActivityAccount } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { toInvoice } from "../invoices/invoice.mapper";
import { InvoiceConnection } from "../invoices/invoice.type";
import { toCustomer } from "./customer.mapper";
import { createCustomer } from "./customer.service";
import { CreateCustomerInput, Customer, CustomerConnection } from "./customer.type";

/** The account behind an `ActivityAccount` root (whom it is open to is the access policy's). */
export async function readableAccount(account: ActivityAccount, ctx: FinanceContext) {
  const localId = localIdOfReference(account.id, ctx.cooperativeId);
  const entity = localId ? await ctx.loaders.activityAccountById.load(localId) : null;
  if (!entity) throw notFound(`No activity account ${account.id}`);
  return entity;
}

@Resolver(() => ActivityAccount)
export class AccountCustomersResolver {
  @FieldResolver(() => CustomerConnection, { nullable: true, description: "The activity's customers, by name." })
  async customers(@Root() account: ActivityAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const entity = await readableAccount(account, ctx);
    const customers = await ctx.loaders.customersByAccount.load(entity.id);
    return mapConnection(
      pageOfList(customers, page, (customer) => [customer.name, customer.id]),
      (customer) => toCustomer(customer, ctx.cooperativeId),
    );
  }

  @FieldResolver(() => InvoiceConnection, { nullable: true, description: "The activity's invoices, drafts included, newest first." })
  async invoices(@Root() account: ActivityAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const entity = await readableAccount(account, ctx);
    const invoices = await ctx.loaders.invoicesByAccount.load(entity.id);
    return mapConnection(
      pageOfList(invoices, page, (invoice) => [invoice.seq]),
      (invoice) => toInvoice(invoice, ctx.cooperativeId),
    );
  }

  @Authorized(COOPERATIVE_ROLES)
  @Mutation(() => Customer, { description: "Records a customer of an activity (staff, or the activity's entrepreneur)." })
  async createCustomer(@Arg("input", () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: FinanceContext): Promise<Customer> {
    return toCustomer(await createCustomer(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
