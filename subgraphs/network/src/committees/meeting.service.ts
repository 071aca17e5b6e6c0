import {
  aggregatePeriod,
  badUserInput,
  conflict,
  notFound,
  pastDate,
  plannedDate,
  recordAudit,
  requiredText,
  type Caller,
  violatedUniqueIndex,
} from "@cae/shared";
import type { GraphQLError } from "graphql";
import { In, type DataSource, type EntityManager } from "typeorm";
import { networkId, networkLocalId } from "../ids";
import { committeeOrFail } from "./committee.service";
import { CommitteeDecisionEntity } from "./decision.entity";
import { CommitteeAttendanceEntity, CommitteeMeetingEntity } from "./meeting.entity";
import type {
  ApproveCommitteeMinutesInput,
  CancelCommitteeMeetingInput,
  CommitteeMeeting,
  CommitteeMeetingStatusValue,
  RecordCommitteeMinutesInput,
  ScheduleCommitteeMeetingInput,
} from "./meeting.type";
import { CommitteeMemberEntity } from "./member.entity";
import { sitsOn } from "./member.service";

/** A meeting as its field resolvers receive it: its own and its committee's local IDs kept to load what belongs to them. */
export type CommitteeMeetingRoot = CommitteeMeeting & { localId: string; committeeLocalId: string };

/** Not stored: what was recorded says it (a cancellation, minutes). */
export const meetingStatus = (meeting: CommitteeMeetingEntity): CommitteeMeetingStatusValue =>
  meeting.cancelledAt ? "CANCELLED" : meeting.heldOn ? "HELD" : "SCHEDULED";

export const toMeeting = (entity: CommitteeMeetingEntity): CommitteeMeetingRoot => ({
  id: networkId(entity.id),
  localId: entity.id,
  committeeLocalId: entity.committeeId,
  scheduledOn: entity.scheduledOn,
  place: entity.place,
  agenda: entity.agenda,
  periodFrom: entity.periodFrom,
  periodTo: entity.periodTo,
  status: meetingStatus(entity),
  heldOn: entity.heldOn,
  minutes: entity.minutes,
  minutesApprovedOn: entity.minutesApprovedOn,
  cancelledAt: entity.cancelledAt,
  cancellationReason: entity.cancellationReason,
});

export const MAX_AGENDA_ITEMS = 30;
export const MAX_MINUTES_LENGTH = 50_000;

/** A meeting given by its global ID, locked until the transaction ends, or NOT_FOUND naming `field`. */
export async function meetingOrFail(manager: EntityManager, meetingId: string, field: string): Promise<CommitteeMeetingEntity> {
  const id = networkLocalId(meetingId, field);
  const meeting = await manager.getRepository(CommitteeMeetingEntity).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!meeting) throw notFound(`The network has no committee meeting "${meetingId}"`, field);
  return meeting;
}

function agendaOf(items: readonly string[]): string[] {
  if (items.length === 0) throw badUserInput("input.agenda must list at least one item", "input.agenda");
  if (items.length > MAX_AGENDA_ITEMS) throw badUserInput(`input.agenda lists at most ${MAX_AGENDA_ITEMS} items`, "input.agenda");
  return items.map((item, index) => requiredText(item, `input.agenda.${index}`, 500));
}

/** The period of figures a meeting reviews: both days or neither, in order, ten years at most. */
function periodOf(from: string | null | undefined, to: string | null | undefined): { periodFrom: string | null; periodTo: string | null } {
  if ((from ?? null) === null && (to ?? null) === null) return { periodFrom: null, periodTo: null };
  if (!from) throw badUserInput("input.periodFrom is missing: a reviewed period has a first and a last day", "input.periodFrom");
  if (!to) throw badUserInput("input.periodTo is missing: a reviewed period has a first and a last day", "input.periodTo");
  plannedDate(from, "input.periodFrom");
  plannedDate(to, "input.periodTo");
  if (from > to) throw badUserInput(`input.periodFrom (${from}) is after input.periodTo (${to})`, "input.periodFrom");
  try {
    aggregatePeriod(from, to);
  } catch (error) {
    // The shared check names its own arguments ("from", "to"): named here as this input's fields.
    const field = (error as GraphQLError).extensions?.field === "from" ? "input.periodFrom" : "input.periodTo";
    throw badUserInput(`The reviewed period: ${(error as Error).message}`, field);
  }
  return { periodFrom: from, periodTo: to };
}

const dayTaken = (day: string) =>
  conflict(`The committee already has a meeting on ${day}: cancel it, or choose another day`, "input.scheduledOn");

export async function scheduleCommitteeMeeting(
  db: DataSource,
  actor: Caller,
  input: ScheduleCommitteeMeetingInput,
): Promise<CommitteeMeetingRoot> {
  const values = {
    scheduledOn: plannedDate(input.scheduledOn, "input.scheduledOn"),
    place: requiredText(input.place, "input.place", 300),
    agenda: agendaOf(input.agenda),
    ...periodOf(input.periodFrom, input.periodTo),
  };
  return db
    .transaction(async (manager) => {
      const committee = await committeeOrFail(manager, input.committeeId, "input.committeeId", true);
      const repository = manager.getRepository(CommitteeMeetingEntity);
      const sameDay = await repository
        .createQueryBuilder("meeting")
        .where("meeting.committeeId = :committeeId AND meeting.scheduledOn = :day AND meeting.cancelledAt IS NULL", {
          committeeId: committee.id,
          day: values.scheduledOn,
        })
        .getExists();
      if (sameDay) throw dayTaken(values.scheduledOn);
      const saved = await repository.save(repository.create({ committeeId: committee.id, ...values }));
      await recordAudit(manager, actor, {
        action: "scheduleCommitteeMeeting",
        entityType: "CommitteeMeeting",
        entityId: networkId(saved.id),
        details: { committeeId: networkId(committee.id), ...values },
      });
      return toMeeting(await repository.findOneByOrFail({ id: saved.id }));
    })
    .catch((error: unknown) => {
      if (violatedUniqueIndex(error) === "committee_meetings_day_key") throw dayTaken(values.scheduledOn);
      throw error;
    });
}

export async function cancelCommitteeMeeting(
  db: DataSource,
  actor: Caller,
  input: CancelCommitteeMeetingInput,
): Promise<CommitteeMeetingRoot> {
  const reason = requiredText(input.reason, "input.reason", 1000);
  return db.transaction(async (manager) => {
    const meeting = await meetingOrFail(manager, input.meetingId, "input.meetingId");
    if (meeting.cancelledAt) throw conflict(`The meeting of ${meeting.scheduledOn} is already cancelled`, "input.meetingId");
    if (meeting.heldOn) throw conflict(`The meeting took place on ${meeting.heldOn}: its minutes are recorded`, "input.meetingId");
    await manager
      .getRepository(CommitteeMeetingEntity)
      .update({ id: meeting.id }, { cancelledAt: () => "now()", cancellationReason: reason });
    await recordAudit(manager, actor, {
      action: "cancelCommitteeMeeting",
      entityType: "CommitteeMeeting",
      entityId: networkId(meeting.id),
      details: { reason },
    });
    return toMeeting(await meetingOrFail(manager, input.meetingId, "input.meetingId"));
  });
}

/** Approved minutes are the committee's record: nothing of the meeting changes any more. */
export const approvedAlready = (meeting: CommitteeMeetingEntity) =>
  conflict(
    `The minutes of the meeting of ${meeting.heldOn} were approved on ${meeting.minutesApprovedOn}: they no longer change`,
    "input.meetingId",
  );

export async function recordCommitteeMinutes(
  db: DataSource,
  actor: Caller,
  input: RecordCommitteeMinutesInput,
): Promise<CommitteeMeetingRoot> {
  const heldOn = pastDate(input.heldOn, "input.heldOn");
  const minutes = requiredText(input.minutes, "input.minutes", MAX_MINUTES_LENGTH);
  if (input.attendeeIds.length === 0)
    throw badUserInput("input.attendeeIds must list at least one member who attended", "input.attendeeIds");
  const attendeeIds = input.attendeeIds.map((id, index) => networkLocalId(id, `input.attendeeIds.${index}`));
  return db.transaction(async (manager) => {
    const meeting = await meetingOrFail(manager, input.meetingId, "input.meetingId");
    if (meeting.cancelledAt) throw conflict(`The meeting of ${meeting.scheduledOn} was cancelled: it has no minutes`, "input.meetingId");
    if (meeting.minutesApprovedOn) throw approvedAlready(meeting);
    // Shared locks: a membership cannot end under these minutes before they are written.
    const members = await manager.getRepository(CommitteeMemberEntity).find({
      where: { id: In([...new Set(attendeeIds)]), committeeId: meeting.committeeId },
      lock: { mode: "pessimistic_read" },
    });
    const byId = new Map(members.map((member) => [member.id, member]));
    attendeeIds.forEach((id, index) => {
      const field = `input.attendeeIds.${index}`;
      const member = byId.get(id);
      if (!member) throw badUserInput(`${input.attendeeIds[index]} is not a member of this meeting's committee`, field);
      if (!sitsOn(member, heldOn)) {
        throw badUserInput(
          `${member.fullName} was not a member of the committee on ${heldOn} (from ${member.joinedOn}${member.leftOn ? ` to ${member.leftOn}` : ""})`,
          field,
        );
      }
    });
    // Minutes recorded again may move the day: the decisions already taken stay after it.
    const decisions = await manager.getRepository(CommitteeDecisionEntity).findBy({ meetingId: meeting.id });
    const early = decisions.find(
      (decision) => (decision.dueOn !== null && decision.dueOn < heldOn) || (decision.closedOn !== null && decision.closedOn < heldOn),
    );
    if (early) {
      throw badUserInput(
        `input.heldOn (${heldOn}) is after the due or closing day of the decision "${early.text}" taken at this meeting`,
        "input.heldOn",
      );
    }
    await manager.getRepository(CommitteeMeetingEntity).update({ id: meeting.id }, { heldOn, minutes });
    const attendances = manager.getRepository(CommitteeAttendanceEntity);
    await attendances.delete({ meetingId: meeting.id });
    await attendances.insert(members.map((member) => ({ meetingId: meeting.id, memberId: member.id, committeeId: meeting.committeeId })));
    await recordAudit(manager, actor, {
      action: "recordCommitteeMinutes",
      entityType: "CommitteeMeeting",
      entityId: networkId(meeting.id),
      details: { heldOn, attendeeIds: members.map((member) => networkId(member.id)), minutes, replaced: meeting.heldOn !== null },
    });
    return toMeeting(await meetingOrFail(manager, input.meetingId, "input.meetingId"));
  });
}

export async function approveCommitteeMinutes(
  db: DataSource,
  actor: Caller,
  input: ApproveCommitteeMinutesInput,
): Promise<CommitteeMeetingRoot> {
  const approvedOn = pastDate(input.approvedOn, "input.approvedOn");
  return db.transaction(async (manager) => {
    const meeting = await meetingOrFail(manager, input.meetingId, "input.meetingId");
    if (meeting.minutesApprovedOn) throw approvedAlready(meeting);
    if (!meeting.heldOn) {
      throw conflict(`The meeting of ${meeting.scheduledOn} has no minutes recorded: there is nothing to approve`, "input.meetingId");
    }
    if (approvedOn < meeting.heldOn) {
      throw badUserInput(`input.approvedOn (${approvedOn}) is before the meeting took place (${meeting.heldOn})`, "input.approvedOn");
    }
    await manager.getRepository(CommitteeMeetingEntity).update({ id: meeting.id }, { minutesApprovedOn: approvedOn });
    await recordAudit(manager, actor, {
      action: "approveCommitteeMinutes",
      entityType: "CommitteeMeeting",
      entityId: networkId(meeting.id),
      details: { approvedOn },
    });
    return toMeeting(await meetingOrFail(manager, input.meetingId, "input.meetingId"));
  });
}
