import { centsColumn, type FunderReportPart } from "@cae/shared";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import type { TerritoryKind } from "./funding.type";

/** An agreement by which a partner funds the network's work in a territory for a period, table `funding_agreements`. */
@Entity({ name: "funding_agreements" })
export class FundingAgreementEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "partner_id", type: "uuid" })
  partnerId: string;

  /** The partner's convention number; unique per partner whatever its case (index `funding_agreements_reference_key`). */
  @Column({ type: "text" })
  reference: string;

  @Column({ type: "text" })
  title: string;

  /** NETWORK (no region nor département), REGION (with `territoryRegion`) or DEPARTEMENT (with `territoryDepartement`): a check says so. */
  @Column({ name: "territory_kind", type: "text" })
  territoryKind: TerritoryKind;

  /** The region as the registry writes it ("Bretagne"), for a REGION agreement. */
  @Column({ name: "territory_region", type: "text", nullable: true })
  territoryRegion: string | null;

  /** INSEE code of the département, for a DEPARTEMENT agreement. */
  @Column({ name: "territory_departement", type: "text", nullable: true })
  territoryDepartement: string | null;

  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  /** The last day it covers, included. */
  @Column({ name: "ends_on", type: "date" })
  endsOn: string;

  @Column({ name: "amount_cents", type: "bigint", transformer: centsColumn })
  amountCents: bigint;

  @Column({ name: "signed_on", type: "date" })
  signedOn: string;

  /** The parts of the funder report the agreement asks for, in the order given. */
  @Column({ name: "indicators_owed", type: "text", array: true })
  indicatorsOwed: FunderReportPart[];

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
