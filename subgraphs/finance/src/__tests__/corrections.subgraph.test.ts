import { databaseBackends, execute, testCaller } from "@cae/tools/testing";
import {
  admin,
  COOP,
  count,
  CREATE_DRAFT,
  CREDIT,
  createCustomer,
  draft,
  issued,
  line,
  newPersonId,
  ok,
  openAccount,
  OPEN_ACCOUNT,
  PAY,
  personPath,
  settingsInput,
  startEmptyFinance,
  UPDATE_SETTINGS,
  type FinanceServer,
} from "./builders";

const COOPERATIVE = [{ __typename: "Cooperative", id: COOP }];
const onCooperative = (selection: string, variables: string) =>
  `query ($representations: [_Any!]!, ${variables}) { _entities(representations: $representations) { ... on Cooperative { ${selection} } } }`;
const PAYMENT = `id receivedOn amountCents method reference reason bookedOn adjustment`;
const CANCEL = `mutation ($input: CancelPaymentInput!) { cancelPayment(input: $input) { ${PAYMENT}
  reverses { id amountCents reversedBy { id } } reversedBy { id } invoice { status paidCents balanceCents } } }`;
const INVOICE = onCooperative(
  `invoice(id: $id) { status paidCents balanceCents payments { ${PAYMENT} reverses { id } reversedBy { id } } }`,
  "$id: ID!",
);
const STATEMENT = onCooperative(
  `activityAccount(id: $id) { statement(from: $from, to: $to) { invoicedNetCents collectedCents reversedCents revenueCollectedCents expensesCents } }`,
  "$id: ID!, $from: Date!, $to: Date!",
);
const ACCOUNT = onCooperative(
  `activityAccount(id: $id) { closedOn expenses(first: 20) { edges { node { receiptReference spentOn bookedOn adjustment netCents } } } }`,
  "$id: ID!",
);
const EXPENSE = `mutation ($input: RecordExpenseInput!) { recordExpense(input: $input) { id spentOn bookedOn adjustment netCents } }`;
const RECORD = `mutation ($input: RecordMonthlyContributionsInput!) { recordMonthlyContributions(input: $input) {
  month basisCents yearBasisBeforeCents amountCents } }`;
const CLOSE = `mutation ($input: CloseActivityAccountInput!) { closeActivityAccount(input: $input) { id analyticCode openedOn closedOn } }`;
const QUOTE = `mutation ($input: CreateQuoteInput!) { createQuote(input: $input) { id } }`;

type Payment = Record<string, unknown> & { id: string };

describe.each(databaseBackends())("daily corrections of the books on %s PostgreSQL", (backend) => {
  let server: FinanceServer;

  const statement = async (accountId: string, from: string, to: string) => {
    const data = await ok<{ _entities: { activityAccount: { statement: Record<string, string> } }[] }>(server, STATEMENT, {
      representations: COOPERATIVE,
      id: accountId,
      from,
      to,
    });
    return data._entities[0].activityAccount.statement;
  };
  const account = async (accountId: string) =>
    (
      await ok<{
        _entities: { activityAccount: { closedOn: string | null; expenses: { edges: { node: Record<string, string | boolean> }[] } } }[];
      }>(server, ACCOUNT, { representations: COOPERATIVE, id: accountId })
    )._entities[0].activityAccount;
  const pay = async (invoiceId: string, receivedOn: string, amountCents: string) =>
    (
      await ok<{ recordPayment: Payment }>(server, PAY, {
        input: { invoiceId, receivedOn, amountCents, method: "CHECK", reference: "CHQ-1" },
      })
    ).recordPayment;
  const cancel = async (id: string, cancelledOn: string, reason = "Chèque impayé") =>
    (await ok<{ cancelPayment: Payment & { invoice: Record<string, string> } }>(server, CANCEL, { input: { id, cancelledOn, reason } }))
      .cancelPayment;
  const expense = (accountId: string, spentOn: string, netCents: string, receiptReference: string) => ({
    input: { accountId, spentOn, category: "TRAVEL", description: "Train", netCents, vatCents: "0", receiptReference },
  });
  const record = async (month: string, accountId: string) =>
    (
      await ok<{ recordMonthlyContributions: Record<string, string>[] }>(server, RECORD, {
        input: { cooperativeId: COOP, month, accountIds: [accountId] },
      })
    ).recordMonthlyContributions;
  const refusal = async (query: string, input: Record<string, unknown>, caller = testCaller("COUNSELOR", COOP)) =>
    (await execute(server, query, { input }, caller)).errors?.[0];

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    // A gross-margin basis, so that an expense moves a month's contribution: 10 % of revenue minus expenses.
    await ok(server, UPDATE_SETTINGS, { input: settingsInput({ contributionBasis: "GROSS_MARGIN" }) }, admin);
  });
  afterAll(() => server?.stop());

  describe("a payment cancelled by a reversing entry", () => {
    let a: { accountId: string; personId: string };
    let paid: { id: string };
    let payment: Payment;
    let reversal: Payment;
    let second: Payment;
    let standing: Payment;

    it("keeps the payment, adds a reversal pointing at it, and puts the invoice back to unpaid", async () => {
      a = await openAccount(server);
      const customer = await createCustomer(server, a.accountId);
      paid = await issued(server, a.accountId, customer, "2026-09-01"); // 100.00 + 20 % = 120.00 EUR
      payment = await pay(paid.id, "2026-09-20", "12000");
      reversal = await cancel(payment.id, "2026-09-25");
      expect(reversal).toEqual({
        id: expect.any(String),
        receivedOn: "2026-09-25",
        amountCents: "-12000",
        method: "CHECK",
        reference: "CHQ-1",
        reason: "Chèque impayé",
        bookedOn: "2026-09-25",
        adjustment: false,
        reverses: { id: payment.id, amountCents: "12000", reversedBy: { id: reversal.id } },
        reversedBy: null,
        invoice: { status: "ISSUED", paidCents: "0", balanceCents: "12000" },
      });
      const invoice = await ok<{ _entities: { invoice: Record<string, unknown> }[] }>(server, INVOICE, {
        representations: COOPERATIVE,
        id: paid.id,
      });
      expect(invoice._entities[0].invoice).toEqual({
        status: "ISSUED",
        paidCents: "0",
        balanceCents: "12000",
        payments: [
          {
            id: payment.id,
            receivedOn: "2026-09-20",
            amountCents: "12000",
            method: "CHECK",
            reference: "CHQ-1",
            reason: null,
            bookedOn: "2026-09-20",
            adjustment: false,
            reverses: null,
            reversedBy: { id: reversal.id },
          },
          {
            id: reversal.id,
            receivedOn: "2026-09-25",
            amountCents: "-12000",
            method: "CHECK",
            reference: "CHQ-1",
            reason: "Chèque impayé",
            bookedOn: "2026-09-25",
            adjustment: false,
            reverses: { id: payment.id },
            reversedBy: null,
          },
        ],
      });
      const [audit] = await server.database.dataSource.query(
        "SELECT entity_id, details->>'reversalId' AS reversal FROM audit_events WHERE action = 'cancelPayment'",
      );
      expect(audit).toEqual({ entity_id: payment.id, reversal: reversal.id });
    });

    it("makes a paid invoice partly paid again, and takes the payment anew", async () => {
      const customer = await createCustomer(server, a.accountId, "PRIVATE");
      const { id } = await issued(server, a.accountId, customer, "2026-09-02");
      await pay(id, "2026-09-21", "5000");
      second = await pay(id, "2026-09-22", "7000");
      expect(second.invoice).toEqual({ status: "PAID", paidCents: "12000", balanceCents: "0" });
      expect((await cancel(second.id, "2026-09-23", "Payé sur la mauvaise facture")).invoice).toEqual({
        status: "PARTLY_PAID",
        paidCents: "5000",
        balanceCents: "7000",
      });
      standing = await pay(id, "2026-09-24", "7000");
      expect(standing.invoice).toEqual({ status: "PAID", paidCents: "12000", balanceCents: "0" });
    });

    it("shows both lines in the statement: collected net of the reversals, and the reversals apart", async () => {
      // 120.00 - 120.00 + 50.00 + 70.00 - 70.00 + 70.00 collected; 120.00 + 70.00 reversed; each invoice's 100.00 net collected once.
      expect(await statement(a.accountId, "2026-09-01", "2026-09-30")).toEqual({
        invoicedNetCents: "20000",
        collectedCents: "12000",
        reversedCents: "19000",
        revenueCollectedCents: "10000",
        expensesCents: "0",
      });
      // Before the cancellations the payments stood: a period's statement shows what was booked in it.
      expect(await statement(a.accountId, "2026-09-01", "2026-09-22")).toMatchObject({ collectedCents: "24000", reversedCents: "0" });
    });

    it.each([
      ["a payment already cancelled", () => ({ id: payment.id, cancelledOn: "2026-09-26", reason: "Encore" }), "CONFLICT", "input.id"],
      ["a reversal", () => ({ id: reversal.id, cancelledOn: "2026-09-26", reason: "Annuler l'annulation" }), "CONFLICT", "input.id"],
      [
        "a date before the payment's",
        () => ({ id: standing.id, cancelledOn: "2026-09-23", reason: "Trop tôt" }),
        "BAD_USER_INPUT",
        "input.cancelledOn",
      ],
      [
        "a date in the future",
        () => ({ id: standing.id, cancelledOn: "2099-01-01", reason: "Plus tard" }),
        "BAD_USER_INPUT",
        "input.cancelledOn",
      ],
      ["no reason", () => ({ id: standing.id, cancelledOn: "2026-09-26", reason: "   " }), "BAD_USER_INPUT", "input.reason"],
      [
        "a reason too long",
        () => ({ id: standing.id, cancelledOn: "2026-09-26", reason: "x".repeat(501) }),
        "BAD_USER_INPUT",
        "input.reason",
      ],
      [
        "an unknown payment",
        () => ({ id: `${COOP}:00000000-0000-4000-8000-00000000dead`, cancelledOn: "2026-09-26", reason: "?" }),
        "NOT_FOUND",
        "input.id",
      ],
      [
        "another cooperative's payment",
        () => ({ id: `bretagne-cooperer:${standing.id.split(":")[1]}`, cancelledOn: "2026-09-26", reason: "?" }),
        "BAD_USER_INPUT",
        "input.id",
      ],
    ])("refuses to cancel %s, writing nothing", async (_case, input, code, field) => {
      const [payments, audits] = [await count(server, "payments"), await count(server, "audit_events")];
      const error = await refusal(CANCEL, input());
      expect(error?.extensions).toMatchObject({ code, field });
      expect([await count(server, "payments"), await count(server, "audit_events")]).toEqual([payments, audits]);
    });

    it("names the earlier cancellation when asked twice", async () => {
      const error = await refusal(CANCEL, { id: payment.id, cancelledOn: "2026-09-26", reason: "Encore" });
      expect(error?.message).toMatch(/already cancelled on 2026-09-25/);
    });

    it("never deletes a payment nor changes its figures, in the database too", async () => {
      const local = payment.id.split(":")[1];
      await expect(server.database.dataSource.query("DELETE FROM payments WHERE id = $1", [local])).rejects.toThrow(/never deleted/);
      await expect(server.database.dataSource.query("UPDATE payments SET amount_cents = 1 WHERE id = $1", [local])).rejects.toThrow(
        /never changed/,
      );
    });

    it("leaves cancelling to staff: an entrepreneur's token is refused, even for their own activity", async () => {
      const own = testCaller("ENTREPRENEUR", COOP, a.personId);
      const error = await refusal(CANCEL, { id: standing.id, cancelledOn: "2026-09-26", reason: "Moi" }, own);
      expect(error?.extensions).toMatchObject({ code: "FORBIDDEN" });
    });
  });

  describe("a late expense or reversal in a closed month", () => {
    let b: { accountId: string; personId: string };
    let september: Record<string, string>[];
    let payment: Payment;

    it("books an expense dated in a closed month in the next open one, leaving the closed month's contribution as it was", async () => {
      b = await openAccount(server);
      const customer = await createCustomer(server, b.accountId);
      const { id } = await issued(server, b.accountId, customer, "2026-09-05", [line("1", "100000")]); // 1,000.00 + VAT
      await ok(server, EXPENSE, expense(b.accountId, "2026-09-10", "20000", "T-1"));
      payment = await pay(id, "2026-09-15", "60000");
      september = await record("2026-09", b.accountId);
      // 10 % of 1,000.00 - 200.00.
      expect(september).toEqual([{ month: "2026-09", basisCents: "80000", yearBasisBeforeCents: "0", amountCents: "8000" }]);

      const late = await ok<{ recordExpense: Record<string, unknown> }>(
        server,
        EXPENSE,
        expense(b.accountId, "2026-09-28", "10000", "T-2"),
      );
      expect(late.recordExpense).toMatchObject({ spentOn: "2026-09-28", bookedOn: "2026-10-01", adjustment: true, netCents: "10000" });
      // Recording September again gives the same entry: the late expense is not in it.
      expect(await record("2026-09", b.accountId)).toEqual(september);
      expect(await statement(b.accountId, "2026-09-01", "2026-09-30")).toMatchObject({ expensesCents: "20000" });
      expect(await statement(b.accountId, "2026-10-01", "2026-10-31")).toMatchObject({ expensesCents: "10000" });
    });

    it("books a reversal dated in a closed month in the next open one too", async () => {
      const reversal = await cancel(payment.id, "2026-09-30", "Virement rejeté");
      expect(reversal).toMatchObject({ receivedOn: "2026-09-30", bookedOn: "2026-10-01", adjustment: true, amountCents: "-60000" });
      expect(await statement(b.accountId, "2026-09-01", "2026-09-30")).toMatchObject({ collectedCents: "60000", reversedCents: "0" });
      expect(await statement(b.accountId, "2026-10-01", "2026-10-31")).toMatchObject({
        collectedCents: "-60000",
        reversedCents: "60000",
        revenueCollectedCents: "-50000",
      });
      expect(await record("2026-09", b.accountId)).toEqual(september);
    });

    it("counts the adjustment in the month it is booked in, and skips every closed month after the date", async () => {
      // October: no revenue, the late 100.00 expense: a basis of -100.00 pays nothing.
      expect(await record("2026-10", b.accountId)).toEqual([
        { month: "2026-10", basisCents: "-10000", yearBasisBeforeCents: "80000", amountCents: "0" },
      ]);
      const later = await ok<{ recordExpense: Record<string, unknown> }>(
        server,
        EXPENSE,
        expense(b.accountId, "2026-09-02", "3000", "T-3"),
      );
      expect(later.recordExpense).toMatchObject({ spentOn: "2026-09-02", bookedOn: "2026-11-01", adjustment: true });
      const onTime = await ok<{ recordExpense: Record<string, unknown> }>(
        server,
        EXPENSE,
        expense(b.accountId, "2026-11-05", "4000", "T-4"),
      );
      expect(onTime.recordExpense).toMatchObject({ spentOn: "2026-11-05", bookedOn: "2026-11-05", adjustment: false });
      expect((await account(b.accountId)).expenses.edges.map((edge) => edge.node)).toEqual([
        { receiptReference: "T-4", spentOn: "2026-11-05", bookedOn: "2026-11-05", adjustment: false, netCents: "4000" },
        { receiptReference: "T-3", spentOn: "2026-09-02", bookedOn: "2026-11-01", adjustment: true, netCents: "3000" },
        { receiptReference: "T-2", spentOn: "2026-09-28", bookedOn: "2026-10-01", adjustment: true, netCents: "10000" },
        { receiptReference: "T-1", spentOn: "2026-09-10", bookedOn: "2026-09-10", adjustment: false, netCents: "20000" },
      ]);
      expect(await record("2026-09", b.accountId)).toEqual(september);
      expect(await record("2026-10", b.accountId)).toMatchObject([{ basisCents: "-10000", amountCents: "0" }]);
      expect(await statement(b.accountId, "2026-11-01", "2026-11-30")).toMatchObject({ expensesCents: "7000" });
    });
  });

  describe("closing an activity account", () => {
    let c: { accountId: string; personId: string };
    let customer: string;
    let settledId: string;
    let lastPayment: Payment;

    it("refuses while documents are unsettled, naming them", async () => {
      c = await openAccount(server, newPersonId(), "2026-01-15");
      customer = await createCustomer(server, c.accountId);
      const drafted = await draft(server, c.accountId, customer);
      const quote = await ok<{ createQuote: { id: string } }>(server, QUOTE, {
        input: {
          accountId: c.accountId,
          customerId: customer,
          issuedOn: "2026-10-01",
          validUntil: "2026-12-31",
          lines: [line("1", "5000")],
        },
      });
      const unpaid = await issued(server, c.accountId, customer, "2026-10-05");
      const partly = await issued(server, c.accountId, customer, "2026-10-06");
      await pay(partly.id, "2026-10-10", "6000");
      const error = await refusal(CLOSE, { id: c.accountId, closedOn: "2026-10-31", reason: "Fin d'activité" });
      expect(error?.extensions).toMatchObject({ code: "CONFLICT", field: "input.id" });
      expect(error?.message).toContain(`draft invoices (${drafted.id})`);
      expect(error?.message).toContain(`pending quotes (${quote.createQuote.id})`);
      expect(error?.message).toContain(`invoices not fully paid or credited (${unpaid.number}, ${partly.number})`);

      // Settled: the draft deleted, the quote refused, one invoice paid, the other credited for its rest.
      await ok(server, `mutation ($input: DeleteInvoiceDraftInput!) { deleteInvoiceDraft(input: $input) }`, { input: { id: drafted.id } });
      await ok(server, `mutation ($input: DecideQuoteInput!) { refuseQuote(input: $input) { id } }`, {
        input: { id: quote.createQuote.id, decidedOn: "2026-10-07" },
      });
      await ok(server, CREDIT, {
        input: { invoiceId: partly.id, reason: "Geste commercial", issuedOn: "2026-10-12", lines: [line("1", "5000")] },
      });
      lastPayment = await pay(unpaid.id, "2026-10-20", "12000");
      settledId = unpaid.id;
    });

    it.each([
      ["before the account opened", { closedOn: "2026-01-14" }, "BAD_USER_INPUT", "input.closedOn", /opened \(2026-01-15\)/],
      [
        "before its last record",
        { closedOn: "2026-10-19" },
        "BAD_USER_INPUT",
        "input.closedOn",
        /payment of invoice F2026-\d{6}, is of 2026-10-20/,
      ],
      ["in the future", { closedOn: "2099-01-01" }, "BAD_USER_INPUT", "input.closedOn", /future/],
      ["without a reason", { reason: " " }, "BAD_USER_INPUT", "input.reason", /empty/],
      ["with a reason too long", { reason: "x".repeat(501) }, "BAD_USER_INPUT", "input.reason", /at most 500/],
    ])("refuses a closing %s, writing nothing", async (_case, overrides, code, field, message) => {
      const events = await count(server, "outbox_events");
      const error = await refusal(CLOSE, { id: c.accountId, closedOn: "2026-10-31", reason: "Fin d'activité", ...overrides });
      expect(error?.extensions).toMatchObject({ code, field });
      expect(error?.message).toMatch(message);
      expect(await count(server, "outbox_events")).toBe(events);
      expect((await account(c.accountId)).closedOn).toBeNull();
    });

    it("leaves closing to staff: an entrepreneur's token is refused", async () => {
      const own = testCaller("ENTREPRENEUR", COOP, c.personId);
      const error = await refusal(CLOSE, { id: c.accountId, closedOn: "2026-10-31", reason: "Moi" }, own);
      expect(error?.extensions).toMatchObject({ code: "FORBIDDEN" });
    });

    it("closes a settled account, audited, and tells the members subgraph in the same transaction", async () => {
      const closed = await ok<{ closeActivityAccount: Record<string, unknown> }>(server, CLOSE, {
        input: { id: c.accountId, closedOn: "2026-10-31", reason: "Fin d'activité" },
      });
      expect(closed.closeActivityAccount).toMatchObject({ id: c.accountId, openedOn: "2026-01-15", closedOn: "2026-10-31" });
      expect((await account(c.accountId)).closedOn).toBe("2026-10-31");
      const events = await server.database.dataSource.query(
        "SELECT destination, subject, payload FROM outbox_events WHERE topic = 'account.closed'",
      );
      expect(events).toEqual([
        { destination: "members", subject: c.personId, payload: { accountId: c.accountId, closedOn: "2026-10-31" } },
      ]);
      const [audit] = await server.database.dataSource.query(
        "SELECT entity_id, details->>'reason' AS reason FROM audit_events WHERE action = 'closeActivityAccount'",
      );
      expect(audit).toEqual({ entity_id: c.accountId, reason: "Fin d'activité" });
      const again = await refusal(CLOSE, { id: c.accountId, closedOn: "2026-11-02", reason: "Encore" });
      expect(again?.extensions).toMatchObject({ code: "CONFLICT", field: "input.id" });
      expect(again?.message).toMatch(/already closed on 2026-10-31/);
    });

    it("takes nothing new once closed: no quote, invoice, payment, reversal nor expense", async () => {
      const tables = ["quotes", "invoices", "payments", "expenses", "audit_events"];
      const before = await Promise.all(tables.map((table) => count(server, table)));
      const refused = [
        await refusal(QUOTE, {
          accountId: c.accountId,
          customerId: customer,
          issuedOn: "2026-11-02",
          validUntil: "2026-12-31",
          lines: [line("1", "5000")],
        }),
        await refusal(CREATE_DRAFT, { accountId: c.accountId, customerId: customer, lines: [line("1", "5000")] }),
        await refusal(EXPENSE, expense(c.accountId, "2026-11-02", "1000", "T-9").input),
        await refusal(PAY, { invoiceId: settledId, receivedOn: "2026-11-02", amountCents: "1", method: "CASH" }),
        await refusal(CANCEL, { id: lastPayment.id, cancelledOn: "2026-11-02", reason: "Chèque impayé" }),
      ];
      expect(refused.map((error) => error?.extensions)).toEqual([
        { code: "CONFLICT", field: "input.accountId" },
        { code: "CONFLICT", field: "input.accountId" },
        { code: "CONFLICT", field: "input.accountId" },
        { code: "CONFLICT", field: "input.invoiceId" },
        { code: "CONFLICT", field: "input.id" },
      ]);
      for (const error of refused) expect(error?.message).toMatch(/was closed on 2026-10-31: it takes nothing new/);
      expect(await Promise.all(tables.map((table) => count(server, table)))).toEqual(before);
      // Its books stay readable, and its last month's contribution is recorded; no month after its closing is.
      expect(await statement(c.accountId, "2026-10-01", "2026-10-31")).toMatchObject({
        invoicedNetCents: "20000",
        collectedCents: "18000",
      });
      expect(await record("2026-10", c.accountId)).toMatchObject([{ month: "2026-10" }]);
      const november = await execute(server, RECORD, { input: { cooperativeId: COOP, month: "2026-11", accountIds: [c.accountId] } });
      expect(november.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("opening an activity account", () => {
    it("refuses a person the cooperative has not admitted, or who left, and writes nothing", async () => {
      const cases: [string | null, string | null, string, RegExp][] = [
        [null, null, "NOT_FOUND", /No person/],
        ["RECEIVED", null, "CONFLICT", /not decided on their admission/],
        ["PROSPECT", null, "CONFLICT", /a prospect/],
        ["ADMITTED", "2026-06-30", "CONFLICT", /left the cooperative/],
      ];
      for (const [stage, exitedOn, code, message] of cases) {
        const personId = newPersonId();
        if (stage) await personPath(server, personId, stage as "RECEIVED", exitedOn);
        const [accounts, events] = [await count(server, "activity_accounts"), await count(server, "outbox_events")];
        const error = await refusal(OPEN_ACCOUNT, { personId, label: "Poterie", sector: "CRAFTS", openedOn: "2026-11-02" });
        expect(error?.extensions).toMatchObject({ code, field: "input.personId" });
        expect(error?.message).toMatch(message);
        expect([await count(server, "activity_accounts"), await count(server, "outbox_events")]).toEqual([accounts, events]);
      }
    });

    it("tells the members subgraph of an account opened, in the same transaction", async () => {
      const { accountId, personId } = await openAccount(server, newPersonId(), "2026-11-02");
      const events = await server.database.dataSource.query(
        "SELECT destination, payload FROM outbox_events WHERE topic = 'account.opened' AND subject = $1",
        [personId],
      );
      expect(events).toEqual([{ destination: "members", payload: { accountId, openedOn: "2026-11-02" } }]);
    });
  });

  describe("an activity whose entrepreneur left", () => {
    it("takes no new document, but its bookings go on until the account closes", async () => {
      const d = await openAccount(server, newPersonId(), "2026-01-15");
      const customer = await createCustomer(server, d.accountId);
      await personPath(server, d.personId, "ADMITTED", "2026-10-31");
      const error = await refusal(CREATE_DRAFT, { accountId: d.accountId, customerId: customer, lines: [line("1", "5000")] });
      expect(error?.extensions).toMatchObject({ code: "CONFLICT", field: "input.accountId" });
      expect(error?.message).toMatch(/left the cooperative/);
      // The receipt of the last train ticket comes in after the exit: the books are settled before the account closes.
      const late = await ok<{ recordExpense: Record<string, unknown> }>(
        server,
        EXPENSE,
        expense(d.accountId, "2026-10-30", "2500", "T-10"),
      );
      expect(late.recordExpense).toMatchObject({ spentOn: "2026-10-30", bookedOn: "2026-10-30", adjustment: false });
    });
  });
});
