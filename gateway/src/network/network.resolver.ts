import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import { badUserInput, decodeId, forbidden, isCooperativeSlug, notFound, PageArgs, pageOfList } from "@cae/shared";
import type { GatewayContext } from "../context";
import { findCooperative, type RegistryEntry } from "../registry/registry";
import { Cooperative, CooperativeConnection, Person } from "./network.type";

export const toCooperative = ({ id, name, region, subgraphs }: RegistryEntry): Cooperative => ({
  id,
  name,
  region,
  endpoints: { ...subgraphs },
});

/**
 * Root reads of the network. Each returns a stub whose other fields the query planner fetches
 * through `_entities` from the owning cooperative, where the sharded data sources route it.
 */
@Resolver()
export class NetworkResolver {
  @Query(() => CooperativeConnection, { description: "The cooperatives of the network, by ID." })
  cooperatives(
    @Args(() => PageArgs) page: PageArgs,
    @Arg("region", () => String, { nullable: true, description: "Only the cooperatives of this region." }) region: string | null,
    @Ctx() ctx: GatewayContext,
  ) {
    const cooperatives = ctx.registry.cooperatives.filter((cooperative) => !region || cooperative.region === region).map(toCooperative);
    return pageOfList(cooperatives, page, (cooperative) => [cooperative.id]);
  }

  @Query(() => Cooperative, { nullable: true, description: "One cooperative by its slug; null when the network has none of that ID." })
  cooperative(@Arg("id", () => ID) id: string, @Ctx() ctx: GatewayContext): Cooperative | null {
    if (!isCooperativeSlug(id)) throw badUserInput(`"${id}" is not a cooperative ID (a slug)`, "id");
    const entry = findCooperative(ctx.registry, id);
    return entry ? toCooperative(entry) : null;
  }

  @Query(() => Person, { nullable: true, description: "One person by global ID, read from their own cooperative; null when it has none." })
  person(@Arg("id", () => ID) id: string, @Ctx() ctx: GatewayContext): Person {
    const { cooperativeId } = decodeId(id);
    if (!findCooperative(ctx.registry, cooperativeId)) throw notFound(`No cooperative "${cooperativeId}" in the network's registry`);
    if (ctx.caller.cooperativeId !== undefined && ctx.caller.cooperativeId !== cooperativeId) {
      throw forbidden(`A token of cooperative "${ctx.caller.cooperativeId}" has no access to cooperative "${cooperativeId}"`);
    }
    return { id };
  }
}

export async function resolveCooperativeReference(reference: Pick<Cooperative, "id">, ctx: GatewayContext): Promise<Cooperative | null> {
  const entry = findCooperative(ctx.registry, reference.id);
  return entry ? toCooperative(entry) : null;
}
