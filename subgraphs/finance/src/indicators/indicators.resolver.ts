import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Cooperative } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { financeIndicators } from "./indicators.service";
import { FinanceIndicators, FinanceIndicatorsArgs } from "./indicators.type";

@Resolver(() => Cooperative)
export class FinanceIndicatorsResolver {
  @FieldResolver(() => FinanceIndicators, {
    // Nullable: in a list of cooperatives, one whose finance does not answer is null here, not the whole list.
    nullable: true,
    description:
      "The cooperative's finance aggregates for a period, computed in SQL from its own books (sums and counts only). Null, with a COOPERATIVE_UNAVAILABLE error, when the cooperative's finance did not answer.",
  })
  async financeIndicators(
    @Root() _cooperative: Cooperative,
    @Args(() => FinanceIndicatorsArgs) args: FinanceIndicatorsArgs,
    @Ctx() ctx: FinanceContext,
  ) {
    return financeIndicators(ctx.db, args.from, args.to);
  }
}
