import { badUserInput } from "./errors";

/**
 * Global IDs carry the cooperative that owns the entity (`<cooperative>:<uuid>`), so that the
 * gateway routes a fetch to the right cooperative without a lookup. A cooperative's own ID is its
 * slug alone, which is also what `cooperativeOf` returns for it.
 */
export const COOPERATIVE_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The network's own records (its partners, agreements, committees) have IDs of the same shape,
 * `network:<uuid>`: no cooperative may take this slug.
 */
export const NETWORK_SLUG = "network";

export interface DecodedId {
  cooperativeId: string;
  localId: string;
}

export function isCooperativeSlug(value: string): boolean {
  return COOPERATIVE_SLUG.test(value);
}

export function encodeId(cooperativeId: string, localId: string): string {
  if (!isCooperativeSlug(cooperativeId)) throw new Error(`Invalid cooperative slug "${cooperativeId}"`);
  if (!UUID.test(localId)) throw new Error(`Invalid local id "${localId}"`);
  return `${cooperativeId}:${localId}`;
}

/** Decodes a global ID, or returns null when it is not one. */
export function tryDecodeId(globalId: string): DecodedId | null {
  const separator = globalId.indexOf(":");
  if (separator < 0) return null;
  const cooperativeId = globalId.slice(0, separator);
  const localId = globalId.slice(separator + 1).toLowerCase();
  if (!isCooperativeSlug(cooperativeId) || !UUID.test(localId)) return null;
  return { cooperativeId, localId };
}

/** Decodes a global ID given as an argument; a malformed one is the caller's error. */
export function decodeId(globalId: string, field = "id"): DecodedId {
  const decoded = tryDecodeId(globalId);
  if (!decoded) {
    throw badUserInput(`"${globalId}" is not a valid ID (expected "<cooperative>:<uuid>")`, field);
  }
  return decoded;
}

/** The cooperative a global ID or cooperative slug belongs to, or null when it names none. */
export function cooperativeOf(id: unknown): string | null {
  if (typeof id !== "string") return null;
  if (isCooperativeSlug(id)) return id;
  return tryDecodeId(id)?.cooperativeId ?? null;
}
