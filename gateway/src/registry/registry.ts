import { readFileSync } from "node:fs";
import { isCooperativeSlug, SUBGRAPH_NAMES, type SubgraphName } from "@cae/shared";

/** One cooperative of the network and where each of its subgraphs answers. */
export interface RegistryEntry {
  id: string;
  name: string;
  region: string;
  subgraphs: Record<SubgraphName, string>;
}

export interface Registry {
  cooperatives: RegistryEntry[];
}

export class RegistryError extends Error {}

/** Reads and validates the registry file the network maintains. */
export function loadRegistry(file: string): Registry {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new RegistryError(`Cannot read the registry ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseRegistry(json, file);
}

/** Validates a registry, naming the bad entry and field in the error. */
export function parseRegistry(json: unknown, source = "registry"): Registry {
  const fail = (where: string, problem: string): never => {
    throw new RegistryError(`${source}: ${where}: ${problem}`);
  };
  if (!isObject(json) || !Array.isArray(json.cooperatives)) fail("top level", 'expected { "cooperatives": [...] }');
  const entries = (json as { cooperatives: unknown[] }).cooperatives;
  if (entries.length === 0) fail("cooperatives", "the registry lists no cooperative");
  const seen = new Set<string>();
  const cooperatives = entries.map((entry, index): RegistryEntry => {
    let where = `cooperatives[${index}]`;
    if (!isObject(entry)) return fail(where, "expected an object");
    const { id, name, region, subgraphs } = entry;
    if (typeof id !== "string" || !isCooperativeSlug(id)) {
      fail(where, `"id" must be a slug (lowercase letters, digits and dashes), got ${JSON.stringify(id)}`);
    }
    where = `cooperatives[${index}] ("${String(id)}")`;
    if (seen.has(id as string)) fail(where, `duplicate id "${String(id)}"`);
    seen.add(id as string);
    if (typeof name !== "string" || name.trim() === "") fail(where, '"name" must be a non-empty string');
    if (typeof region !== "string" || region.trim() === "") fail(where, '"region" must be a non-empty string');
    if (!isObject(subgraphs)) return fail(where, `"subgraphs" must map ${SUBGRAPH_NAMES.join(", ")} to URLs`);
    const urls = Object.fromEntries(
      SUBGRAPH_NAMES.map((subgraph) => {
        const url = subgraphs[subgraph];
        if (typeof url !== "string" || !isHttpUrl(url))
          fail(where, `"subgraphs.${subgraph}" must be an http(s) URL, got ${JSON.stringify(url)}`);
        return [subgraph, url as string];
      }),
    ) as Record<SubgraphName, string>;
    const unknown = Object.keys(subgraphs).filter((key) => !SUBGRAPH_NAMES.includes(key as SubgraphName));
    if (unknown.length > 0) fail(where, `unknown subgraph ${unknown.map((key) => `"${key}"`).join(", ")}`);
    return { id: id as string, name: (name as string).trim(), region: (region as string).trim(), subgraphs: urls };
  });
  return { cooperatives };
}

export function findCooperative(registry: Registry, id: string): RegistryEntry | undefined {
  return registry.cooperatives.find((cooperative) => cooperative.id === id);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
