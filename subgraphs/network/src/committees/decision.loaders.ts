import { loaderOfLists } from "@cae/shared";
import { In, type DataSource } from "typeorm";
import { CommitteeDecisionEntity } from "./decision.entity";
import { CommitteeMeetingEntity } from "./meeting.entity";

export function createCommitteeDecisionLoaders(db: DataSource) {
  return {
    /** Each meeting's decisions, in the order they were recorded: one statement for every meeting of the request. */
    committeeMeetingDecisions: loaderOfLists(
      (meetingIds: readonly string[]) =>
        db.getRepository(CommitteeDecisionEntity).find({
          where: { meetingId: In([...meetingIds]) },
          order: { createdAt: "ASC", id: "ASC" },
        }),
      (row) => row.meetingId,
    ),
    /**
     * Each committee's decisions still open, oldest first (by the day of the meeting that took
     * them): what its next meeting reviews. One statement for a page of committees.
     */
    committeeOpenDecisions: loaderOfLists(
      (committeeIds: readonly string[]) =>
        db
          .getRepository(CommitteeDecisionEntity)
          .createQueryBuilder("decision")
          .innerJoin(CommitteeMeetingEntity, "meeting", "meeting.id = decision.meetingId")
          .where("decision.committeeId IN (:...committeeIds)", { committeeIds: [...committeeIds] })
          .andWhere("decision.status = 'OPEN'")
          .orderBy("meeting.heldOn", "ASC")
          .addOrderBy("decision.createdAt", "ASC")
          .addOrderBy("decision.id", "ASC")
          .getMany(),
      (row) => row.committeeId,
    ),
  };
}
