import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { localIdOfReference, mapConnection, NETWORK_SLUG, pageOfQuery } from "@cae/shared";
import type { NetworkContext } from "../context";
import { networkLocalId } from "../ids";
import { toNetworkPartner } from "../partners/partner.service";
import { NetworkPartner } from "../partners/partner.type";
import { FundingAgreementEntity } from "./funding.entity";
import { territoryKey } from "./funding.loaders";
import { amendFundingAgreement, signFundingAgreement, toFundingAgreement } from "./funding.service";
import {
  AmendFundingAgreementInput,
  FundingAgreement,
  FundingAgreementConnection,
  FundingAgreementsArgs,
  SignFundingAgreementInput,
} from "./funding.type";

@Resolver(() => FundingAgreement)
export class FundingAgreementResolver {
  @Query(() => FundingAgreementConnection, {
    description:
      "The network's funding agreements, latest start first, filtered by partner, by a day they cover and by kind of territory " +
      "(network roles, and the gateway's credential, which reads them to build the funders' reports).",
  })
  async fundingAgreements(@Args(() => FundingAgreementsArgs) args: FundingAgreementsArgs, @Ctx() ctx: NetworkContext) {
    const query = ctx.db.getRepository(FundingAgreementEntity).createQueryBuilder("agreement");
    if (args.partnerId) query.andWhere("agreement.partnerId = :partnerId", { partnerId: networkLocalId(args.partnerId, "partnerId") });
    if (args.activeOn) query.andWhere("agreement.startsOn <= :activeOn AND agreement.endsOn >= :activeOn", { activeOn: args.activeOn });
    if (args.territoryKind) query.andWhere("agreement.territoryKind = :territoryKind", { territoryKind: args.territoryKind });
    const page = await pageOfQuery(
      query,
      args,
      [
        { column: "agreement.startsOn", property: "startsOn" },
        { column: "agreement.id", property: "id" },
      ],
      "DESC",
    );
    return mapConnection(page, toFundingAgreement);
  }

  @Query(() => FundingAgreement, { nullable: true, description: "One funding agreement; null when the network has none of that ID." })
  async fundingAgreement(
    @Arg("id", () => ID, { description: 'The agreement ("network:<uuid>").' }) id: string,
    @Ctx() ctx: NetworkContext,
  ) {
    const entity = await ctx.db.getRepository(FundingAgreementEntity).findOneBy({ id: networkLocalId(id, "id") });
    return entity ? toFundingAgreement(entity) : null;
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => FundingAgreement, {
    description:
      "Records a funding agreement a partner signed with the network (network admins only). CONFLICT when that partner already has an agreement of that reference.",
  })
  signFundingAgreement(@Arg("input", () => SignFundingAgreementInput) input: SignFundingAgreementInput, @Ctx() ctx: NetworkContext) {
    return signFundingAgreement(ctx.db, ctx.caller, input);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => FundingAgreement, {
    description:
      "Amends a funding agreement (avenant): its last day, amount, indicators owed or title (network admins only), audited with before and after.",
  })
  amendFundingAgreement(@Arg("input", () => AmendFundingAgreementInput) input: AmendFundingAgreementInput, @Ctx() ctx: NetworkContext) {
    return amendFundingAgreement(ctx.db, ctx.caller, input);
  }

  @FieldResolver(() => NetworkPartner, { description: "The partner that funds it." })
  async partner(@Root() agreement: FundingAgreement, @Ctx() ctx: NetworkContext): Promise<NetworkPartner> {
    const entity = await ctx.loaders.networkPartner.load(agreement.partnerLocalId);
    // The foreign key keeps the partner: a missing one is a fault, not an answer.
    if (!entity) throw new Error(`Funding agreement ${agreement.id} has no partner ${agreement.partnerLocalId}`);
    return toNetworkPartner(entity);
  }

  @FieldResolver(() => [ID], {
    description:
      "The slugs of the cooperatives its report covers: the registry's current cooperatives (not withdrawn) in its region or département, " +
      "every one for the whole network; by slug.",
  })
  async cooperativeIds(@Root() agreement: FundingAgreement, @Ctx() ctx: NetworkContext): Promise<string[]> {
    return (await ctx.loaders.territoryCooperatives.load(territoryKey(agreement.territory))).map((row) => row.cooperativeId);
  }
}

@Resolver(() => NetworkPartner)
export class NetworkPartnerFundingResolver {
  @FieldResolver(() => [FundingAgreement], { description: "The agreements it signed with the network, latest start first." })
  async fundingAgreements(@Root() partner: NetworkPartner, @Ctx() ctx: NetworkContext): Promise<FundingAgreement[]> {
    return (await ctx.loaders.partnerFundingAgreements.load(networkLocalId(partner.id, "id"))).map(toFundingAgreement);
  }
}

/** `_entities` of an agreement (the gateway reports on it): one statement for the whole batch. */
export async function resolveFundingAgreementReference(reference: { id: unknown }, ctx: NetworkContext): Promise<FundingAgreement | null> {
  // A representation is the client's JSON: its `id` may be missing, null or no string at all, and then names no agreement.
  const localId = localIdOfReference(reference.id, NETWORK_SLUG);
  if (!localId) return null;
  const entity = await ctx.loaders.fundingAgreement.load(localId);
  return entity ? toFundingAgreement(entity) : null;
}
