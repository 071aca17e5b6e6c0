import { Column, Entity, PrimaryColumn } from "typeorm";
import type { ExitFollowUpSituation } from "./follow-up.type";

/** What became of a person 6 or 12 months after their exit (suivi post-sortie), table `exit_follow_ups`. */
@Entity({ name: "exit_follow_ups" })
export class ExitFollowUpEntity {
  @PrimaryColumn({ name: "person_id", type: "uuid" })
  personId: string;

  /** 6 or 12: the months after the exit the follow-up is about. */
  @PrimaryColumn({ type: "integer" })
  months: number;

  @Column({ type: "text" })
  situation: ExitFollowUpSituation;

  @Column({ name: "recorded_on", type: "date" })
  recordedOn: string;
}
