import { addMonths, badUserInput, conflict, ownLocalId, pastDate, recordAudit, todayInFrance, type Caller } from "@cae/shared";
import type { DataSource } from "typeorm";
import { lockPerson } from "../people/lock-person";
import type { PersonEntity } from "../people/person.entity";
import { ExitFollowUpEntity } from "./follow-up.entity";
import { FOLLOW_UP_MONTHS, type FollowUpMonths, type RecordExitFollowUpInput } from "./follow-up.type";
import { ExitEntity } from "./membership.entity";

/** The day a follow-up falls due: the exit's date plus its months (31 August + 6 months = 28 or 29 February). */
export const followUpDueOn = (exitedOn: string, months: FollowUpMonths): string => addMonths(exitedOn, months);

/**
 * The first day a follow-up may be taken: one month before it falls due. A counselor reaches people
 * over some weeks around the date, and funders count a 6-month follow-up taken in the sixth month.
 */
export const followUpOpensOn = (exitedOn: string, months: FollowUpMonths): string => addMonths(exitedOn, months - 1);

const isFollowUpMonths = (months: number): months is FollowUpMonths => (FOLLOW_UP_MONTHS as readonly number[]).includes(months);

/**
 * Records what became of a person 6 or 12 months after their exit; recording the same follow-up
 * again replaces it (a person reached after a NOT_REACHED, a mistake), each time audited. An
 * erased person is not followed up: the erasure ended what the cooperative writes about them.
 */
export async function recordExitFollowUp(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: RecordExitFollowUpInput,
): Promise<PersonEntity> {
  const personId = ownLocalId(input.personId, cooperativeId, "input.personId");
  const months = input.months;
  if (!isFollowUpMonths(months)) throw badUserInput(`months must be 6 or 12, not ${months}`, "input.months");
  pastDate(input.recordedOn, "input.recordedOn");
  return db.transaction(async (manager) => {
    const person = await lockPerson(manager, personId, input.personId);
    if (person.erasedAt) {
      throw conflict(`This person's data was erased on ${todayInFrance(person.erasedAt)}: they are not followed up`, "input.personId");
    }
    const exit = await manager.getRepository(ExitEntity).findOneBy({ personId });
    if (!exit) throw conflict("This person has not left the cooperative: a follow-up comes after an exit", "input.personId");
    const opensOn = followUpOpensOn(exit.exitedOn, months);
    if (input.recordedOn < opensOn) {
      throw badUserInput(
        `recordedOn ${input.recordedOn} is too early for the ${months}-month follow-up of an exit on ${exit.exitedOn}: from ${opensOn} (it falls due on ${followUpDueOn(exit.exitedOn, months)})`,
        "input.recordedOn",
      );
    }
    await manager
      .getRepository(ExitFollowUpEntity)
      .upsert({ personId, months, situation: input.situation, recordedOn: input.recordedOn }, ["personId", "months"]);
    await recordAudit(manager, actor, {
      action: "recordExitFollowUp",
      entityType: "Person",
      entityId: input.personId,
      details: { ...input },
    });
    return person;
  });
}

/** A follow-up due and not recorded: the person's local ID, which one, and when it fell due. */
export interface DueFollowUp {
  personId: string;
  months: FollowUpMonths;
  dueOn: string;
}

/**
 * The follow-ups due by `on` and not recorded, in one statement whatever their number, oldest
 * first. Every exit has both; one is due from its date on until recorded (NOT_REACHED closes one
 * that could not be taken). Erased people are left out: they are not followed up.
 */
export async function dueFollowUps(db: DataSource, on: string): Promise<DueFollowUp[]> {
  // PostgreSQL adds months like addMonths: clamped to the month's end.
  const rows: { person_id: string; months: FollowUpMonths; due_on: string }[] = await db.query(
    `SELECT e.person_id, m.months, to_char((e.exited_on + make_interval(months => m.months))::date, 'YYYY-MM-DD') AS due_on
       FROM exits e
       JOIN people p ON p.id = e.person_id AND p.erased_at IS NULL
      CROSS JOIN unnest($2::int[]) AS m (months)
      WHERE (e.exited_on + make_interval(months => m.months))::date <= $1
        AND NOT EXISTS (SELECT 1 FROM exit_follow_ups f WHERE f.person_id = e.person_id AND f.months = m.months)
      ORDER BY due_on, e.person_id, m.months`,
    [on, [...FOLLOW_UP_MONTHS]],
  );
  return rows.map((row) => ({ personId: row.person_id, months: row.months, dueOn: row.due_on }));
}
