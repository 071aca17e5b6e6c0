import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { MembersContext } from "../context";
import { Cooperative } from "../people/person.type";
import { CooperativeProfileEntity } from "./profile.entity";
import { updateCooperativeProfile } from "./profile.service";
import { CooperativeProfile, UpdateCooperativeProfileInput } from "./profile.type";

@Resolver(() => Cooperative)
export class CooperativeProfileResolver {
  @FieldResolver(() => CooperativeProfile, {
    nullable: true,
    description: "The cooperative's identity (raison sociale, SIRET...); null until its admin sets it.",
  })
  async profile(@Root() _cooperative: Cooperative, @Ctx() ctx: MembersContext): Promise<CooperativeProfile | null> {
    return ctx.db.getRepository(CooperativeProfileEntity).findOneBy({ singleton: true });
  }

  @Authorized(["COOP_ADMIN"])
  @Mutation(() => CooperativeProfile, { description: "Sets the cooperative's identity (cooperative admins only)." })
  async updateCooperativeProfile(
    @Arg("input", () => UpdateCooperativeProfileInput) input: UpdateCooperativeProfileInput,
    @Ctx() ctx: MembersContext,
  ): Promise<CooperativeProfile> {
    return updateCooperativeProfile(ctx.db, ctx.cooperativeId, ctx.caller, input);
  }
}
