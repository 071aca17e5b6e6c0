import { recordAudit as recordSharedAudit, type AuditedChange, type Caller } from "@cae/shared";
import type { EntityManager } from "typeorm";

/** Amounts are bigints: the audit keeps them as strings of digits, exact, as the API shows them. */
const jsonSafe = (value: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item))) as Record<
    string,
    unknown
  >;

export function recordAudit(manager: EntityManager, actor: Caller, change: AuditedChange): Promise<void> {
  return recordSharedAudit(manager, actor, { ...change, details: jsonSafe(change.details) });
}
