import type { EntityManager } from "typeorm";
import type { Caller } from "../auth/caller";

export interface AuditedChange {
  /** The mutation, as the API names it ("registerPerson"). */
  action: string;
  entityType: string;
  /** The entity's global ID. */
  entityId: string;
  /** What changed: the input as accepted. Amounts (bigint) are kept as strings of digits, exact. */
  details: Record<string, unknown>;
}

/** Records who did what to which entity, in the transaction of the change: both are kept or neither. */
export async function recordAudit(manager: EntityManager, actor: Caller, change: AuditedChange): Promise<void> {
  await manager.query(
    "INSERT INTO audit_events (actor_subject, actor_role, action, entity_type, entity_id, details) VALUES ($1, $2, $3, $4, $5, $6)",
    [actor.subject, actor.role, change.action, change.entityType, change.entityId, JSON.stringify(change.details, exactAmounts)],
  );
}

/** JSON has no bigint: cents are written as the strings of digits the API shows. */
const exactAmounts = (_key: string, value: unknown): unknown => (typeof value === "bigint" ? value.toString() : value);
