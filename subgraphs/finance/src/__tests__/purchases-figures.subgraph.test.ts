import { todayInFrance } from "@cae/shared";
import { databaseBackends, execute, testCaller } from "@cae/tools/testing";
import { admin, COOP, ok, openAccount, settingsInput, startEmptyFinance, UPDATE_SETTINGS, type FinanceServer } from "./builders";

// What an activity buys through supplier invoices and expense reports, in its statement, its
// gross-margin contribution basis and its cash (docs/finance.md).

const PDF = Buffer.from("%PDF-1.4\n% facture\n").toString("base64");
const COOPERATIVE = [{ __typename: "Cooperative", id: COOP }];

const CREATE_SUPPLIER = `mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`;
const RECORD_INVOICE = `mutation ($input: RecordSupplierInvoiceInput!) { recordSupplierInvoice(input: $input) { id netCents totalCents } }`;
const SUBMIT_REPORT = `mutation ($input: SubmitExpenseReportInput!) { submitExpenseReport(input: $input) { id netCents mileageCents totalCents } }`;
const APPROVE = `mutation ($input: ApproveExpenseReportInput!) { approveExpenseReport(input: $input) { id status } }`;
const REJECT = `mutation ($input: RejectExpenseReportInput!) { rejectExpenseReport(input: $input) { id status } }`;
const RECORD_CONTRIBUTIONS = `mutation ($input: RecordMonthlyContributionsInput!) { recordMonthlyContributions(input: $input) { basis basisCents amountCents } }`;
const BATCH = `mutation ($input: CreateTransferBatchInput!) { createTransferBatch(input: $input) { id totalCents } }`;
const EXECUTED = `mutation ($input: MarkTransferBatchExecutedInput!) { markTransferBatchExecuted(input: $input) { id } }`;
const FIGURES = `query ($representations: [_Any!]!, $id: ID!, $from: Date!, $to: Date!, $on: Date) { _entities(representations: $representations) {
  ... on Cooperative { activityAccount(id: $id) {
    statement(from: $from, to: $to) { expensesCents balanceCents }
    cash(on: $on) { expensesNetCents availableCents } } } } }`;

interface Figures {
  statement: { expensesCents: string; balanceCents: string };
  cash: { expensesNetCents: string; availableCents: string };
}

const dayBefore = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe.each(databaseBackends())("purchases in an activity's figures on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  let account: { accountId: string; personId: string };
  let supplierId: string;
  const entrepreneur = () => testCaller("ENTREPRENEUR", COOP, account.personId);

  const figures = async (from: string, to: string, on?: string) => {
    const data = await ok<{ _entities: { activityAccount: Figures }[] }>(server, FIGURES, {
      representations: COOPERATIVE,
      id: account.accountId,
      from,
      to,
      on,
    });
    return data._entities[0].activityAccount;
  };
  const errorOf = async (query: string, variables: Record<string, unknown>) => {
    const result = await execute(server, query, variables, testCaller("COUNSELOR", COOP));
    expect(result.errors).toBeDefined();
    return result.errors![0].extensions as { code: string; field?: string };
  };
  const invoice = (number: string, issuedOn: string, netCents: string) => ({
    accountId: account.accountId,
    supplierId,
    number,
    issuedOn,
    category: "SUPPLIES",
    description: "Planches",
    amounts: [{ vatRate: "STANDARD_20", netCents }],
    file: { fileName: "facture.pdf", mediaType: "application/pdf", contentBase64: PDF },
  });
  const report = (month: string, netCents: string, vatCents: string, mileage: unknown[] = []) => ({
    accountId: account.accountId,
    month,
    payeeName: "Zoé Lefèvre",
    payeeIban: "FR1420041010050500013M02606",
    lines: [{ spentOn: `${month}-12`, category: "TRAVEL", description: "Train", netCents, vatCents, receiptReference: "T-1" }],
    mileage,
  });
  const submit = async (input: ReturnType<typeof report>) =>
    (await ok<{ submitExpenseReport: { id: string; totalCents: string } }>(server, SUBMIT_REPORT, { input }, entrepreneur()))
      .submitExpenseReport;

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    await ok(server, UPDATE_SETTINGS, { input: settingsInput({ contributionBasis: "GROSS_MARGIN" }) }, admin);
    account = await openAccount(server, undefined, "2025-01-01");
    const supplier = await ok<{ createSupplier: { id: string } }>(server, CREATE_SUPPLIER, {
      input: { cooperativeId: COOP, name: "Scierie Müller", iban: "FR76 3000 6000 0112 3456 7890 189" },
    });
    supplierId = supplier.createSupplier.id;
    await ok(
      server,
      `mutation ($input: SetTransferAccountInput!) { setTransferAccount(input: $input) { iban } }`,
      { input: { cooperativeId: COOP, iban: "FR7630004000031234567890143", bic: "BNPAFRPP" } },
      admin,
    );
  });
  afterAll(() => server?.stop());

  it("counts a supplier invoice and an approved report by their net, not a rejected or pending one; cash once paid", async () => {
    // 1,000.00 + 200.00 VAT, on its issue date.
    const supplierInvoice = await ok<{ recordSupplierInvoice: { id: string; totalCents: string } }>(server, RECORD_INVOICE, {
      input: invoice("2026-118", "2026-03-10", "100000"),
    });
    expect(supplierInvoice.recordSupplierInvoice.totalCents).toBe("120000");
    // March: a 50.00 + 10.00 VAT line and 100 km at 5 CV (× 0.636 = 63.60), approved on March 31: net 113.60.
    const march = await submit(
      report("2026-03", "5000", "1000", [
        { tripOn: "2026-03-05", purpose: "Client", vehicle: "AB-123-CD", fiscalHorsepower: 5, electric: false, distanceKm: 100 },
      ]),
    );
    expect(march.totalCents).toBe("12360");
    expect((await figures("2026-03-01", "2026-03-31")).statement).toEqual({ expensesCents: "100000", balanceCents: "-100000" });
    await ok(server, APPROVE, { input: { id: march.id, approvedOn: "2026-03-31" } });
    // February's report is rejected, April's waits for staff: neither counts.
    const february = await submit(report("2026-02", "7000", "0"));
    await ok(server, REJECT, { input: { id: february.id, reason: "Reçu illisible" } });
    await submit(report("2026-04", "3000", "0"));

    expect((await figures("2026-02-01", "2026-04-30")).statement).toEqual({ expensesCents: "111360", balanceCents: "-111360" });
    expect((await figures("2026-02-01", "2026-02-28")).statement.expensesCents).toBe("0");
    expect((await figures("2026-04-01", "2026-04-30")).statement.expensesCents).toBe("0");

    // The gross-margin basis of March: no revenue, minus the invoice's and the report's nets.
    const recorded = await ok<{ recordMonthlyContributions: { basis: string; basisCents: string; amountCents: string }[] }>(
      server,
      RECORD_CONTRIBUTIONS,
      { input: { cooperativeId: COOP, month: "2026-03", accountIds: [account.accountId] } },
    );
    expect(recorded.recordMonthlyContributions).toEqual([{ basis: "GROSS_MARGIN", basisCents: "-111360", amountCents: "0" }]);

    // March is closed. A supplier's invoice dated in it that comes in late is recorded all the same, and
    // counts in April as an adjustment: March keeps its figures. A report is approved on an open day.
    await ok(server, RECORD_INVOICE, { input: invoice("2026-131", "2026-03-20", "5000") });
    const corrected = await submit(report("2026-02", "7000", "0"));
    expect(await errorOf(APPROVE, { input: { id: corrected.id, approvedOn: "2026-03-15" } })).toMatchObject({
      code: "CONFLICT",
      field: "input.approvedOn",
    });
    await ok(server, APPROVE, { input: { id: corrected.id, approvedOn: "2026-04-01" } });
    expect((await figures("2026-03-01", "2026-03-31")).statement.expensesCents).toBe("111360");
    expect((await figures("2026-04-01", "2026-04-30")).statement.expensesCents).toBe("12000");

    // Cash: nothing has left the bank until a transfer is executed.
    const today = todayInFrance();
    expect((await figures(today, today, today)).cash.expensesNetCents).toBe("0");
    const first = await ok<{ createTransferBatch: { id: string; totalCents: string } }>(server, BATCH, {
      input: {
        cooperativeId: COOP,
        requestedOn: today,
        supplierInvoices: [{ id: supplierInvoice.recordSupplierInvoice.id, amountCents: "60001" }],
        expenseReportIds: [march.id],
      },
    });
    expect((await figures(today, today, today)).cash.expensesNetCents).toBe("0");
    await ok(server, EXECUTED, { input: { id: first.createTransferBatch.id, executedOn: today } });
    // 600.01 paid of 1,200.00 → 600.01 × 1,000/1,200 = 500.008 → 500.01 excl. VAT; the report's 113.60 excl. VAT.
    expect((await figures(today, today, dayBefore(today))).cash.expensesNetCents).toBe("0");
    expect((await figures(today, today, today)).cash).toEqual({ expensesNetCents: "61361", availableCents: "-61361" });
    // The rest, 599.99: its share is taken on what is paid cumulatively (1,000.00 − 500.01 = 499.99), so the invoice's net is exact.
    const second = await ok<{ createTransferBatch: { id: string } }>(server, BATCH, {
      input: {
        cooperativeId: COOP,
        requestedOn: today,
        supplierInvoices: [{ id: supplierInvoice.recordSupplierInvoice.id }],
        expenseReportIds: [],
      },
    });
    await ok(server, EXECUTED, { input: { id: second.createTransferBatch.id, executedOn: today } });
    expect((await figures(today, today, today)).cash.expensesNetCents).toBe("111360");
  });
});
