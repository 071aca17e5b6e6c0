import {
  badUserInput,
  conflict,
  notFound,
  optionalEmail,
  plannedDate,
  recordAudit,
  requiredText,
  todayInFrance,
  type Caller,
  violatedUniqueIndex,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { networkId, networkLocalId } from "../ids";
import { committeeOrFail } from "./committee.service";
import { CommitteeAttendanceEntity, CommitteeMeetingEntity } from "./meeting.entity";
import { CommitteeMemberEntity } from "./member.entity";
import type { AddCommitteeMemberInput, CommitteeMember, EndCommitteeMembershipInput } from "./member.type";

export const toMember = (entity: CommitteeMemberEntity): CommitteeMember => ({
  id: networkId(entity.id),
  fullName: entity.fullName,
  organisation: entity.organisation,
  role: entity.role,
  email: entity.email,
  joinedOn: entity.joinedOn,
  leftOn: entity.leftOn,
});

/** Whether someone sat on the committee on `day`: from the day they joined to their last day, both included. */
export const sitsOn = (member: CommitteeMemberEntity, day: string): boolean =>
  member.joinedOn <= day && (member.leftOn === null || member.leftOn >= day);

/** Whether someone left the committee before today: a former member (one appointed ahead is not). */
export const isFormer = (member: CommitteeMemberEntity, today = todayInFrance()): boolean =>
  member.leftOn !== null && member.leftOn < today;

const alreadySitting = (fullName: string) =>
  conflict(`"${fullName}" already sits on this committee: end that membership before adding them again`, "input.fullName");

export async function addCommitteeMember(db: DataSource, actor: Caller, input: AddCommitteeMemberInput): Promise<CommitteeMember> {
  const values = {
    fullName: requiredText(input.fullName, "input.fullName"),
    organisation: requiredText(input.organisation, "input.organisation"),
    role: requiredText(input.role, "input.role"),
    email: optionalEmail(input.email, "input.email"),
    // Someone may be appointed ahead of the committee's next meeting.
    joinedOn: plannedDate(input.joinedOn ?? todayInFrance(), "input.joinedOn"),
  };
  return db
    .transaction(async (manager) => {
      // Held until the end: two admins adding the same person wait for each other.
      const committee = await committeeOrFail(manager, input.committeeId, "input.committeeId", true);
      const repository = manager.getRepository(CommitteeMemberEntity);
      const sitting = await repository
        .createQueryBuilder("m")
        .where("m.committeeId = :committeeId", { committeeId: committee.id })
        .andWhere("m.leftOn IS NULL")
        .andWhere("lower(m.fullName) = lower(:fullName)", { fullName: values.fullName })
        .getExists();
      if (sitting) throw alreadySitting(values.fullName);
      const saved = await repository.save(repository.create({ committeeId: committee.id, ...values, leftOn: null }));
      await recordAudit(manager, actor, {
        action: "addCommitteeMember",
        entityType: "CommitteeMember",
        entityId: networkId(saved.id),
        details: { committeeId: networkId(committee.id), ...values },
      });
      return toMember(saved);
    })
    .catch((error: unknown) => {
      if (violatedUniqueIndex(error) === "committee_members_sitting_key") throw alreadySitting(values.fullName);
      throw error;
    });
}

/** A member given by its global ID, or NOT_FOUND naming `field`. */
async function memberOrFail(manager: EntityManager, memberId: string, field: string): Promise<CommitteeMemberEntity> {
  const id = networkLocalId(memberId, field);
  const member = await manager.getRepository(CommitteeMemberEntity).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!member) throw notFound(`The network has no committee member "${memberId}"`, field);
  return member;
}

export async function endCommitteeMembership(db: DataSource, actor: Caller, input: EndCommitteeMembershipInput): Promise<CommitteeMember> {
  // An announced departure may be recorded ahead.
  const leftOn = plannedDate(input.leftOn, "input.leftOn");
  return db.transaction(async (manager) => {
    const member = await memberOrFail(manager, input.memberId, "input.memberId");
    if (member.leftOn !== null) throw conflict(`${member.fullName} already left the committee on ${member.leftOn}`, "input.memberId");
    if (leftOn < member.joinedOn) {
      throw badUserInput(`input.leftOn (${leftOn}) is before ${member.fullName} joined the committee (${member.joinedOn})`, "input.leftOn");
    }
    // The recorded attendance stays true: they sat on the committee on every day they attended.
    const attended = await manager
      .getRepository(CommitteeMeetingEntity)
      .createQueryBuilder("meeting")
      .innerJoin(CommitteeAttendanceEntity, "attendance", "attendance.meetingId = meeting.id")
      .where("attendance.memberId = :memberId", { memberId: member.id })
      .andWhere("meeting.heldOn > :leftOn", { leftOn })
      .orderBy("meeting.heldOn", "DESC")
      .getOne();
    if (attended) {
      throw conflict(
        `${member.fullName} attended the committee's meeting of ${attended.heldOn}, after input.leftOn (${leftOn})`,
        "input.leftOn",
      );
    }
    await manager.getRepository(CommitteeMemberEntity).update({ id: member.id }, { leftOn });
    await recordAudit(manager, actor, {
      action: "endCommitteeMembership",
      entityType: "CommitteeMember",
      entityId: networkId(member.id),
      details: { committeeId: networkId(member.committeeId), leftOn },
    });
    return toMember({ ...member, leftOn });
  });
}
