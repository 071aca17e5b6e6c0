import {
  badUserInput,
  todayInFrance,
  conflict,
  encodeId,
  notFound,
  ownLocalId,
  plannedDate,
  recordAudit,
  requiredText,
  requireOwnCooperative,
  type Caller,
} from "@cae/shared";
import type { DataSource } from "typeorm";
import { PersonEntity } from "../people/person.entity";
import { insertProspect } from "../people/person.service";
import { activeCounselorId } from "../support/support.service";
import { InformationMeetingEntity, MeetingAttendanceEntity } from "./meeting.entity";
import type { RecordAttendanceInput, ScheduleInformationMeetingInput } from "./meeting.type";

export async function scheduleInformationMeeting(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: ScheduleInformationMeetingInput,
): Promise<InformationMeetingEntity> {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  const place = requiredText(input.place, "input.place", 300);
  // A meeting is scheduled ahead, or recorded after it took place.
  plannedDate(input.heldOn, "input.heldOn");
  return db.transaction(async (manager) => {
    // A deactivated counselor facilitates no new meeting.
    const facilitatorId = await activeCounselorId(manager, input.facilitatorId, cooperativeId, "input.facilitatorId");
    const meetings = manager.getRepository(InformationMeetingEntity);
    const meeting = await meetings.save(meetings.create({ heldOn: input.heldOn, place, facilitatorId }));
    await recordAudit(manager, actor, {
      action: "scheduleInformationMeeting",
      entityType: "InformationMeeting",
      entityId: encodeId(cooperativeId, meeting.id),
      details: { ...input },
    });
    return meeting;
  });
}

/** Records who attended a meeting that took place; a new prospect is registered by it, with the meeting as first contact. */
export async function recordAttendance(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: RecordAttendanceInput,
  today = todayInFrance(),
): Promise<InformationMeetingEntity> {
  const meetingId = ownLocalId(input.meetingId, cooperativeId, "input.meetingId");
  if (Boolean(input.personId) === Boolean(input.prospect))
    throw badUserInput("Give either personId or prospect, not both nor neither", "input.personId");
  return db.transaction(async (manager) => {
    const meeting = await manager.getRepository(InformationMeetingEntity).findOneBy({ id: meetingId });
    if (!meeting) throw notFound(`No information meeting ${input.meetingId} in this cooperative`);
    if (meeting.heldOn > today) throw conflict(`The meeting of ${meeting.heldOn} has not taken place yet: attendance is recorded after it`);
    let personId: string;
    if (input.prospect) {
      personId = (await insertProspect(manager, cooperativeId, actor, input.prospect, meeting.heldOn, "input.prospect")).id;
    } else {
      personId = ownLocalId(input.personId!, cooperativeId, "input.personId");
      if (!(await manager.getRepository(PersonEntity).existsBy({ id: personId })))
        throw notFound(`No person ${input.personId} in this cooperative`);
      if (await manager.getRepository(MeetingAttendanceEntity).existsBy({ meetingId, personId })) {
        throw conflict("This person's attendance at this meeting is already recorded");
      }
    }
    await manager.getRepository(MeetingAttendanceEntity).insert({ meetingId, personId });
    await recordAudit(manager, actor, {
      action: "recordAttendance",
      entityType: "InformationMeeting",
      entityId: input.meetingId,
      details: { personId: encodeId(cooperativeId, personId) },
    });
    return meeting;
  });
}
