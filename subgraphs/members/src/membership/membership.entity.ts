import { Column, Entity, PrimaryColumn } from "typeorm";
import { centsColumn } from "@cae/shared";
import type { ExitReason } from "./membership.type";

/** A person's membership of the cooperative as an associate (sociétaire), table `associates`. */
@Entity({ name: "associates" })
export class AssociateEntity {
  @PrimaryColumn({ name: "person_id", type: "uuid" })
  personId: string;

  @Column({ name: "admitted_on", type: "date" })
  admittedOn: string;

  @Column({ type: "integer" })
  shares: number;

  @Column({ name: "share_value_cents", type: "bigint", transformer: centsColumn })
  shareValueCents: bigint;

  /** Set when the person leaves the cooperative. */
  @Column({ name: "ended_on", type: "date", nullable: true })
  endedOn: string | null;
}

/** A person's exit from the cooperative (sortie), table `exits`. */
@Entity({ name: "exits" })
export class ExitEntity {
  @PrimaryColumn({ name: "person_id", type: "uuid" })
  personId: string;

  @Column({ name: "exited_on", type: "date" })
  exitedOn: string;

  @Column({ type: "text" })
  reason: ExitReason;

  @Column({ type: "text", nullable: true })
  notes: string | null;
}
