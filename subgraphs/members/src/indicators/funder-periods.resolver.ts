import { Arg, Ctx, Field, FieldResolver, InputType, ObjectType, Resolver } from "type-graphql";
import { aggregatePeriod, badUserInput, LocalDateScalar } from "@cae/shared";
import type { MembersContext } from "../context";
import { Cooperative } from "../people/person.type";
import { funderFigures } from "./funder.service";
import { FunderFigures } from "./funder.type";

/** A year's protected release asks its 12 months, 4 quarters and the year at once. */
export const MAX_FUNDER_PERIODS = 17;

@InputType({ description: "A period of the funders' figures: both days included." })
export class FunderPeriodInput {
  @Field(() => LocalDateScalar, { description: "First day." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day." })
  to: string;
}

@ObjectType({ description: "The funders' figures of one period." })
export class FunderPeriod {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => FunderFigures, { description: "The figures." })
  figures: FunderFigures;
}

@Resolver(() => Cooperative)
export class FunderPeriodsResolver {
  /**
   * The network's release needs each period's own figures: people supported in a quarter are not
   * the sum of its months' (a person supported in two months counts once). No `@requires`, unlike
   * `membersIndicators`: these figures need nothing from the contracts subgraph but the contract
   * facts its events already wrote here. One statement per period, 17 at most.
   */
  @FieldResolver(() => [FunderPeriod], {
    description: `The funders' figures of each period given, in the order given (1 to ${MAX_FUNDER_PERIODS} periods): counts only, as \`membersIndicators { funder }\`. For the gateway's network figures and the cooperative's staff.`,
  })
  async funderIndicators(
    @Arg("periods", () => [FunderPeriodInput], { description: `The periods, 1 to ${MAX_FUNDER_PERIODS}.` }) periods: FunderPeriodInput[],
    @Ctx() ctx: MembersContext,
  ): Promise<FunderPeriod[]> {
    if (periods.length < 1 || periods.length > MAX_FUNDER_PERIODS)
      throw badUserInput(`Give 1 to ${MAX_FUNDER_PERIODS} periods, not ${periods.length}`, "periods");
    periods.forEach(({ from, to }, i) => {
      try {
        aggregatePeriod(from, to);
      } catch (error) {
        // Say which period: the field is `periods`, and the message names its index.
        throw badUserInput(`periods[${i}]: ${error instanceof Error ? error.message : String(error)}`, "periods");
      }
    });
    const figures: FunderPeriod[] = [];
    // In turn: 17 statements at most, and a connection each at once would only queue them (one on embedded PostgreSQL).
    for (const { from, to } of periods) figures.push({ from, to, figures: await funderFigures(ctx.db, from, to) });
    return figures;
  }
}
