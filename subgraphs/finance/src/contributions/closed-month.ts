import type { EntityManager } from "typeorm";
import { conflictOn } from "../errors";

/**
 * Once a month's contribution is recorded for an account, its figures are closed: nothing dated in
 * that month may change its revenue or expenses any more (figures of the past do not move).
 */
export async function assertMonthOpen(manager: EntityManager, accountId: string, date: string, field: string): Promise<void> {
  // Writers of dated figures share this lock; recording a month's contributions takes a stronger one and waits for them.
  await manager.query("LOCK TABLE contribution_entries IN SHARE MODE");
  const [closed] = await manager.query(
    `SELECT 1 FROM contribution_entries WHERE account_id = $1 AND month = date_trunc('month', $2::date)::date`,
    [accountId, date],
  );
  if (closed) throw conflictOn(`The contribution of ${date.slice(0, 7)} is recorded for this activity: its figures are closed`, field);
}
