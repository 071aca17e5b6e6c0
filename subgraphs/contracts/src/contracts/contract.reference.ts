import { localIdOfReference } from "@cae/shared";
import type { ContractsContext } from "../context";
import { toContract } from "./contract.mapper";
import type { Contract, Person } from "./contract.type";

export async function resolveContractReference(
  reference: Pick<Contract, "id"> & Partial<Pick<Contract, "person" | "cooperative">>,
  ctx: ContractsContext,
): Promise<Contract | null> {
  const localId = localIdOfReference(reference.id, ctx.cooperativeId);
  const contract = localId ? await ctx.loaders.contractById.load(localId) : null;
  if (!contract) return null;
  const found = toContract(contract, ctx.cooperativeId);
  // A representation carries what the document `@requires` from the members subgraph.
  return { ...found, person: { ...reference.person, ...found.person }, cooperative: { ...reference.cooperative, ...found.cooperative } };
}

/** Any person of this cooperative: whether one has contracts is the `contracts` field's answer. */
export async function resolvePersonReference(reference: Pick<Person, "id">, ctx: ContractsContext): Promise<Person | null> {
  return localIdOfReference(reference.id, ctx.cooperativeId) ? { id: reference.id } : null;
}
