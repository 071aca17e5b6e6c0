import { localIdOfReference, notFound } from "@cae/shared";
import type { MembersContext } from "../context";
import { toPerson } from "./person.mapper";
import type { Person } from "./person.type";

/**
 * Batched through the request's loader: the gateway sends many people in one `_entities` call.
 * Another cooperative's ID resolves to null (it is not this subgraph's to answer). An ID of this
 * cooperative that names nobody is an error at its own position: the contract or deadline that
 * points at it keeps its place in its list, with a null person and an error naming the ID.
 */
export async function resolvePersonReference(
  reference: Pick<Person, "id" | "furthestContractKind">,
  ctx: MembersContext,
): Promise<Person | null> {
  const localId = localIdOfReference(reference.id, ctx.cooperativeId);
  if (!localId) return null;
  const person = await ctx.loaders.personById.load(localId);
  if (!person) throw notFound(`No person ${reference.id} in this cooperative's records`);
  // A representation carries the fields `stage` requires from the contracts subgraph.
  return { ...toPerson(person, ctx.cooperativeId), furthestContractKind: reference.furthestContractKind ?? null };
}
