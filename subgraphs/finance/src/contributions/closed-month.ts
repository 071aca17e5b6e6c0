import { todayInFrance } from "@cae/shared";
import type { EntityManager } from "typeorm";
import { conflictOn } from "../errors";

// Writers of dated figures share this lock; recording a month's contributions takes a stronger one and waits for them.
const shareContributions = (manager: EntityManager) => manager.query("LOCK TABLE contribution_entries IN SHARE MODE");

/**
 * Once a month's contribution is recorded for an account, its figures are closed: nothing dated in
 * that month may change its revenue or expenses any more (figures of the past do not move).
 * Documents with a number (invoices, credit notes) are refused there: their numbers follow their dates.
 */
export async function assertMonthOpen(manager: EntityManager, accountId: string, date: string, field: string): Promise<void> {
  await shareContributions(manager);
  const [closed] = await manager.query(
    `SELECT 1 FROM contribution_entries WHERE account_id = $1 AND month = date_trunc('month', $2::date)::date`,
    [accountId, date],
  );
  if (closed) throw conflictOn(`The contribution of ${date.slice(0, 7)} is recorded for this activity: its figures are closed`, field);
}

/**
 * Where a late figure without a number (an expense, a payment's reversal) is booked: null when its
 * own month is still open (it is booked on its date); else the first day of the first month after
 * it whose contribution is not recorded, where it is an adjustment. The closed month keeps its
 * figures and its contribution; the adjustment counts in the next month's. The current month is
 * never closed (a month's contribution is recorded once it is over), so there always is one.
 */
export async function adjustmentMonth(manager: EntityManager, accountId: string, date: string): Promise<string | null> {
  await shareContributions(manager);
  const [{ first_open: firstOpen }]: { first_open: string }[] = await manager.query(
    `SELECT to_char(min(m.first), 'YYYY-MM-DD') AS first_open
       FROM generate_series(date_trunc('month', $2::date), date_trunc('month', greatest($2::date, $3::date)), interval '1 month') AS m(first)
      WHERE NOT EXISTS (SELECT 1 FROM contribution_entries e WHERE e.account_id = $1 AND e.month = m.first::date)`,
    [accountId, date, todayInFrance()],
  );
  return firstOpen === `${date.slice(0, 7)}-01` ? null : firstOpen;
}
