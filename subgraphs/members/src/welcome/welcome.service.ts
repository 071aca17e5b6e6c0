import {
  badUserInput,
  conflict,
  encodeId,
  optionalEmail,
  optionalText,
  ownLocalId,
  pastDate,
  recordAudit,
  requiredText,
  requireOwnCooperative,
  type Caller,
  todayInFrance,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { ActivityEntity } from "../activities/activity.entity";
import { AssociateEntity, ExitEntity } from "../membership/membership.entity";
import { lockPerson } from "../people/lock-person";
import { publishPersonEvent } from "../people/person-events";
import { PersonEntity } from "../people/person.entity";
import { activeId, deactivate, reactivate, type Directory } from "../support/deactivation";
import { EntrySituationEntity } from "./entry-situation.entity";
import { checkedEntrySituation } from "./entry-situation.rules";
import { writeEntrySituation } from "./entry-situation.service";
import { PartnerEntity, ReceptionEntity } from "./welcome.entity";
import type {
  AddPartnerInput,
  CorrectReceptionInput,
  DeactivatePartnerInput,
  DecideReceptionInput,
  ReactivatePartnerInput,
  ReceptionDecisionInput,
  RecordReceptionInput,
  ReopenReceptionInput,
} from "./welcome.type";

/** The event a reception decision tells the siblings. */
export const DECISION_TOPIC = { PENDING: "person.received", ADMITTED: "person.admitted", ORIENTED: "person.oriented" } as const;

/** The cooperative's partners, deactivated rather than deleted. */
export const PARTNERS: Directory<PartnerEntity> = { entity: PartnerEntity, type: "Partner", noun: "partner" };

/** The local ID of the active partner an orientation or a referral chooses (CONFLICT on `field` once deactivated). */
export const activePartnerId = (manager: EntityManager, globalId: string, cooperativeId: string, field: string) =>
  activeId(manager, PARTNERS, globalId, cooperativeId, field);

export async function addPartner(db: DataSource, cooperativeId: string, actor: Caller, input: AddPartnerInput): Promise<PartnerEntity> {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  const partner = db.getRepository(PartnerEntity).create({
    name: requiredText(input.name, "input.name", 200),
    kind: input.kind,
    email: optionalEmail(input.email, "input.email"),
    phone: optionalText(input.phone, "input.phone", 30),
  });
  return db.transaction(async (manager) => {
    const saved = await manager.getRepository(PartnerEntity).save(partner);
    await recordAudit(manager, actor, {
      action: "addPartner",
      entityType: "Partner",
      entityId: encodeId(cooperativeId, saved.id),
      details: { ...input },
    });
    return saved;
  });
}

/** An orientation names its partner and reason; an admission or a pending decision names neither. */
async function checkedDecision(manager: EntityManager, cooperativeId: string, input: ReceptionDecisionInput) {
  if (input.decision !== "ORIENTED") {
    if (input.partnerId || input.orientationReason) {
      throw badUserInput(
        `A partner and a reason go with an orientation only, not with ${input.decision}`,
        input.partnerId ? "input.partnerId" : "input.orientationReason",
      );
    }
    return { decision: input.decision, partnerId: null, orientationReason: null };
  }
  if (!input.partnerId) throw badUserInput("An orientation names the partner the person is referred to", "input.partnerId");
  const orientationReason = optionalText(input.orientationReason, "input.orientationReason", 2000);
  if (!orientationReason) throw badUserInput("An orientation says why the person is referred", "input.orientationReason");
  const partnerId = await activePartnerId(manager, input.partnerId, cooperativeId, "input.partnerId");
  return { decision: input.decision, partnerId, orientationReason };
}

export async function recordReception(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: RecordReceptionInput,
): Promise<PersonEntity> {
  const personId = ownLocalId(input.personId, cooperativeId, "input.personId");
  const projectSummary = requiredText(input.projectSummary, "input.projectSummary", 4000);
  pastDate(input.receivedOn, "input.receivedOn");
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.personId);
    // An erased prospect is not received anew: that would write about them (their situation at entry) again.
    refuseErased(person, "input.personId");
    const existing = await manager.getRepository(ReceptionEntity).findOneBy({ personId });
    if (existing) throw conflict(`This person was already received, on ${existing.receivedOn}`);
    if (person.welcomeStage !== "PROSPECT") throw conflict(`Only a prospect is received; this person is ${person.welcomeStage}`);
    if (input.receivedOn < person.firstContactOn) {
      throw badUserInput(`receivedOn ${input.receivedOn} is before the first contact (${person.firstContactOn})`, "input.receivedOn");
    }
    const decision = await checkedDecision(manager, cooperativeId, input);
    const entrySituation =
      input.entrySituation &&
      checkedEntrySituation(input.entrySituation, "input.entrySituation", { receivedOn: input.receivedOn, birthYear: person.birthYear });
    await manager.getRepository(ReceptionEntity).insert({
      personId,
      receivedOn: input.receivedOn,
      projectSummary,
      projectProgress: input.projectProgress,
      sector: input.sector,
      ...decision,
      decidedOn: decision.decision === "PENDING" ? null : input.receivedOn,
    });
    if (entrySituation) await writeEntrySituation(manager, personId, entrySituation);
    person.welcomeStage = decision.decision === "PENDING" ? "RECEIVED" : decision.decision;
    person.receivedOn = input.receivedOn;
    await manager
      .getRepository(PersonEntity)
      .update({ id: personId }, { welcomeStage: person.welcomeStage, receivedOn: person.receivedOn });
    await recordAudit(manager, actor, { action: "recordReception", entityType: "Person", entityId: input.personId, details: { ...input } });
    await publishPersonEvent(manager, cooperativeId, DECISION_TOPIC[decision.decision], personId, {});
    return person;
  });
}

export async function decideReception(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: DecideReceptionInput,
): Promise<PersonEntity> {
  const personId = ownLocalId(input.personId, cooperativeId, "input.personId");
  if (input.decision === "PENDING") throw badUserInput("A decision is ADMITTED or ORIENTED", "input.decision");
  pastDate(input.decidedOn, "input.decidedOn");
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.personId);
    const reception = await manager.getRepository(ReceptionEntity).findOneBy({ personId });
    if (!reception) throw conflict("No reception is recorded for this person: record the reception first");
    if (reception.decision !== "PENDING")
      throw conflict(`The reception was already decided: ${reception.decision} on ${reception.decidedOn}`);
    if (input.decidedOn < reception.receivedOn) {
      throw badUserInput(`decidedOn ${input.decidedOn} is before the reception (${reception.receivedOn})`, "input.decidedOn");
    }
    const decision = await checkedDecision(manager, cooperativeId, input);
    await manager.getRepository(ReceptionEntity).update({ personId }, { ...decision, decidedOn: input.decidedOn });
    person.welcomeStage = decision.decision as "ADMITTED" | "ORIENTED";
    await manager.getRepository(PersonEntity).update({ id: personId }, { welcomeStage: person.welcomeStage });
    await recordAudit(manager, actor, { action: "decideReception", entityType: "Person", entityId: input.personId, details: { ...input } });
    await publishPersonEvent(manager, cooperativeId, DECISION_TOPIC[decision.decision], personId, {});
    return person;
  });
}

/** An erased person's reception reads erased: neither corrected nor decided again, which would write about them anew. */
function refuseErased(person: PersonEntity, field: string): void {
  if (person.erasedAt) {
    throw conflict(`This person's data was erased on ${todayInFrance(person.erasedAt)}: their reception is not changed`, field);
  }
}

/**
 * Corrects a reception's details (a mistyped date, a summary, the progress, the sector). The
 * decision is left as it is: it is changed by reopening the reception and deciding it again.
 */
export async function correctReception(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: CorrectReceptionInput,
): Promise<PersonEntity> {
  const personId = ownLocalId(input.personId, cooperativeId, "input.personId");
  const change: Partial<ReceptionEntity> = {};
  if (input.receivedOn !== undefined) {
    if (input.receivedOn === null) throw badUserInput("A reception has a date: receivedOn may not be cleared", "input.receivedOn");
    change.receivedOn = pastDate(input.receivedOn, "input.receivedOn");
  }
  if (input.projectSummary !== undefined) change.projectSummary = requiredText(input.projectSummary ?? "", "input.projectSummary", 4000);
  if (input.projectProgress !== undefined) {
    if (input.projectProgress === null) throw badUserInput("projectProgress may not be cleared", "input.projectProgress");
    change.projectProgress = input.projectProgress;
  }
  if (input.sector !== undefined) {
    if (input.sector === null) throw badUserInput("sector may not be cleared", "input.sector");
    change.sector = input.sector;
  }
  if (Object.keys(change).length === 0)
    throw badUserInput("give at least one of receivedOn, projectSummary, projectProgress, sector", "input");
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.personId);
    refuseErased(person, "input.personId");
    const reception = await manager.getRepository(ReceptionEntity).findOneBy({ personId });
    if (!reception) throw conflict("No reception is recorded for this person: record the reception first", "input.personId");
    if (change.receivedOn !== undefined) {
      if (change.receivedOn < person.firstContactOn) {
        throw badUserInput(`receivedOn ${change.receivedOn} is before the first contact (${person.firstContactOn})`, "input.receivedOn");
      }
      if (reception.decidedOn !== null && change.receivedOn > reception.decidedOn) {
        throw badUserInput(`receivedOn ${change.receivedOn} is after the decision (${reception.decidedOn})`, "input.receivedOn");
      }
      // The situation at entry is the reception's day: a registration as a job seeker it records must not follow it.
      const situation = await manager.getRepository(EntrySituationEntity).findOneBy({ personId });
      if (situation?.jobSeekerSince && change.receivedOn < situation.jobSeekerSince) {
        throw badUserInput(
          `receivedOn ${change.receivedOn} is before the registration as a job seeker the situation at entry records (${situation.jobSeekerSince}): correct it first with setEntrySituation`,
          "input.receivedOn",
        );
      }
    }
    await manager.getRepository(ReceptionEntity).update({ personId }, change);
    // The person's own reception date is the reception's: the two never disagree.
    if (change.receivedOn !== undefined) {
      await manager.getRepository(PersonEntity).update({ id: personId }, { receivedOn: change.receivedOn });
      person.receivedOn = change.receivedOn;
    }
    await recordAudit(manager, actor, {
      action: "correctReception",
      entityType: "Person",
      entityId: input.personId,
      details: { ...input },
    });
    return person;
  });
}

/** Why a decided reception may not be reopened: what followed the decision would no longer stand on it. */
async function reopeningRefusal(manager: EntityManager, personId: string): Promise<string | null> {
  const exit = await manager.getRepository(ExitEntity).findOneBy({ personId });
  if (exit) return `This person left the cooperative on ${exit.exitedOn}: their reception is closed`;
  const [contract] = (await manager.query(
    `SELECT kind, to_char(starts_on, 'YYYY-MM-DD') AS starts_on FROM person_contracts WHERE person_id = $1 ORDER BY starts_on LIMIT 1`,
    [personId],
  )) as { kind: string; starts_on: string }[];
  if (contract) return `This person signed a contract (${contract.kind}, from ${contract.starts_on}) on the strength of the decision`;
  // An associate and an activity require an admitted person (membership, activities): they would stand on nothing.
  const associate = await manager.getRepository(AssociateEntity).findOneBy({ personId });
  if (associate) return `This person is an associate since ${associate.admittedOn}, on the strength of the decision`;
  const activity = await manager.getRepository(ActivityEntity).findOne({ where: { personId }, order: { startedOn: "ASC" } });
  if (activity) return `This person started an activity (${activity.startedOn}) on the strength of the decision`;
  // An activity account in finance (its events tell) is opened for an admitted person only, likewise.
  const [account] = (await manager.query(
    `SELECT to_char(opened_on, 'YYYY-MM-DD') AS opened_on FROM person_accounts WHERE person_id = $1 ORDER BY opened_on LIMIT 1`,
    [personId],
  )) as { opened_on: string }[];
  if (account) return `This person has an activity account (opened on ${account.opened_on}) on the strength of the decision`;
  return null;
}

/**
 * Puts a decided reception back to pending (the person RECEIVED again), so that it is decided again
 * with decideReception: an admission or an orientation taken by mistake. The decision undone goes
 * into the audit row, so the trail keeps every decision ever taken; the siblings are told in the
 * transaction of the change.
 */
export async function reopenReception(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: ReopenReceptionInput,
): Promise<PersonEntity> {
  const personId = ownLocalId(input.personId, cooperativeId, "input.personId");
  const reason = requiredText(input.reason, "input.reason", 2000);
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.personId);
    refuseErased(person, "input.personId");
    const reception = await manager.getRepository(ReceptionEntity).findOneBy({ personId });
    if (!reception) throw conflict("No reception is recorded for this person: there is no decision to reopen", "input.personId");
    if (reception.decision === "PENDING") {
      throw conflict("The reception is still pending: decide it with decideReception", "input.personId");
    }
    const refusal = await reopeningRefusal(manager, personId);
    if (refusal) throw conflict(refusal, "input.personId");
    await manager
      .getRepository(ReceptionEntity)
      .update({ personId }, { decision: "PENDING", decidedOn: null, partnerId: null, orientationReason: null });
    person.welcomeStage = "RECEIVED";
    await manager.getRepository(PersonEntity).update({ id: personId }, { welcomeStage: person.welcomeStage });
    await recordAudit(manager, actor, {
      action: "reopenReception",
      entityType: "Person",
      entityId: input.personId,
      details: {
        reason,
        reopened: {
          decision: reception.decision,
          decidedOn: reception.decidedOn,
          partnerId: reception.partnerId && encodeId(cooperativeId, reception.partnerId),
          orientationReason: reception.orientationReason,
        },
      },
    });
    await publishPersonEvent(manager, cooperativeId, "person.receptionReopened", personId, {});
    return person;
  });
}

export const deactivatePartner = (db: DataSource, cooperativeId: string, actor: Caller, input: DeactivatePartnerInput) =>
  deactivate(db, cooperativeId, actor, PARTNERS, input);

export const reactivatePartner = (db: DataSource, cooperativeId: string, actor: Caller, input: ReactivatePartnerInput) =>
  reactivate(db, cooperativeId, actor, PARTNERS, input);
