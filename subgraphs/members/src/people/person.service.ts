import {
  badUserInput,
  conflict,
  encodeId,
  optionalEmail,
  optionalText,
  ownLocalId,
  pastDate,
  plausibleBirthYear,
  recordAudit,
  requiredText,
  requireOwnCooperative,
  type Caller,
  todayInFrance,
} from "@cae/shared";
import { Not, type DataSource, type EntityManager } from "typeorm";
import { lockPerson } from "./lock-person";
import { PersonEntity } from "./person.entity";
import { publishPersonEvent } from "./person-events";
import type { ProspectInput, RegisterPersonInput, UpdatePersonInput } from "./person.type";
import { JOB_SEEKER_MINIMUM_AGE, registeredTooYoung } from "../welcome/entry-situation.rules";

const POSTCODE = /^\d{5}$/;

/** Who a person is and how to reach them: the fields a registration sets and a correction changes. */
type Identity = Pick<PersonEntity, "firstName" | "lastName" | "email" | "phone" | "gender" | "birthYear" | "postcode">;

/** The identity fields as an input gives them: absent leaves a field as it is, null clears it. */
type IdentityInput = { [Field in keyof Identity]?: ProspectInput[Field] | null };

/** A name is required: a null or blank one is refused rather than stored empty. */
const requiredName = (value: string | null, field: string) => requiredText(value ?? "", field, 100);

/**
 * The identity and contact fields as accepted: the one place of their rules, for the registration
 * and for a correction alike, so that a correction cannot store what a registration would refuse.
 * Only the fields given are checked and returned; `field` prefixes the names of refused fields.
 */
export function checkedIdentity(input: IdentityInput, field: string): Partial<Identity> {
  const checked: Partial<Identity> = {};
  if (input.firstName !== undefined) checked.firstName = requiredName(input.firstName, `${field}.firstName`);
  if (input.lastName !== undefined) checked.lastName = requiredName(input.lastName, `${field}.lastName`);
  if (input.email !== undefined) checked.email = optionalEmail(input.email, `${field}.email`);
  if (input.phone !== undefined) checked.phone = optionalText(input.phone, `${field}.phone`, 30);
  // A gender not given is not known: UNDISCLOSED, the same at the registration and when cleared.
  if (input.gender !== undefined) checked.gender = input.gender ?? "UNDISCLOSED";
  if (input.birthYear !== undefined) checked.birthYear = plausibleBirthYear(input.birthYear, `${field}.birthYear`);
  if (input.postcode !== undefined) {
    const postcode = optionalText(input.postcode, `${field}.postcode`, 5);
    if (postcode !== null && !POSTCODE.test(postcode)) throw badUserInput(`postcode "${postcode}" must be 5 digits`, `${field}.postcode`);
    checked.postcode = postcode;
  }
  return checked;
}

/** An email names one person of the cooperative (emails are stored lowercased); `exceptId` is the person it may already be. */
async function requireUniqueEmail(manager: EntityManager, email: string, field: string, exceptId?: string): Promise<void> {
  const where = exceptId ? { email, id: Not(exceptId) } : { email };
  if (await manager.getRepository(PersonEntity).exists({ where })) {
    throw conflict(`A person with email "${email}" is already registered`, field);
  }
}

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
  const people = manager.getRepository(PersonEntity);
  const person = people.create({
    email: null,
    phone: null,
    gender: "UNDISCLOSED",
    birthYear: null,
    postcode: null,
    ...checkedIdentity(input, field),
    welcomeStage: "PROSPECT",
    firstContactOn,
    receivedOn: null,
  });
  if (person.email) await requireUniqueEmail(manager, person.email, `${field}.email`);
  const saved = await people.save(person);
  await recordAudit(manager, actor, {
    action: "registerPerson",
    entityType: "Person",
    entityId: encodeId(cooperativeId, saved.id),
    details: { ...input, firstContactOn },
  });
  await publishPersonEvent(manager, cooperativeId, "person.registered", saved.id, {});
  return saved;
}

/**
 * Corrects a person's identity and contact with the registration's rules. An erased person stays
 * erased: writing their data again would undo the erasure. The audit row keeps the new values as
 * given and which fields they changed, never the values replaced (an erasure scrubs it like the
 * other rows of the person).
 */
export async function updatePerson(db: DataSource, cooperativeId: string, actor: Caller, input: UpdatePersonInput): Promise<PersonEntity> {
  const personId = ownLocalId(input.id, cooperativeId, "input.id");
  const { id: _id, ...given } = input;
  const change = checkedIdentity(given, "input");
  if (Object.keys(change).length === 0) {
    throw badUserInput("give at least one of firstName, lastName, email, phone, gender, birthYear, postcode", "input");
  }
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.id);
    if (person.erasedAt) {
      throw conflict(`This person's data was erased on ${todayInFrance(person.erasedAt)}: it is not written again`, "input.id");
    }
    if (change.email) await requireUniqueEmail(manager, change.email, "input.email", personId);
    if (typeof change.birthYear === "number") await requireBirthYearBeforeRegistration(manager, personId, change.birthYear);
    const changed = (Object.keys(change) as (keyof Identity)[]).filter((key) => change[key] !== person[key]);
    await manager.getRepository(PersonEntity).update({ id: personId }, change);
    await recordAudit(manager, actor, { action: "updatePerson", entityType: "Person", entityId: input.id, details: { ...given, changed } });
    return Object.assign(person, change);
  });
}

/** A corrected birth year must leave the situation at entry true to its rules: registered as a job seeker from 16 only. */
async function requireBirthYearBeforeRegistration(manager: EntityManager, personId: string, birthYear: number): Promise<void> {
  const [row] = await manager.query<{ since: string }[]>(
    "SELECT to_char(job_seeker_since, 'YYYY-MM-DD') AS since FROM entry_situations WHERE person_id = $1 AND job_seeker_since IS NOT NULL",
    [personId],
  );
  if (row && registeredTooYoung(row.since, birthYear))
    throw badUserInput(
      `birthYear ${birthYear} would put the registration as a job seeker recorded at entry (${row.since}) before the age of ${JOB_SEEKER_MINIMUM_AGE}`,
      "input.birthYear",
    );
}
