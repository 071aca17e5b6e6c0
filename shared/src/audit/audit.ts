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

/** Who made a change: a verified caller, or a sibling subgraph's event (`eventActor`). */
export type AuditActor = Pick<Caller, "subject" | "role"> | { subject: string; role: "EVENT" };

/** The actor of a change a sibling's event made: the event's source and ID say where it came from. */
export const eventActor = (source: string, eventId: string): AuditActor => ({
  subject: `${source} subgraph, event ${eventId}`,
  role: "EVENT",
});

/** Records who did what to which entity, in the transaction of the change: both are kept or neither. */
export async function recordAudit(manager: EntityManager, actor: AuditActor, change: AuditedChange): Promise<void> {
  await manager.query(
    "INSERT INTO audit_events (actor_subject, actor_role, action, entity_type, entity_id, details) VALUES ($1, $2, $3, $4, $5, $6)",
    [actor.subject, actor.role, change.action, change.entityType, change.entityId, JSON.stringify(change.details, exactAmounts)],
  );
}

/** JSON has no bigint: cents are written as the strings of digits the API shows. */
const exactAmounts = (_key: string, value: unknown): unknown => (typeof value === "bigint" ? value.toString() : value);
