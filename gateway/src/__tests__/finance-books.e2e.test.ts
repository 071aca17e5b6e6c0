import { startTestNetwork, type GraphQLResult, type TestNetwork } from "@cae/tools";

const COOP = "garonne-activites";

/** The issue's checks through the gateway: drafts, issuing (also 50 at once), credit notes, payments, an expense, contributions, statement, simulation, PDF. */
describe("the finance subgraph through the gateway", () => {
  let network: TestNetwork;
  let counselor: string;
  let accountId: string;
  let personId: string;
  let customerId: string;
  const send = (query: string, variables?: Record<string, unknown>, token = counselor) => network.query(query, variables, token);
  const data = <T>(result: GraphQLResult, field: string): T => {
    expect(result.errors).toBeUndefined();
    return result.data?.[field] as T;
  };
  const line = (quantity: string, unitPriceCents: string, vatRate = "STANDARD_20") => ({
    description: "Prestation",
    quantity,
    unitPriceCents,
    vatRate,
  });
  const DRAFT = `mutation ($input: CreateInvoiceDraftInput!) { createInvoiceDraft(input: $input) { id status totalCents } }`;
  const ISSUE = `mutation ($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id number status dueOn } }`;

  beforeAll(async () => {
    // 50 issues at once queue on the embedded database's single connection: a generous per-cooperative deadline.
    network = await startTestNetwork([COOP], { timeoutMs: 30_000 });
    counselor = await network.token({ sub: "counselor-g", role: "COUNSELOR", coop: COOP });
    const [account] = await network
      .subgraph(COOP, "finance")
      .database.dataSource.query("SELECT id, person_id FROM activity_accounts ORDER BY analytic_code LIMIT 1");
    accountId = `${COOP}:${account.id}`;
    personId = `${COOP}:${account.person_id}`;
    customerId = data<{ id: string }>(
      await send(`mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
        input: {
          accountId,
          name: "Menuiserie Garonne SARL",
          kind: "BUSINESS",
          siret: "41220087000019",
          address: "2 quai de la Daurade, 31000 Toulouse",
        },
      }),
      "createCustomer",
    ).id;
  }, 180_000);
  afterAll(() => network?.stop());

  it("drafts, issues 50 invoices at once without a gap, and refuses edits and earlier dates", async () => {
    const drafts = await Promise.all(
      Array.from({ length: 50 }, () => send(DRAFT, { input: { accountId, customerId, lines: [line("1.5", "20000")] } })),
    );
    const ids = drafts.map((result) => data<{ id: string; totalCents: string }>(result, "createInvoiceDraft"));
    expect(ids[0].totalCents).toBe("36000"); // 1.5 × 200.00 = 300.00 + 20 % VAT
    const issued = await Promise.all(ids.map(({ id }) => send(ISSUE, { input: { id, issuedOn: "2026-11-02" } })));
    const numbers = issued.map((result) => data<{ number: string }>(result, "issueInvoice").number).sort();
    const first = Number(numbers[0].slice(-6));
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `F2026-${String(first + i).padStart(6, "0")}`));

    const edit = await send(`mutation ($input: UpdateInvoiceDraftInput!) { updateInvoiceDraft(input: $input) { id } }`, {
      input: { id: ids[0].id, lines: [line("1", "1")] },
    });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: "CONFLICT" });
    const late = data<{ id: string }>(
      await send(DRAFT, { input: { accountId, customerId, lines: [line("1", "100")] } }),
      "createInvoiceDraft",
    );
    const earlier = await send(ISSUE, { input: { id: late.id, issuedOn: "2026-10-30" } });
    expect(earlier.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.issuedOn" });
  });

  it("pays, refuses an overpayment, credits, and prints the mentions", async () => {
    const draft = data<{ id: string }>(
      await send(DRAFT, { input: { accountId, customerId, lines: [line("2", "5000"), line("1", "10000", "EXEMPT")] } }),
      "createInvoiceDraft",
    );
    const { id, number } = data<{ id: string; number: string }>(
      await send(ISSUE, { input: { id: draft.id, issuedOn: "2026-11-03" } }),
      "issueInvoice",
    );
    const PAY = `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { invoice { status balanceCents } } }`;
    const pay = (amountCents: string) => send(PAY, { input: { invoiceId: id, receivedOn: "2026-11-05", amountCents, method: "TRANSFER" } });
    expect(data(await pay("10000"), "recordPayment")).toEqual({ invoice: { status: "PARTLY_PAID", balanceCents: "12000" } });
    expect((await pay("12001")).errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amountCents" });
    const credit = await send(
      `mutation ($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { number totalCents invoice { status balanceCents } } }`,
      { input: { invoiceId: id, reason: "Remise commerciale", issuedOn: "2026-11-06", lines: [line("1", "10000", "EXEMPT")] } },
    );
    expect(data(credit, "issueCreditNote")).toMatchObject({
      totalCents: "10000",
      invoice: { status: "PARTLY_PAID", balanceCents: "2000" },
    });
    const printed = await send(`query ($id: ID!) { cooperative(id: "${COOP}") { invoice(id: $id) { number pdf } } }`, { id });
    const invoice = (printed.data?.cooperative as { invoice: { number: string; pdf: string } }).invoice;
    expect(invoice.number).toBe(number);
    const pdf = Buffer.from(invoice.pdf, "base64").toString("latin1");
    const text = (pdf.match(/\[([^\]]*)\] TJ/g) ?? [])
      .map((op) => [...op.matchAll(/<([0-9a-f]*)>/g)].map(([, hex]) => Buffer.from(hex, "hex").toString("latin1")).join(""))
      .join("\n");
    for (const mention of [
      "SIRET : ",
      "N° TVA intracommunautaire : FR",
      `FACTURE N° ${number}`,
      "Pénalités de retard",
      "Indemnité forfaitaire pour frais de recouvrement : 40.00 EUR",
      "Exonération de TVA",
    ]) {
      expect(text).toContain(mention);
    }
  });

  it("records an expense, keeps a recorded month, and gives the entrepreneur their statement and a simulation", async () => {
    const expense = await send(`mutation ($input: RecordExpenseInput!) { recordExpense(input: $input) { totalCents } }`, {
      input: {
        accountId,
        spentOn: "2026-11-04",
        category: "SUPPLIES",
        description: "Vis et colle",
        netCents: "2500",
        vatCents: "500",
        receiptReference: "F-4411",
      },
    });
    expect(data(expense, "recordExpense")).toEqual({ totalCents: "3000" });
    // A late receipt of a month whose contribution is recorded: an adjustment, booked in the next open month.
    const late = await send(
      `mutation ($input: RecordExpenseInput!) { recordExpense(input: $input) { totalCents spentOn bookedOn adjustment } }`,
      {
        input: {
          accountId,
          spentOn: "2026-10-04",
          category: "SUPPLIES",
          description: "Vis",
          netCents: "100",
          vatCents: "20",
          receiptReference: "F-1",
        },
      },
    );
    expect(data(late, "recordExpense")).toEqual({ totalCents: "120", spentOn: "2026-10-04", bookedOn: "2026-11-01", adjustment: true });
    const october = await send(
      `mutation { recordMonthlyContributions(input: { cooperativeId: "${COOP}", month: "2026-10" }) { amountCents } }`,
    );
    expect(data<unknown[]>(october, "recordMonthlyContributions").length).toBeGreaterThan(0);

    const entrepreneur = await network.token({ sub: "entrepreneur-g", role: "ENTREPRENEUR", coop: COOP, person: personId });
    const statement = await send(
      `query ($id: ID!) { person(id: $id) { activityAccounts { edges { node { id
          statement(from: "2026-11-01", to: "2026-11-30") { revenueInvoicedCents expensesCents balanceCents }
          paySimulation(monthlyRevenueCents: "400000", monthlyExpensesCents: "50000", on: "2026-11-15") { grossMonthlyPayCents monthlyHours } } } } } }`,
      { id: personId },
      entrepreneur,
    );
    expect(statement.errors).toBeUndefined();
    const node = (
      statement.data?.person as { activityAccounts: { edges: { node: { id: string; statement: Record<string, string> } }[] } }
    ).activityAccounts.edges.find((edge) => edge.node.id === accountId)?.node;
    // 50 × 300.00 and 200.00 invoiced (the late draft is not issued), 100.00 credited; 25.00 of expenses and the 1.00 adjustment.
    expect(node?.statement).toMatchObject({ revenueInvoicedCents: String(50 * 30000 + 20000 - 10000), expensesCents: "2600" });
    // The cooperative's exact aggregates: its staff read them; a network role only through the network's protected indicators.
    const aggregatesQuery = `{ cooperative(id: "${COOP}") { financeIndicators(from: "2026-11-01", to: "2026-11-30") { invoicesIssued creditNotesIssued } } }`;
    const aggregates = await send(aggregatesQuery, {});
    expect((aggregates.data?.cooperative as { financeIndicators: unknown }).financeIndicators).toEqual({
      invoicesIssued: 51,
      creditNotesIssued: 1,
    });
    const analyst = await send(aggregatesQuery, {}, await network.token({ sub: "analyst", role: "NETWORK_ANALYST" }));
    expect(analyst.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(analyst.data)).not.toContain("invoicesIssued");
  });
});
