import type { EntityManager } from "typeorm";
import type { ErasedIdentity } from "./catalog";
import { updatedRows } from "../database";

/** What an erased name or note reads afterwards, in every subgraph. */
export const ERASED_TEXT = "(effacé)";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The patterns that find an erased person in a free text: each name of two letters or more, the
 * email, and the phone whatever its separators ("06 12 34 56 78", "0612345678", "06.12...").
 */
function identityPatterns(identity: ErasedIdentity): RegExp[] {
  // The email and the phone first (a name inside the email would otherwise leave the rest of it),
  // then the names, longest first (the full name before its parts).
  const patterns: RegExp[] = [];
  if (identity.email) patterns.push(new RegExp(escapeRegExp(identity.email), "gi"));
  const digits = identity.phone?.replace(/\D/g, "") ?? "";
  if (digits.length >= 6) patterns.push(new RegExp(digits.split("").join("[\\s.\\-]?"), "g"));
  const names = identity.names
    .map((name) => name.trim())
    .filter((name) => name.length >= 2 && name !== ERASED_TEXT)
    .sort((a, b) => b.length - a.length);
  for (const name of names) patterns.push(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "giu"));
  return patterns;
}

/** `text` with every mention of the person replaced by `(effacé)`; the rest of the text (about others) stays. */
export function scrubIdentity(text: string, identity: ErasedIdentity): string {
  return identityPatterns(identity).reduce((scrubbed, pattern) => scrubbed.replace(pattern, ERASED_TEXT), text);
}

/** Whether `text` mentions the person. */
export const mentions = (text: string, identity: ErasedIdentity): boolean =>
  identityPatterns(identity).some((pattern) => pattern.test(text));

/**
 * Replaces the inputs recorded in the audit rows of `entityIds` (the person and what is theirs) by a
 * mark: who did what and when stays, what it said about the person goes. Returns how many rows.
 */
export async function eraseAuditDetails(manager: EntityManager, entityIds: readonly string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const rows = updatedRows(
    await manager.query(
      `UPDATE audit_events SET details = '{"erased": true}' WHERE entity_id = ANY($1::text[]) AND details <> '{"erased": true}' RETURNING 1`,
      [entityIds],
    ),
  );
  return rows.length;
}

/**
 * In the audit rows of `entityIds` (records of the person's that the law keeps: invoices, payments),
 * replaces by a mark only the inputs that mention the person; the others are the record's own
 * history and stay. Returns how many rows.
 */
export async function eraseAuditMentions(manager: EntityManager, entityIds: readonly string[], identity: ErasedIdentity): Promise<number> {
  if (entityIds.length === 0) return 0;
  const rows = await manager.query<{ id: string; details: string }[]>(
    "SELECT id, details::text AS details FROM audit_events WHERE entity_id = ANY($1::text[])",
    [entityIds],
  );
  const mentioning = rows.filter((row) => mentions(row.details, identity)).map((row) => row.id);
  if (mentioning.length > 0) {
    await manager.query(`UPDATE audit_events SET details = '{"erased": true}' WHERE id = ANY($1::uuid[])`, [mentioning]);
  }
  return mentioning.length;
}
