import { badUserInput, conflict, encodeId, optionalText, ownLocalId, pastDate, recordAudit, requiredText, type Caller } from "@cae/shared";
import type { DataSource } from "typeorm";
import { ExitEntity } from "../membership/membership.entity";
import { lockPerson } from "../people/lock-person";
import { ActivityEntity } from "./activity.entity";
import type { StartActivityInput } from "./activity.type";

/** The NAF rev. 2 code format of INSEE: "74.10Z". */
const NAF_CODE = /^\d{2}\.\d{2}[A-Z]$/;

export function checkedNafCode(value: string | null | undefined, field: string): string | null {
  const code = optionalText(value, field, 6)?.toUpperCase() ?? null;
  if (code !== null && !NAF_CODE.test(code))
    throw badUserInput(`${field} "${code}" is not a NAF code (two digits, a dot, two digits, a letter: "74.10Z")`, field);
  return code;
}

export async function startActivity(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: StartActivityInput,
): Promise<ActivityEntity> {
  const personId = ownLocalId(input.personId, cooperativeId, "input.personId");
  const name = requiredText(input.name, "input.name", 200);
  const tradeName = optionalText(input.tradeName, "input.tradeName", 200);
  const nafCode = checkedNafCode(input.nafCode, "input.nafCode");
  pastDate(input.startedOn, "input.startedOn");
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.personId);
    if (person.welcomeStage !== "ADMITTED")
      throw conflict(`Only a person admitted into the cooperative runs an activity in it; this one is ${person.welcomeStage}`);
    const exit = await manager.getRepository(ExitEntity).findOneBy({ personId });
    if (exit) throw conflict(`This person left the cooperative on ${exit.exitedOn}: no new activity`);
    if (input.startedOn < person.firstContactOn) {
      throw badUserInput(`startedOn ${input.startedOn} is before the person's first contact (${person.firstContactOn})`, "input.startedOn");
    }
    const activities = manager.getRepository(ActivityEntity);
    const activity = await activities.save(
      activities.create({ personId, name, tradeName, sector: input.sector, nafCode, startedOn: input.startedOn }),
    );
    await recordAudit(manager, actor, {
      action: "startActivity",
      entityType: "Activity",
      entityId: encodeId(cooperativeId, activity.id),
      details: { ...input },
    });
    return activity;
  });
}
