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

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
