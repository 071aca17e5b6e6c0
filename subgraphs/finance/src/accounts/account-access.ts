import { conflict, encodeId, forbidden, notFound, ownLocalId, requirePresentPerson, type Caller } from "@cae/shared";
import type { EntityManager } from "typeorm";
import { ActivityAccountEntity } from "./activity-account.entity";

/** The account an input names by its global ID: another cooperative's is bad input, an unknown one NOT_FOUND. */
export async function requireAccount(manager: EntityManager, cooperativeId: string, globalId: string, field: string) {
  const account = await manager.getRepository(ActivityAccountEntity).findOneBy({ id: ownLocalId(globalId, cooperativeId, field) });
  if (!account) throw notFound(`No activity account ${globalId}`);
  return account;
}

/**
 * Drafts (customers, quotes, draft invoices) may be prepared by the entrepreneur of the activity as
 * well as by staff; what binds the cooperative (issuing, crediting, payments, expenses) stays with staff.
 */
export function assertMayDraftFor(caller: Caller, cooperativeId: string, account: Pick<ActivityAccountEntity, "personId">): void {
  if (caller.role === "ENTREPRENEUR" && caller.personId !== encodeId(cooperativeId, account.personId)) {
    throw forbidden("An entrepreneur may prepare documents only for their own activities");
  }
}

/**
 * What is newly recorded for an activity: a `document` that prepares new business in its name (a
 * customer, a quote, a draft invoice), or a `booking` that records money or settles what exists
 * (a payment, its reversal, an expense, a credit note).
 */
export type ActivityRecord = "document" | "booking";

/**
 * The one place that says whether an activity takes something new. A closed account takes
 * nothing at all: its books were settled when it closed, and a new figure would reopen them. A
 * document is moreover prepared only for an activity whose entrepreneur is still with the
 * cooperative: one who left, or whose data was erased, drafts nothing more (what the members
 * subgraph told, by its events). Bookings stay open after an exit, until the account closes: the
 * customers of a former entrepreneur still pay their invoices and their last receipts come in
 * late, and the account closes only once they are settled.
 */
export async function requireActiveActivity(
  manager: EntityManager,
  cooperativeId: string,
  account: Pick<ActivityAccountEntity, "id" | "personId">,
  field: string,
  record: ActivityRecord = "document",
): Promise<void> {
  // Read under a share lock: a closing (which locks the row for update) waits for this record, or this record sees it.
  const current = await manager
    .getRepository(ActivityAccountEntity)
    .createQueryBuilder("account")
    .setLock("pessimistic_read")
    .where("account.id = :id", { id: account.id })
    .getOne();
  if (!current) throw notFound(`No activity account ${encodeId(cooperativeId, account.id)}`, field);
  if (current.closedOn !== null) {
    throw conflict(`Activity account ${current.analyticCode} was closed on ${current.closedOn}: it takes nothing new`, field);
  }
  if (record === "document") {
    await requirePresentPerson(manager, account.personId, encodeId(cooperativeId, account.personId), field, "A document of this activity");
  }
}
