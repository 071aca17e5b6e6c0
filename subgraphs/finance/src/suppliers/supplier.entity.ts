import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/** A supplier of the cooperative (fournisseur), table `suppliers`: shared by its activities, paid by transfer. */
@Entity({ name: "suppliers" })
export class SupplierEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "bigint", insert: false, update: false })
  seq: string;

  /** Its auxiliary account in the books ("F00012"), given by the database. */
  @Column({ type: "text", insert: false, update: false })
  code: string;

  @Column({ type: "text" })
  name: string;

  @Column({ type: "text", nullable: true })
  siret: string | null;

  @Column({ name: "vat_number", type: "text", nullable: true })
  vatNumber: string | null;

  @Column({ type: "text", nullable: true })
  address: string | null;

  @Column({ type: "text" })
  iban: string;

  @Column({ type: "text", nullable: true })
  bic: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt: Date;
}
