import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/** A cooperative's signature of a version of the network's charter, table `charter_adherences`. */
@Entity({ name: "charter_adherences" })
export class CharterAdherenceEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "cooperative_id", type: "text" })
  cooperativeId: string;

  /** The charter's version as the network names it ("2024"). */
  @Column({ name: "charter_version", type: "text" })
  charterVersion: string;

  @Column({ name: "signed_on", type: "date" })
  signedOn: string;

  /** The last day it holds; null: until a new version is signed. */
  @Column({ name: "valid_until", type: "date", nullable: true })
  validUntil: string | null;

  /** Who signed for the cooperative, and as what ("Marie Dupont, gérante"). */
  @Column({ type: "text" })
  signatory: string;

  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt: Date;
}
