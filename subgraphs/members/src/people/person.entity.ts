import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { Gender, WelcomeStage } from "@cae/shared";

/** A person the cooperative has welcomed (table `people`). */
@Entity({ name: "people" })
export class PersonEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "first_name", type: "text" })
  firstName: string;

  @Column({ name: "last_name", type: "text" })
  lastName: string;

  @Column({ type: "text", nullable: true })
  email: string | null;

  @Column({ type: "text", nullable: true })
  phone: string | null;

  @Column({ type: "text" })
  gender: Gender;

  @Column({ name: "birth_year", type: "integer", nullable: true })
  birthYear: number | null;

  @Column({ type: "text", nullable: true })
  postcode: string | null;

  @Column({ name: "welcome_stage", type: "text" })
  welcomeStage: WelcomeStage;

  @Column({ name: "first_contact_on", type: "date" })
  firstContactOn: string;

  @Column({ name: "received_on", type: "date", nullable: true })
  receivedOn: string | null;

  @Column({ name: "counselor_id", type: "uuid", nullable: true })
  counselorId: string | null;

  @Column({ name: "referring_partner_id", type: "uuid", nullable: true })
  referringPartnerId: string | null;

  /** When the person's personal data was erased (GDPR); null while it is kept. */
  @Column({ name: "erased_at", type: "timestamptz", nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
