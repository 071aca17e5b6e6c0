import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { aggregatePeriod, type ContractKind, localIdOfReference } from "@cae/shared";
import type { MembersContext } from "../context";
import { Cooperative } from "../people/person.type";
import { membersIndicators, type ContractFacts } from "./indicators.service";
import { IndicatorsArgs, MembersIndicators } from "./indicators.type";

@Resolver(() => Cooperative)
export class MembersIndicatorsResolver {
  @FieldResolver(() => MembersIndicators, {
    nullable: true,
    description:
      "The cooperative's aggregates from its members records for a period (counts and sums only). Null when its service does not answer.",
  })
  // The full path stage and the time to the employment contract need the contracts subgraph's
  // dates: the planner fetches them from the same cooperative, in transit only.
  @Directive(
    '@requires(fields: "contractMilestones { personId furthestContractKind objectiveContractOn supportAgreementOn employmentContractOn }")',
  )
  async membersIndicators(@Root() cooperative: Cooperative, @Args(() => IndicatorsArgs) args: IndicatorsArgs, @Ctx() ctx: MembersContext) {
    aggregatePeriod(args.from, args.to);
    return membersIndicators(ctx.db, args.from, args.to, contractFactsOf(cooperative, ctx.cooperativeId));
  }
}

/** The milestones of this cooperative's own people, by local ID (another cooperative's IDs are ignored). */
export function contractFactsOf(cooperative: Cooperative, cooperativeId: string): ContractFacts {
  const furthest = new Map<string, ContractKind>();
  const employmentOn = new Map<string, string>();
  const objectiveOn = new Map<string, string>();
  const supportOn = new Map<string, string>();
  for (const milestone of cooperative.contractMilestones ?? []) {
    const localId = localIdOfReference(milestone.personId, cooperativeId);
    if (!localId) continue;
    if (milestone.furthestContractKind) furthest.set(localId, milestone.furthestContractKind);
    if (milestone.employmentContractOn) employmentOn.set(localId, milestone.employmentContractOn);
    if (milestone.objectiveContractOn) objectiveOn.set(localId, milestone.objectiveContractOn);
    if (milestone.supportAgreementOn) supportOn.set(localId, milestone.supportAgreementOn);
  }
  return { furthest, employmentOn, objectiveOn, supportOn };
}
