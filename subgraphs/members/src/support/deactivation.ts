import { conflict, notFound, ownLocalId, recordAudit, requiredText, todayInFrance, type Caller } from "@cae/shared";
import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere } from "typeorm";
import { existingId } from "../references";

/**
 * A row of the cooperative's directories that is deactivated rather than deleted (a counselor, a
 * partner): sessions, meetings, receptions and people still name it, and the lists still show it.
 */
export interface Deactivatable {
  id: string;
  deactivatedOn: string | null;
}

/** One directory: its table, and its name in the API and the audit trail. */
export interface Directory<Row extends Deactivatable> {
  entity: EntityTarget<Row>;
  type: "Counselor" | "Partner";
  noun: string;
}

/**
 * The local ID of an active row an input chooses (a counselor for a person or a session, a partner
 * for an orientation or a referral): BAD_USER_INPUT on `field` when it is not one of this
 * cooperative's, CONFLICT on `field` when it was deactivated.
 */
export async function activeId<Row extends Deactivatable>(
  manager: EntityManager,
  directory: Directory<Row>,
  globalId: string,
  cooperativeId: string,
  field: string,
): Promise<string> {
  const id = await existingId(manager, directory.entity, directory.noun, globalId, cooperativeId, field);
  // Read under a shared lock: a deactivation in flight waits for this change to end, or this change sees it.
  const row = await manager
    .getRepository(directory.entity)
    .findOne({ where: { id } as FindOptionsWhere<Row>, lock: { mode: "pessimistic_read" } });
  if (row?.deactivatedOn) {
    throw conflict(`The ${directory.noun} ${globalId} was deactivated on ${row.deactivatedOn}: choose an active one`, field);
  }
  return id;
}

/** The row, locked for the rest of the transaction: two (de)activations never interleave. */
async function lockRow<Row extends Deactivatable>(manager: EntityManager, directory: Directory<Row>, id: string, globalId: string) {
  const row = await manager
    .getRepository(directory.entity)
    .findOne({ where: { id } as FindOptionsWhere<Row>, lock: { mode: "pessimistic_write" } });
  if (!row) throw notFound(`No ${directory.noun} ${globalId} in this cooperative`, "input.id");
  return row;
}

/**
 * Deactivates a counselor or a partner from today in France: no new person, session, orientation
 * or referral names them, and what already does is kept. The reason is kept in the audit trail only.
 */
export async function deactivate<Row extends Deactivatable>(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  directory: Directory<Row>,
  input: { id: string; reason: string },
  today = todayInFrance(),
): Promise<Row> {
  const id = ownLocalId(input.id, cooperativeId, "input.id");
  const reason = requiredText(input.reason, "input.reason", 500);
  return db.transaction(async (manager) => {
    const row = await lockRow(manager, directory, id, input.id);
    if (row.deactivatedOn) throw conflict(`This ${directory.noun} was already deactivated, on ${row.deactivatedOn}`, "input.id");
    const deactivated = await manager.getRepository(directory.entity).save(Object.assign(row, { deactivatedOn: today }));
    await recordAudit(manager, actor, {
      action: `deactivate${directory.type}`,
      entityType: directory.type,
      entityId: input.id,
      details: { reason },
    });
    return deactivated;
  });
}

/** Makes a deactivated counselor or partner active again: they may be chosen anew. */
export async function reactivate<Row extends Deactivatable>(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  directory: Directory<Row>,
  input: { id: string },
): Promise<Row> {
  const id = ownLocalId(input.id, cooperativeId, "input.id");
  return db.transaction(async (manager) => {
    const row = await lockRow(manager, directory, id, input.id);
    if (!row.deactivatedOn) throw conflict(`This ${directory.noun} is active: there is nothing to reactivate`, "input.id");
    // The day it had been deactivated goes with the reactivation: the trail keeps the whole story.
    const details = { deactivatedOn: row.deactivatedOn };
    const reactivated = await manager.getRepository(directory.entity).save(Object.assign(row, { deactivatedOn: null }));
    await recordAudit(manager, actor, { action: `reactivate${directory.type}`, entityType: directory.type, entityId: input.id, details });
    return reactivated;
  });
}
