import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

export type CustomerKind = "BUSINESS" | "PRIVATE";

/** A customer of one activity, table `customers`. */
@Entity({ name: "customers" })
export class CustomerEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  @Column({ type: "text" })
  name: string;

  @Column({ type: "text" })
  kind: CustomerKind;

  @Column({ type: "text", nullable: true })
  siret: string | null;

  @Column({ type: "text" })
  address: string;

  @Column({ type: "text", nullable: true })
  email: string | null;

  /** SIREN of a French business: its SIRET's first nine digits when a SIRET is given. */
  @Column({ type: "text", nullable: true })
  siren: string | null;

  /** Intra-community VAT number of a business of the European Union. */
  @Column({ name: "vat_number", type: "text", nullable: true })
  vatNumber: string | null;

  /** ISO 3166-1 alpha-2 country of the billing address. */
  @Column({ type: "text", default: "FR" })
  country: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
