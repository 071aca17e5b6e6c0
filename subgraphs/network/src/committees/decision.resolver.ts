import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { NetworkContext } from "../context";
import type { CommitteeRoot } from "./committee.service";
import { Committee } from "./committee.type";
import { closeCommitteeDecision, recordCommitteeDecision, toDecision, type CommitteeDecisionRoot } from "./decision.service";
import { CloseCommitteeDecisionInput, CommitteeDecision, RecordCommitteeDecisionInput } from "./decision.type";
import { toMeeting, type CommitteeMeetingRoot } from "./meeting.service";
import { CommitteeMeeting } from "./meeting.type";

@Resolver(() => Committee)
export class CommitteeOpenDecisionsResolver {
  @FieldResolver(() => [CommitteeDecision], {
    description: "The decisions of all its meetings still open, oldest first: what its next meeting reviews.",
  })
  async openDecisions(@Root() committee: CommitteeRoot, @Ctx() ctx: NetworkContext): Promise<CommitteeDecisionRoot[]> {
    return (await ctx.loaders.committeeOpenDecisions.load(committee.localId)).map(toDecision);
  }
}

@Resolver(() => CommitteeMeeting)
export class CommitteeMeetingDecisionsResolver {
  @FieldResolver(() => [CommitteeDecision], { description: "The decisions taken at the meeting, in the order they were recorded." })
  async decisions(@Root() meeting: CommitteeMeetingRoot, @Ctx() ctx: NetworkContext): Promise<CommitteeDecisionRoot[]> {
    return (await ctx.loaders.committeeMeetingDecisions.load(meeting.localId)).map(toDecision);
  }
}

@Resolver(() => CommitteeDecision)
export class CommitteeDecisionResolver {
  @FieldResolver(() => CommitteeMeeting, { description: "The meeting that took it." })
  async meeting(@Root() decision: CommitteeDecisionRoot, @Ctx() ctx: NetworkContext): Promise<CommitteeMeetingRoot> {
    return toMeeting((await ctx.loaders.committeeMeetingById.load(decision.meetingLocalId))!);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CommitteeDecision, {
    description: "Records a decision taken at a meeting whose minutes are recorded and not yet approved (network admins only).",
  })
  recordCommitteeDecision(
    @Arg("input", () => RecordCommitteeDecisionInput) input: RecordCommitteeDecisionInput,
    @Ctx() ctx: NetworkContext,
  ) {
    return recordCommitteeDecision(ctx.db, ctx.caller, input);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CommitteeDecision, { description: "Closes an open decision as done or dropped (network admins only)." })
  closeCommitteeDecision(@Arg("input", () => CloseCommitteeDecisionInput) input: CloseCommitteeDecisionInput, @Ctx() ctx: NetworkContext) {
    return closeCommitteeDecision(ctx.db, ctx.caller, input);
  }
}
