import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { LocalDateScalar, mapConnection, notFound, PageArgs, pageOfList, pastDate, todayInFrance } from "@cae/shared";
import { readableAccount } from "../accounts/account-lookup";
import { ActivityAccountEntity } from "../accounts/activity-account.entity";
import { toActivityAccount } from "../accounts/activity-account.mapper";
import { ActivityAccount, ActivityAccountConnection, Cooperative } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { toInvoice } from "../invoices/invoice.mapper";
import { Invoice } from "../invoices/invoice.type";
import { ActivityCash, InvoiceToRemind } from "./cash.type";

@Resolver(() => ActivityAccount)
export class AccountCashResolver {
  @FieldResolver(() => ActivityCash, {
    nullable: true,
    description:
      "The activity's cash on a day (today in France by default): receipts, expenses, salary costs and contribution, what is available, what customers owe by lateness and the invoices to remind. Staff, or the entrepreneur of the activity.",
  })
  async cash(
    @Root() account: ActivityAccount,
    @Arg("on", () => LocalDateScalar, { nullable: true, description: "The day, included; not in the future." }) on: string | null,
    @Ctx() ctx: FinanceContext,
  ): Promise<ActivityCash> {
    const day = pastDate(on ?? todayInFrance(), "on");
    const entity = await readableAccount(account, ctx);
    const cash = await ctx.loaders.cashOn(day).load(entity.id);
    return cash;
  }
}

@Resolver(() => InvoiceToRemind)
export class InvoiceToRemindResolver {
  @FieldResolver(() => Invoice, { description: "The invoice." })
  async invoice(@Root() reminder: InvoiceToRemind, @Ctx() ctx: FinanceContext): Promise<Invoice> {
    const entity = await ctx.loaders.invoiceById.load(reminder.invoiceId);
    if (!entity) throw notFound(`No invoice ${reminder.number}`);
    return toInvoice(entity, ctx.cooperativeId);
  }
}

@Resolver(() => Cooperative)
export class CooperativeActivityAccountsResolver {
  @FieldResolver(() => ActivityAccountConnection, {
    description:
      "Every activity account of the cooperative, by analytic code (staff). Their cash and statements are read for the whole page at once.",
  })
  async activityAccounts(@Root() _cooperative: Cooperative, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const accounts = await ctx.db.getRepository(ActivityAccountEntity).find({ order: { analyticCode: "ASC" } });
    return mapConnection(
      pageOfList(accounts, page, (account) => [account.analyticCode]),
      (account) => toActivityAccount(account, ctx.cooperativeId),
    );
  }
}
