import { daysBetween } from "@cae/shared";
import type { DataSource } from "typeorm";

/** An issued invoice with something left to pay on a day: what a reminder is about. */
export interface OpenInvoice {
  invoiceId: string;
  accountId: string;
  number: string;
  customerName: string;
  issuedOn: string;
  dueOn: string;
  totalCents: bigint;
  leftCents: bigint;
  /** Days since the due date; 0 or less while it is not due. */
  daysLate: number;
}

/** What customers owe, by how late it is (buckets of days after the due date). */
export interface Ageing {
  notDueCents: bigint;
  late1To30Cents: bigint;
  late31To60Cents: bigint;
  late61To90Cents: bigint;
  lateOver90Cents: bigint;
}

/** The cash of one activity on a day (docs/finance.md, "Cash per activity"). */
export interface AccountCash {
  accountId: string;
  on: string;
  receiptsCents: bigint;
  receiptsNetCents: bigint;
  expensesNetCents: bigint;
  salaryCostsCents: bigint;
  contributionCents: bigint;
  availableCents: bigint;
  receivableCents: bigint;
  ageing: Ageing;
  /** Invoices past their due date with something left, the latest first. */
  toRemind: OpenInvoice[];
}

/** Which bucket a day count falls in. */
export function ageingOf(invoices: readonly Pick<OpenInvoice, "leftCents" | "daysLate">[]): Ageing {
  const ageing: Ageing = { notDueCents: 0n, late1To30Cents: 0n, late31To60Cents: 0n, late61To90Cents: 0n, lateOver90Cents: 0n };
  for (const invoice of invoices) {
    const days = invoice.daysLate;
    const bucket: keyof Ageing =
      days <= 0
        ? "notDueCents"
        : days <= 30
          ? "late1To30Cents"
          : days <= 60
            ? "late31To60Cents"
            : days <= 90
              ? "late61To90Cents"
              : "lateOver90Cents";
    ageing[bucket] += invoice.leftCents;
  }
  return ageing;
}

/**
 * The cash of many accounts on one day, in two SQL statements whatever their number: one of sums,
 * one of the invoices still owed. Everything counts on the day money moved (a payment on the day
 * it was received, its reversal on the day it was cancelled, an expense on the day it was spent,
 * a supplier invoice or expense report on the day the transfer paying it was executed), salary
 * costs and the contribution once their month is over; an invoice is owed as of `on` from the
 * payments received and credit notes issued by then.
 *
 * Purchases paid count in `expensesNetCents` excl. VAT, like expenses (the deductible VAT is the
 * cooperative's return's): a transfer pays an amount incl. VAT, whose excl.-VAT share is taken
 * exactly in integer cents as for receipts — the document's net (for a report, lines and mileage)
 * × what is paid cumulatively / its total, rounded half up, minus the same for what was paid
 * before — so the partial payments of an invoice add up to exactly its net once it is paid in full.
 * A recorded but unpaid supplier invoice, or an approved but unpaid report, has not moved money yet.
 */
export async function cashOf(db: DataSource, accountIds: readonly string[], on: string): Promise<AccountCash[]> {
  const sums: {
    account_id: string;
    receipts: string;
    receipts_net: string;
    expenses_net: string;
    salary: string;
    contribution: string;
  }[] = await db.query(
    `SELECT ids.account_id,
      (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p JOIN invoices i ON i.id = p.invoice_id
        WHERE i.account_id = ids.account_id AND p.received_on <= $2)::text AS receipts,
      (SELECT coalesce(sum(net), 0) FROM (
         SELECT p.received_on,
                round((sum(p.amount_cents) OVER w) * i.net_cents::numeric / i.total_cents)
              - round((sum(p.amount_cents) OVER w - p.amount_cents) * i.net_cents::numeric / i.total_cents) AS net
           FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.account_id = ids.account_id
         WINDOW w AS (PARTITION BY p.invoice_id ORDER BY p.received_on, p.seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
       ) shares WHERE received_on <= $2)::text AS receipts_net,
      ((SELECT coalesce(sum(net_cents), 0) FROM expenses WHERE account_id = ids.account_id AND spent_on <= $2)
     + (SELECT coalesce(sum(net), 0) FROM (
         SELECT b.executed_on,
                round((sum(t.amount_cents) OVER w) * d.net_cents::numeric / d.total_cents)
              - round((sum(t.amount_cents) OVER w - t.amount_cents) * d.net_cents::numeric / d.total_cents) AS net
           FROM transfer_items t
           JOIN transfer_batches b ON b.id = t.batch_id AND b.status = 'EXECUTED'
           JOIN (SELECT id, net_cents, total_cents FROM supplier_invoices WHERE account_id = ids.account_id
                 UNION ALL SELECT id, net_cents + mileage_cents, total_cents FROM expense_reports WHERE account_id = ids.account_id
                ) d ON d.id = coalesce(t.supplier_invoice_id, t.expense_report_id)
          WHERE t.account_id = ids.account_id
         WINDOW w AS (PARTITION BY d.id ORDER BY b.executed_on, t.seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
       ) shares WHERE executed_on <= $2))::text AS expenses_net,
      (SELECT coalesce(sum(amount_cents), 0) FROM salary_costs
        WHERE account_id = ids.account_id AND month + interval '1 month' - interval '1 day' <= $2::date)::text AS salary,
      (SELECT coalesce(sum(amount_cents), 0) FROM contribution_entries
        WHERE account_id = ids.account_id AND month + interval '1 month' - interval '1 day' <= $2::date)::text AS contribution
    FROM unnest($1::uuid[]) AS ids(account_id)`,
    [[...accountIds], on],
  );
  const owed: {
    id: string;
    account_id: string;
    number: string;
    customer_name: string;
    issued_on: string;
    due_on: string;
    total_cents: string;
    left_cents: string;
  }[] = await db.query(
    `SELECT * FROM (
       SELECT i.id, i.account_id, i.number, c.name AS customer_name, to_char(i.issued_on, 'YYYY-MM-DD') AS issued_on,
              to_char(i.due_on, 'YYYY-MM-DD') AS due_on, i.total_cents::text,
              (i.total_cents
                - (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.invoice_id = i.id AND p.received_on <= $2)
                - (SELECT coalesce(sum(n.total_cents), 0) FROM credit_notes n WHERE n.invoice_id = i.id AND n.issued_on <= $2))::text AS left_cents
         FROM invoices i JOIN customers c ON c.id = i.customer_id
        WHERE i.account_id = ANY($1::uuid[]) AND i.status <> 'DRAFT' AND i.issued_on <= $2
     ) open WHERE left_cents::bigint > 0
     ORDER BY due_on, number`,
    [[...accountIds], on],
  );
  const openByAccount = new Map<string, OpenInvoice[]>();
  for (const row of owed) {
    const invoice: OpenInvoice = {
      invoiceId: row.id,
      accountId: row.account_id,
      number: row.number,
      customerName: row.customer_name,
      issuedOn: row.issued_on,
      dueOn: row.due_on,
      totalCents: BigInt(row.total_cents),
      leftCents: BigInt(row.left_cents),
      daysLate: daysBetween(row.due_on, on),
    };
    openByAccount.set(row.account_id, [...(openByAccount.get(row.account_id) ?? []), invoice]);
  }
  const sumsByAccount = new Map(sums.map((row) => [row.account_id, row]));
  return accountIds.map((accountId) => {
    const row = sumsByAccount.get(accountId)!;
    const open = openByAccount.get(accountId) ?? [];
    const receiptsNetCents = BigInt(row.receipts_net);
    const expensesNetCents = BigInt(row.expenses_net);
    const salaryCostsCents = BigInt(row.salary);
    const contributionCents = BigInt(row.contribution);
    return {
      accountId,
      on,
      receiptsCents: BigInt(row.receipts),
      receiptsNetCents,
      expensesNetCents,
      salaryCostsCents,
      contributionCents,
      availableCents: receiptsNetCents - expensesNetCents - salaryCostsCents - contributionCents,
      receivableCents: open.reduce((sum, invoice) => sum + invoice.leftCents, 0n),
      ageing: ageingOf(open),
      toRemind: open.filter((invoice) => invoice.daysLate > 0).sort((a, b) => b.daysLate - a.daysLate || a.number.localeCompare(b.number)),
    };
  });
}
