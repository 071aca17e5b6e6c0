import { In, type DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";
import { PersonEntity } from "../people/person.entity";
import { MeetingAttendanceEntity } from "./meeting.entity";

export function createMeetingLoaders(db: DataSource) {
  return {
    /** Each meeting's attendees, by name: two statements for every meeting of the request. */
    attendeesByMeeting: loaderOfLists(
      async (meetingIds: readonly string[]) => {
        const attendances = await db.getRepository(MeetingAttendanceEntity).findBy({ meetingId: In([...meetingIds]) });
        if (attendances.length === 0) return [];
        const people = await db.getRepository(PersonEntity).find({
          where: { id: In([...new Set(attendances.map((attendance) => attendance.personId))]) },
          order: { lastName: "ASC", firstName: "ASC", id: "ASC" },
        });
        const meetingsOf = new Map<string, string[]>();
        for (const { personId, meetingId } of attendances) meetingsOf.set(personId, [...(meetingsOf.get(personId) ?? []), meetingId]);
        return people.flatMap((person) => (meetingsOf.get(person.id) ?? []).map((meetingId) => ({ meetingId, person })));
      },
      (attendee) => attendee.meetingId,
    ),
  };
}
