import { captureLog, databaseBackends, execute, testCaller } from "@cae/tools/testing";
import { createLogger } from "@cae/shared";
import {
  admin,
  COOP,
  count,
  CREATE_DRAFT,
  createCustomer,
  CREDIT,
  draft,
  ISSUE,
  issued,
  line,
  ok,
  openAccount,
  PAY,
  settingsInput,
  startEmptyFinance,
  UPDATE_SETTINGS,
  type FinanceServer,
} from "./builders";

const INVOICE = `query ($representations: [_Any!]!, $id: ID!) { _entities(representations: $representations) { ... on Cooperative {
  invoice(id: $id) { id number status issuedOn dueOn netCents vatCents totalCents balanceCents
    lines { position quantity unitPriceCents vatRate netCents } vatBreakdown { vatRate netCents vatCents }
    mentions { sellerLegalName sellerSiret sellerVatNumber paymentTerms latePenalties recoveryFee vatExemption } } } } }`;

describe.each(databaseBackends())("invoices, credit notes and payments on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  /** The subgraph's log: a fault's line is read back under the ID its client got. */
  const log = captureLog();
  let accountId: string;
  let personId: string;
  let business: string;
  let individual: string;

  beforeAll(async () => {
    server = await startEmptyFinance(backend, createLogger({ service: "finance", cooperativeId: COOP }, "error", log.stream));
    await ok(server, UPDATE_SETTINGS, { input: settingsInput() }, admin);
    ({ accountId, personId } = await openAccount(server));
    business = await createCustomer(server, accountId, "BUSINESS");
    individual = await createCustomer(server, accountId, "PRIVATE");
  });
  afterAll(() => server?.stop());

  const invoice = async (id: string, caller = testCaller("COUNSELOR", COOP)) => {
    const result = await execute(server, INVOICE, { representations: [{ __typename: "Cooperative", id: COOP }], id }, caller);
    return { result, invoice: (result.data?._entities as { invoice: Record<string, unknown> }[] | undefined)?.[0]?.invoice };
  };

  it("computes exact totals: each line half up to the cent, the VAT once per rate", async () => {
    // 2.5 × 33.33 = 83.325 → 83.33; 0.5 × 2.01 = 1.005 → 1.01 (half up); 20 % of 84.34 = 16.868 → 16.87
    // 1.333 × 10.00 = 13.33; 5.5 % of 13.33 = 0.73315 → 0.73; exempt 50.00
    const created = await draft(server, accountId, business, [
      line("2.5", "3333"),
      line("0.5", "201"),
      line("1.333", "1000", "REDUCED_5_5"),
      line("1", "5000", "EXEMPT", "Formation"),
    ]);
    const { invoice: found } = await invoice(created.id);
    expect(found).toMatchObject({
      number: null,
      status: "DRAFT",
      netCents: String(8333 + 101 + 1333 + 5000),
      vatCents: String(1687 + 73),
      totalCents: String(8333 + 101 + 1333 + 5000 + 1687 + 73),
      vatBreakdown: [
        { vatRate: "STANDARD_20", netCents: "8434", vatCents: "1687" },
        { vatRate: "REDUCED_5_5", netCents: "1333", vatCents: "73" },
        { vatRate: "EXEMPT", netCents: "5000", vatCents: "0" },
      ],
      mentions: null,
    });
    expect((found?.lines as { netCents: string }[]).map((l) => l.netCents)).toEqual(["8333", "101", "1333", "5000"]);
  });

  it("issues with the next number, the due date and the mentions; an issued invoice is frozen", async () => {
    const created = await draft(server, accountId, business, [line("1", "10000"), line("2", "2500", "EXEMPT")]);
    const issue = await ok<{ issueInvoice: Record<string, string> }>(server, ISSUE, { input: { id: created.id, issuedOn: "2026-02-02" } });
    expect(issue.issueInvoice).toMatchObject({ number: "F2026-000001", status: "ISSUED", issuedOn: "2026-02-02", dueOn: "2026-03-04" });
    const { invoice: found } = await invoice(created.id);
    expect(found?.mentions).toEqual({
      sellerLegalName: "Garonne Activités SCOP SARL",
      sellerSiret: "73282932000074",
      sellerVatNumber: "FR44732829320",
      paymentTerms: "Paiement à 30 jours, au plus tard le 04/03/2026. Pas d'escompte pour paiement anticipé.",
      latePenalties: "Pénalités de retard : 12.50 % par an, exigibles dès le lendemain de l'échéance.",
      recoveryFee: "Indemnité forfaitaire pour frais de recouvrement : 40.00 EUR (Code de commerce L441-10 et D441-5).",
      vatExemption: "Exonération de TVA, art. 261-4-4° a du CGI (formation professionnelle continue)",
    });

    const audit = await count(server, "audit_events");
    const edits = [
      [
        `mutation ($input: UpdateInvoiceDraftInput!) { updateInvoiceDraft(input: $input) { id } }`,
        { id: created.id, lines: [line("1", "1")] },
      ],
      [`mutation ($input: DeleteInvoiceDraftInput!) { deleteInvoiceDraft(input: $input) }`, { id: created.id }],
      [ISSUE, { id: created.id, issuedOn: "2026-02-03" }],
    ] as const;
    for (const [mutation, input] of edits) {
      const result = await execute(server, mutation, { input });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.id" });
    }
    expect(await count(server, "audit_events")).toBe(audit);
    expect((await invoice(created.id)).invoice).toMatchObject({ number: "F2026-000001", totalCents: "17000" });
    // The database refuses it too, whatever the code does.
    await expect(server.database.dataSource.query(`UPDATE invoice_lines SET unit_price_cents = 1`)).rejects.toThrow(/never edited/);
  });

  it("refuses an issue date before the last invoice's, and writes nothing", async () => {
    const created = await draft(server, accountId, individual);
    const [series] = await server.database.dataSource.query(`SELECT last_number FROM invoice_series WHERE kind = 'INVOICE'`);
    const result = await execute(server, ISSUE, { input: { id: created.id, issuedOn: "2026-02-01" } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.issuedOn" });
    expect(await server.database.dataSource.query(`SELECT last_number FROM invoice_series WHERE kind = 'INVOICE'`)).toEqual([series]);
    expect((await invoice(created.id)).invoice).toMatchObject({ status: "DRAFT", number: null });
    // Same day is fine; private customers owe no recovery fee.
    const same = await ok<{ issueInvoice: { number: string } }>(server, ISSUE, { input: { id: created.id, issuedOn: "2026-02-02" } });
    expect(same.issueInvoice.number).toBe("F2026-000002");
    expect((await invoice(created.id)).invoice?.mentions).toMatchObject({ recoveryFee: null, vatExemption: null });
  });

  it("issues 50 drafts at once with 50 distinct numbers and no gap", async () => {
    const drafts = await Promise.all(Array.from({ length: 50 }, () => draft(server, accountId, business)));
    const results = await Promise.all(drafts.map(({ id }) => execute(server, ISSUE, { input: { id, issuedOn: "2026-03-02" } })));
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    const numbers = results.map((result) => (result.data?.issueInvoice as { number: string }).number).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `F2026-${String(i + 3).padStart(6, "0")}`));
    const [{ n, max }] = await server.database.dataSource.query(
      `SELECT count(DISTINCT number)::int AS n, max(number) AS max FROM invoices WHERE status <> 'DRAFT'`,
    );
    expect([n, max]).toEqual([52, "F2026-000052"]);
  });

  it("leaves no gap and no half-issued invoice when an issue fails midway", async () => {
    const doomed = await draft(server, accountId, business);
    const db = server.database.dataSource;
    // A failure after the number is taken: the invoice's own update is refused by a trigger of the test.
    await db.query(`CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.id = '${doomed.id.split(":")[1]}' AND NEW.status = 'ISSUED' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER fail_once BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION fail_once()`);
    const audit = await count(server, "audit_events");
    const failed = await execute(server, ISSUE, { input: { id: doomed.id, issuedOn: "2026-03-03" } });
    // The client gets an ID, the log the database's message under it.
    expect(failed.errors?.[0].extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(failed.errors?.[0].message).not.toMatch(/disk full/);
    const errorId = failed.errors?.[0].extensions?.errorId;
    expect(log.lines().find((line) => line.errorId === errorId)).toMatchObject({
      msg: "unexpected error",
      message: expect.stringMatching(/disk full/),
    });
    await db.query(`DROP TRIGGER fail_once ON invoices`);
    expect(await db.query(`SELECT last_number, last_issued_on::text AS last FROM invoice_series WHERE kind = 'INVOICE'`)).toEqual([
      { last_number: 52, last: "2026-03-02" },
    ]);
    expect((await invoice(doomed.id)).invoice).toMatchObject({ status: "DRAFT", number: null });
    expect(await count(server, "audit_events")).toBe(audit);
    const next = await ok<{ issueInvoice: { number: string } }>(server, ISSUE, { input: { id: doomed.id, issuedOn: "2026-03-03" } });
    expect(next.issueInvoice.number).toBe("F2026-000053");
  });

  it("takes payments up to what is due, the status following; an overpayment is refused", async () => {
    const { id } = await issued(server, accountId, business, "2026-03-10", [line("1", "10000")]); // 120.00 TTC
    const pay = (amountCents: string, receivedOn = "2026-03-20") =>
      execute(server, PAY, { input: { invoiceId: id, receivedOn, amountCents, method: "TRANSFER" } });
    expect((await pay("5000")).data?.recordPayment).toMatchObject({
      amountCents: "5000",
      invoice: { status: "PARTLY_PAID", paidCents: "5000", balanceCents: "7000" },
    });
    const payments = await count(server, "payments");
    const over = await pay("7001");
    expect(over.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amountCents" });
    const early = await pay("100", "2026-03-09");
    expect(early.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.receivedOn" });
    expect(await count(server, "payments")).toBe(payments);
    expect((await pay("7000")).data?.recordPayment).toMatchObject({ invoice: { status: "PAID", balanceCents: "0" } });
    const paid = await pay("1");
    expect(paid.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amountCents" });
    const unissued = await draft(server, accountId, business);
    const onDraft = await execute(server, PAY, {
      input: { invoiceId: unissued.id, receivedOn: "2026-03-20", amountCents: "100", method: "CASH" },
    });
    expect(onDraft.errors?.[0].extensions).toMatchObject({ code: "CONFLICT" });
  });

  it("cancels with credit notes of their own series, in part then in full; never more than what is left", async () => {
    // 2 × 100.00 at 20 % + 1 × 50.00 at 10 %: net 250.00, VAT 45.00, total 295.00
    const { id, number } = await issued(server, accountId, business, "2026-03-12", [
      line("2", "10000"),
      line("1", "5000", "INTERMEDIATE_10"),
    ]);
    const credit = (input: Record<string, unknown>) =>
      execute(server, CREDIT, { input: { invoiceId: id, reason: "Prestation non réalisée", issuedOn: "2026-03-15", ...input } });
    const partial = await credit({ lines: [line("1", "10000")] });
    expect(partial.data?.issueCreditNote).toMatchObject({
      number: "AV2026-000001",
      netCents: "10000",
      vatCents: "2000",
      totalCents: "12000",
      invoice: { status: "ISSUED", creditedCents: "12000", balanceCents: "17500" },
    });
    const notes = await count(server, "credit_notes");
    // More at 10 % than the invoice has at that rate; the whole invoice once partly credited; before the invoice; a draft.
    expect((await credit({ lines: [line("1", "5001", "INTERMEDIATE_10")] })).errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.lines",
    });
    expect((await credit({ lines: [line("2", "10000")] })).errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.lines",
    });
    expect((await credit({})).errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.lines" });
    expect((await credit({ issuedOn: "2026-03-11", lines: [line("1", "100")] })).errors?.[0].extensions).toMatchObject({
      code: "CONFLICT",
      field: "input.issuedOn",
    });
    expect(await count(server, "credit_notes")).toBe(notes);
    const rest = await credit({ lines: [line("1", "10000"), line("1", "5000", "INTERMEDIATE_10")] });
    expect(rest.data?.issueCreditNote).toMatchObject({
      number: "AV2026-000002",
      totalCents: "17500",
      invoice: { status: "CANCELLED", balanceCents: "0" },
    });
    const again = await credit({ lines: [line("1", "100")] });
    expect(again.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.invoiceId" });
    expect(number).toMatch(/^F2026-\d{6}$/);

    const whole = await issued(server, accountId, individual, "2026-03-16", [line("1", "1000")]);
    const full = await execute(server, CREDIT, { input: { invoiceId: whole.id, reason: "Erreur de client", issuedOn: "2026-03-16" } });
    expect(full.data?.issueCreditNote).toMatchObject({ number: "AV2026-000003", totalCents: "1200", invoice: { status: "CANCELLED" } });
  });

  it("lets an entrepreneur read their own invoices and prepare drafts, while only staff issue them", async () => {
    const { id } = await issued(server, accountId, business, "2026-03-20");
    const own = testCaller("ENTREPRENEUR", COOP, personId);
    expect((await invoice(id, own)).invoice).toMatchObject({ id });
    const other = testCaller("ENTREPRENEUR", COOP, `${COOP}:00000000-0000-4000-8000-999999999999`);
    expect((await invoice(id, other)).result.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN" });
    const drafted = await execute(server, CREATE_DRAFT, { input: { accountId, customerId: business, lines: [line("1", "100")] } }, own);
    const draftId = (drafted.data?.createInvoiceDraft as { id: string }).id;
    expect(drafted.errors).toBeUndefined();
    const invoices = await count(server, "invoices");
    const foreign = await execute(server, CREATE_DRAFT, { input: { accountId, customerId: business, lines: [line("1", "100")] } }, other);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN" });
    const deleted = await execute(
      server,
      `mutation ($input: DeleteInvoiceDraftInput!) { deleteInvoiceDraft(input: $input) }`,
      { input: { id: draftId } },
      other,
    );
    expect(deleted.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN" });
    expect(await count(server, "invoices")).toBe(invoices);
    const issuing = await execute(server, ISSUE, { input: { id: draftId, issuedOn: "2026-03-20" } }, own);
    expect(issuing.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN" });
    const analyst = await execute(
      server,
      INVOICE,
      { representations: [{ __typename: "Cooperative", id: COOP }], id },
      testCaller("NETWORK_ANALYST"),
    );
    expect(analyst.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN" });
    const analystDraft = await execute(
      server,
      CREATE_DRAFT,
      { input: { accountId, customerId: business, lines: [line("1", "100")] } },
      testCaller("NETWORK_ADMIN"),
    );
    expect(analystDraft.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN" });
    await ok(server, `mutation ($input: DeleteInvoiceDraftInput!) { deleteInvoiceDraft(input: $input) }`, { input: { id: draftId } }, own);
  });

  it("refuses bad lines with the offending field and writes nothing", async () => {
    const before = await count(server, "invoices");
    const cases: [Record<string, unknown>[], string][] = [
      [[line("0", "100")], "input.lines.0.quantity"],
      [[line("1.0001", "100")], "input.lines.0.quantity"],
      [[line("1", "-5")], "input.lines.0.unitPriceCents"],
      [[line("1", "100"), { ...line("1", "100"), description: " " }], "input.lines.1.description"],
      [[], "input.lines"],
    ];
    for (const [lines, field] of cases) {
      const result = await execute(server, CREATE_DRAFT, { input: { accountId, customerId: business, lines } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    expect(await count(server, "invoices")).toBe(before);
  });

  it("keeps settings versions: admins only, never before what was already issued", async () => {
    const counselor = await execute(server, UPDATE_SETTINGS, { input: settingsInput({ effectiveFrom: "2026-06-01" }) });
    expect(counselor.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN" });
    const past = await execute(server, UPDATE_SETTINGS, { input: settingsInput({ effectiveFrom: "2026-03-19" }) }, admin);
    expect(past.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.effectiveFrom" });
    const badVat = await execute(
      server,
      UPDATE_SETTINGS,
      { input: settingsInput({ effectiveFrom: "2026-06-01", vatNumber: "FR00732829320" }) },
      admin,
    );
    expect(badVat.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.vatNumber" });
    const brackets = await execute(
      server,
      UPDATE_SETTINGS,
      { input: settingsInput({ effectiveFrom: "2026-06-01", contributionBrackets: [{ fromCents: "100", rate: "10" }] }) },
      admin,
    );
    expect(brackets.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.contributionBrackets.0.fromCents" });
    const later = await ok(server, UPDATE_SETTINGS, { input: settingsInput({ effectiveFrom: "2026-06-01", invoicePrefix: "FA" }) }, admin);
    expect(later).toMatchObject({ updateFinanceSettings: { effectiveFrom: "2026-06-01" } });
    const { number } = await issued(server, accountId, business, "2026-06-02");
    expect(number).toBe("FA2026-000058");
  });
});
