import { readFileSync } from "node:fs";
import { SUBGRAPH_NAMES, type SubgraphName } from "./config";
import { isDepartementCode } from "./departements";
import { isCooperativeSlug, NETWORK_SLUG } from "./ids";
import { isHttpUrl } from "./input";

/** One cooperative of the network and where each of its subgraphs answers. */
export interface RegistryEntry {
  id: string;
  name: string;
  region: string;
  /** INSEE code of the département of its seat, when the registry gives it (a département's funders ask by it). */
  departement?: string;
  subgraphs: Record<SubgraphName, string>;
}

export interface Registry {
  cooperatives: RegistryEntry[];
}

export class RegistryError extends Error {}

/**
 * Reads and validates a registry file: what a gateway without the network subgraph routes by, and
 * what the network subgraph starts its registry from.
 */
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
export function parseRegistry(json: unknown, source = "registry", options: { allowEmpty?: boolean } = {}): Registry {
  const fail = (where: string, problem: string): never => {
    throw new RegistryError(`${source}: ${where}: ${problem}`);
  };
  if (!isObject(json) || !Array.isArray(json.cooperatives)) fail("top level", 'expected { "cooperatives": [...] }');
  const entries = (json as { cooperatives: unknown[] }).cooperatives;
  // A file that lists none is a mistake; the network's registry may have none (before the first registration).
  if (entries.length === 0 && !options.allowEmpty) fail("cooperatives", "the registry lists no cooperative");
  const seen = new Set<string>();
  const cooperatives = entries.map((entry, index): RegistryEntry => {
    let where = `cooperatives[${index}]`;
    if (!isObject(entry)) return fail(where, "expected an object");
    const { id, name, region, departement, subgraphs } = entry;
    if (typeof id !== "string" || !isCooperativeSlug(id)) {
      fail(where, `"id" must be a slug (lowercase letters, digits and dashes), got ${JSON.stringify(id)}`);
    }
    if (id === NETWORK_SLUG) fail(where, `"${NETWORK_SLUG}" is reserved for the network's own records`);
    where = `cooperatives[${index}] ("${String(id)}")`;
    if (seen.has(id as string)) fail(where, `duplicate id "${String(id)}"`);
    seen.add(id as string);
    if (typeof name !== "string" || name.trim() === "") fail(where, '"name" must be a non-empty string');
    if (typeof region !== "string" || region.trim() === "") fail(where, '"region" must be a non-empty string');
    if (departement !== undefined && departement !== null && (typeof departement !== "string" || !isDepartementCode(departement))) {
      fail(where, `"departement" must be an INSEE département code ("38", "2A", "971"), got ${JSON.stringify(departement)}`);
    }
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
    return {
      id: id as string,
      name: (name as string).trim(),
      region: (region as string).trim(),
      ...(typeof departement === "string" ? { departement } : {}),
      subgraphs: urls,
    };
  });
  return { cooperatives };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
