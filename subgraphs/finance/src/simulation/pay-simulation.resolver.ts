import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { readableAccount } from "../accounts/account-lookup";
import { ActivityAccount, Cooperative } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { paySimulation } from "./pay-simulation.service";
import { PaySimulation, PaySimulationArgs } from "./pay-simulation.type";

@Resolver(() => ActivityAccount)
export class AccountPaySimulationResolver {
  @FieldResolver(() => PaySimulation, {
    nullable: true,
    description: "A pay simulation with the activity's contribution rate and the cooperative's settings.",
  })
  async paySimulation(
    @Root() account: ActivityAccount,
    @Args(() => PaySimulationArgs) args: PaySimulationArgs,
    @Ctx() ctx: FinanceContext,
  ) {
    const entity = await readableAccount(account, ctx);
    return paySimulation(ctx.db, args, entity.contributionRate);
  }
}

@Resolver(() => Cooperative)
export class CooperativePaySimulationResolver {
  @FieldResolver(() => PaySimulation, {
    nullable: true,
    description: "A pay simulation with the cooperative's settings, for a project without an account yet.",
  })
  async paySimulation(
    @Root() _cooperative: Cooperative,
    @Args(() => PaySimulationArgs) args: PaySimulationArgs,
    @Ctx() ctx: FinanceContext,
  ) {
    return paySimulation(ctx.db, args, null);
  }
}
