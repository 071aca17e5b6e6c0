import { encodeId, forbidden, notFound, ownLocalId, type Caller } from "@cae/shared";
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
