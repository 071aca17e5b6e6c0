import { finance } from "@cae/finance";
import type { SubgraphServer } from "@cae/shared";
import { databaseBackends } from "../../testing/database";
import { execute, startTestSubgraph, testCaller } from "../../testing/subgraph";
import { seedFinanceDemo } from "../seed/finance";

const COOP = "garonne-activites";

describe.each(databaseBackends())("the finance demo seed on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<unknown> & { stop(): Promise<void> };
  const query = (sql: string) => server.database.dataSource.query(sql);

  beforeAll(async () => {
    server = (await startTestSubgraph(finance, COOP, backend)) as typeof server;
  });
  afterAll(() => server?.stop());

  it("numbers invoices and credit notes without gaps, in the order of their dates", async () => {
    for (const table of ["invoices", "credit_notes"]) {
      const broken = await query(`SELECT number FROM (
          SELECT number, issued_on, row_number() OVER (PARTITION BY substring(number FROM '[0-9]{4}') ORDER BY number) AS rank,
                 lag(issued_on) OVER (PARTITION BY substring(number FROM '[0-9]{4}') ORDER BY number) AS previous
            FROM ${table} WHERE number IS NOT NULL) numbered
        WHERE substring(number FROM '[0-9]{6}$')::int <> rank OR issued_on < previous`);
      expect(broken).toEqual([]);
    }
    const counters = await query(
      `SELECT kind, year, last_number AS "lastNumber", last_issued_on::text AS "lastIssuedOn" FROM invoice_series ORDER BY kind, year`,
    );
    const documents = await query(`SELECT kind, year::int, count(*)::int AS "lastNumber", max(issued_on)::text AS "lastIssuedOn" FROM (
        SELECT 'INVOICE' AS kind, extract(year FROM issued_on) AS year, issued_on FROM invoices WHERE status <> 'DRAFT'
        UNION ALL SELECT 'CREDIT_NOTE', extract(year FROM issued_on), issued_on FROM credit_notes) documents GROUP BY kind, year ORDER BY kind, year`);
    expect(counters).toEqual(documents);
  });

  it("keeps every total exact: lines, payments and credit notes add up", async () => {
    expect(
      await query(
        `SELECT i.number FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id GROUP BY i.id HAVING sum(l.net_cents) <> i.net_cents`,
      ),
    ).toEqual([]);
    expect(
      await query(
        `SELECT i.number FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id GROUP BY i.id HAVING coalesce(sum(p.amount_cents), 0) <> i.paid_cents`,
      ),
    ).toEqual([]);
    expect(
      await query(
        `SELECT i.number FROM invoices i LEFT JOIN credit_notes c ON c.invoice_id = i.id GROUP BY i.id HAVING coalesce(sum(c.total_cents), 0) <> i.credited_cents`,
      ),
    ).toEqual([]);
    const [{ accounts, invoicing, statuses }] = await query(`SELECT (SELECT count(*)::int FROM activity_accounts) AS accounts,
        (SELECT count(DISTINCT account_id)::int FROM invoices) AS invoicing, (SELECT count(DISTINCT status)::int FROM invoices) AS statuses`);
    expect(invoicing).toBe(accounts); // a year of books for every activity, even one that stopped
    expect(statuses).toBe(4); // issued, partly paid, paid, cancelled
  });

  it("records the same contributions the service computes", async () => {
    const before = await query(`SELECT account_id, amount_cents FROM contribution_entries WHERE month = '2026-10-01' ORDER BY account_id`);
    const result = await execute(
      server,
      `mutation ($input: RecordMonthlyContributionsInput!) { recordMonthlyContributions(input: $input) { amountCents } }`,
      {
        input: { cooperativeId: COOP, month: "2026-10" },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(await query(`SELECT account_id, amount_cents FROM contribution_entries WHERE month = '2026-10-01' ORDER BY account_id`)).toEqual(
      before,
    );
  });

  it("adds up in the aggregates as in the tables, and seeds once", async () => {
    const result = await execute(
      server,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Cooperative { financeIndicators(from: "2025-11-01", to: "2026-10-31") {
        revenueInvoicedCents invoicesIssued creditNotesIssued contributionsCents monthly { month } } } } }`,
      { r: [{ __typename: "Cooperative", id: COOP }] },
      testCaller("NETWORK_SERVICE"),
    );
    const figures = (result.data?._entities as { financeIndicators: Record<string, unknown> & { monthly: unknown[] } }[])[0]
      .financeIndicators;
    const period = "BETWEEN '2025-11-01' AND '2026-10-31'";
    const [expected] = await query(`SELECT
        ((SELECT sum(net_cents) FROM invoices WHERE status <> 'DRAFT' AND issued_on ${period})
          - (SELECT coalesce(sum(net_cents), 0) FROM credit_notes WHERE issued_on ${period}))::text AS revenue,
        (SELECT count(*)::int FROM invoices WHERE status <> 'DRAFT' AND issued_on ${period}) AS invoices,
        (SELECT count(*)::int FROM credit_notes WHERE issued_on ${period}) AS notes,
        (SELECT sum(amount_cents)::text FROM contribution_entries WHERE month ${period}) AS contributions`);
    expect(figures).toMatchObject({
      revenueInvoicedCents: expected.revenue,
      invoicesIssued: expected.invoices,
      creditNotesIssued: expected.notes,
      contributionsCents: expected.contributions,
    });
    expect(figures.monthly).toHaveLength(12);
    const [{ n }] = await query(`SELECT count(*)::int AS n FROM invoices`);
    await seedFinanceDemo(server.database.dataSource, COOP);
    expect(await query(`SELECT count(*)::int AS n FROM invoices`)).toEqual([{ n }]);
  });

  it("posts the year's journal: one balanced entry per source, numbered without gaps, the VAT of paid invoices all due", async () => {
    const [counts] = await query(`SELECT
        (SELECT count(*)::int FROM invoices WHERE status <> 'DRAFT') AS "INVOICE",
        (SELECT count(*)::int FROM credit_notes) AS "CREDIT_NOTE",
        (SELECT count(*)::int FROM payments) AS "PAYMENT",
        (SELECT count(*)::int FROM expenses) AS "EXPENSE",
        (SELECT count(*)::int FROM contribution_entries WHERE amount_cents > 0) AS "CONTRIBUTION"`);
    const posted = await query(`SELECT source_kind, count(*)::int AS n FROM journal_entries GROUP BY source_kind`);
    for (const [kind, n] of Object.entries(counts)) {
      expect([kind, posted.find((row: { source_kind: string }) => row.source_kind === kind)?.n ?? 0]).toEqual([kind, n]);
    }
    expect(counts.INVOICE).toBeGreaterThan(100);
    expect(await query(`SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING sum(debit_cents) <> sum(credit_cents)`)).toEqual([]);
    expect(await query(`SELECT journal FROM journal_entries GROUP BY journal, fiscal_year HAVING max(number) <> count(*)`)).toEqual([]);
    // An invoice settled (paid, or cancelled by credit notes) has no VAT left awaiting payment.
    const awaiting =
      await query(`SELECT i.number FROM invoices i JOIN journal_entries e ON e.document_id = i.id JOIN journal_lines l ON l.entry_id = e.id
       WHERE l.role LIKE 'VAT_ON_RECEIPTS_%' AND i.status IN ('PAID', 'CANCELLED') GROUP BY i.id HAVING sum(l.credit_cents - l.debit_cents) <> 0`);
    expect(awaiting).toEqual([]);
    const [{ unpaid }] = await query(`SELECT count(*)::int AS unpaid FROM invoices i WHERE i.status = 'ISSUED' AND EXISTS (
        SELECT 1 FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id WHERE e.document_id = i.id AND l.role LIKE 'VAT_ON_RECEIPTS_%')`);
    expect(unpaid).toBeGreaterThan(0);
  });
});
