import { loaderByKey, loaderOfLists } from "@cae/shared";
import { In, type DataSource } from "typeorm";
import { CommitteeAttendanceEntity, CommitteeMeetingEntity } from "./meeting.entity";

export function createCommitteeMeetingLoaders(db: DataSource) {
  return {
    /** Each committee's meetings, newest first (cancelled ones too): one statement for a page of committees. */
    committeeMeetings: loaderOfLists(
      (committeeIds: readonly string[]) =>
        db.getRepository(CommitteeMeetingEntity).find({
          where: { committeeId: In([...committeeIds]) },
          order: { scheduledOn: "DESC", createdAt: "DESC", id: "DESC" },
        }),
      (row) => row.committeeId,
    ),
    /** Meetings by local ID: one statement for the meetings of a list of decisions. */
    committeeMeetingById: loaderByKey(
      (ids: readonly string[]) => db.getRepository(CommitteeMeetingEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    /** Each meeting's attendees with their membership, by name: one statement (a join) for every meeting of the request. */
    committeeMeetingAttendees: loaderOfLists(
      (meetingIds: readonly string[]) =>
        db.getRepository(CommitteeAttendanceEntity).find({
          where: { meetingId: In([...meetingIds]) },
          relations: { member: true },
          order: { member: { fullName: "ASC", id: "ASC" } },
        }),
      (row) => row.meetingId,
    ),
  };
}
