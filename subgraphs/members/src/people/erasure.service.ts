import { conflict, ownLocalId, recordAudit, requiredText, type Caller } from "@cae/shared";
import type { DataSource } from "typeorm";
import { ExitEntity } from "../membership/membership.entity";
import { ReceptionEntity } from "../welcome/welcome.entity";
import { lockPerson } from "./lock-person";
import { PersonEntity } from "./person.entity";

/** What an erased person's names read afterwards. */
export const ERASED_NAME = "(effacé)";

/**
 * Erases a person's personal data for good (GDPR, right to erasure): names, contact, birth year,
 * postcode, the free texts about them, and the personal details in their audit rows. The record
 * stays, with its dates, stages and gender, so that the cooperative's counts do not change.
 */
export async function erasePerson(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: { id: string; reason: string },
): Promise<PersonEntity> {
  const personId = ownLocalId(input.id, cooperativeId, "input.id");
  const reason = requiredText(input.reason, "input.reason", 500);
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.id);
    if (person.erasedAt) throw conflict(`This person's data was already erased, on ${person.erasedAt.toISOString().slice(0, 10)}`);
    const erased = {
      firstName: ERASED_NAME,
      lastName: ERASED_NAME,
      email: null,
      phone: null,
      birthYear: null,
      postcode: null,
      erasedAt: new Date(),
    };
    await manager.getRepository(PersonEntity).update({ id: personId }, erased);
    // An oriented person's reception must keep a reason (the table's check): it reads erased, like the names.
    await manager.getRepository(ReceptionEntity).update(
      { personId },
      {
        projectSummary: ERASED_NAME,
        orientationReason: () => `CASE WHEN orientation_reason IS NULL THEN NULL ELSE '${ERASED_NAME}' END`,
      },
    );
    await manager.getRepository(ExitEntity).update({ personId }, { notes: null });
    await manager.query(`UPDATE audit_events SET details = '{"erased": true}' WHERE entity_type = 'Person' AND entity_id = $1`, [input.id]);
    await recordAudit(manager, actor, { action: "erasePerson", entityType: "Person", entityId: input.id, details: { reason } });
    return Object.assign(person, erased);
  });
}
