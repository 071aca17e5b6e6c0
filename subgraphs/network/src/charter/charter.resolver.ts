import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { NetworkContext } from "../context";
import { Cooperative } from "../registry/cooperative.type";
import { recordCharterAdherence, toCharterAdherences } from "./charter.service";
import { CharterAdherence, RecordCharterAdherenceInput } from "./charter.type";

@Resolver(() => Cooperative)
export class CooperativeCharterResolver {
  @FieldResolver(() => [CharterAdherence], {
    description: "Its signatures of the network's charter, latest first (the network's staff, and the cooperative's own staff).",
  })
  async charterAdherences(@Root() cooperative: Cooperative, @Ctx() ctx: NetworkContext): Promise<CharterAdherence[]> {
    return toCharterAdherences(await ctx.loaders.charterAdherences.load(cooperative.id));
  }

  @FieldResolver(() => CharterAdherence, { nullable: true, description: "The signature that holds today; null when none does." })
  async charterInForce(@Root() cooperative: Cooperative, @Ctx() ctx: NetworkContext): Promise<CharterAdherence | null> {
    return toCharterAdherences(await ctx.loaders.charterAdherences.load(cooperative.id)).find((adherence) => adherence.inForce) ?? null;
  }
}

@Resolver()
export class CharterResolver {
  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CharterAdherence, {
    description: "Records a cooperative's signature of a version of the network's charter (network admins only).",
  })
  recordCharterAdherence(@Arg("input", () => RecordCharterAdherenceInput) input: RecordCharterAdherenceInput, @Ctx() ctx: NetworkContext) {
    return recordCharterAdherence(ctx.db, ctx.caller, input);
  }
}
