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
} from "@cae/shared";
import { In, type DataSource, type EntityManager } from "typeorm";
import { lockPerson } from "../people/lock-person";
import { PersonEntity } from "../people/person.entity";
import { activePartnerId } from "../welcome/welcome.service";
import { activeId, deactivate, reactivate, type Directory } from "./deactivation";
import { CounselorEntity, SupportSessionEntity, SupportSessionPersonEntity } from "./support.entity";
import type {
  AddCounselorInput,
  AssignFollowUpInput,
  DeactivateCounselorInput,
  ReactivateCounselorInput,
  RecordSupportSessionInput,
} from "./support.type";

/** The cooperative's counselors, deactivated rather than deleted. */
export const COUNSELORS: Directory<CounselorEntity> = { entity: CounselorEntity, type: "Counselor", noun: "counselor" };

/**
 * The local ID of the active counselor an input chooses, for a person, a session or an information
 * meeting: BAD_USER_INPUT on `field` when unknown, CONFLICT on `field` once deactivated.
 */
export const activeCounselorId = (manager: EntityManager, globalId: string, cooperativeId: string, field: string) =>
  activeId(manager, COUNSELORS, globalId, cooperativeId, field);

export async function addCounselor(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: AddCounselorInput,
): Promise<CounselorEntity> {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  const counselor = db.getRepository(CounselorEntity).create({
    firstName: requiredText(input.firstName, "input.firstName", 100),
    lastName: requiredText(input.lastName, "input.lastName", 100),
    email: optionalEmail(input.email, "input.email"),
  });
  return db.transaction(async (manager) => {
    const saved = await manager.getRepository(CounselorEntity).save(counselor);
    await recordAudit(manager, actor, {
      action: "addCounselor",
      entityType: "Counselor",
      entityId: encodeId(cooperativeId, saved.id),
      details: { ...input },
    });
    return saved;
  });
}

export async function assignFollowUp(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: AssignFollowUpInput,
): Promise<PersonEntity> {
  const personId = ownLocalId(input.personId, cooperativeId, "input.personId");
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.personId);
    const change: Partial<PersonEntity> = {};
    if (input.counselorId !== undefined) {
      change.counselorId =
        input.counselorId === null ? null : await activeCounselorId(manager, input.counselorId, cooperativeId, "input.counselorId");
    }
    if (input.referringPartnerId !== undefined) {
      change.referringPartnerId =
        input.referringPartnerId === null
          ? null
          : await activePartnerId(manager, input.referringPartnerId, cooperativeId, "input.referringPartnerId");
    }
    if (Object.keys(change).length === 0) throw badUserInput("give a counselorId, a referringPartnerId or both (null clears one)", "input");
    await manager.getRepository(PersonEntity).update({ id: personId }, change);
    await recordAudit(manager, actor, { action: "assignFollowUp", entityType: "Person", entityId: input.personId, details: { ...input } });
    return Object.assign(person, change);
  });
}

export async function recordSupportSession(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: RecordSupportSessionInput,
): Promise<SupportSessionEntity> {
  const personIds = [...new Set(input.personIds.map((id, i) => ownLocalId(id, cooperativeId, `input.personIds.${i}`)))];
  if (personIds.length === 0) throw badUserInput("A session has at least one person", "input.personIds");
  if (input.kind === "INDIVIDUAL" && personIds.length !== 1)
    throw badUserInput("An individual interview has exactly one person", "input.personIds");
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 15 || input.durationMinutes > 480) {
    throw badUserInput("durationMinutes must be a whole number from 15 to 480", "input.durationMinutes");
  }
  const notes = optionalText(input.notes, "input.notes", 4000);
  pastDate(input.heldOn, "input.heldOn");
  return db.transaction(async (manager) => {
    const counselorId = await activeCounselorId(manager, input.counselorId, cooperativeId, "input.counselorId");
    const people = await manager.getRepository(PersonEntity).findBy({ id: In(personIds) });
    const missing = personIds.filter((id) => !people.some((person) => person.id === id));
    if (missing.length > 0) throw badUserInput(`No person ${encodeId(cooperativeId, missing[0])} in this cooperative`, "input.personIds");
    const early = people.find((person) => input.heldOn < person.firstContactOn);
    if (early)
      throw conflict(
        `The session on ${input.heldOn} comes before ${encodeId(cooperativeId, early.id)}'s first contact (${early.firstContactOn})`,
      );
    const sessions = manager.getRepository(SupportSessionEntity);
    const session = await sessions.save(
      sessions.create({
        counselorId,
        heldOn: input.heldOn,
        durationMinutes: input.durationMinutes,
        topic: input.topic,
        kind: input.kind,
        notes,
      }),
    );
    await manager.getRepository(SupportSessionPersonEntity).insert(personIds.map((personId) => ({ sessionId: session.id, personId })));
    await recordAudit(manager, actor, {
      action: "recordSupportSession",
      entityType: "SupportSession",
      entityId: encodeId(cooperativeId, session.id),
      details: { ...input },
    });
    return session;
  });
}

export const deactivateCounselor = (db: DataSource, cooperativeId: string, actor: Caller, input: DeactivateCounselorInput) =>
  deactivate(db, cooperativeId, actor, COUNSELORS, input);

export const reactivateCounselor = (db: DataSource, cooperativeId: string, actor: Caller, input: ReactivateCounselorInput) =>
  reactivate(db, cooperativeId, actor, COUNSELORS, input);
