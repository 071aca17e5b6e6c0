import {
  badUserInput,
  conflict,
  encodeId,
  optionalEmail,
  optionalText,
  recordAudit,
  requiredText,
  requireOwnCooperative,
  type Caller,
} from "@cae/shared";
import type { DataSource } from "typeorm";
import { PersonEntity } from "./person.entity";
import type { RegisterPersonInput } from "./person.type";

const POSTCODE = /^\d{5}$/;

export async function registerPerson(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: RegisterPersonInput,
): Promise<PersonEntity> {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  const postcode = optionalText(input.postcode, "input.postcode", 5);
  if (postcode !== null && !POSTCODE.test(postcode)) throw badUserInput(`postcode "${postcode}" must be 5 digits`, "input.postcode");
  const thisYear = new Date().getUTCFullYear();
  if (input.birthYear != null && (input.birthYear < 1900 || input.birthYear > thisYear - 14)) {
    throw badUserInput(`birthYear must be between 1900 and ${thisYear - 14}`, "input.birthYear");
  }
  const person = db.getRepository(PersonEntity).create({
    firstName: requiredText(input.firstName, "input.firstName", 100),
    lastName: requiredText(input.lastName, "input.lastName", 100),
    email: optionalEmail(input.email, "input.email"),
    phone: optionalText(input.phone, "input.phone", 30),
    gender: input.gender ?? "UNDISCLOSED",
    birthYear: input.birthYear ?? null,
    postcode,
    welcomeStage: "PROSPECT",
    firstContactOn: input.firstContactOn,
    receivedOn: null,
  });
  return db.transaction(async (manager) => {
    if (person.email && (await manager.getRepository(PersonEntity).exists({ where: { email: person.email } }))) {
      throw conflict(`A person with email "${person.email}" is already registered`);
    }
    const saved = await manager.getRepository(PersonEntity).save(person);
    await recordAudit(manager, actor, {
      action: "registerPerson",
      entityType: "Person",
      entityId: encodeId(cooperativeId, saved.id),
      details: { ...input },
    });
    return saved;
  });
}
