import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { localIdOfReference, mapConnection, PageArgs, pageOfList, STAFF } from "@cae/shared";
import type { FinanceContext } from "../context";
import { toActivityAccount } from "./activity-account.mapper";
import { openActivityAccount } from "./activity-account.service";
import { ActivityAccount, ActivityAccountConnection, OpenActivityAccountInput, Person } from "./activity-account.type";

@Resolver(() => Person)
export class PersonActivityAccountsResolver {
  @FieldResolver(() => ActivityAccountConnection, {
    nullable: true,
    description:
      "The analytic accounts of the person's activities (comptes d'activité). Null when the cooperative's service does not answer: the error says which.",
  })
  async activityAccounts(@Root() person: Person, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const accounts = localId ? await ctx.loaders.activityAccountsByPerson.load(localId) : [];
    const connection = pageOfList(accounts, page, (account) => [account.analyticCode]);
    return mapConnection(connection, (account) => toActivityAccount(account, ctx.cooperativeId));
  }
}

@Resolver(() => ActivityAccount)
export class ActivityAccountResolver {
  @Authorized(STAFF)
  @Mutation(() => ActivityAccount, { description: "Opens the analytic account of a new activity, with the next analytic code." })
  async openActivityAccount(
    @Arg("input", () => OpenActivityAccountInput) input: OpenActivityAccountInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<ActivityAccount> {
    return toActivityAccount(await openActivityAccount(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
