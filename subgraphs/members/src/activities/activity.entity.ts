import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { Sector } from "@cae/shared";

/** An economic activity a person runs in the cooperative (activité économique), table `activities`. */
@Entity({ name: "activities" })
export class ActivityEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "person_id", type: "uuid" })
  personId: string;

  @Column({ type: "text" })
  name: string;

  @Column({ name: "trade_name", type: "text", nullable: true })
  tradeName: string | null;

  @Column({ type: "text" })
  sector: Sector;

  @Column({ name: "naf_code", type: "text", nullable: true })
  nafCode: string | null;

  @Column({ name: "started_on", type: "date" })
  startedOn: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
