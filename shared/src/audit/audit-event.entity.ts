import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** One change made to the cooperative's records (table `audit_events`), written with the change itself. */
@Entity({ name: "audit_events" })
export class AuditEventEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Insertion order: the audit trail's cursor, exact where timestamps may tie. */
  @Column({ type: "bigint", generated: "increment", insert: false })
  seq: string;

  @Column({ name: "occurred_at", type: "timestamptz", insert: false })
  occurredAt: Date;

  @Column({ name: "actor_subject", type: "text" })
  actorSubject: string;

  @Column({ name: "actor_role", type: "text" })
  actorRole: string;

  @Column({ type: "text" })
  action: string;

  @Column({ name: "entity_type", type: "text" })
  entityType: string;

  @Column({ name: "entity_id", type: "text" })
  entityId: string;

  @Column({ type: "jsonb" })
  details: Record<string, unknown>;
}
