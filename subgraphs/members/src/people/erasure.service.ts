import {
  conflict,
  encodeId,
  eraseAuditDetails,
  eraseAuditMentions,
  ERASED_TEXT,
  ownLocalId,
  recordAudit,
  requiredText,
  scrubIdentity,
  type Caller,
  type ErasedIdentity,
  type ErasurePart,
  todayInFrance,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { ActivityEntity } from "../activities/activity.entity";
import { ExitEntity } from "../membership/membership.entity";
import { EntrySituationEntity } from "../welcome/entry-situation.entity";
import { ReceptionEntity } from "../welcome/welcome.entity";
import { eraseFromSignedSheets, keptSignedSheets } from "../support/attendance-sheet.erasure";
import { lockPerson } from "./lock-person";
import { PersonEntity } from "./person.entity";
import { publishPersonEvent } from "./person-events";

/** What an erased person's names read afterwards. */
export const ERASED_NAME = ERASED_TEXT;

/**
 * Erases a person's personal data for good (GDPR, right to erasure), at any stage of their path
 * (docs/access.md, "Erasure"). Here: names, contact, birth year, postcode, the free texts about
 * them (reception, exit notes, their activities' names, support-session notes), their situation
 * at entry, and the inputs in the audit rows of all of it. The record stays, with its dates, stages,
 * gender, exit reason and follow-ups after the exit, so that the cooperative's counts do not change.
 * The contracts and finance subgraphs erase their part when the `person.erased` event reaches them,
 * and report it back (`Person.erasure`).
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
    if (person.erasedAt) throw conflict(`This person's data was already erased, on ${todayInFrance(person.erasedAt)}`, "input.id");
    const identity: ErasedIdentity = {
      names: [`${person.firstName} ${person.lastName}`, `${person.lastName} ${person.firstName}`, person.lastName, person.firstName],
      email: person.email,
      phone: person.phone,
    };
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
    // Deleted whole, like the birth year and the postcode: the département and the education level
    // narrow down who the person is, and a recognised disability is health data (GDPR art. 9).
    await manager.getRepository(EntrySituationEntity).delete({ personId });
    const activities = await eraseActivities(manager, personId, identity);
    const sessions = await eraseSessionNotes(manager, personId, identity);
    const sheets = await eraseFromSignedSheets(manager, personId, identity);
    // A session of theirs alone is about them: its audit rows lose their details. A workshop's rows are
    // also about the others and its kept attendance sheets: only the mentions of the person go.
    const auditRows =
      (await eraseAuditDetails(manager, [
        input.id,
        ...activities.map((id) => encodeId(cooperativeId, id)),
        ...sessions.filter((session) => session.participants === 1).map((session) => encodeId(cooperativeId, session.id)),
      ])) +
      (await eraseAuditMentions(
        manager,
        sessions.filter((session) => session.participants > 1).map((session) => encodeId(cooperativeId, session.id)),
        identity,
      ));
    await recordAudit(manager, actor, { action: "erasePerson", entityType: "Person", entityId: input.id, details: { reason } });
    await recordErasurePart(manager, personId, {
      subgraph: "members",
      appliedAt: erased.erasedAt.toISOString(),
      erased: [
        "first and last name, email, phone, birth year and postcode",
        "the reception's project summary and orientation reason, the exit's notes",
        "the situation at entry, if one was recorded (job seeking, benefits, disability recognition, education level, neighbourhood, département)",
        `the names of ${activities.length} activity(ies)`,
        `mentions of the person in the notes of ${sessions.length} support session(s)`,
        `mentions of the person in the file names of ${sheets} signed attendance sheet(s)`,
        `the inputs recorded in ${auditRows} audit row(s)`,
      ],
      kept: [
        {
          what: "the person's record without identity: dates, path stages, gender, exit reason and follow-ups after the exit, membership as an associate",
          why: "The cooperative's counts and its register of associates stay right; nothing kept identifies the person (GDPR art. 17(3), and the register of associates: loi 47-1775 art. 19 quater).",
        },
        ...(sheets > 0 ? [keptSignedSheets(sheets)] : []),
      ],
    });
    await publishPersonEvent(manager, cooperativeId, "person.erased", personId, { identity });
    return Object.assign(person, erased);
  });
}

/** Their activities' names and trade names, which often carry the person's name: returns the activities' IDs. */
async function eraseActivities(manager: EntityManager, personId: string, identity: ErasedIdentity): Promise<string[]> {
  const activities = await manager.getRepository(ActivityEntity).findBy({ personId });
  // The names go whole, in one statement; a trade name loses only the mention, where there is one.
  await manager.getRepository(ActivityEntity).update({ personId }, { name: ERASED_TEXT });
  for (const activity of activities) {
    const tradeName = activity.tradeName === null ? null : scrubIdentity(activity.tradeName, identity);
    if (tradeName !== activity.tradeName) await manager.getRepository(ActivityEntity).update({ id: activity.id }, { tradeName });
  }
  return activities.map((activity) => activity.id);
}

/**
 * Support-session notes: a session of the person alone is about them, its notes go whole; a
 * workshop's notes are about others too, only the mentions of the person go. Returns the sessions' IDs.
 */
async function eraseSessionNotes(
  manager: EntityManager,
  personId: string,
  identity: ErasedIdentity,
): Promise<{ id: string; participants: number }[]> {
  const sessions = await manager.query<{ id: string; notes: string | null; participants: number }[]>(
    `SELECT s.id, s.notes, (SELECT count(*) FROM support_session_people o WHERE o.session_id = s.id)::int AS participants
       FROM support_sessions s JOIN support_session_people p ON p.session_id = s.id WHERE p.person_id = $1`,
    [personId],
  );
  for (const session of sessions) {
    if (session.notes === null) continue;
    const notes = session.participants === 1 ? ERASED_TEXT : scrubIdentity(session.notes, identity);
    if (notes !== session.notes) await manager.query("UPDATE support_sessions SET notes = $2 WHERE id = $1", [session.id, notes]);
  }
  return sessions.map(({ id, participants }) => ({ id, participants }));
}

/** Records one subgraph's part of an erasure (this one's, or a sibling's from its `erasure.applied` event). */
export async function recordErasurePart(manager: EntityManager, personId: string, part: ErasurePart): Promise<void> {
  await manager.query(
    `INSERT INTO erasure_parts (person_id, subgraph, applied_at, erased, kept) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (person_id, subgraph) DO UPDATE SET applied_at = EXCLUDED.applied_at, erased = EXCLUDED.erased, kept = EXCLUDED.kept`,
    [personId, part.subgraph, part.appliedAt, JSON.stringify(part.erased), JSON.stringify(part.kept)],
  );
}
