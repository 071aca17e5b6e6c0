import { Column, Entity, PrimaryColumn } from "typeorm";
import type { LegalForm } from "./profile.type";

/** The cooperative's identity, table `cooperative_profile` (one row). */
@Entity({ name: "cooperative_profile" })
export class CooperativeProfileEntity {
  @PrimaryColumn({ type: "boolean", default: true })
  singleton: boolean;

  @Column({ name: "legal_name", type: "text" })
  legalName: string;

  @Column({ name: "legal_form", type: "text" })
  legalForm: LegalForm;

  @Column({ type: "text" })
  siret: string;

  @Column({ type: "text" })
  address: string;

  @Column({ type: "text" })
  region: string;
}
