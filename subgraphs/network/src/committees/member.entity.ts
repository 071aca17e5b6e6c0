import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/** A person sitting on a committee, for one spell of membership, table `committee_members`. */
@Entity({ name: "committee_members" })
export class CommitteeMemberEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "committee_id", type: "uuid" })
  committeeId: string;

  @Column({ name: "full_name", type: "text" })
  fullName: string;

  /** Who they represent (a funder, a cooperative, the network). */
  @Column({ type: "text" })
  organisation: string;

  /** Their role on the committee, as the committee words it ("Présidente", "Représentant DREETS"). */
  @Column({ type: "text" })
  role: string;

  @Column({ type: "text", nullable: true })
  email: string | null;

  @Column({ name: "joined_on", type: "date" })
  joinedOn: string;

  /** Their last day on the committee (included); null while they sit on it. */
  @Column({ name: "left_on", type: "date", nullable: true })
  leftOn: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
