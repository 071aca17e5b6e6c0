import { localIdOfReference } from "@cae/shared";
import type { MembersContext } from "../context";
import { toPerson } from "./person.mapper";
import type { Person } from "./person.type";

/** Batched through the request's loader: the gateway sends many people in one `_entities` call. */
export async function resolvePersonReference(
  reference: Pick<Person, "id" | "furthestContractKind">,
  ctx: MembersContext,
): Promise<Person | null> {
  const localId = localIdOfReference(reference.id, ctx.cooperativeId);
  const person = localId ? await ctx.loaders.personById.load(localId) : null;
  // A representation carries the fields `stage` requires from the contracts subgraph.
  return person && { ...toPerson(person, ctx.cooperativeId), furthestContractKind: reference.furthestContractKind ?? null };
}
