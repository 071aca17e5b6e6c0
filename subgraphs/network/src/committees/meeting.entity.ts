import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { CommitteeMemberEntity } from "./member.entity";

/** A meeting of a committee, from its scheduling to its approved minutes, table `committee_meetings`. */
@Entity({ name: "committee_meetings" })
export class CommitteeMeetingEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "committee_id", type: "uuid" })
  committeeId: string;

  @Column({ name: "scheduled_on", type: "date" })
  scheduledOn: string;

  @Column({ type: "text" })
  place: string;

  /** The items of its agenda (ordre du jour), in order; never empty. */
  @Column({ type: "text", array: true })
  agenda: string[];

  /** The period of figures the meeting reviews: both days or neither. */
  @Column({ name: "period_from", type: "date", nullable: true })
  periodFrom: string | null;

  @Column({ name: "period_to", type: "date", nullable: true })
  periodTo: string | null;

  /** When it took place: set with its minutes, both or neither. */
  @Column({ name: "held_on", type: "date", nullable: true })
  heldOn: string | null;

  @Column({ type: "text", nullable: true })
  minutes: string | null;

  /** Once set, the minutes, attendees and decisions are the record: they no longer change. */
  @Column({ name: "minutes_approved_on", type: "date", nullable: true })
  minutesApprovedOn: string | null;

  @Column({ name: "cancelled_at", type: "timestamptz", nullable: true })
  cancelledAt: Date | null;

  @Column({ name: "cancellation_reason", type: "text", nullable: true })
  cancellationReason: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}

/**
 * A member who attended a held meeting, table `committee_meeting_attendees`. It carries the
 * committee too, so that the database itself refuses an attendee of another committee.
 */
@Entity({ name: "committee_meeting_attendees" })
export class CommitteeAttendanceEntity {
  @PrimaryColumn({ name: "meeting_id", type: "uuid" })
  meetingId: string;

  @PrimaryColumn({ name: "member_id", type: "uuid" })
  memberId: string;

  @Column({ name: "committee_id", type: "uuid" })
  committeeId: string;

  /** Loaded with the attendance: a meeting's attendees cost one statement. */
  @ManyToOne(() => CommitteeMemberEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: "member_id" })
  member: CommitteeMemberEntity;
}
