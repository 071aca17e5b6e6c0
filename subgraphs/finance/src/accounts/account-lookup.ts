import { localIdOfReference, notFound } from "@cae/shared";
import type { FinanceContext } from "../context";
import type { ActivityAccount } from "./activity-account.type";

/** The account behind an `ActivityAccount` root (whom it is open to is the access policy's). */
export async function readableAccount(account: ActivityAccount, ctx: FinanceContext) {
  const localId = localIdOfReference(account.id, ctx.cooperativeId);
  const entity = localId ? await ctx.loaders.activityAccountById.load(localId) : null;
  if (!entity) throw notFound(`No activity account ${account.id}`);
  return entity;
}

/** The activity account a document (invoice, credit note) belongs to, by its local ID. */
export async function accountOf(ctx: FinanceContext, accountId: string) {
  const account = await ctx.loaders.activityAccountById.load(accountId);
  if (!account) throw notFound("The document's activity account is missing");
  return account;
}
