import { encodeId, publishEvent, type EventPayloads, type PersonSnapshot } from "@cae/shared";
import type { EntityManager } from "typeorm";

type PersonTopic = Extract<keyof EventPayloads, `person.${string}`>;

/** Where the person stands now, read in the transaction of the change (its writes included). */
async function snapshotOf(manager: EntityManager, localPersonId: string): Promise<PersonSnapshot> {
  const [row] = (await manager.query(
    `SELECT p.welcome_stage, p.erased_at IS NOT NULL AS erased, to_char(e.exited_on, 'YYYY-MM-DD') AS exited_on
       FROM people p LEFT JOIN exits e ON e.person_id = p.id WHERE p.id = $1`,
    [localPersonId],
  )) as { welcome_stage: PersonSnapshot["welcomeStage"]; erased: boolean; exited_on: string | null }[];
  return { welcomeStage: row.welcome_stage, exitedOn: row.exited_on, erased: row.erased };
}

/**
 * Tells the sibling subgraphs what happened to a person, in the transaction of the change: every
 * person event carries the person's whole snapshot, so a sibling's view is right after any event.
 */
export async function publishPersonEvent<Topic extends PersonTopic>(
  manager: EntityManager,
  cooperativeId: string,
  topic: Topic,
  localPersonId: string,
  extra: Omit<EventPayloads[Topic], "person">,
): Promise<void> {
  const person = await snapshotOf(manager, localPersonId);
  await publishEvent(manager, topic, encodeId(cooperativeId, localPersonId), { ...extra, person } as EventPayloads[Topic]);
}
