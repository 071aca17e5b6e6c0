import { badUserInput } from "./errors";
import { tryDecodeId } from "./ids";

/** Trims a required text input and checks its length; `field` names it in the error. */
export function requiredText(value: string, field: string, maxLength = 200): string {
  const text = value.trim();
  if (text.length === 0) throw badUserInput(`${field} must not be empty`, field);
  if (text.length > maxLength) throw badUserInput(`${field} must be at most ${maxLength} characters`, field);
  return text;
}

export function optionalText(value: string | null | undefined, field: string, maxLength = 200): string | null {
  return value === null || value === undefined || value.trim() === "" ? null : requiredText(value, field, maxLength);
}

/** Whether a text is an http(s) URL (a subgraph's address). */
export function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function optionalEmail(value: string | null | undefined, field: string): string | null {
  const email = optionalText(value, field, 254)?.toLowerCase() ?? null;
  if (email !== null && !EMAIL.test(email)) throw badUserInput(`${field} "${email}" is not an email address`, field);
  return email;
}

/**
 * The local ID of a global ID that belongs to this cooperative. A well-formed ID of another
 * cooperative is refused too: a subgraph instance only ever holds its own cooperative's data.
 */
export function ownLocalId(globalId: string, cooperativeId: string, field: string): string {
  const decoded = tryDecodeId(globalId);
  if (!decoded) throw badUserInput(`"${globalId}" is not a valid ID (expected "<cooperative>:<uuid>")`, field);
  if (decoded.cooperativeId !== cooperativeId) {
    throw badUserInput(`${field} belongs to cooperative "${decoded.cooperativeId}", not "${cooperativeId}"`, field);
  }
  return decoded.localId;
}

/** The cooperative named by an input must be the one this instance serves. */
export function requireOwnCooperative(given: string, cooperativeId: string, field = "input.cooperativeId"): void {
  if (given !== cooperativeId) throw badUserInput(`This service holds cooperative "${cooperativeId}", not "${given}"`, field);
}

/** The local ID of an entity representation, or null when it is not this cooperative's. */
export function localIdOfReference(globalId: unknown, cooperativeId: string): string | null {
  const decoded = typeof globalId === "string" ? tryDecodeId(globalId) : null;
  return decoded && decoded.cooperativeId === cooperativeId ? decoded.localId : null;
}

/** A cooperative as an entity of this instance: itself, and no other. */
export async function ownCooperativeReference<Reference extends { id: string }>(
  reference: Reference,
  ctx: { cooperativeId: string },
): Promise<Reference | null> {
  // The representation is kept whole: it carries the fields a subgraph `@requires` from another.
  return reference.id === ctx.cooperativeId ? reference : null;
}
