import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { NetworkContext } from "../context";
import type { CommitteeRoot } from "./committee.service";
import { Committee } from "./committee.type";
import { addCommitteeMember, endCommitteeMembership, isFormer, toMember } from "./member.service";
import { AddCommitteeMemberInput, CommitteeMember, EndCommitteeMembershipInput } from "./member.type";

@Resolver(() => Committee)
export class CommitteeMembersResolver {
  @FieldResolver(() => [CommitteeMember], {
    description: "Its members, longest-standing first: those who sit on it (or are appointed to), and with `includeFormer` those who left.",
  })
  async members(
    @Root() committee: CommitteeRoot,
    @Arg("includeFormer", () => Boolean, { defaultValue: false, description: "Also the members who left the committee before today." })
    includeFormer: boolean,
    @Ctx() ctx: NetworkContext,
  ): Promise<CommitteeMember[]> {
    const members = await ctx.loaders.committeeMembers.load(committee.localId);
    return (includeFormer ? members : members.filter((member) => !isFormer(member))).map(toMember);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CommitteeMember, { description: "Adds someone to a committee (network admins only)." })
  addCommitteeMember(@Arg("input", () => AddCommitteeMemberInput) input: AddCommitteeMemberInput, @Ctx() ctx: NetworkContext) {
    return addCommitteeMember(ctx.db, ctx.caller, input);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CommitteeMember, {
    description: "Records someone's last day on a committee (network admins only); they stay listed as a former member.",
  })
  endCommitteeMembership(@Arg("input", () => EndCommitteeMembershipInput) input: EndCommitteeMembershipInput, @Ctx() ctx: NetworkContext) {
    return endCommitteeMembership(ctx.db, ctx.caller, input);
  }
}
