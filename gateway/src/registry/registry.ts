import type { Registry, RegistryEntry } from "@cae/shared";

export { loadRegistry, parseRegistry, RegistryError, type Registry, type RegistryEntry } from "@cae/shared";

/** Each list of cooperatives the registry has held, by slug: made once per list, which the follower replaces whole. */
const indexes = new WeakMap<readonly RegistryEntry[], Map<string, RegistryEntry>>();

export function findCooperative(registry: Registry, id: string): RegistryEntry | undefined {
  let index = indexes.get(registry.cooperatives);
  if (!index)
    indexes.set(registry.cooperatives, (index = new Map(registry.cooperatives.map((cooperative) => [cooperative.id, cooperative]))));
  return index.get(id);
}
