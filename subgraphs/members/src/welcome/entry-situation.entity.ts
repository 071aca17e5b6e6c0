import { Column, Entity, PrimaryColumn } from "typeorm";
import type { EducationLevel } from "./entry-situation.type";

/**
 * A person's situation when they came (situation à l'entrée), table `entry_situations`: one row per
 * person, written with the reception and replaced whole when corrected; NULL: not asked or not said.
 */
@Entity({ name: "entry_situations" })
export class EntrySituationEntity {
  @PrimaryColumn({ name: "person_id", type: "uuid" })
  personId: string;

  @Column({ name: "job_seeker", type: "boolean", nullable: true })
  jobSeeker: boolean | null;

  @Column({ name: "job_seeker_since", type: "date", nullable: true })
  jobSeekerSince: string | null;

  @Column({ name: "unemployment_benefit", type: "boolean", nullable: true })
  unemploymentBenefit: boolean | null;

  @Column({ type: "boolean", nullable: true })
  rsa: boolean | null;

  @Column({ name: "disability_recognised", type: "boolean", nullable: true })
  disabilityRecognised: boolean | null;

  @Column({ name: "education_level", type: "text", nullable: true })
  educationLevel: EducationLevel | null;

  @Column({ name: "priority_neighbourhood", type: "boolean", nullable: true })
  priorityNeighbourhood: boolean | null;

  @Column({ type: "text", nullable: true })
  departement: string | null;

  @Column({ name: "updated_on", type: "date" })
  updatedOn: string;
}
