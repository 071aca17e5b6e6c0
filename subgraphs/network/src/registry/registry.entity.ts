import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";

/** A cooperative of the network's registry, table `cooperatives`: where its subgraphs answer. */
@Entity({ name: "cooperatives" })
export class RegisteredCooperativeEntity {
  /** The cooperative's slug, which starts every ID of its data. */
  @PrimaryColumn({ type: "text" })
  id: string;

  @Column({ type: "text" })
  name: string;

  @Column({ type: "text" })
  region: string;

  /** INSEE code of the département of its seat; null for a cooperative registered before it was asked. */
  @Column({ type: "text", nullable: true })
  departement: string | null;

  @Column({ name: "members_url", type: "text" })
  membersUrl: string;

  @Column({ name: "contracts_url", type: "text" })
  contractsUrl: string;

  @Column({ name: "finance_url", type: "text" })
  financeUrl: string;

  @Column({ name: "joined_on", type: "date" })
  joinedOn: string;

  /** Set when it leaves the network: the gateway stops routing to it, the row stays for the history. */
  @Column({ name: "withdrawn_on", type: "date", nullable: true })
  withdrawnOn: string | null;

  @Column({ name: "withdrawal_reason", type: "text", nullable: true })
  withdrawalReason: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
