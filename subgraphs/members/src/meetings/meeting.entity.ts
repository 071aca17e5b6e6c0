import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

/** A collective information meeting (réunion d'information collective), table `information_meetings`. */
@Entity({ name: "information_meetings" })
export class InformationMeetingEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "held_on", type: "date" })
  heldOn: string;

  @Column({ type: "text" })
  place: string;

  @Column({ name: "facilitator_id", type: "uuid" })
  facilitatorId: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

/** Who attended a meeting, table `meeting_attendances`. */
@Entity({ name: "meeting_attendances" })
export class MeetingAttendanceEntity {
  @PrimaryColumn({ name: "meeting_id", type: "uuid" })
  meetingId: string;

  @PrimaryColumn({ name: "person_id", type: "uuid" })
  personId: string;
}
