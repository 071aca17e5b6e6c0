import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { badUserInput } from "@cae/shared";
import type { MembersContext } from "../context";
import { Cooperative } from "../people/person.type";
import { membersIndicators } from "./indicators.service";
import { IndicatorsArgs, MembersIndicators } from "./indicators.type";

@Resolver(() => Cooperative)
export class MembersIndicatorsResolver {
  // Aggregates: the cooperative's staff and the network's roles; small-cell suppression is the network's (indicators issue).
  @Authorized(["COUNSELOR", "COOP_ADMIN", "NETWORK_ANALYST", "NETWORK_ADMIN"])
  @FieldResolver(() => MembersIndicators, {
    nullable: true,
    description: "The cooperative's aggregates from its members records for a period (counts only). Null when its service does not answer.",
  })
  async membersIndicators(@Root() _cooperative: Cooperative, @Args(() => IndicatorsArgs) args: IndicatorsArgs, @Ctx() ctx: MembersContext) {
    if (args.from > args.to) throw badUserInput("from must not be after to", "from");
    return membersIndicators(ctx.db, args.from, args.to);
  }
}
