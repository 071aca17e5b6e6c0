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
import type { DataSource, EntityManager } from "typeorm";
import { lockPerson } from "../people/lock-person";
import { existingId } from "../references";
import { PersonEntity } from "../people/person.entity";
import { PartnerEntity, ReceptionEntity } from "./welcome.entity";
import type { AddPartnerInput, DecideReceptionInput, ReceptionDecisionInput, RecordReceptionInput } from "./welcome.type";

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
  const partnerId = await existingId(manager, PartnerEntity, "partner", input.partnerId, cooperativeId, "input.partnerId");
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
    const existing = await manager.getRepository(ReceptionEntity).findOneBy({ personId });
    if (existing) throw conflict(`This person was already received, on ${existing.receivedOn}`);
    if (person.welcomeStage !== "PROSPECT") throw conflict(`Only a prospect is received; this person is ${person.welcomeStage}`);
    if (input.receivedOn < person.firstContactOn) {
      throw badUserInput(`receivedOn ${input.receivedOn} is before the first contact (${person.firstContactOn})`, "input.receivedOn");
    }
    const decision = await checkedDecision(manager, cooperativeId, input);
    await manager.getRepository(ReceptionEntity).insert({
      personId,
      receivedOn: input.receivedOn,
      projectSummary,
      projectProgress: input.projectProgress,
      sector: input.sector,
      ...decision,
      decidedOn: decision.decision === "PENDING" ? null : input.receivedOn,
    });
    person.welcomeStage = decision.decision === "PENDING" ? "RECEIVED" : decision.decision;
    person.receivedOn = input.receivedOn;
    await manager
      .getRepository(PersonEntity)
      .update({ id: personId }, { welcomeStage: person.welcomeStage, receivedOn: person.receivedOn });
    await recordAudit(manager, actor, { action: "recordReception", entityType: "Person", entityId: input.personId, details: { ...input } });
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
    return person;
  });
}
