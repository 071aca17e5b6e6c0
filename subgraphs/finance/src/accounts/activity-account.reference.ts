import { localIdOfReference } from "@cae/shared";
import type { FinanceContext } from "../context";
import { toActivityAccount } from "./activity-account.mapper";
import type { ActivityAccount, Person } from "./activity-account.type";

export async function resolveActivityAccountReference(
  reference: Pick<ActivityAccount, "id">,
  ctx: FinanceContext,
): Promise<ActivityAccount | null> {
  const localId = localIdOfReference(reference.id, ctx.cooperativeId);
  const account = localId ? await ctx.loaders.activityAccountById.load(localId) : null;
  if (!account) return null;
  const found = toActivityAccount(account, ctx.cooperativeId);
  return found;
}

export async function resolvePersonReference(reference: Pick<Person, "id">, ctx: FinanceContext): Promise<Person | null> {
  return localIdOfReference(reference.id, ctx.cooperativeId) ? { id: reference.id } : null;
}
