import { badUserInput } from "@cae/shared";
import type { DataSource } from "typeorm";
import type { ActivityStatement } from "./statement.type";

/** The statement of one account: one SQL statement of sums. */
export async function activityStatement(db: DataSource, accountId: string, from: string, to: string): Promise<ActivityStatement> {
  if (from > to) throw badUserInput("from must not be after to", "from");
  const [row]: Record<string, string>[] = await db.query(
    `SELECT
      (SELECT coalesce(sum(net_cents), 0) FROM invoices WHERE account_id = $1 AND status <> 'DRAFT' AND issued_on BETWEEN $2 AND $3)::text AS invoiced_net,
      (SELECT coalesce(sum(vat_cents), 0) FROM invoices WHERE account_id = $1 AND status <> 'DRAFT' AND issued_on BETWEEN $2 AND $3)::text AS invoiced_vat,
      (SELECT coalesce(sum(net_cents), 0) FROM credit_notes WHERE account_id = $1 AND issued_on BETWEEN $2 AND $3)::text AS credited_net,
      (SELECT coalesce(sum(vat_cents), 0) FROM credit_notes WHERE account_id = $1 AND issued_on BETWEEN $2 AND $3)::text AS credited_vat,
      (SELECT coalesce(sum(amount), 0) FROM (
         SELECT p.received_on, p.amount_cents AS amount FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.account_id = $1
       ) paid WHERE received_on BETWEEN $2 AND $3)::text AS collected,
      (SELECT coalesce(sum(net), 0) FROM (
         SELECT p.received_on,
                round((sum(p.amount_cents) OVER w) * i.net_cents::numeric / i.total_cents)
              - round((sum(p.amount_cents) OVER w - p.amount_cents) * i.net_cents::numeric / i.total_cents) AS net
           FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.account_id = $1
         WINDOW w AS (PARTITION BY p.invoice_id ORDER BY p.received_on, p.seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
       ) shares WHERE received_on BETWEEN $2 AND $3)::text AS collected_net,
      (SELECT coalesce(sum(amount_cents), 0) FROM contribution_entries WHERE account_id = $1 AND month BETWEEN $2 AND $3)::text AS contribution,
      (SELECT coalesce(sum(net_cents), 0) FROM expenses WHERE account_id = $1 AND spent_on BETWEEN $2 AND $3)::text AS expenses,
      (SELECT coalesce(sum(amount_cents), 0) FROM salary_costs WHERE account_id = $1 AND month BETWEEN $2 AND $3)::text AS salary`,
    [accountId, from, to],
  );
  const cents = (key: string) => BigInt(row[key]);
  const revenueInvoicedCents = cents("invoiced_net") - cents("credited_net");
  return {
    from,
    to,
    invoicedNetCents: cents("invoiced_net"),
    creditedNetCents: cents("credited_net"),
    revenueInvoicedCents,
    vatInvoicedCents: cents("invoiced_vat") - cents("credited_vat"),
    collectedCents: cents("collected"),
    revenueCollectedCents: cents("collected_net"),
    contributionCents: cents("contribution"),
    expensesCents: cents("expenses"),
    salaryCostsCents: cents("salary"),
    balanceCents: revenueInvoicedCents - cents("contribution") - cents("expenses") - cents("salary"),
  };
}
