import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import type { Sector } from "@cae/shared";
import type { PartnerKind, ProjectProgress, ReceptionDecision } from "./welcome.type";

/** A partner of the cooperative (partenaire, prescripteur), table `partners`. */
@Entity({ name: "partners" })
export class PartnerEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "text" })
  name: string;

  @Column({ type: "text" })
  kind: PartnerKind;

  @Column({ type: "text", nullable: true })
  email: string | null;

  @Column({ type: "text", nullable: true })
  phone: string | null;

  /** From when the partner is no longer chosen for an orientation or a referral; null while active. */
  @Column({ name: "deactivated_on", type: "date", nullable: true })
  deactivatedOn: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

/** The individual reception of a person and its pre-analysis (accueil individuel), table `receptions`. */
@Entity({ name: "receptions" })
export class ReceptionEntity {
  @PrimaryColumn({ name: "person_id", type: "uuid" })
  personId: string;

  @Column({ name: "received_on", type: "date" })
  receivedOn: string;

  @Column({ name: "project_summary", type: "text" })
  projectSummary: string;

  @Column({ name: "project_progress", type: "text" })
  projectProgress: ProjectProgress;

  @Column({ type: "text" })
  sector: Sector;

  @Column({ type: "text" })
  decision: ReceptionDecision;

  @Column({ name: "decided_on", type: "date", nullable: true })
  decidedOn: string | null;

  @Column({ name: "partner_id", type: "uuid", nullable: true })
  partnerId: string | null;

  @Column({ name: "orientation_reason", type: "text", nullable: true })
  orientationReason: string | null;
}
