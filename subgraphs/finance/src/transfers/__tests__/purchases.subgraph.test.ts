import { readFileSync } from "node:fs";
import { join } from "node:path";
import { todayInFrance } from "@cae/shared";
import { databaseBackends, execute, testCaller } from "@cae/tools/testing";
import { validateXML } from "xmllint-wasm";
import {
  admin,
  COOP,
  ok,
  openAccount,
  settingsInput,
  startEmptyFinance,
  UPDATE_SETTINGS,
  type FinanceServer,
} from "../../__tests__/builders";

const XSD = readFileSync(join(__dirname, "..", "schema", "pain.001.001.03.xsd"), "utf8");
const PDF = Buffer.from("%PDF-1.4\n% facture\n").toString("base64");
const IBAN_FR = "FR76 3000 6000 0112 3456 7890 189";

const CREATE_SUPPLIER = `mutation ($input: CreateSupplierInput!) { createSupplier(input: $input) { id code name iban bic } }`;
const RECORD_INVOICE = `mutation ($input: RecordSupplierInvoiceInput!) { recordSupplierInvoice(input: $input) {
  id number status netCents vatCents totalCents balanceCents amounts { vatRate netCents vatCents } supplier { code } file { sizeBytes sha256 mediaType } } }`;
const SUBMIT_REPORT = `mutation ($input: SubmitExpenseReportInput!) { submitExpenseReport(input: $input) {
  id status netCents vatCents mileageCents totalCents mileage { yearKmBefore amountCents } } }`;
const APPROVE = `mutation ($input: ApproveExpenseReportInput!) { approveExpenseReport(input: $input) { id status approvedOn } }`;
const REJECT = `mutation ($input: RejectExpenseReportInput!) { rejectExpenseReport(input: $input) { id status } }`;
const BATCH = `mutation ($input: CreateTransferBatchInput!) { createTransferBatch(input: $input) {
  id number status transactionCount totalCents items { endToEndId amountCents remittance } pain001 } }`;
const EXECUTED = `mutation ($input: MarkTransferBatchExecutedInput!) { markTransferBatchExecuted(input: $input) { id status executedOn } }`;

const errorOf = async (
  server: FinanceServer,
  query: string,
  variables: Record<string, unknown>,
  caller = testCaller("COUNSELOR", COOP),
) => {
  const result = await execute(server, query, variables, caller);
  expect(result.errors).toBeDefined();
  return result.errors![0].extensions as { code: string; field?: string };
};

const file = (contentBase64 = PDF, mediaType = "application/pdf") => ({ fileName: "facture.pdf", mediaType, contentBase64 });

describe.each(databaseBackends())("supplier invoices, expense reports and SEPA transfers on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  let account: { accountId: string; personId: string };
  let supplierId: string;

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    await ok(server, UPDATE_SETTINGS, { input: settingsInput() }, admin);
    account = await openAccount(server, undefined, "2025-01-01");
    const created = await ok<{ createSupplier: { id: string; code: string; iban: string } }>(server, CREATE_SUPPLIER, {
      input: { cooperativeId: COOP, name: "Scierie Müller & Fils", siret: "73282932000074", iban: IBAN_FR, bic: "agrifrpp" },
    });
    supplierId = created.createSupplier.id;
    expect(created.createSupplier).toMatchObject({ code: "F00001", iban: "FR7630006000011234567890189" });
  });
  afterAll(() => server?.stop());

  it("refuses a bad IBAN, a bad SIRET, an unbalanced VAT, a duplicate number and a file too large", async () => {
    const base = { cooperativeId: COOP, name: "X", iban: IBAN_FR };
    expect(await errorOf(server, CREATE_SUPPLIER, { input: { ...base, iban: "FR7630006000011234567890188" } })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.iban",
    });
    expect(await errorOf(server, CREATE_SUPPLIER, { input: { ...base, siret: "73282932000075" } })).toMatchObject({ field: "input.siret" });
    const invoice = {
      accountId: account.accountId,
      supplierId,
      number: "2026-118",
      issuedOn: "2026-03-10",
      dueOn: "2026-04-09",
      category: "SUPPLIES",
      description: "Planches",
      amounts: [{ vatRate: "STANDARD_20", netCents: "100000", vatCents: "20002" }],
      file: file(),
    };
    expect(await errorOf(server, RECORD_INVOICE, { input: invoice })).toMatchObject({ field: "input.amounts.0.vatCents" });
    const big = Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(512 * 1024)]).toString("base64");
    expect(
      await errorOf(server, RECORD_INVOICE, {
        input: { ...invoice, amounts: [{ vatRate: "STANDARD_20", netCents: "100000" }], file: file(big) },
      }),
    ).toMatchObject({
      field: "input.file.contentBase64",
    });
    expect(
      await errorOf(server, RECORD_INVOICE, {
        input: { ...invoice, amounts: [{ vatRate: "STANDARD_20", netCents: "100000" }], file: file(PDF, "image/png") },
      }),
    ).toMatchObject({
      field: "input.file.contentBase64",
    });
    const recorded = await ok<{ recordSupplierInvoice: Record<string, unknown> }>(server, RECORD_INVOICE, {
      input: {
        ...invoice,
        amounts: [
          { vatRate: "STANDARD_20", netCents: "100000", vatCents: "20001" },
          { vatRate: "REDUCED_5_5", netCents: "3333" },
        ],
      },
    });
    // 5.5 % of 33.33 = 1.833 → 1.83; the supplier's 200.01 is within a cent of 200.00.
    expect(recorded.recordSupplierInvoice).toMatchObject({
      status: "RECEIVED",
      netCents: "103333",
      vatCents: "20184",
      totalCents: "123517",
      balanceCents: "123517",
      supplier: { code: "F00001" },
      file: { mediaType: "application/pdf", sizeBytes: 19 },
    });
    expect(
      await errorOf(server, RECORD_INVOICE, { input: { ...invoice, amounts: [{ vatRate: "EXEMPT", netCents: "5000" }] } }),
    ).toMatchObject({
      code: "CONFLICT",
      field: "input.number",
    });
    const [entry] = await server.database.dataSource.query(
      `SELECT e.journal, json_agg(json_build_object('n', l.ledger_number, 'aux', l.aux_number, 'd', l.debit_cents::text, 'c', l.credit_cents::text, 'a', l.analytic_code) ORDER BY l.position) AS lines
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id WHERE e.source_kind = 'SUPPLIER_INVOICE' GROUP BY e.id, e.journal`,
    );
    expect(entry.journal).toBe("AC");
    expect(entry.lines).toEqual([
      { n: "606400", aux: null, d: "103333", c: "0", a: "ACT-0001" },
      { n: "445660", aux: null, d: "20184", c: "0", a: "ACT-0001" },
      { n: "401000", aux: "F00001", d: "0", c: "123517", a: "ACT-0001" },
    ]);
  });

  it("pays mileage by the year's cumulative km, approves, and pays everything by a pain.001 the schema validates", async () => {
    const entrepreneur = testCaller("ENTREPRENEUR", COOP, account.personId);
    const trip = (tripOn: string, distanceKm: number) => ({
      tripOn,
      purpose: "Client",
      vehicle: "AB-123-CD",
      fiscalHorsepower: 5,
      electric: false,
      distanceKm,
    });
    const report = (month: string, mileage: ReturnType<typeof trip>[], lines: unknown[] = []) => ({
      accountId: account.accountId,
      month,
      payeeName: "Zoé Lefèvre",
      payeeIban: "FR1420041010050500013M02606",
      lines,
      mileage,
    });
    // January: 4,000 km in the first band (× 0.636); February: 3,000 km cross into the second (× 0.357 + 1,395).
    const january = await ok<{ submitExpenseReport: { id: string; mileageCents: string } }>(
      server,
      SUBMIT_REPORT,
      {
        input: report(
          "2026-01",
          [trip("2026-01-10", 4000)],
          [{ spentOn: "2026-01-12", category: "TRAVEL", description: "Train", netCents: "5000", vatCents: "500", receiptReference: "T-1" }],
        ),
      },
      entrepreneur,
    );
    expect(january.submitExpenseReport.mileageCents).toBe("254400");
    const february = await ok<{ submitExpenseReport: { id: string; mileageCents: string; mileage: { yearKmBefore: number }[] } }>(
      server,
      SUBMIT_REPORT,
      { input: report("2026-02", [trip("2026-02-03", 3000)]) },
      entrepreneur,
    );
    // 7,000 × 0.357 + 1,395 = 3,894.00 EUR for the year so far; minus January's 2,544.00.
    expect(february.submitExpenseReport).toMatchObject({ mileageCents: "135000", mileage: [{ yearKmBefore: 4000 }] });
    expect(await errorOf(server, SUBMIT_REPORT, { input: report("2026-01", [trip("2026-01-11", 10)]) }, entrepreneur)).toMatchObject({
      field: "input.month",
    });
    expect(await errorOf(server, REJECT, { input: { id: january.submitExpenseReport.id, reason: "Reçu illisible" } })).toMatchObject({
      code: "CONFLICT",
    });
    expect(
      await errorOf(server, APPROVE, { input: { id: january.submitExpenseReport.id, approvedOn: "2026-02-01" } }, entrepreneur),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    await ok(server, APPROVE, { input: { id: january.submitExpenseReport.id, approvedOn: "2026-02-01" } });

    await ok(
      server,
      `mutation ($input: SetTransferAccountInput!) { setTransferAccount(input: $input) { iban } }`,
      {
        input: { cooperativeId: COOP, iban: "FR7630004000031234567890143", bic: "BNPAFRPP" },
      },
      admin,
    );
    const invoices = await server.database.dataSource.query(`SELECT id FROM supplier_invoices`);
    const invoiceId = `${COOP}:${invoices[0].id}`;
    const today = todayInFrance();
    const batch = await ok<{
      createTransferBatch: { id: string; totalCents: string; transactionCount: number; pain001: string; items: { endToEndId: string }[] };
    }>(server, BATCH, {
      input: {
        cooperativeId: COOP,
        requestedOn: today,
        supplierInvoices: [{ id: invoiceId, amountCents: "100000" }],
        expenseReportIds: [january.submitExpenseReport.id],
      },
    });
    // 1,000.00 on the invoice + 2,544.00 + 55.00 for January's report.
    expect(batch.createTransferBatch).toMatchObject({ totalCents: "359900", transactionCount: 2 });
    const xml = batch.createTransferBatch.pain001;
    const validation = await validateXML({
      xml: [{ fileName: "b.xml", contents: xml }],
      schema: [{ fileName: "pain.001.001.03.xsd", contents: XSD }],
    });
    expect(validation.errors).toEqual([]);
    expect(xml).toContain("<CtrlSum>3599.00</CtrlSum>");
    expect(xml).toContain("<Nm>Scierie Muller + Fils</Nm>");
    expect(xml).toContain("<Ustrd>Facture 2026-118</Ustrd>");
    expect(xml).toContain("<Nm>Zoe Lefevre</Nm>");
    // What a prepared batch schedules is not scheduled twice.
    expect(
      await errorOf(server, BATCH, {
        input: {
          cooperativeId: COOP,
          requestedOn: today,
          supplierInvoices: [{ id: invoiceId, amountCents: "23518" }],
          expenseReportIds: [],
        },
      }),
    ).toMatchObject({
      field: "input.supplierInvoices.0.amountCents",
    });

    await ok(server, EXECUTED, { input: { id: batch.createTransferBatch.id, executedOn: today } });
    const [invoice] = await server.database.dataSource.query(`SELECT status, paid_cents::text FROM supplier_invoices`);
    expect(invoice).toEqual({ status: "PARTLY_PAID", paid_cents: "100000" });
    const entries = await server.database.dataSource.query(
      `SELECT e.journal, e.source_kind, sum(l.debit_cents)::text AS d, sum(l.credit_cents)::text AS c,
              string_agg(l.ledger_number || ':' || coalesce(l.aux_number, '') || ':' || l.debit_cents || ':' || l.credit_cents, ' ' ORDER BY l.position) AS lines
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id GROUP BY e.id ORDER BY e.journal, e.number`,
    );
    const hex = account.personId
      .slice(COOP.length + 1)
      .replace(/-/g, "")
      .toUpperCase();
    expect(entries).toEqual([
      {
        journal: "AC",
        source_kind: "SUPPLIER_INVOICE",
        d: "123517",
        c: "123517",
        lines: "606400::103333:0 445660::20184:0 401000:F00001:0:123517",
      },
      { journal: "BQ", source_kind: "PURCHASE_PAYMENT", d: "100000", c: "100000", lines: "401000:F00001:100000:0 512000::0:100000" },
      { journal: "BQ", source_kind: "PURCHASE_PAYMENT", d: "259900", c: "259900", lines: `467100:NDF${hex}:259900:0 512000::0:259900` },
      {
        journal: "OD",
        source_kind: "EXPENSE_REPORT",
        d: "259900",
        c: "259900",
        lines: `625100::5000:0 445660::500:0 625110::254400:0 467100:NDF${hex}:0:259900`,
      },
    ]);
  });
});
