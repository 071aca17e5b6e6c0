import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import type { SessionKind, SessionTopic } from "./support.type";

/** A member of the cooperative's staff who supports people (chargé·e d'accompagnement), table `counselors`. */
@Entity({ name: "counselors" })
export class CounselorEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "first_name", type: "text" })
  firstName: string;

  @Column({ name: "last_name", type: "text" })
  lastName: string;

  @Column({ type: "text", nullable: true })
  email: string | null;

  /** From when the counselor is no longer chosen for a person or a session; null while active. */
  @Column({ name: "deactivated_on", type: "date", nullable: true })
  deactivatedOn: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

/** A support session (accompagnement), individual or a workshop, table `support_sessions`. */
@Entity({ name: "support_sessions" })
export class SupportSessionEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "counselor_id", type: "uuid" })
  counselorId: string;

  @Column({ name: "held_on", type: "date" })
  heldOn: string;

  @Column({ name: "duration_minutes", type: "integer" })
  durationMinutes: number;

  @Column({ type: "text" })
  topic: SessionTopic;

  @Column({ type: "text" })
  kind: SessionKind;

  @Column({ type: "text", nullable: true })
  notes: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

/** Who took part in a session, table `support_session_people`. */
@Entity({ name: "support_session_people" })
export class SupportSessionPersonEntity {
  @PrimaryColumn({ name: "session_id", type: "uuid" })
  sessionId: string;

  @PrimaryColumn({ name: "person_id", type: "uuid" })
  personId: string;
}
