import { databaseBackends, execute, testCaller } from "@cae/tools/testing";
import {
  admin,
  COOP,
  count,
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
} from "./builders";

const COOPERATIVE = [{ __typename: "Cooperative", id: COOP }];
const onCooperative = (selection: string, variables: string) =>
  `query ($representations: [_Any!]!, ${variables}) { _entities(representations: $representations) { ... on Cooperative { ${selection} } } }`;
const RECORD = `mutation ($input: RecordMonthlyContributionsInput!) { recordMonthlyContributions(input: $input) {
  id month basis basisCents yearBasisBeforeCents rateSource parts { fromCents rate basisCents amountCents } amountCents explanation } }`;
const EXPENSE = `mutation ($input: RecordExpenseInput!) { recordExpense(input: $input) { id netCents vatCents totalCents } }`;
const SALARY = `mutation ($input: RecordSalaryCostInput!) { recordSalaryCost(input: $input) { id month amountCents } }`;
const STATEMENT = onCooperative(
  `activityAccount(id: $id) { statement(from: $from, to: $to) { invoicedNetCents creditedNetCents revenueInvoicedCents vatInvoicedCents
    collectedCents revenueCollectedCents contributionCents expensesCents salaryCostsCents balanceCents } }`,
  "$id: ID!, $from: Date!, $to: Date!",
);
const INDICATORS = onCooperative(
  `financeIndicators(from: $from, to: $to) { from to revenueInvoicedCents revenueCollectedCents contributionsCents invoicesIssued creditNotesIssued
    activitiesWithRevenue largestActivityRevenueCents monthly { month revenueInvoicedCents revenueCollectedCents contributionsCents invoicesIssued
    creditNotesIssued activitiesWithRevenue largestActivityRevenueCents } }`,
  "$from: Date!, $to: Date!",
);
const SIMULATION = (on: string) =>
  onCooperative(
    `${on}(monthlyRevenueCents: $revenue, monthlyExpensesCents: $expenses, on: "2026-11-15") { contributionBasisCents contributionCents availableCents
      grossMonthlyPayCents employerChargesCents employerCostCents employeeChargesCents netMonthlyPayCents minimumHourlyCents monthlyHours hourlyGrossCents
      steps { label detail amountCents } }`,
    "$revenue: Cents!, $expenses: Cents!",
  );

describe.each(databaseBackends())("expenses, contributions, statements, indicators and pay simulations on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  let a: { accountId: string; personId: string };
  let b: { accountId: string; personId: string };
  let firstA: string;
  let secondA: string;

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    // 10 % of the year's revenue up to 10,000 EUR, 5 % beyond.
    await ok(
      server,
      UPDATE_SETTINGS,
      {
        input: settingsInput({
          contributionBrackets: [
            { fromCents: "0", rate: "10" },
            { fromCents: "1000000", rate: "5" },
          ],
        }),
      },
      admin,
    );
    a = await openAccount(server);
    b = await openAccount(server);
    await ok(server, `mutation ($input: SetAccountContributionRateInput!) { setAccountContributionRate(input: $input) { id } }`, {
      input: { id: b.accountId, rate: "8" },
    });
    const customerA = await createCustomer(server, a.accountId);
    const customerB = await createCustomer(server, b.accountId, "PRIVATE");
    // September: A invoices 6,000 + 7,000 and credits 1,000 (net 12,000 EUR); B invoices 333.33 EUR.
    firstA = (await issued(server, a.accountId, customerA, "2026-09-10", [line("1", "600000")])).id; // total 7,200.00
    secondA = (await issued(server, a.accountId, customerA, "2026-09-20", [line("7", "100000")])).id; // total 8,400.00
    await issued(server, b.accountId, customerB, "2026-09-22", [line("1", "33333")]);
    await ok(server, CREDIT, { input: { invoiceId: secondA, reason: "Remise", issuedOn: "2026-09-25", lines: [line("1", "100000")] } });
    await ok(server, PAY, { input: { invoiceId: firstA, receivedOn: "2026-09-30", amountCents: "360000", method: "TRANSFER" } });
    await ok(server, EXPENSE, {
      input: {
        accountId: a.accountId,
        spentOn: "2026-09-15",
        category: "SUPPLIES",
        description: "Bois",
        netCents: "50000",
        vatCents: "10000",
        receiptReference: "T-881",
      },
    });
    await ok(server, SALARY, { input: { accountId: a.accountId, month: "2026-09", amountCents: "150000" } });
    // October: A invoices 1,000 EUR; payments of 3,600.00 (rest of the first) and 1,000.01 EUR.
    await issued(server, a.accountId, customerA, "2026-10-05", [line("1", "100000")]);
    await ok(server, PAY, { input: { invoiceId: firstA, receivedOn: "2026-10-10", amountCents: "360000", method: "TRANSFER" } });
    await ok(server, PAY, { input: { invoiceId: secondA, receivedOn: "2026-10-15", amountCents: "100001", method: "CHECK" } });
  });
  afterAll(() => server?.stop());

  it("records September's contribution by bracket and by the activity's own rate, explained, once", async () => {
    const first = await ok<{ recordMonthlyContributions: Record<string, unknown>[] }>(server, RECORD, {
      input: { cooperativeId: COOP, month: "2026-09" },
    });
    expect(first.recordMonthlyContributions).toMatchObject([
      {
        month: "2026-09",
        basis: "REVENUE",
        basisCents: "1200000",
        yearBasisBeforeCents: "0",
        rateSource: "COOPERATIVE",
        parts: [
          { fromCents: "0", rate: "10.00", basisCents: "1000000", amountCents: "100000" },
          { fromCents: "1000000", rate: "5.00", basisCents: "200000", amountCents: "10000" },
        ],
        amountCents: "110000",
        explanation: "10.00 % of 10000.00 EUR + 5.00 % of 2000.00 EUR revenue excl. VAT = 1100.00 EUR",
      },
      // 8 % of 333.33 = 26.6664 → 26.67
      { basisCents: "33333", rateSource: "ACCOUNT", parts: [{ rate: "8.00", amountCents: "2667" }], amountCents: "2667" },
    ]);
    const entries = await count(server, "contribution_entries");
    const again = await ok<{ recordMonthlyContributions: Record<string, unknown>[] }>(server, RECORD, {
      input: { cooperativeId: COOP, month: "2026-09" },
    });
    expect(again.recordMonthlyContributions).toEqual(first.recordMonthlyContributions);
    expect(await count(server, "contribution_entries")).toBe(entries);
  });

  it("closes a recorded month: a late expense is booked in the next open month; a month not over is refused", async () => {
    const late = await ok<{ recordExpense: Record<string, unknown> }>(
      server,
      `mutation ($input: RecordExpenseInput!) { recordExpense(input: $input) { spentOn bookedOn adjustment netCents } }`,
      {
        input: {
          accountId: a.accountId,
          spentOn: "2026-09-28",
          category: "TRAVEL",
          description: "Train",
          netCents: "5000",
          vatCents: "500",
          receiptReference: "SNCF-1",
        },
      },
    );
    // September keeps its figures (its statement below still counts 500.00 EUR of expenses); October takes the adjustment.
    expect(late.recordExpense).toEqual({ spentOn: "2026-09-28", bookedOn: "2026-10-01", adjustment: true, netCents: "5000" });
    const future = await execute(server, RECORD, { input: { cooperativeId: COOP, month: "2030-01" } });
    expect(future.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.month" });
    const twice = await execute(server, SALARY, { input: { accountId: a.accountId, month: "2026-09", amountCents: "1" } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", field: "input.month" });
  });

  it("places October after September in the brackets", async () => {
    const october = await ok<{ recordMonthlyContributions: Record<string, unknown>[] }>(server, RECORD, {
      input: { cooperativeId: COOP, month: "2026-10" },
    });
    expect(october.recordMonthlyContributions).toMatchObject([
      {
        basisCents: "100000",
        yearBasisBeforeCents: "1200000",
        parts: [{ rate: "5.00", basisCents: "100000", amountCents: "5000" }],
        amountCents: "5000",
      },
      { basisCents: "0", parts: [], amountCents: "0", explanation: "No contribution: the month's revenue excl. VAT is 0.00 EUR" },
    ]);
  });

  it("gives the entrepreneur their own statement, figures by hand", async () => {
    const own = testCaller("ENTREPRENEUR", COOP, a.personId);
    const result = await execute(
      server,
      STATEMENT,
      { representations: COOPERATIVE, id: a.accountId, from: "2026-09-01", to: "2026-09-30" },
      own,
    );
    expect(result.errors).toBeUndefined();
    expect((result.data?._entities as { activityAccount: { statement: unknown } }[])[0].activityAccount.statement).toEqual({
      invoicedNetCents: "1300000",
      creditedNetCents: "100000",
      revenueInvoicedCents: "1200000",
      vatInvoicedCents: "240000", // 20 % of 6,000 + 7,000 - 1,000
      collectedCents: "360000",
      revenueCollectedCents: "300000", // 3,600 of 7,200 TTC for 6,000 HT
      contributionCents: "110000",
      expensesCents: "50000",
      salaryCostsCents: "150000",
      balanceCents: "890000", // 12,000 - 1,100 - 500 - 1,500
    });
    const other = await execute(
      server,
      STATEMENT,
      { representations: COOPERATIVE, id: b.accountId, from: "2026-09-01", to: "2026-09-30" },
      own,
    );
    expect(other.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN" });
  });

  it("gives the cooperative's aggregates by month in one SQL statement, figures by hand", async () => {
    const before = server.database.statementCount;
    const result = await execute(
      server,
      INDICATORS,
      { representations: COOPERATIVE, from: "2026-08-15", to: "2026-10-31" },
      testCaller("NETWORK_SERVICE"),
    );
    expect(server.database.statementCount - before).toBe(1);
    expect(result.errors).toBeUndefined();
    const empty = {
      revenueInvoicedCents: "0",
      revenueCollectedCents: "0",
      contributionsCents: "0",
      invoicesIssued: 0,
      creditNotesIssued: 0,
      activitiesWithRevenue: 0,
      largestActivityRevenueCents: "0",
    };
    expect((result.data?._entities as { financeIndicators: unknown }[])[0].financeIndicators).toEqual({
      from: "2026-08-15",
      to: "2026-10-31",
      revenueInvoicedCents: "1333333",
      revenueCollectedCents: "683334",
      contributionsCents: "117667",
      invoicesIssued: 4,
      creditNotesIssued: 1,
      activitiesWithRevenue: 2,
      largestActivityRevenueCents: "1300000",
      monthly: [
        { month: "2026-08", ...empty },
        {
          month: "2026-09",
          revenueInvoicedCents: "1233333",
          revenueCollectedCents: "300000",
          contributionsCents: "112667",
          invoicesIssued: 3,
          creditNotesIssued: 1,
          activitiesWithRevenue: 2,
          largestActivityRevenueCents: "1200000",
        },
        {
          month: "2026-10",
          // 3,600.00 → 3,000.00 HT; 1,000.01 of 8,400.00 TTC for 7,000.00 HT → 833.34
          revenueCollectedCents: "383334",
          revenueInvoicedCents: "100000",
          contributionsCents: "5000",
          invoicesIssued: 1,
          creditNotesIssued: 0,
          activitiesWithRevenue: 1,
          largestActivityRevenueCents: "100000",
        },
      ],
    });
    const entrepreneur = await execute(
      server,
      INDICATORS,
      { representations: COOPERATIVE, from: "2026-09-01", to: "2026-09-30" },
      testCaller("ENTREPRENEUR", COOP, a.personId),
    );
    expect(entrepreneur.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN" });
    // Exact figures of one cooperative are never a network role's: the gateway protects them first.
    for (const role of ["NETWORK_ANALYST", "NETWORK_ADMIN"] as const) {
      const network = await execute(
        server,
        INDICATORS,
        { representations: COOPERATIVE, from: "2026-09-01", to: "2026-09-30" },
        testCaller(role),
      );
      expect(network.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN" });
      // The field is refused (nullable, so that a cooperative listed beside others loses only its own part).
      expect(network.data?._entities).toEqual([{ financeIndicators: null }]);
    }
    const reversed = await execute(
      server,
      INDICATORS,
      { representations: COOPERATIVE, from: "2026-10-01", to: "2026-09-30" },
      testCaller("NETWORK_SERVICE"),
    );
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
  });

  it("simulates pay step by step, never below the SMIC for the hours", async () => {
    const simulate = async (revenue: string, expenses: string) => {
      const result = await execute(
        server,
        onCooperative(
          `activityAccount(id: $id) { ${SIMULATION("paySimulation").split("{ ... on Cooperative { ")[1].slice(0, -6)} }`,
          "$id: ID!, $revenue: Cents!, $expenses: Cents!",
        ),
        { representations: COOPERATIVE, id: b.accountId, revenue, expenses },
      );
      expect(result.errors).toBeUndefined();
      return (result.data?._entities as { activityAccount: { paySimulation: Record<string, unknown> } }[])[0].activityAccount.paySimulation;
    };
    // B's own 8 %: 4,000 - 500 - 320 = 3,180 available; gross = 3,180 / 1.45 = 2,193.10; full time pays more than the SMIC (12.02).
    expect(await simulate("400000", "50000")).toMatchObject({
      contributionCents: "32000",
      availableCents: "318000",
      grossMonthlyPayCents: "219310",
      employerChargesCents: "98690",
      employerCostCents: "318000",
      employeeChargesCents: "48248",
      netMonthlyPayCents: "171062",
      minimumHourlyCents: "1202",
      monthlyHours: "151.67",
      hourlyGrossCents: "1445",
    });
    // 2,000 - 200 - 160 = 1,640; gross 1,131.03 pays 94.09 hours at the SMIC, 12.02 an hour.
    const part = await simulate("200000", "20000");
    expect(part).toMatchObject({ grossMonthlyPayCents: "113103", monthlyHours: "94.09", hourlyGrossCents: "1202" });
    expect((part.steps as unknown[]).length).toBe(10);
    expect(await simulate("10000", "20000")).toMatchObject({
      availableCents: "-10800",
      grossMonthlyPayCents: "0",
      monthlyHours: "0.00",
      hourlyGrossCents: "0",
    });
    // The cooperative's brackets on a year of 2,000 EUR months: 10 % of 10,000 + 5 % of 14,000 = 1,700 a year, 141.67 a month.
    const result = await execute(server, SIMULATION("paySimulation"), { representations: COOPERATIVE, revenue: "200000", expenses: "0" });
    expect((result.data?._entities as { paySimulation: Record<string, unknown> }[])[0].paySimulation).toMatchObject({
      contributionCents: "14167",
    });
  });
});
