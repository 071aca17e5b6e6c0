import type { Registry, RegistryEntry } from "@cae/shared";

export { loadRegistry, parseRegistry, RegistryError, type Registry, type RegistryEntry } from "@cae/shared";

export function findCooperative(registry: Registry, id: string): RegistryEntry | undefined {
  return registry.cooperatives.find((cooperative) => cooperative.id === id);
}
