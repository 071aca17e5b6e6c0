import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { ContractKind } from "@cae/shared";

/**
 * One version of the cooperative's wording for one kind of contract (table `contract_templates`):
 * in force from its date until the next version's; never changed nor deleted (a trigger refuses it).
 */
@Entity({ name: "contract_templates" })
export class ContractTemplateEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "text" })
  kind: ContractKind;

  @Column({ type: "integer" })
  version: number;

  @Column({ name: "effective_from", type: "date" })
  effectiveFrom: string;

  @Column({ type: "text" })
  body: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

/** The version in force on a day among a kind's versions: the latest that started by then. */
export function versionInForce<T extends { effectiveFrom: string }>(versions: readonly T[], day: string): T | null {
  return versions.filter((version) => version.effectiveFrom <= day).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ?? null;
}
