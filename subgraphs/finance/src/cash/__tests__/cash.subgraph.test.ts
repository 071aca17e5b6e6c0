import { databaseBackends, execute, testCaller } from "@cae/tools/testing";
import { addDays, daysBetween, lastDayOfMonth } from "@cae/shared";
import {
  admin,
  COOP,
  CREDIT,
  createCustomer,
  issued,
  line,
  ok,
  openAccount,
  PAY,
  settingsInput,
  startEmptyFinance,
  UPDATE_SETTINGS,
  type FinanceServer,
} from "../../__tests__/builders";

const COOPERATIVE = [{ __typename: "Cooperative", id: COOP }];
const CASH_FIELDS = `on receiptsCents receiptsNetCents expensesNetCents salaryCostsCents contributionCents availableCents receivableCents
  ageing { notDueCents late1To30Cents late31To60Cents late61To90Cents lateOver90Cents }
  toRemind { number customerName dueOn leftCents daysLate invoice { id number } }`;
const CASH = `query ($representations: [_Any!]!, $id: ID!, $on: Date) { _entities(representations: $representations) {
  ... on Cooperative { activityAccount(id: $id) { cash(on: $on) { ${CASH_FIELDS} } } } } }`;
const LIST = `query ($representations: [_Any!]!, $first: Int, $on: Date) { _entities(representations: $representations) {
  ... on Cooperative { activityAccounts(first: $first) { edges { node { id analyticCode cash(on: $on) { ${CASH_FIELDS} } } } } } } }`;
/** The documents of an account, as the API gives them: what the test recomputes the cash from. */
const DOCUMENTS = `query ($representations: [_Any!]!, $id: ID!, $from: Date!, $to: Date!) { _entities(representations: $representations) {
  ... on Cooperative { activityAccount(id: $id) {
    invoices(first: 100) { edges { node { id number status issuedOn dueOn netCents totalCents
      payments { receivedOn amountCents } creditNotes { issuedOn totalCents } } } }
    expenses(first: 100) { edges { node { spentOn netCents } } }
    contributions(first: 100) { edges { node { month amountCents } } }
    statement(from: $from, to: $to) { salaryCostsCents } } } } }`;

interface Cash {
  on: string;
  receiptsCents: string;
  receiptsNetCents: string;
  expensesNetCents: string;
  salaryCostsCents: string;
  contributionCents: string;
  availableCents: string;
  receivableCents: string;
  ageing: Record<string, string>;
  toRemind: {
    number: string;
    customerName: string;
    dueOn: string;
    leftCents: string;
    daysLate: number;
    invoice: { id: string; number: string };
  }[];
}
interface Documents {
  invoices: { edges: { node: Invoice }[] };
  expenses: { edges: { node: { spentOn: string; netCents: string } }[] };
  contributions: { edges: { node: { month: string; amountCents: string } }[] };
  statement: { salaryCostsCents: string };
}
interface Invoice {
  id: string;
  number: string;
  status: string;
  issuedOn: string;
  dueOn: string;
  netCents: string;
  totalCents: string;
  payments: { receivedOn: string; amountCents: string }[];
  creditNotes: { issuedOn: string; totalCents: string }[];
}

/** Rounds a non-negative or negative ratio half away from zero, as PostgreSQL's round(numeric) does. */
const roundDiv = (numerator: bigint, denominator: bigint): bigint => {
  const negative = numerator < 0n !== denominator < 0n;
  const [n, d] = [numerator < 0n ? -numerator : numerator, denominator < 0n ? -denominator : denominator];
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
};

/**
 * The cash recomputed from the documents alone, in the test's own words: receipts on the day
 * received, each payment's share excl. VAT from the cumulative paid, what is left on each invoice.
 */
function recompute(documents: Documents, on: string) {
  let receipts = 0n;
  let receiptsNet = 0n;
  let receivable = 0n;
  const toRemind: { number: string; leftCents: bigint; daysLate: number }[] = [];
  for (const { node: invoice } of documents.invoices.edges) {
    if (invoice.status === "DRAFT" || invoice.issuedOn > on) continue;
    const net = BigInt(invoice.netCents);
    const total = BigInt(invoice.totalCents);
    let cumulative = 0n;
    let paid = 0n;
    // Payments in the order they were received (the API lists them in that order).
    for (const payment of invoice.payments) {
      const amount = BigInt(payment.amountCents);
      const share = roundDiv((cumulative + amount) * net, total) - roundDiv(cumulative * net, total);
      cumulative += amount;
      if (payment.receivedOn <= on) {
        receipts += amount;
        receiptsNet += share;
        paid += amount;
      }
    }
    const credited = invoice.creditNotes.filter((note) => note.issuedOn <= on).reduce((sum, note) => sum + BigInt(note.totalCents), 0n);
    const left = total - paid - credited;
    if (left > 0n) {
      receivable += left;
      const daysLate = daysBetween(invoice.dueOn, on);
      if (daysLate > 0) toRemind.push({ number: invoice.number, leftCents: left, daysLate });
    }
  }
  const expenses = documents.expenses.edges
    .filter(({ node }) => node.spentOn <= on)
    .reduce((sum, { node }) => sum + BigInt(node.netCents), 0n);
  const contribution = documents.contributions.edges.reduce((sum, { node }) => sum + BigInt(node.amountCents), 0n);
  const salary = BigInt(documents.statement.salaryCostsCents);
  return {
    receiptsCents: String(receipts),
    receiptsNetCents: String(receiptsNet),
    expensesNetCents: String(expenses),
    salaryCostsCents: String(salary),
    contributionCents: String(contribution),
    availableCents: String(receiptsNet - expenses - salary - contribution),
    receivableCents: String(receivable),
    toRemind: toRemind.sort((a, b) => b.daysLate - a.daysLate).map((item) => ({ ...item, leftCents: String(item.leftCents) })),
  };
}

describe.each(databaseBackends())("cash per activity on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  let a: { accountId: string; personId: string };
  let b: { accountId: string; personId: string };
  const cashOf = async (accountId: string, on: string) =>
    (await ok<{ _entities: { activityAccount: { cash: Cash } }[] }>(server, CASH, { representations: COOPERATIVE, id: accountId, on }))
      ._entities[0].activityAccount.cash;

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    await ok(server, UPDATE_SETTINGS, { input: settingsInput() }, admin); // 10 % of revenue, 30 days to pay
    a = await openAccount(server);
    b = await openAccount(server);
    const customerA = await createCustomer(server, a.accountId);
    const customerB = await createCustomer(server, b.accountId, "PRIVATE");
    const june = await issued(server, a.accountId, customerA, "2026-06-01", [line("1", "100000")]); // 1,200.00, due 2026-07-01
    await ok(server, PAY, { input: { invoiceId: june.id, receivedOn: "2026-07-10", amountCents: "60000", method: "TRANSFER" } });
    const august = await issued(server, a.accountId, customerA, "2026-08-10", [line("1", "30000")]); // 360.00, due 2026-09-09
    await ok(server, PAY, { input: { invoiceId: august.id, receivedOn: "2026-09-20", amountCents: "3000", method: "CHECK" } });
    const credited = await issued(server, a.accountId, customerA, "2026-09-15", [line("1", "20000")]);
    await ok(server, CREDIT, { input: { invoiceId: credited.id, reason: "Annulée", issuedOn: "2026-09-20" } });
    const october = await issued(server, a.accountId, customerA, "2026-10-01", [line("1", "50000")]); // 600.00, due 2026-10-31
    const paid = await ok<{ recordPayment: { id: string } }>(server, PAY, {
      input: { invoiceId: october.id, receivedOn: "2026-11-05", amountCents: "60000", method: "CHECK" },
    });
    await ok(server, `mutation ($input: CancelPaymentInput!) { cancelPayment(input: $input) { id } }`, {
      input: { id: paid.recordPayment.id, cancelledOn: "2026-11-10", reason: "Chèque sans provision" },
    });
    const bInvoice = await issued(server, b.accountId, customerB, "2026-11-02", [line("1", "10000")]);
    await ok(server, PAY, { input: { invoiceId: bInvoice.id, receivedOn: "2026-11-03", amountCents: "12000", method: "CARD" } });
    await issued(server, a.accountId, customerA, "2026-11-20", [line("1", "10000")]); // 120.00, due 2026-12-20
    await ok(server, `mutation ($input: RecordExpenseInput!) { recordExpense(input: $input) { id } }`, {
      input: {
        accountId: a.accountId,
        spentOn: "2026-08-01",
        category: "SUPPLIES",
        description: "Fournitures",
        netCents: "10000",
        vatCents: "2000",
        receiptReference: "T-1",
      },
    });
    await ok(server, `mutation ($input: RecordSalaryCostInput!) { recordSalaryCost(input: $input) { id } }`, {
      input: { accountId: a.accountId, month: "2026-10", amountCents: "50000" },
    });
    await ok(server, `mutation ($input: RecordMonthlyContributionsInput!) { recordMonthlyContributions(input: $input) { id } }`, {
      input: { cooperativeId: COOP, month: "2026-10", accountIds: [a.accountId] },
    });
  });
  afterAll(() => server?.stop());

  it("gives what came in, what went out and what customers owe by lateness, exact to the cent", async () => {
    const cash = await cashOf(a.accountId, "2026-11-30");
    // By hand: receipts 600 + 30 + 600 − 600 (the bounced cheque); their net shares 500 + 25 + 500 − 500.
    expect(cash).toMatchObject({
      on: "2026-11-30",
      receiptsCents: "63000",
      receiptsNetCents: "52500",
      expensesNetCents: "10000",
      salaryCostsCents: "50000",
      contributionCents: "5000", // 10 % of October's 500.00
      availableCents: "-12500",
      receivableCents: "165000",
      ageing: { notDueCents: "12000", late1To30Cents: "60000", late31To60Cents: "0", late61To90Cents: "33000", lateOver90Cents: "60000" },
    });
    expect(
      cash.toRemind.map(({ number, leftCents, daysLate, dueOn, customerName }) => ({ number, leftCents, daysLate, dueOn, customerName })),
    ).toEqual([
      { number: "F2026-000001", leftCents: "60000", daysLate: 152, dueOn: "2026-07-01", customerName: "Boulangerie du Port SARL" },
      { number: "F2026-000002", leftCents: "33000", daysLate: 82, dueOn: "2026-09-09", customerName: "Boulangerie du Port SARL" },
      { number: "F2026-000004", leftCents: "60000", daysLate: 30, dueOn: "2026-10-31", customerName: "Boulangerie du Port SARL" },
    ]);
    expect(cash.toRemind[0].invoice.number).toBe("F2026-000001");

    // On an earlier day, as things stood then: the cheque not yet bounced, November's invoice not issued.
    expect(await cashOf(a.accountId, "2026-11-07")).toMatchObject({
      receiptsCents: "123000",
      receiptsNetCents: "102500",
      salaryCostsCents: "50000",
      contributionCents: "5000",
      availableCents: "37500",
      receivableCents: "93000",
      ageing: { notDueCents: "0", late1To30Cents: "0", late31To60Cents: "33000", late61To90Cents: "0", lateOver90Cents: "60000" },
    });
  });

  it("agrees with the cash recomputed from the documents, for every account and several days", async () => {
    for (const account of [a, b]) {
      for (const on of ["2026-07-10", "2026-09-30", "2026-11-05", "2026-11-30"]) {
        // Salary costs and contributions count once their month is over: the statement through the last month over by the day.
        const lastOver = lastDayOfMonth(on) === on ? on : addDays(`${on.slice(0, 7)}-01`, -1);
        const documents = (
          await ok<{ _entities: { activityAccount: Documents }[] }>(server, DOCUMENTS, {
            representations: COOPERATIVE,
            id: account.accountId,
            from: "2026-01-01",
            to: lastOver,
          })
        )._entities[0].activityAccount;
        documents.contributions.edges = documents.contributions.edges.filter(({ node }) => lastDayOfMonth(`${node.month}-01`) <= on);
        const cash = await cashOf(account.accountId, on);
        const expected = recompute(documents, on);
        expect({
          ...cash,
          toRemind: cash.toRemind.map(({ number, leftCents, daysLate }) => ({ number, leftCents, daysLate })),
        }).toMatchObject(expected);
        const ageing = Object.values(cash.ageing).reduce((sum, cents) => sum + BigInt(cents), 0n);
        expect(String(ageing)).toBe(cash.receivableCents);
      }
    }
  });

  it("reads the whole cooperative's list in a bounded number of statements", async () => {
    const statements = async (first: number) => {
      const before = server.database.statementCount;
      const data = await ok<{ _entities: { activityAccounts: { edges: { node: { id: string; cash: Cash } }[] } }[] }>(server, LIST, {
        representations: COOPERATIVE,
        first,
        on: "2026-11-30",
      });
      return { count: server.database.statementCount - before, nodes: data._entities[0].activityAccounts.edges.map((edge) => edge.node) };
    };
    for (let i = 0; i < 4; i++) await openAccount(server);
    const one = await statements(1);
    const all = await statements(6);
    expect(all.nodes).toHaveLength(6);
    expect(all.count).toBe(one.count);
    expect(all.nodes.find((node) => node.id === a.accountId)?.cash.availableCents).toBe("-12500");
    expect(all.nodes.find((node) => node.id === b.accountId)?.cash).toMatchObject({
      receiptsCents: "12000",
      receiptsNetCents: "10000",
      receivableCents: "0",
    });
  });

  it("is the entrepreneur's own and the staff's", async () => {
    const own = await execute(
      server,
      CASH,
      { representations: COOPERATIVE, id: a.accountId, on: "2026-11-30" },
      testCaller("ENTREPRENEUR", COOP, a.personId),
    );
    expect(own.errors).toBeUndefined();
    const other = await execute(
      server,
      CASH,
      { representations: COOPERATIVE, id: a.accountId, on: "2026-11-30" },
      testCaller("ENTREPRENEUR", COOP, b.personId),
    );
    expect(other.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const list = await execute(server, LIST, { representations: COOPERATIVE, first: 5 }, testCaller("ENTREPRENEUR", COOP, a.personId));
    expect(list.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const future = await execute(server, CASH, { representations: COOPERATIVE, id: a.accountId, on: "2099-01-01" });
    expect(future.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "on" });
  });
});
