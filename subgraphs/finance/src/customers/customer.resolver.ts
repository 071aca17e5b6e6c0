import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { mapConnection, PageArgs, pageOfList, COOPERATIVE_ROLES } from "@cae/shared";
import { readableAccount } from "../accounts/account-lookup";
import { ActivityAccount } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { toCustomer } from "./customer.mapper";
import { createCustomer } from "./customer.service";
import { CreateCustomerInput, Customer, CustomerConnection } from "./customer.type";

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

  @Authorized(COOPERATIVE_ROLES)
  @Mutation(() => Customer, { description: "Records a customer of an activity (staff, or the activity's entrepreneur)." })
  async createCustomer(@Arg("input", () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: FinanceContext): Promise<Customer> {
    return toCustomer(await createCustomer(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
