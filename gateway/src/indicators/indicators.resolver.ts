import { Args, Ctx, FieldResolver, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../context";
import { Network, NetworkIndicators, NetworkIndicatorsArgs } from "./indicators.type";

@Resolver(() => Network)
export class NetworkIndicatorsResolver {
  @Query(() => Network, { description: "The network as a whole (le réseau): its indicators across the cooperatives." })
  network(): Network {
    return new Network();
  }

  @FieldResolver(() => NetworkIndicators, {
    description:
      "The indicators of a period: totals, per cooperative, per region and by month. Network roles get figures under disclosure control; a cooperative's staff get their own cooperative's exact figures. Incomplete when a cooperative does not answer (an INCOMPLETE_INDICATORS error names it).",
  })
  indicators(@Args(() => NetworkIndicatorsArgs) args: NetworkIndicatorsArgs, @Ctx() ctx: GatewayContext): Promise<NetworkIndicators> {
    if (!ctx.indicators) throw new Error("The network's indicators service is not running in this gateway");
    return ctx.indicators.indicators(args, ctx);
  }
}
