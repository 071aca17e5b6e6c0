import { aggregatePeriod, queryPrepared } from "@cae/shared";
import type { DataSource } from "typeorm";
import type { FinanceIndicators, FinanceMonth, FinanceQuarter } from "./indicators.type";

/** Revenue rows of the period: invoices issued (+ net) and credit notes issued (- net), by month and account. */
const REVENUE = `
  revenue AS (
    SELECT date_trunc('month', issued_on)::date AS month, account_id, net_cents AS net, 1 AS invoices, 0 AS credit_notes
      FROM invoices WHERE status <> 'DRAFT' AND issued_on BETWEEN $1 AND $2
    UNION ALL
    SELECT date_trunc('month', issued_on)::date, account_id, -net_cents, 0, 1
      FROM credit_notes WHERE issued_on BETWEEN $1 AND $2
  )`;

type MonthRow = Record<
  | "month"
  | "revenue_invoiced"
  | "revenue_collected"
  | "contributions"
  | "invoices"
  | "credit_notes"
  | "activities"
  | "largest"
  | "period_activities"
  | "period_largest"
  | "quarter_activities"
  | "quarter_largest",
  string
>;

/** One grouped statement over the whole cooperative, whatever the period: no row is loaded. */
export async function financeIndicators(db: DataSource, from: string, to: string): Promise<FinanceIndicators> {
  aggregatePeriod(from, to);
  const rows = await queryPrepared<MonthRow>(
    db,
    "finance_indicators",
    `WITH months AS (
        SELECT m::date AS month FROM generate_series(date_trunc('month', $1::date), date_trunc('month', $2::date), interval '1 month') AS m
      ),
      ${REVENUE},
      by_account AS (
        SELECT month, account_id, sum(net) AS net, sum(invoices) AS invoices, sum(credit_notes) AS credit_notes FROM revenue GROUP BY month, account_id
      ),
      by_month AS (
        SELECT month, sum(net) AS net, sum(invoices) AS invoices, sum(credit_notes) AS credit_notes,
               count(*) FILTER (WHERE net > 0) AS activities, max(net) FILTER (WHERE net > 0) AS largest
          FROM by_account GROUP BY month
      ),
      shares AS (
        SELECT p.received_on,
               round((sum(p.amount_cents) OVER w) * i.net_cents::numeric / i.total_cents)
             - round((sum(p.amount_cents) OVER w - p.amount_cents) * i.net_cents::numeric / i.total_cents) AS net
          FROM payments p JOIN invoices i ON i.id = p.invoice_id
         WHERE p.invoice_id IN (SELECT invoice_id FROM payments WHERE received_on BETWEEN $1 AND $2)
        WINDOW w AS (PARTITION BY p.invoice_id ORDER BY p.received_on, p.seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
      ),
      collected AS (
        SELECT date_trunc('month', received_on)::date AS month, sum(net) AS net FROM shares WHERE received_on BETWEEN $1 AND $2 GROUP BY 1
      ),
      contributions AS (
        SELECT month, sum(amount_cents) AS amount FROM contribution_entries WHERE month BETWEEN $1 AND $2 GROUP BY month
      ),
      -- The whole period's activities, on every row: an activity counts once, whatever its months.
      by_account_in_period AS (SELECT account_id, sum(net) AS net FROM revenue GROUP BY account_id),
      -- Each quarter's activities (within the period), on each of its months' rows, for the network's quarters.
      by_account_in_quarter AS (
        SELECT date_trunc('quarter', month)::date AS quarter, account_id, sum(net) AS net FROM revenue GROUP BY 1, 2
      ),
      quarters AS (
        SELECT quarter, count(*) FILTER (WHERE net > 0)::text AS quarter_activities,
               coalesce(max(net) FILTER (WHERE net > 0), 0)::text AS quarter_largest
          FROM by_account_in_quarter GROUP BY quarter
      ),
      period AS (
        SELECT count(*) FILTER (WHERE net > 0)::text AS period_activities,
               coalesce(max(net) FILTER (WHERE net > 0), 0)::text AS period_largest
          FROM by_account_in_period
      )
    SELECT to_char(m.month, 'YYYY-MM') AS month,
           coalesce(b.net, 0)::text AS revenue_invoiced,
           coalesce(c.net, 0)::text AS revenue_collected,
           coalesce(k.amount, 0)::text AS contributions,
           coalesce(b.invoices, 0)::text AS invoices,
           coalesce(b.credit_notes, 0)::text AS credit_notes,
           coalesce(b.activities, 0)::text AS activities,
           coalesce(b.largest, 0)::text AS largest,
           p.period_activities, p.period_largest,
           coalesce(q.quarter_activities, '0') AS quarter_activities, coalesce(q.quarter_largest, '0') AS quarter_largest
      FROM months m LEFT JOIN by_month b USING (month) LEFT JOIN collected c USING (month) LEFT JOIN contributions k USING (month)
           LEFT JOIN quarters q ON q.quarter = date_trunc('quarter', m.month)::date
           CROSS JOIN period p
     ORDER BY m.month`,
    [from, to],
  );
  const monthly: FinanceMonth[] = rows.map((row) => ({
    month: row.month,
    revenueInvoicedCents: BigInt(row.revenue_invoiced),
    revenueCollectedCents: BigInt(row.revenue_collected),
    contributionsCents: BigInt(row.contributions),
    invoicesIssued: Number(row.invoices),
    creditNotesIssued: Number(row.credit_notes),
    activitiesWithRevenue: Number(row.activities),
    largestActivityRevenueCents: BigInt(row.largest),
  }));
  const quarterly: FinanceQuarter[] = [];
  for (const row of rows) {
    const quarter = `${row.month.slice(0, 4)}-Q${Math.ceil(Number(row.month.slice(5, 7)) / 3)}`;
    if (quarterly.at(-1)?.quarter === quarter) continue;
    quarterly.push({
      quarter,
      activitiesWithRevenue: Number(row.quarter_activities),
      largestActivityRevenueCents: BigInt(row.quarter_largest),
    });
  }
  const total = (pick: (month: FinanceMonth) => bigint) => monthly.reduce((sum, month) => sum + pick(month), 0n);
  return {
    from,
    to,
    revenueInvoicedCents: total((month) => month.revenueInvoicedCents),
    revenueCollectedCents: total((month) => month.revenueCollectedCents),
    contributionsCents: total((month) => month.contributionsCents),
    invoicesIssued: monthly.reduce((sum, month) => sum + month.invoicesIssued, 0),
    creditNotesIssued: monthly.reduce((sum, month) => sum + month.creditNotesIssued, 0),
    // A period has at least one month, so at least one row.
    activitiesWithRevenue: Number(rows[0].period_activities),
    largestActivityRevenueCents: BigInt(rows[0].period_largest),
    monthly,
    quarterly,
  };
}
