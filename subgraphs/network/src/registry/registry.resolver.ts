import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { isCooperativeSlug } from "@cae/shared";
import type { NetworkContext } from "../context";
import { Cooperative } from "./cooperative.type";
import {
  currentRegistry,
  registerCooperative,
  toRegistration,
  updateCooperativeRegistration,
  withdrawCooperative,
} from "./registry.service";
import {
  CooperativeRegistration,
  RegisterCooperativeInput,
  UpdateCooperativeRegistrationInput,
  WithdrawCooperativeInput,
} from "./registry.type";
import { RegisteredCooperativeEntity } from "./registry.entity";

@Resolver()
export class RegistryResolver {
  @Query(() => [CooperativeRegistration], {
    description:
      "The network's registry, by slug: the cooperatives the gateway routes to, and with `includeWithdrawn` those that left. " +
      "A whole list, not a page: the gateway reads it whole to follow its changes (the network has tens of cooperatives).",
  })
  async registry(
    @Arg("includeWithdrawn", () => Boolean, { defaultValue: false, description: "Also the cooperatives that left the network." })
    includeWithdrawn: boolean,
    @Ctx() ctx: NetworkContext,
  ): Promise<CooperativeRegistration[]> {
    const entities = includeWithdrawn
      ? await ctx.db.getRepository(RegisteredCooperativeEntity).find({ order: { id: "ASC" } })
      : await currentRegistry(ctx.db);
    return entities.map(toRegistration);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CooperativeRegistration, {
    description:
      "Adds a cooperative to the network's registry (network admins only); the gateway routes to it within seconds, without a restart.",
  })
  registerCooperative(@Arg("input", () => RegisterCooperativeInput) input: RegisterCooperativeInput, @Ctx() ctx: NetworkContext) {
    return registerCooperative(ctx.db, ctx.caller, input);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CooperativeRegistration, {
    description: "Corrects a cooperative's entry: its name, region, département or endpoints (network admins only).",
  })
  updateCooperativeRegistration(
    @Arg("input", () => UpdateCooperativeRegistrationInput) input: UpdateCooperativeRegistrationInput,
    @Ctx() ctx: NetworkContext,
  ) {
    return updateCooperativeRegistration(ctx.db, ctx.caller, input);
  }

  @Authorized(["NETWORK_ADMIN"])
  @Mutation(() => CooperativeRegistration, {
    description:
      "Records that a cooperative left the network (network admins only): the gateway stops routing to it; its entry stays as history.",
  })
  withdrawCooperative(@Arg("input", () => WithdrawCooperativeInput) input: WithdrawCooperativeInput, @Ctx() ctx: NetworkContext) {
    return withdrawCooperative(ctx.db, ctx.caller, input);
  }
}

@Resolver(() => Cooperative)
export class CooperativeRegistrationResolver {
  @FieldResolver(() => CooperativeRegistration, {
    nullable: true,
    description: "Its entry in the network's registry (network roles only).",
  })
  async registration(@Root() cooperative: Cooperative, @Ctx() ctx: NetworkContext): Promise<CooperativeRegistration | null> {
    const entity = await ctx.loaders.registration.load(cooperative.id);
    return entity ? toRegistration(entity) : null;
  }
}

/** `_entities` for a cooperative: any slug the registry knows, left or not (one statement for the whole batch). */
export async function resolveCooperativeReference(reference: { id: unknown }, ctx: NetworkContext): Promise<Cooperative | null> {
  // A representation is the client's JSON: an `id` missing, null, no string or no slug names no cooperative of the registry.
  if (typeof reference.id !== "string" || !isCooperativeSlug(reference.id)) return null;
  const entity = await ctx.loaders.registration.load(reference.id);
  return entity ? { id: entity.id } : null;
}
