import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { toFundingAgreement } from "../funding/funding.service";
import { FundingAgreement } from "../funding/funding.type";
import { mapConnection, pageOfQuery } from "@cae/shared";
import type { NetworkContext } from "../context";
import { networkLocalId } from "../ids";
import { CommitteeEntity } from "./committee.entity";
import { createCommittee, toCommittee, updateCommittee, type CommitteeRoot } from "./committee.service";
import { Committee, CommitteeConnection, CommitteesArgs, CreateCommitteeInput, UpdateCommitteeInput } from "./committee.type";

@Resolver(() => Committee)
export class CommitteeResolver {
  @Query(() => CommitteeConnection, { description: "The network's committees, by name (network roles only)." })
  async committees(@Args(() => CommitteesArgs) args: CommitteesArgs, @Ctx() ctx: NetworkContext) {
    const query = ctx.db.getRepository(CommitteeEntity).createQueryBuilder("committee");
    if (args.kind) query.where("committee.kind = :kind", { kind: args.kind });
    const page = await pageOfQuery(query, args, [
      { column: "committee.name", property: "name" },
      { column: "committee.id", property: "id" },
    ]);
    return mapConnection(page, toCommittee);
  }

  @Query(() => Committee, {
    nullable: true,
    description: "One committee by its ID; null when the network has none of that ID (network roles only).",
  })
  async committee(@Arg("id", () => ID, { description: 'The committee\'s ID ("network:<uuid>").' }) id: string, @Ctx() ctx: NetworkContext) {
    const entity = await ctx.loaders.committeeById.load(networkLocalId(id, "id"));
    return entity ? toCommittee(entity) : null;
  }

  @FieldResolver(() => FundingAgreement, {
    nullable: true,
    description: "The funding agreement it follows, whose report (`reportPdf`) its meetings review; null for a committee of no agreement.",
  })
  async fundingAgreement(@Root() committee: CommitteeRoot, @Ctx() ctx: NetworkContext): Promise<FundingAgreement | null> {
    if (!committee.fundingAgreementId) return null;
    const entity = await ctx.loaders.fundingAgreement.load(networkLocalId(committee.fundingAgreementId, "fundingAgreementId"));
    return entity ? toFundingAgreement(entity) : null;
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => Committee, { description: "Creates a steering or technical committee of the network (network admins only)." })
  createCommittee(
    @Arg("input", () => CreateCommitteeInput) input: CreateCommitteeInput,
    @Ctx() ctx: NetworkContext,
  ): Promise<CommitteeRoot> {
    return createCommittee(ctx.db, ctx.caller, input);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => Committee, {
    description: "Corrects a committee: its kind, name, funding agreement or territory (network admins only).",
  })
  updateCommittee(
    @Arg("input", () => UpdateCommitteeInput) input: UpdateCommitteeInput,
    @Ctx() ctx: NetworkContext,
  ): Promise<CommitteeRoot> {
    return updateCommittee(ctx.db, ctx.caller, input);
  }
}
