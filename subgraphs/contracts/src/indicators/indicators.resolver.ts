import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { aggregatePeriod } from "@cae/shared";
import type { ContractsContext } from "../context";
import { Cooperative } from "../contracts/contract.type";
import { contractsIndicators } from "./indicators.service";
import { ContractsIndicators, ContractsIndicatorsArgs } from "./indicators.type";

@Resolver(() => Cooperative)
export class ContractsIndicatorsResolver {
  @FieldResolver(() => ContractsIndicators, {
    nullable: true,
    description:
      "The cooperative's aggregates from its contracts for a period (counts and sums only). Null when its service does not answer.",
  })
  async contractsIndicators(
    @Root() _cooperative: Cooperative,
    @Args(() => ContractsIndicatorsArgs) args: ContractsIndicatorsArgs,
    @Ctx() ctx: ContractsContext,
  ): Promise<ContractsIndicators> {
    aggregatePeriod(args.from, args.to);
    return contractsIndicators(ctx.db, args.from, args.to);
  }
}
