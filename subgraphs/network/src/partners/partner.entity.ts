import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import type { NetworkPartnerKind } from "./partner.type";

/** A funder or prescriber the network works with, table `partners` (the network's own, not a cooperative's directory). */
@Entity({ name: "partners" })
export class NetworkPartnerEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Unique whatever its case: the index `partners_name_key` on lower(name) refuses a second "DREETS Bretagne". */
  @Column({ type: "text" })
  name: string;

  @Column({ type: "text" })
  kind: NetworkPartnerKind;

  /** 14 digits, checked with its key; null when not known. */
  @Column({ type: "text", nullable: true })
  siret: string | null;

  @Column({ name: "contact_email", type: "text", nullable: true })
  contactEmail: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
