import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

export type CommitteeDecisionStatusValue = "OPEN" | "DONE" | "DROPPED";

/** A decision a committee took at a meeting, and its follow-up, table `committee_decisions`. */
@Entity({ name: "committee_decisions" })
export class CommitteeDecisionEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "meeting_id", type: "uuid" })
  meetingId: string;

  /** The meeting's committee, kept here so that a committee's open decisions are read from one index. */
  @Column({ name: "committee_id", type: "uuid" })
  committeeId: string;

  @Column({ type: "text" })
  text: string;

  /** Who carries it out, in words ("Réseau – chargée de mission", "DREETS"). */
  @Column({ type: "text" })
  owner: string;

  @Column({ name: "due_on", type: "date", nullable: true })
  dueOn: string | null;

  @Column({ type: "text" })
  status: CommitteeDecisionStatusValue;

  /** When it was done or dropped; null while it is open. */
  @Column({ name: "closed_on", type: "date", nullable: true })
  closedOn: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
