import { localIdOfReference } from "@cae/shared";
import type { MembersContext } from "../context";
import { toPerson } from "./person.mapper";
import type { Cooperative, Person } from "./person.type";

/** Batched through the request's loader: the gateway sends many people in one `_entities` call. */
export async function resolvePersonReference(reference: Pick<Person, "id">, ctx: MembersContext): Promise<Person | null> {
  const localId = localIdOfReference(reference.id, ctx.cooperativeId);
  const person = localId ? await ctx.loaders.personById.load(localId) : null;
  return person && toPerson(person, ctx.cooperativeId);
}

export async function resolveCooperativeReference(reference: Pick<Cooperative, "id">, ctx: MembersContext): Promise<Cooperative | null> {
  return reference.id === ctx.cooperativeId ? { id: reference.id } : null;
}
