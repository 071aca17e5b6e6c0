import { databaseBackends, execute } from "@cae/tools/testing";
import { addDays, latestPlannedDate, MAX_AMOUNT_CENTS, todayInFrance } from "@cae/shared";
import {
  admin,
  COOP,
  CREATE_DRAFT,
  createCustomer,
  CREDIT,
  draft,
  ISSUE,
  issued,
  line,
  ok,
  openAccount,
  OPEN_ACCOUNT,
  PAY,
  settingsInput,
  startEmptyFinance,
  UPDATE_SETTINGS,
  type FinanceServer,
} from "./builders";

const TABLES = [
  "activity_accounts",
  "finance_settings",
  "invoices",
  "invoice_lines",
  "invoice_series",
  "quotes",
  "quote_lines",
  "credit_notes",
  "credit_note_lines",
  "payments",
  "expenses",
  "salary_costs",
  "contribution_entries",
  "audit_events",
];

const UPDATE_DRAFT = `mutation ($input: UpdateInvoiceDraftInput!) { updateInvoiceDraft(input: $input) { id totalCents } }`;
const CREATE_QUOTE = `mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { id status } }`;
const ACCEPT_QUOTE = `mutation ($input: DecideQuoteInput!) { acceptQuote(input: $input) { id status } }`;
const REFUSE_QUOTE = `mutation ($input: DecideQuoteInput!) { refuseQuote(input: $input) { id status } }`;
const EXPENSE = `mutation ($input: RecordExpenseInput!) { recordExpense(input: $input) { id } }`;
const SALARY = `mutation ($input: RecordSalaryCostInput!) { recordSalaryCost(input: $input) { id } }`;
const CONTRIBUTIONS = `mutation ($input: RecordMonthlyContributionsInput!) { recordMonthlyContributions(input: $input) { amountCents } }`;

const TODAY = todayInFrance();
const TOMORROW = addDays(TODAY, 1);
const TOO_FAR = addDays(latestPlannedDate(TODAY), 1);
const MAX = MAX_AMOUNT_CENTS.toString();
const OVER_MAX = (MAX_AMOUNT_CENTS + 1n).toString();

describe.each(databaseBackends())("finance inputs out of range on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  let accountId: string;
  let customerId: string;
  let draftId: string;
  let invoiceId: string;
  let quoteId: string;

  /** The rows of every table: a refused mutation leaves them all as they were, audit and numbering included. */
  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (table) => [table, await server.database.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`)] as const),
      ),
    );

  async function expectRefused(mutation: string, input: Record<string, unknown>, field: string) {
    const before = await snapshot();
    const result = await execute(server, mutation, { input }, admin);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.errors?.[0].message).not.toMatch(/out of range|bigint/);
    expect(result.data).toBeNull();
    expect(await snapshot()).toEqual(before);
  }

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    await ok(server, UPDATE_SETTINGS, { input: settingsInput({ effectiveFrom: "2025-01-01" }) }, admin);
    ({ accountId } = await openAccount(server));
    customerId = await createCustomer(server, accountId);
    draftId = (await draft(server, accountId, customerId)).id;
    invoiceId = (await issued(server, accountId, customerId, addDays(TODAY, -10))).id;
    const quote = await ok<{ createQuote: { id: string } }>(server, CREATE_QUOTE, {
      input: { accountId, customerId, issuedOn: addDays(TODAY, -5), validUntil: addDays(TODAY, 30), lines: [line("1", "10000")] },
    });
    quoteId = quote.createQuote.id;
  });
  afterAll(() => server?.stop());

  it("refuses an invoice issued in the future, which would stop the series for good, and issues today's after it", async () => {
    await expectRefused(ISSUE, { id: draftId, issuedOn: "2099-12-31" }, "input.issuedOn");
    await expectRefused(ISSUE, { id: draftId, issuedOn: TOMORROW }, "input.issuedOn");
    await expectRefused(ISSUE, { id: draftId, issuedOn: "0001-01-01" }, "input.issuedOn");
    const today = await ok<{ issueInvoice: { status: string; issuedOn: string } }>(server, ISSUE, { input: { id: draftId } }, admin);
    expect(today.issueInvoice).toMatchObject({ status: "ISSUED", issuedOn: TODAY });
  });

  it("refuses a line whose quantity × unit price overflows, naming the line, instead of PostgreSQL's bigint error", async () => {
    // 1 000 000 000 × 1 000 000 000.00 EUR: 1e20 cents, past PostgreSQL's bigint.
    const overflowing = [line("1", "100"), line("1", "100"), line("1000000000", MAX)];
    await expectRefused(CREATE_DRAFT, { accountId, customerId, lines: overflowing }, "input.lines.2.unitPriceCents");
    await expectRefused(
      CREATE_DRAFT,
      { accountId, customerId, lines: [line("1", "100"), line("1", OVER_MAX)] },
      "input.lines.1.unitPriceCents",
    );
    // Each line within the bound, the document's total incl. VAT beyond it.
    const half = (MAX_AMOUNT_CENTS / 2n).toString();
    await expectRefused(CREATE_DRAFT, { accountId, customerId, lines: [line("1", half), line("1", half)] }, "input.lines");
    const other = (await draft(server, accountId, customerId)).id;
    await expectRefused(UPDATE_DRAFT, { id: other, lines: [line("1000000000", MAX)] }, "input.lines.0.unitPriceCents");
    // At the bound exactly, it is taken.
    const exempt = await ok<{ createInvoiceDraft: { totalCents: string } }>(server, CREATE_DRAFT, {
      input: { accountId, customerId, lines: [line("1", MAX, "EXEMPT")] },
    });
    expect(exempt.createInvoiceDraft.totalCents).toBe(MAX);
  });

  it("refuses quotes made or decided in the future, valid too far ahead, or overflowing", async () => {
    const quote = { accountId, customerId, issuedOn: TODAY, validUntil: addDays(TODAY, 30), lines: [line("1", "10000")] };
    await expectRefused(CREATE_QUOTE, { ...quote, issuedOn: TOMORROW }, "input.issuedOn");
    await expectRefused(CREATE_QUOTE, { ...quote, issuedOn: "0001-01-01" }, "input.issuedOn");
    await expectRefused(CREATE_QUOTE, { ...quote, validUntil: TOO_FAR }, "input.validUntil");
    await expectRefused(CREATE_QUOTE, { ...quote, lines: [line("999999999", "999999999")] }, "input.lines.0.unitPriceCents");
    await expectRefused(ACCEPT_QUOTE, { id: quoteId, decidedOn: TOMORROW }, "input.decidedOn");
    await expectRefused(REFUSE_QUOTE, { id: quoteId, decidedOn: "2099-01-01" }, "input.decidedOn");
  });

  it("refuses credit notes issued in the future and payments received in the future or beyond the bound", async () => {
    await expectRefused(CREDIT, { invoiceId, reason: "Erreur", issuedOn: TOMORROW }, "input.issuedOn");
    await expectRefused(CREDIT, { invoiceId, reason: "Erreur", issuedOn: "1900-01-01" }, "input.issuedOn");
    const payment = { invoiceId, receivedOn: TODAY, amountCents: "100", method: "TRANSFER" };
    await expectRefused(PAY, { ...payment, receivedOn: TOMORROW }, "input.receivedOn");
    await expectRefused(PAY, { ...payment, receivedOn: "0001-01-01" }, "input.receivedOn");
    await expectRefused(PAY, { ...payment, amountCents: "999999999999999999" }, "input.amountCents");
  });

  it("refuses expenses, salary costs and contributions of the future, of before 1990 or beyond the bound", async () => {
    const expense = {
      accountId,
      spentOn: TODAY,
      category: "SUPPLIES",
      description: "Papier",
      netCents: "1000",
      vatCents: "200",
      receiptReference: "R-1",
    };
    await expectRefused(EXPENSE, { ...expense, spentOn: TOMORROW }, "input.spentOn");
    await expectRefused(EXPENSE, { ...expense, spentOn: "0001-01-01" }, "input.spentOn");
    await expectRefused(EXPENSE, { ...expense, netCents: OVER_MAX }, "input.netCents");
    const nextMonth = addDays(`${TODAY.slice(0, 7)}-28`, 10).slice(0, 7);
    await expectRefused(SALARY, { accountId, month: nextMonth, amountCents: "100000" }, "input.month");
    await expectRefused(SALARY, { accountId, month: "0001-01", amountCents: "100000" }, "input.month");
    await expectRefused(SALARY, { accountId, month: TODAY.slice(0, 7), amountCents: OVER_MAX }, "input.amountCents");
    await expectRefused(CONTRIBUTIONS, { cooperativeId: COOP, month: "0001-01" }, "input.month");
  });

  it("refuses settings too far ahead or beyond the bound, and an account opened in the future", async () => {
    const later = addDays(TODAY, 40);
    await expectRefused(UPDATE_SETTINGS, settingsInput({ effectiveFrom: TOO_FAR }), "input.effectiveFrom");
    await expectRefused(
      UPDATE_SETTINGS,
      settingsInput({
        effectiveFrom: later,
        contributionBrackets: [
          { fromCents: "0", rate: "10" },
          { fromCents: OVER_MAX, rate: "5" },
        ],
      }),
      "input.contributionBrackets.1.fromCents",
    );
    await expectRefused(UPDATE_SETTINGS, settingsInput({ effectiveFrom: later, recoveryFeeCents: OVER_MAX }), "input.recoveryFeeCents");
    const account = { personId: `${COOP}:00000000-0000-4000-8000-000000000999`, label: "Poterie", sector: "CRAFTS" };
    await expectRefused(OPEN_ACCOUNT, { ...account, openedOn: TOMORROW }, "input.openedOn");
    await expectRefused(OPEN_ACCOUNT, { ...account, openedOn: "0001-01-01" }, "input.openedOn");
  });
});
