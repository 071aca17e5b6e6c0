import { loaderOfLists } from "@cae/shared";
import { In, type DataSource } from "typeorm";
import { CommitteeMemberEntity } from "./member.entity";

export function createCommitteeMemberLoaders(db: DataSource) {
  return {
    /** Each committee's members, former ones too, longest-standing first: one statement for a page of committees. */
    committeeMembers: loaderOfLists(
      (committeeIds: readonly string[]) =>
        db.getRepository(CommitteeMemberEntity).find({
          where: { committeeId: In([...committeeIds]) },
          order: { joinedOn: "ASC", fullName: "ASC", id: "ASC" },
        }),
      (row) => row.committeeId,
    ),
  };
}
