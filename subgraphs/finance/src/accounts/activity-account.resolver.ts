import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { DecimalScalar, localIdOfReference, mapConnection, ownLocalId, PageArgs, pageOfList, STAFF } from "@cae/shared";
import type { FinanceContext } from "../context";
import { formatRate, parseRate } from "../money/arithmetic";
import { readableAccount } from "./account-lookup";
import { toActivityAccount } from "./activity-account.mapper";
import { closeActivityAccount, openActivityAccount, setAccountContributionRate } from "./activity-account.service";
import {
  ActivityAccount,
  ActivityAccountConnection,
  CloseActivityAccountInput,
  Cooperative,
  OpenActivityAccountInput,
  Person,
  SetAccountContributionRateInput,
} from "./activity-account.type";

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
  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: "The activity's own contribution rate in percent; null when the cooperative's brackets apply.",
  })
  async contributionRate(@Root() account: ActivityAccount, @Ctx() ctx: FinanceContext): Promise<string | null> {
    const entity = await readableAccount(account, ctx);
    return entity.contributionRate === null ? null : formatRate(parseRate(entity.contributionRate, "rate"));
  }

  @Authorized(STAFF)
  @Mutation(() => ActivityAccount, { description: "Sets or clears an activity's own contribution rate." })
  async setAccountContributionRate(
    @Arg("input", () => SetAccountContributionRateInput) input: SetAccountContributionRateInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<ActivityAccount> {
    return toActivityAccount(await setAccountContributionRate(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => ActivityAccount, { description: "Opens the analytic account of a new activity, with the next analytic code." })
  async openActivityAccount(
    @Arg("input", () => OpenActivityAccountInput) input: OpenActivityAccountInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<ActivityAccount> {
    return toActivityAccount(await openActivityAccount(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => ActivityAccount, {
    description:
      "Closes an activity account whose books are settled; from then on it takes no customer, quote, invoice, credit note, payment nor expense. Refused (CONFLICT on input.id, naming them) while it has draft invoices, pending quotes or invoices not fully paid or credited; closedOn is not before its opening nor its last record (BAD_USER_INPUT on input.closedOn).",
  })
  async closeActivityAccount(
    @Arg("input", () => CloseActivityAccountInput) input: CloseActivityAccountInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<ActivityAccount> {
    return toActivityAccount(await closeActivityAccount(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}

@Resolver(() => Cooperative)
export class CooperativeActivityAccountResolver {
  @FieldResolver(() => ActivityAccount, {
    nullable: true,
    description: "One activity account by ID: staff, or the entrepreneur whose activity it is.",
  })
  async activityAccount(
    @Root() _cooperative: Cooperative,
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: FinanceContext,
  ): Promise<ActivityAccount | null> {
    const entity = await ctx.loaders.activityAccountById.load(ownLocalId(id, ctx.cooperativeId, "id"));
    if (!entity) return null;
    const account = toActivityAccount(entity, ctx.cooperativeId);
    await readableAccount(account, ctx);
    return account;
  }
}
