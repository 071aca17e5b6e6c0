import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/** The kinds of committee a CAE network runs (stored as text, CHECKed by the migration). */
export type CommitteeKindValue = "STEERING" | "TECHNICAL";

/** A steering or technical committee of the network, table `committees`. */
@Entity({ name: "committees" })
export class CommitteeEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "text" })
  kind: CommitteeKindValue;

  @Column({ type: "text" })
  name: string;

  /** The local ID of the funding agreement the committee oversees, when it oversees one. */
  @Column({ name: "funding_agreement_id", type: "uuid", nullable: true })
  fundingAgreementId: string | null;

  /** The territory it covers, in words ("Région Bretagne", "Isère et Savoie"). */
  @Column({ type: "text", nullable: true })
  territory: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
