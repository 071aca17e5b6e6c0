import { badUserInput, conflict, notFound, pastDate, plannedDate, recordAudit, requiredText, type Caller } from "@cae/shared";
import type { DataSource } from "typeorm";
import { networkId, networkLocalId } from "../ids";
import { CommitteeDecisionEntity } from "./decision.entity";
import type { CloseCommitteeDecisionInput, CommitteeDecision, RecordCommitteeDecisionInput } from "./decision.type";
import { CommitteeMeetingEntity } from "./meeting.entity";
import { approvedAlready, meetingOrFail } from "./meeting.service";

/** A decision as its field resolvers receive it: its meeting's local ID kept to load the meeting. */
export type CommitteeDecisionRoot = CommitteeDecision & { meetingLocalId: string };

export const toDecision = (entity: CommitteeDecisionEntity): CommitteeDecisionRoot => ({
  id: networkId(entity.id),
  meetingLocalId: entity.meetingId,
  text: entity.text,
  owner: entity.owner,
  dueOn: entity.dueOn,
  status: entity.status,
  closedOn: entity.closedOn,
});

export async function recordCommitteeDecision(
  db: DataSource,
  actor: Caller,
  input: RecordCommitteeDecisionInput,
): Promise<CommitteeDecisionRoot> {
  const text = requiredText(input.text, "input.text", 2000);
  const owner = requiredText(input.owner, "input.owner");
  const dueOn = plannedDate(input.dueOn ?? null, "input.dueOn");
  return db.transaction(async (manager) => {
    // Locked: the minutes cannot be approved while a decision is added to them.
    const meeting = await meetingOrFail(manager, input.meetingId, "input.meetingId");
    if (!meeting.heldOn) {
      throw conflict(
        `The meeting of ${meeting.scheduledOn} has no minutes recorded: decisions are recorded with the minutes of a meeting that took place`,
        "input.meetingId",
      );
    }
    if (meeting.minutesApprovedOn) throw approvedAlready(meeting);
    if (dueOn !== null && dueOn < meeting.heldOn) {
      throw badUserInput(`input.dueOn (${dueOn}) is before the meeting that took the decision (${meeting.heldOn})`, "input.dueOn");
    }
    const repository = manager.getRepository(CommitteeDecisionEntity);
    const saved = await repository.save(
      repository.create({ meetingId: meeting.id, committeeId: meeting.committeeId, text, owner, dueOn, status: "OPEN", closedOn: null }),
    );
    await recordAudit(manager, actor, {
      action: "recordCommitteeDecision",
      entityType: "CommitteeDecision",
      entityId: networkId(saved.id),
      details: { meetingId: networkId(meeting.id), text, owner, dueOn },
    });
    return toDecision(saved);
  });
}

export async function closeCommitteeDecision(
  db: DataSource,
  actor: Caller,
  input: CloseCommitteeDecisionInput,
): Promise<CommitteeDecisionRoot> {
  if (input.status !== "DONE" && input.status !== "DROPPED") {
    throw badUserInput(`input.status must be DONE or DROPPED to close a decision, got ${input.status}`, "input.status");
  }
  const closedOn = pastDate(input.closedOn, "input.closedOn");
  const id = networkLocalId(input.decisionId, "input.decisionId");
  return db.transaction(async (manager) => {
    const repository = manager.getRepository(CommitteeDecisionEntity);
    const decision = await repository.findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
    if (!decision) throw notFound(`The network has no committee decision "${input.decisionId}"`, "input.decisionId");
    if (decision.status !== "OPEN") {
      throw conflict(
        `The decision is already ${decision.status === "DONE" ? "done" : "dropped"} (on ${decision.closedOn})`,
        "input.decisionId",
      );
    }
    // Shared lock: minutes recorded again cannot move the meeting's day past this closing meanwhile.
    const meeting = await manager
      .getRepository(CommitteeMeetingEntity)
      .findOneOrFail({ where: { id: decision.meetingId }, lock: { mode: "pessimistic_read" } });
    if (closedOn < meeting.heldOn!) {
      throw badUserInput(`input.closedOn (${closedOn}) is before the meeting that took the decision (${meeting.heldOn})`, "input.closedOn");
    }
    await repository.update({ id: decision.id }, { status: input.status, closedOn });
    await recordAudit(manager, actor, {
      action: "closeCommitteeDecision",
      entityType: "CommitteeDecision",
      entityId: networkId(decision.id),
      details: { status: input.status, closedOn },
    });
    return toDecision({ ...decision, status: input.status, closedOn });
  });
}
