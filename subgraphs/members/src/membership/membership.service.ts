import {
  badUserInput,
  conflict,
  MAX_AMOUNT_CENTS,
  optionalText,
  ownLocalId,
  pastDate,
  plausibleCents,
  recordAudit,
  type Caller,
} from "@cae/shared";
import type { DataSource } from "typeorm";
import { lockPerson } from "../people/lock-person";
import { publishPersonEvent } from "../people/person-events";
import { requireEndModeIfEmployed } from "./contracts-in-force";
import type { PersonEntity } from "../people/person.entity";
import { AssociateEntity, ExitEntity } from "./membership.entity";
import type { AdmitAssociateInput, RecordExitInput } from "./membership.type";

export async function admitAssociate(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: AdmitAssociateInput,
): Promise<PersonEntity> {
  const personId = ownLocalId(input.personId, cooperativeId, "input.personId");
  if (!Number.isInteger(input.shares) || input.shares < 1) throw badUserInput("shares must be a whole number, at least 1", "input.shares");
  if (input.shareValueCents <= 0n) throw badUserInput("shareValueCents must be more than zero", "input.shareValueCents");
  plausibleCents(input.shareValueCents, "input.shareValueCents");
  // The capital subscribed (shares × share value) is an amount too.
  if (BigInt(input.shares) * input.shareValueCents > MAX_AMOUNT_CENTS) {
    throw badUserInput(
      `the capital subscribed (shares × share value) must be at most ${MAX_AMOUNT_CENTS} cents (one billion euros)`,
      "input.shares",
    );
  }
  pastDate(input.admittedOn, "input.admittedOn");
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.personId);
    const exit = await manager.getRepository(ExitEntity).findOneBy({ personId });
    if (exit) throw conflict(`This person left the cooperative on ${exit.exitedOn}: no admission as an associate after the exit`);
    const associate = await manager.getRepository(AssociateEntity).findOneBy({ personId });
    if (associate) throw conflict(`This person is already an associate, since ${associate.admittedOn}`);
    if (person.welcomeStage !== "ADMITTED") {
      throw conflict(`Only a person admitted into the cooperative becomes an associate; this one is ${person.welcomeStage}`);
    }
    if (input.admittedOn < person.firstContactOn) {
      throw badUserInput(
        `admittedOn ${input.admittedOn} is before the person's first contact (${person.firstContactOn})`,
        "input.admittedOn",
      );
    }
    await manager.getRepository(AssociateEntity).insert({
      personId,
      admittedOn: input.admittedOn,
      shares: input.shares,
      shareValueCents: input.shareValueCents,
      endedOn: null,
    });
    await recordAudit(manager, actor, {
      action: "admitAssociate",
      entityType: "Person",
      entityId: input.personId,
      details: { admittedOn: input.admittedOn, shares: input.shares, shareValueCents: input.shareValueCents.toString() },
    });
    return person;
  });
}

export async function recordExit(db: DataSource, cooperativeId: string, actor: Caller, input: RecordExitInput): Promise<PersonEntity> {
  const personId = ownLocalId(input.personId, cooperativeId, "input.personId");
  const notes = optionalText(input.notes, "input.notes", 2000);
  pastDate(input.exitedOn, "input.exitedOn");
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.personId);
    const exit = await manager.getRepository(ExitEntity).findOneBy({ personId });
    if (exit) throw conflict(`This person already left the cooperative, on ${exit.exitedOn}`);
    if (input.exitedOn < person.firstContactOn) {
      throw conflict(`An exit on ${input.exitedOn} would come before the person's entry (first contact on ${person.firstContactOn})`);
    }
    const associates = manager.getRepository(AssociateEntity);
    const associate = await associates.findOneBy({ personId });
    if (associate && input.exitedOn < associate.admittedOn) {
      throw conflict(`An exit on ${input.exitedOn} would come before the admission as an associate (${associate.admittedOn})`);
    }
    const employmentEndMode = await requireEndModeIfEmployed(manager, personId, input.exitedOn, input.employmentEndMode ?? null);
    // Leaving the cooperative ends the membership as an associate, on the same day.
    if (associate) await associates.update({ personId }, { endedOn: input.exitedOn });
    await manager.getRepository(ExitEntity).insert({ personId, exitedOn: input.exitedOn, reason: input.reason, notes });
    await recordAudit(manager, actor, {
      action: "recordExit",
      entityType: "Person",
      entityId: input.personId,
      details: { exitedOn: input.exitedOn, reason: input.reason, notes, employmentEndMode },
    });
    // The contracts subgraph ends the person's contracts in force on that day (docs/contracts.md, "An exit").
    await publishPersonEvent(manager, cooperativeId, "person.exited", personId, {
      exit: { exitedOn: input.exitedOn, employmentEndReason: employmentEndMode },
    });
    return person;
  });
}
