import { conflict, ownLocalId, recordAudit, todayInFrance, type Caller } from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { lockPerson } from "../people/lock-person";
import type { PersonEntity } from "../people/person.entity";
import { EntrySituationEntity } from "./entry-situation.entity";
import { checkedEntrySituation, type CheckedEntrySituation } from "./entry-situation.rules";
import type { SetEntrySituationInput } from "./entry-situation.type";
import { ReceptionEntity } from "./welcome.entity";

/** Writes a person's whole situation at entry in the caller's transaction, replacing the one recorded. */
export async function writeEntrySituation(manager: EntityManager, personId: string, situation: CheckedEntrySituation): Promise<void> {
  await manager.getRepository(EntrySituationEntity).upsert({ personId, ...situation, updatedOn: todayInFrance() }, ["personId"]);
}

/**
 * Records or corrects a person's situation at entry, whole: what the input leaves out reads not
 * asked or not said afterwards. It is the situation of the reception's day, so the person must
 * have been received; an erased person's situation is not written again (the erasure deleted it).
 */
export async function setEntrySituation(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: SetEntrySituationInput,
): Promise<PersonEntity> {
  const personId = ownLocalId(input.personId, cooperativeId, "input.personId");
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.personId);
    if (person.erasedAt) {
      throw conflict(
        `This person's data was erased on ${todayInFrance(person.erasedAt)}: their situation at entry is not written again`,
        "input.personId",
      );
    }
    const reception = await manager.getRepository(ReceptionEntity).findOneBy({ personId });
    if (!reception) {
      throw conflict("No reception is recorded for this person: the situation at entry is the reception's", "input.personId");
    }
    const { personId: _personId, ...given } = input;
    const situation = checkedEntrySituation(given, "input", { receivedOn: reception.receivedOn, birthYear: person.birthYear });
    await writeEntrySituation(manager, personId, situation);
    await recordAudit(manager, actor, {
      action: "setEntrySituation",
      entityType: "Person",
      entityId: input.personId,
      details: { ...input },
    });
    return person;
  });
}
