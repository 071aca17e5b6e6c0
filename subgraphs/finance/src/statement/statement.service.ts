import { badUserInput } from "@cae/shared";
import type { DataSource } from "typeorm";
import type { ActivityStatement } from "./statement.type";

/** The statement of one account (see `statementsOf` for many at once). */
export async function activityStatement(db: DataSource, accountId: string, from: string, to: string): Promise<ActivityStatement> {
  return (await statementsOf(db, [accountId], from, to))[0];
}

/**
 * The statements of many accounts for one period: one SQL statement of sums, whatever their number.
 * Payments, their reversals and expenses count on the day they are booked: their own date, or for
 * an adjustment (dated in a month already closed) the first day of the month it is booked in, so
 * that a late expense or reversal leaves a closed month's figures as they were. Expenses include
 * the activity's purchases excl. VAT as the books post them: supplier invoices on their issue date,
 * approved expense reports (lines and mileage) on their approval date — neither can be dated in a
 * closed month (`assertMonthOpen`), so they need no adjustment date.
 */
export async function statementsOf(db: DataSource, accountIds: readonly string[], from: string, to: string): Promise<ActivityStatement[]> {
  if (from > to) throw badUserInput("from must not be after to", "from");
  const rows: (Record<string, string> & { account_id: string })[] = await db.query(
    `SELECT ids.account_id,
      (SELECT coalesce(sum(net_cents), 0) FROM invoices WHERE account_id = ids.account_id AND status <> 'DRAFT' AND issued_on BETWEEN $2 AND $3)::text AS invoiced_net,
      (SELECT coalesce(sum(vat_cents), 0) FROM invoices WHERE account_id = ids.account_id AND status <> 'DRAFT' AND issued_on BETWEEN $2 AND $3)::text AS invoiced_vat,
      (SELECT coalesce(sum(net_cents), 0) FROM credit_notes WHERE account_id = ids.account_id AND issued_on BETWEEN $2 AND $3)::text AS credited_net,
      (SELECT coalesce(sum(vat_cents), 0) FROM credit_notes WHERE account_id = ids.account_id AND issued_on BETWEEN $2 AND $3)::text AS credited_vat,
      (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p JOIN invoices i ON i.id = p.invoice_id
        WHERE i.account_id = ids.account_id AND coalesce(p.booked_on, p.received_on) BETWEEN $2 AND $3)::text AS collected,
      (SELECT coalesce(sum(-p.amount_cents), 0) FROM payments p JOIN invoices i ON i.id = p.invoice_id
        WHERE i.account_id = ids.account_id AND p.reversal_of IS NOT NULL AND coalesce(p.booked_on, p.received_on) BETWEEN $2 AND $3)::text AS reversed,
      (SELECT coalesce(sum(net), 0) FROM (
         SELECT coalesce(p.booked_on, p.received_on) AS booked_on,
                round((sum(p.amount_cents) OVER w) * i.net_cents::numeric / i.total_cents)
              - round((sum(p.amount_cents) OVER w - p.amount_cents) * i.net_cents::numeric / i.total_cents) AS net
           FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.account_id = ids.account_id
         WINDOW w AS (PARTITION BY p.invoice_id ORDER BY p.received_on, p.seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
       ) shares WHERE booked_on BETWEEN $2 AND $3)::text AS collected_net,
      (SELECT coalesce(sum(amount_cents), 0) FROM contribution_entries WHERE account_id = ids.account_id AND month BETWEEN $2 AND $3)::text AS contribution,
      ((SELECT coalesce(sum(net_cents), 0) FROM expenses
         WHERE account_id = ids.account_id AND coalesce(booked_on, spent_on) BETWEEN $2 AND $3)
     + (SELECT coalesce(sum(net_cents), 0) FROM supplier_invoices
         WHERE account_id = ids.account_id AND coalesce(booked_on, issued_on) BETWEEN $2 AND $3)
     + (SELECT coalesce(sum(net_cents + mileage_cents), 0) FROM expense_reports
         WHERE account_id = ids.account_id AND status IN ('APPROVED', 'PAID') AND approved_on BETWEEN $2 AND $3))::text AS expenses,
      (SELECT coalesce(sum(amount_cents), 0) FROM salary_costs WHERE account_id = ids.account_id AND month BETWEEN $2 AND $3)::text AS salary
    FROM unnest($1::uuid[]) AS ids(account_id)`,
    [[...accountIds], from, to],
  );
  const byAccount = new Map(rows.map((row) => [row.account_id, row]));
  return accountIds.map((accountId) => statementOfRow(byAccount.get(accountId)!, from, to));
}

function statementOfRow(row: Record<string, string>, from: string, to: string): ActivityStatement {
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
    reversedCents: cents("reversed"),
    revenueCollectedCents: cents("collected_net"),
    contributionCents: cents("contribution"),
    expensesCents: cents("expenses"),
    salaryCostsCents: cents("salary"),
    balanceCents: revenueInvoicedCents - cents("contribution") - cents("expenses") - cents("salary"),
  };
}
