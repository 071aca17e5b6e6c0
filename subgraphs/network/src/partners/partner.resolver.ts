import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { mapConnection, PageArgs, pageOfQuery } from "@cae/shared";
import type { NetworkContext } from "../context";
import { networkLocalId } from "../ids";
import { NetworkPartnerEntity } from "./partner.entity";
import { createNetworkPartner, toNetworkPartner, updateNetworkPartner } from "./partner.service";
import {
  CreateNetworkPartnerInput,
  NetworkPartner,
  NetworkPartnerConnection,
  NetworkPartnerKind,
  UpdateNetworkPartnerInput,
} from "./partner.type";

@ArgsType()
export class NetworkPartnersArgs extends PageArgs {
  @Field(() => NetworkPartnerKind, { nullable: true, description: "Only the partners of this kind." })
  kind?: NetworkPartnerKind | null;
}

@Resolver()
export class NetworkPartnerResolver {
  @Query(() => NetworkPartnerConnection, {
    description: "The network's partners (funders and prescribers), by name (network roles only).",
  })
  async partners(@Args(() => NetworkPartnersArgs) args: NetworkPartnersArgs, @Ctx() ctx: NetworkContext) {
    const query = ctx.db.getRepository(NetworkPartnerEntity).createQueryBuilder("partner");
    if (args.kind) query.andWhere("partner.kind = :kind", { kind: args.kind });
    const page = await pageOfQuery(query, args, [
      { column: "partner.name", property: "name" },
      { column: "partner.id", property: "id" },
    ]);
    return mapConnection(page, toNetworkPartner);
  }

  @Query(() => NetworkPartner, {
    nullable: true,
    description: "One of the network's partners; null when it has none of that ID (network roles only).",
  })
  async partner(@Arg("id", () => ID, { description: 'The partner ("network:<uuid>").' }) id: string, @Ctx() ctx: NetworkContext) {
    const entity = await ctx.loaders.networkPartner.load(networkLocalId(id, "id"));
    return entity ? toNetworkPartner(entity) : null;
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => NetworkPartner, {
    description: "Adds a funder or prescriber to the network's partners (network admins only). CONFLICT when one has that name already.",
  })
  createPartner(@Arg("input", () => CreateNetworkPartnerInput) input: CreateNetworkPartnerInput, @Ctx() ctx: NetworkContext) {
    return createNetworkPartner(ctx.db, ctx.caller, input);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => NetworkPartner, {
    description:
      "Corrects a partner of the network: its name, kind, SIRET or contact email (network admins only), audited with before and after.",
  })
  updatePartner(@Arg("input", () => UpdateNetworkPartnerInput) input: UpdateNetworkPartnerInput, @Ctx() ctx: NetworkContext) {
    return updateNetworkPartner(ctx.db, ctx.caller, input);
  }
}
