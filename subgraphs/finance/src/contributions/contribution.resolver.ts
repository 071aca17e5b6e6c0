import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { mapConnection, PageArgs, pageOfList, STAFF } from "@cae/shared";
import { readableAccount } from "../accounts/account-lookup";
import { ActivityAccount } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { toContributionEntry, toSalaryCost } from "./contribution.mapper";
import { recordMonthlyContributions, recordSalaryCost } from "./contribution.service";
import {
  ContributionEntry,
  ContributionEntryConnection,
  RecordMonthlyContributionsInput,
  RecordSalaryCostInput,
  SalaryCost,
} from "./contribution.type";

@Resolver(() => ActivityAccount)
export class AccountContributionsResolver {
  @FieldResolver(() => ContributionEntryConnection, {
    nullable: true,
    description: "The activity's recorded contributions, latest month first.",
  })
  async contributions(@Root() account: ActivityAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const entity = await readableAccount(account, ctx);
    const entries = await ctx.loaders.contributionsByAccount.load(entity.id);
    return mapConnection(
      pageOfList(entries, page, (entry) => [entry.month]),
      (entry) => toContributionEntry(entry, ctx.cooperativeId),
    );
  }

  @Authorized(STAFF)
  @Mutation(() => [ContributionEntry], {
    description:
      "Computes and records the contribution of a month that is over, for every activity (or those named). Recording again gives the same entries; an entry the books would now change is refused (CONFLICT): a recorded month never moves.",
  })
  async recordMonthlyContributions(
    @Arg("input", () => RecordMonthlyContributionsInput) input: RecordMonthlyContributionsInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<ContributionEntry[]> {
    return (await recordMonthlyContributions(ctx.db, ctx.cooperativeId, ctx.caller, input)).map((entry) =>
      toContributionEntry(entry, ctx.cooperativeId),
    );
  }

  @Authorized(STAFF)
  @Mutation(() => SalaryCost, { description: "Records an activity's salary cost of a month, from payroll (once per month)." })
  async recordSalaryCost(
    @Arg("input", () => RecordSalaryCostInput) input: RecordSalaryCostInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<SalaryCost> {
    const cost = await recordSalaryCost(ctx.db, ctx.cooperativeId, ctx.caller, input);
    return toSalaryCost(cost, ctx.cooperativeId);
  }
}
