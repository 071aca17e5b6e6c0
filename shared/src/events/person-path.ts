import type { EntityManager, MigrationInterface, QueryRunner } from "typeorm";
import { conflict, notFound } from "../errors";
import { localIdOfReference } from "../input";
import type { PersonSnapshot } from "./catalog";
import type { EventHandlers } from "./inbox";

/**
 * What the contracts and finance subgraphs know of a person's path, from the members subgraph's
 * events (table `person_path`, a projection: written only by the events, never by a client). It is
 * what their rules read to refuse a contract or an invoice for someone the cooperative has not
 * admitted, who left, or whose data was erased; no subgraph reads another's database.
 */
export class CreatePersonPath1766000000002 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE person_path (
        person_id uuid PRIMARY KEY,
        welcome_stage text NOT NULL,
        exited_on date,
        erased_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE person_path`);
  }
}

export interface PersonPath {
  welcomeStage: PersonSnapshot["welcomeStage"];
  exitedOn: string | null;
  erased: boolean;
}

/** Keeps the snapshot a person event carries: the newest event of a person is applied last (they come in order). */
export async function keepPersonSnapshot(manager: EntityManager, localPersonId: string, person: PersonSnapshot): Promise<void> {
  await manager.query(
    `INSERT INTO person_path (person_id, welcome_stage, exited_on, erased_at) VALUES ($1, $2, $3, CASE WHEN $4 THEN now() END)
     ON CONFLICT (person_id) DO UPDATE SET welcome_stage = EXCLUDED.welcome_stage, exited_on = EXCLUDED.exited_on,
       erased_at = COALESCE(person_path.erased_at, EXCLUDED.erased_at), updated_at = now()`,
    [localPersonId, person.welcomeStage, person.exitedOn, person.erased],
  );
}

/** The person's local ID from a person event's subject (the members subgraph names the person by global ID). */
export function personOfEvent(subject: string, cooperativeId: string): string {
  const localId = localIdOfReference(subject, cooperativeId);
  if (!localId) throw new Error(`the event's subject ${subject} is not a person of cooperative ${cooperativeId}`);
  return localId;
}

/** Keeps the snapshot of a person event; returns the person's local ID. */
export async function keepSnapshotOf(
  manager: EntityManager,
  event: { subject: string; payload: { person: PersonSnapshot } },
  cooperativeId: string,
): Promise<string> {
  const personId = personOfEvent(event.subject, cooperativeId);
  await keepPersonSnapshot(manager, personId, event.payload.person);
  return personId;
}

/** The person events whose only effect on a sibling is the snapshot (the welcome's steps). */
export const PERSON_SNAPSHOT_HANDLERS = {
  "person.registered": async (manager, event, { cooperativeId }) => void (await keepSnapshotOf(manager, event, cooperativeId)),
  "person.received": async (manager, event, { cooperativeId }) => void (await keepSnapshotOf(manager, event, cooperativeId)),
  "person.admitted": async (manager, event, { cooperativeId }) => void (await keepSnapshotOf(manager, event, cooperativeId)),
  "person.oriented": async (manager, event, { cooperativeId }) => void (await keepSnapshotOf(manager, event, cooperativeId)),
  "person.receptionReopened": async (manager, event, { cooperativeId }) => void (await keepSnapshotOf(manager, event, cooperativeId)),
} satisfies EventHandlers;

/** The people of `localIds` as this subgraph knows them (one statement). */
export async function personPaths(manager: EntityManager, localIds: readonly string[]): Promise<Map<string, PersonPath>> {
  const rows = (await manager.query(
    "SELECT person_id, welcome_stage, exited_on::text AS exited_on, erased_at FROM person_path WHERE person_id = ANY($1::uuid[])",
    [localIds],
  )) as { person_id: string; welcome_stage: PersonPath["welcomeStage"]; exited_on: string | null; erased_at: Date | null }[];
  return new Map(
    rows.map((row) => [row.person_id, { welcomeStage: row.welcome_stage, exitedOn: row.exited_on, erased: row.erased_at !== null }]),
  );
}

/** Refuses what is done for a person unknown here (NOT_FOUND), who left, or whose data was erased (CONFLICT). */
export async function requirePresentPerson(
  manager: EntityManager,
  localPersonId: string,
  globalPersonId: string,
  field: string,
  what: string,
): Promise<PersonPath> {
  const path = (await personPaths(manager, [localPersonId])).get(localPersonId);
  if (!path) throw notFound(`No person ${globalPersonId} in this cooperative's records`, field);
  if (path.erased) throw conflict(`${what} cannot be made for a person whose data was erased`, field);
  if (path.exitedOn) throw conflict(`${what} cannot be made for a person who left the cooperative (on ${path.exitedOn})`, field);
  return path;
}

/**
 * Refuses what is done for a person the cooperative does not hold as admitted and present: an
 * unknown ID (NOT_FOUND), a prospect, someone received and not yet admitted, oriented to a partner,
 * who left, or whose data was erased (CONFLICT), each naming `field`. `what` says what was asked
 * ("A contract", "An invoice").
 */
export async function requireAdmittedPerson(
  manager: EntityManager,
  localPersonId: string,
  globalPersonId: string,
  field: string,
  what: string,
): Promise<PersonPath> {
  const path = await requirePresentPerson(manager, localPersonId, globalPersonId, field, what);
  if (path.welcomeStage !== "ADMITTED") {
    const stage = {
      PROSPECT: "a prospect, not yet received",
      RECEIVED: "received, and the cooperative has not decided on their admission yet",
      ORIENTED: "oriented to a partner, not admitted",
    }[path.welcomeStage];
    throw conflict(`${what} is made for a person the cooperative admitted; this person is ${stage}`, field);
  }
  return path;
}
