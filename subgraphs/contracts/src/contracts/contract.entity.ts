import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn, type ContractKind, type ContractStatus } from "@cae/shared";

/** A contract of a person's path (table `contracts`). */
@Entity({ name: "contracts" })
export class ContractEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** The person, owned by the members subgraph: a reference, not a foreign key. */
  @Column({ name: "person_id", type: "uuid" })
  personId: string;

  @Column({ type: "text" })
  kind: ContractKind;

  @Column({ type: "text" })
  status: ContractStatus;

  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  @Column({ name: "ends_on", type: "date", nullable: true })
  endsOn: string | null;

  @Column({ name: "monthly_hours", type: "numeric", precision: 5, scale: 2, nullable: true })
  monthlyHours: string | null;

  @Column({ name: "fixed_monthly_pay_cents", type: "bigint", nullable: true, transformer: centsColumn })
  fixedMonthlyPayCents: bigint | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
