import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { Sector } from "@cae/shared";

/** The analytic account of one activity (compte d'activité), table `activity_accounts`. */
@Entity({ name: "activity_accounts" })
export class ActivityAccountEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** The person, owned by the members subgraph: a reference, not a foreign key. */
  @Column({ name: "person_id", type: "uuid" })
  personId: string;

  @Column({ name: "analytic_code", type: "text" })
  analyticCode: string;

  @Column({ type: "text" })
  label: string;

  @Column({ type: "text" })
  sector: Sector;

  @Column({ name: "opened_on", type: "date" })
  openedOn: string;

  /** The day the account was closed (`closeActivityAccount`); null while it is open. */
  @Column({ name: "closed_on", type: "date", nullable: true })
  closedOn: string | null;

  /** The activity's own contribution rate in percent (numeric), overriding the cooperative's brackets. */
  @Column({ name: "contribution_rate", type: "numeric", nullable: true })
  contributionRate: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
