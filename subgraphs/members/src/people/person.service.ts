import {
  badUserInput,
  conflict,
  encodeId,
  optionalEmail,
  optionalText,
  pastDate,
  plausibleBirthYear,
  recordAudit,
  requiredText,
  requireOwnCooperative,
  type Caller,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { PersonEntity } from "./person.entity";
import type { ProspectInput, RegisterPersonInput } from "./person.type";

const POSTCODE = /^\d{5}$/;

export async function registerPerson(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: RegisterPersonInput,
): Promise<PersonEntity> {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  pastDate(input.firstContactOn, "input.firstContactOn");
  return db.transaction((manager) => insertProspect(manager, cooperativeId, actor, input, input.firstContactOn, "input"));
}

/** Registers a prospect in the caller's transaction; `field` prefixes the names of refused fields. */
export async function insertProspect(
  manager: EntityManager,
  cooperativeId: string,
  actor: Caller,
  input: ProspectInput,
  firstContactOn: string,
  field: string,
): Promise<PersonEntity> {
  const postcode = optionalText(input.postcode, `${field}.postcode`, 5);
  if (postcode !== null && !POSTCODE.test(postcode)) throw badUserInput(`postcode "${postcode}" must be 5 digits`, `${field}.postcode`);
  plausibleBirthYear(input.birthYear, `${field}.birthYear`);
  const people = manager.getRepository(PersonEntity);
  const person = people.create({
    firstName: requiredText(input.firstName, `${field}.firstName`, 100),
    lastName: requiredText(input.lastName, `${field}.lastName`, 100),
    email: optionalEmail(input.email, `${field}.email`),
    phone: optionalText(input.phone, `${field}.phone`, 30),
    gender: input.gender ?? "UNDISCLOSED",
    birthYear: input.birthYear ?? null,
    postcode,
    welcomeStage: "PROSPECT",
    firstContactOn,
    receivedOn: null,
  });
  if (person.email && (await people.exists({ where: { email: person.email } }))) {
    throw conflict(`A person with email "${person.email}" is already registered`);
  }
  const saved = await people.save(person);
  await recordAudit(manager, actor, {
    action: "registerPerson",
    entityType: "Person",
    entityId: encodeId(cooperativeId, saved.id),
    details: { ...input, firstContactOn },
  });
  return saved;
}
