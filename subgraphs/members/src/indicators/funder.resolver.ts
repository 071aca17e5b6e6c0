import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { MembersContext } from "../context";
import { funderFigures } from "./funder.service";
import { FunderFigures } from "./funder.type";
import { MembersIndicators } from "./indicators.type";

@Resolver(() => MembersIndicators)
export class FunderFiguresResolver {
  // A field resolver of its own: the other indicators' one statement stays as it is when the funders' figures are not asked.
  @FieldResolver(() => FunderFigures, {
    description:
      "What partners and funders ask for over the same period (docs/reporting.md): counts only, from the cooperative's own records.",
  })
  funder(@Root() indicators: MembersIndicators, @Ctx() ctx: MembersContext): Promise<FunderFigures> {
    // The period was checked by `membersIndicators`, which made this object.
    return funderFigures(ctx.db, indicators.from, indicators.to);
  }
}
