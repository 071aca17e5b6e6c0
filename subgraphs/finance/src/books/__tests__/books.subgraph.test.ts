import { databaseBackends, execute, testCaller } from "@cae/tools/testing";
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
const onCooperative = (selection: string, variables = "") =>
  `query ($representations: [_Any!]!${variables}) { _entities(representations: $representations) { ... on Cooperative { ${selection} } } }`;
const VAT_RETURN = onCooperative(
  `vatReturn(month: $month) { from to lines { line baseCents taxCents } grossVatCents deductibleVatCents netVatDueCents vatCreditCents }`,
  ", $month: String!",
);
const ENTRIES = onCooperative(
  `journalEntries(from: $from, to: $to, journal: $journal, first: 100) { totalCount edges { node { reference journal number date pieceRef pieceDate
    label sourceKind lines { ledgerNumber auxNumber auxLabel debitCents creditCents analyticCode } } } }`,
  ", $from: Date!, $to: Date!, $journal: Journal",
);
const TRIAL = onCooperative(
  `trialBalance(from: $from, to: $to) { debitCents creditCents accounts { ledgerNumber balanceCents } }`,
  ", $from: Date!, $to: Date!",
);
const EXPENSE = `mutation ($input: RecordExpenseInput!) { recordExpense(input: $input) { id } }`;
const CANCEL = `mutation ($input: CancelPaymentInput!) { cancelPayment(input: $input) { id } }`;
const LOCK = `mutation ($input: LockBooksInput!) { lockBooks(input: $input) { lockedThrough } }`;
const SET_ACCOUNT = `mutation ($input: SetLedgerAccountInput!) { setLedgerAccount(input: $input) { role sector number label } }`;

type Entry = {
  reference: string;
  journal: string;
  number: number;
  date: string;
  pieceRef: string;
  pieceDate: string;
  sourceKind: string;
  lines: { ledgerNumber: string; auxNumber: string | null; debitCents: string; creditCents: string; analyticCode: string }[];
};

/** An entry's lines as "number D|C cents", sorted: what an accountant reads. */
const movements = (entry: Entry) =>
  entry.lines.map((l) => `${l.ledgerNumber} ${l.debitCents !== "0" ? `D ${l.debitCents}` : `C ${l.creditCents}`}`).sort();

describe.each(databaseBackends())("the books on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  let account: { accountId: string; personId: string };
  let analytic: string;
  let customer: string;
  let first: { id: string; number: string };
  let secondPayment: string;

  const entries = async (from: string, to: string, journal?: string): Promise<Entry[]> => {
    const data = await ok<{ _entities: { journalEntries: { edges: { node: Entry }[] } }[] }>(server, ENTRIES, {
      representations: COOPERATIVE,
      from,
      to,
      journal,
    });
    return data._entities[0].journalEntries.edges.map((edge) => edge.node);
  };
  const vatReturn = async (month: string) =>
    (
      await ok<{
        _entities: {
          vatReturn: Record<string, unknown> & { lines: { line: string; baseCents: string | null; taxCents: string | null }[] };
        }[];
      }>(server, VAT_RETURN, { representations: COOPERATIVE, month })
    )._entities[0].vatReturn;

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    await ok(server, UPDATE_SETTINGS, { input: settingsInput() }, admin);
    account = await openAccount(server);
    analytic = (
      await server.database.dataSource.query("SELECT analytic_code FROM activity_accounts WHERE id = $1", [account.accountId.split(":")[1]])
    )[0]?.analytic_code;
    customer = await createCustomer(server, account.accountId);
    // A service at 20 %, goods at 20 %, a service at 10 %, an exempt training day: 2,330.00 EUR in all.
    first = await issued(server, account.accountId, customer, "2026-03-02", [
      line("1", "100000"),
      { ...line("1", "50000", "STANDARD_20", "Pièce"), supply: "GOODS" },
      line("1", "30000", "INTERMEDIATE_10"),
      line("1", "20000", "EXEMPT", "Formation"),
    ]);
    await ok(server, PAY, { input: { invoiceId: first.id, receivedOn: "2026-03-20", amountCents: "100000", method: "TRANSFER" } });
    await ok(server, EXPENSE, {
      input: {
        accountId: account.accountId,
        spentOn: "2026-03-15",
        category: "SUPPLIES",
        description: "Papeterie",
        netCents: "10000",
        vatCents: "2000",
        receiptReference: "T-0315",
      },
    });
    const paid = await ok<{ recordPayment: { id: string } }>(server, PAY, {
      input: { invoiceId: first.id, receivedOn: "2026-04-10", amountCents: "133000", method: "CHECK" },
    });
    secondPayment = paid.recordPayment.id;
    await ok(server, CANCEL, { input: { id: secondPayment, cancelledOn: "2026-05-05", reason: "Chèque impayé" } });
  });

  afterAll(() => server?.stop());

  it("posts an invoice in the sales journal: the customer's total, revenue per supply, VAT collected on goods and awaiting payment on services", async () => {
    const [invoice] = await entries("2026-03-02", "2026-03-02", "VE");
    expect(invoice).toMatchObject({ reference: "VE2026-000001", pieceRef: first.number, sourceKind: "INVOICE", date: "2026-03-02" });
    expect(movements(invoice)).toEqual(
      ["411000 D 233000", "706000 C 150000", "707000 C 50000", "445711 C 10000", "445801 C 20000", "445802 C 3000"].sort(),
    );
    expect(invoice.lines.every((l) => l.analyticCode === analytic)).toBe(true);
    expect(invoice.lines.find((l) => l.ledgerNumber === "411000")?.auxNumber).toMatch(/^C\d{6}$/);
  });

  it("releases the VAT awaiting payment in proportion to each payment, and the exact rest with the one that settles", async () => {
    const bank = await entries("2026-03-01", "2026-04-30", "BQ");
    const [march, expense, april] = [
      bank.find((e) => e.date === "2026-03-20"),
      bank.find((e) => e.sourceKind === "EXPENSE"),
      bank.find((e) => e.date === "2026-04-10"),
    ] as Entry[];
    // 20 %: 200.00 × 1,000 / 2,330 = 85.84 (base 429.18); 10 %: 30.00 × 1,000 / 2,330 = 12.88 (base 128.76).
    expect(movements(march)).toEqual(
      ["512000 D 100000", "411000 C 100000", "445801 D 8584", "445711 C 8584", "445802 D 1288", "445712 C 1288"].sort(),
    );
    // The rest: 200.00 − 85.84 and 30.00 − 12.88; a check waits to be cashed.
    expect(movements(april)).toEqual(
      ["511200 D 133000", "411000 C 133000", "445801 D 11416", "445711 C 11416", "445802 D 1712", "445712 C 1712"].sort(),
    );
    expect(movements(expense)).toEqual(["606400 D 10000", "445660 D 2000", "512000 C 12000"].sort());
    expect(expense).toMatchObject({ pieceRef: "T-0315", date: "2026-03-15" });
  });

  it("cancels a payment by its entry the other way, to the cent", async () => {
    const [reversal] = await entries("2026-05-05", "2026-05-05", "BQ");
    expect(reversal.sourceKind).toBe("PAYMENT");
    expect(movements(reversal)).toEqual(
      ["511200 C 133000", "411000 D 133000", "445801 C 11416", "445711 D 11416", "445802 C 1712", "445712 D 1712"].sort(),
    );
  });

  it("gives the monthly VAT return box by box, as recomputed by hand from the documents", async () => {
    const march = await vatReturn("2026-03");
    // Line 08: the goods invoiced (500.00, VAT 100.00) and the services paid (429.18, VAT 85.84); 9B: 128.76, 12.88.
    expect(march.lines).toEqual([
      { line: "A1", baseCents: "105794", taxCents: null },
      { line: "E2", baseCents: "20000", taxCents: null },
      { line: "08", baseCents: "92918", taxCents: "18584" },
      { line: "9B", baseCents: "12876", taxCents: "1288" },
      { line: "16", baseCents: null, taxCents: "19872" },
      { line: "20", baseCents: null, taxCents: "2000" },
      { line: "23", baseCents: null, taxCents: "2000" },
      { line: "28", baseCents: null, taxCents: "17872" },
    ]);
    expect(march).toMatchObject({ grossVatCents: "19872", deductibleVatCents: "2000", netVatDueCents: "17872", vatCreditCents: "0" });
    expect((await vatReturn("2026-04")).lines.find((l) => l.line === "08")).toEqual({ line: "08", baseCents: "57082", taxCents: "11416" });
    // The check bounced in May: the VAT it made due goes back to awaiting payment, a credit for the month.
    expect(await vatReturn("2026-05")).toMatchObject({ grossVatCents: "-13128", netVatDueCents: "0", vatCreditCents: "13128" });
    // Equal to the cent to the journal's VAT accounts.
    const [{ collected }] = await server.database.dataSource.query(
      `SELECT sum(l.credit_cents - l.debit_cents)::text AS collected FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
        WHERE l.ledger_number LIKE '44571%' AND e.entry_date BETWEEN '2026-03-01' AND '2026-03-31'`,
    );
    expect(collected).toBe("19872");
  });

  it("keeps every entry balanced and every journal numbered from 1 without a gap", async () => {
    const db = server.database.dataSource;
    expect(await db.query(`SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING sum(debit_cents) <> sum(credit_cents)`)).toEqual([]);
    const numbering: { journal: string; n: number; max: number }[] = await db.query(
      `SELECT journal, count(*)::int AS n, max(number) AS max FROM journal_entries GROUP BY journal, fiscal_year ORDER BY journal`,
    );
    expect(numbering.length).toBeGreaterThan(0);
    for (const row of numbering) expect(row.max).toBe(row.n);
    const trial = await ok<{
      _entities: {
        trialBalance: { debitCents: string; creditCents: string; accounts: { ledgerNumber: string; balanceCents: string }[] };
      }[];
    }>(server, TRIAL, { representations: COOPERATIVE, from: "2026-01-01", to: "2026-12-31" });
    const balance = trial._entities[0].trialBalance;
    expect(balance.debitCents).toBe(balance.creditCents);
    // The customer owes what the bounced check was for.
    expect(balance.accounts.find((a) => a.ledgerNumber === "411000")?.balanceCents).toBe("133000");
  });

  it("refuses to change or delete an entry, whatever the code does", async () => {
    const db = server.database.dataSource;
    await expect(db.query("UPDATE journal_lines SET debit_cents = debit_cents + 1 WHERE debit_cents > 0")).rejects.toThrow(/never changed/);
    await expect(db.query("DELETE FROM journal_entries")).rejects.toThrow(/never changed/);
    await expect(
      db.transaction(async (manager) => {
        const [{ id }] = await manager.query(
          `INSERT INTO journal_entries (journal, fiscal_year, number, entry_date, piece_ref, piece_date, label, source_kind, source_id, validated_on)
           VALUES ('OD', 2026, 999, '2026-06-01', 'X', '2026-06-01', 'Unbalanced', 'TEST', gen_random_uuid(), '2026-06-01') RETURNING id`,
        );
        await manager.query(
          `INSERT INTO journal_lines (entry_id, position, ledger_number, ledger_label, label, debit_cents, credit_cents, analytic_code)
           VALUES ($1, 0, '512000', 'Banque', 'x', 100, 0, 'X'), ($1, 1, '411000', 'Clients', 'x', 0, 99, 'X')`,
          [id],
        );
      }),
    ).rejects.toThrow(/not balanced/);
  });

  it("under the option for VAT on debits, posts the VAT of services with the invoice, and a credit note takes it back there", async () => {
    await ok(server, UPDATE_SETTINGS, { input: settingsInput({ effectiveFrom: "2026-06-01", vatOnDebits: true }) }, admin);
    const invoice = await issued(server, account.accountId, customer, "2026-06-03", [line("1", "10000")]);
    await ok(server, CREDIT, { input: { invoiceId: invoice.id, reason: "Remise", issuedOn: "2026-06-10", lines: [line("1", "5000")] } });
    const [issuedEntry, creditEntry] = await entries("2026-06-01", "2026-06-30", "VE");
    expect(movements(issuedEntry)).toEqual(["411000 D 12000", "706000 C 10000", "445711 C 2000"].sort());
    expect(creditEntry.sourceKind).toBe("CREDIT_NOTE");
    expect(movements(creditEntry)).toEqual(["411000 C 6000", "706000 D 5000", "445711 D 1000"].sort());
    expect((await vatReturn("2026-06")).lines.find((l) => l.line === "08")).toEqual({ line: "08", baseCents: "5000", taxCents: "1000" });
    // The invoice says so; one issued before the option does not.
    const mention = async (id: string) =>
      (
        await ok<{ _entities: { invoice: { mentions: { vatOnDebits: string | null } } }[] }>(
          server,
          onCooperative("invoice(id: $id) { mentions { vatOnDebits } }", ", $id: ID!"),
          { representations: COOPERATIVE, id },
        )
      )._entities[0].invoice.mentions.vatOnDebits;
    expect(await mention(invoice.id)).toBe("Option pour le paiement de la taxe d'après les débits.");
    expect(await mention(first.id)).toBeNull();
  });

  it("takes back from VAT collected what a credit note credits beyond the VAT still awaiting payment", async () => {
    await ok(server, UPDATE_SETTINGS, { input: settingsInput({ effectiveFrom: "2026-07-01", vatOnDebits: false }) }, admin);
    // 100.00 at 20 % and 100.00 at 10 %: 230.00; half paid releases 10.00 and 5.00.
    const invoice = await issued(server, account.accountId, customer, "2026-07-01", [
      line("1", "10000"),
      line("1", "10000", "INTERMEDIATE_10"),
    ]);
    await ok(server, PAY, { input: { invoiceId: invoice.id, receivedOn: "2026-07-02", amountCents: "11500", method: "TRANSFER" } });
    await ok(server, CREDIT, { input: { invoiceId: invoice.id, reason: "Geste", issuedOn: "2026-07-03", lines: [line("1", "9000")] } });
    const credit = (await entries("2026-07-03", "2026-07-03", "VE"))[0];
    expect(movements(credit)).toEqual(["411000 C 10800", "706000 D 9000", "445801 D 1000", "445711 D 800"].sort());
    await ok(server, PAY, { input: { invoiceId: invoice.id, receivedOn: "2026-07-04", amountCents: "700", method: "TRANSFER" } });
    const pending: { balance: string }[] = await server.database.dataSource.query(
      `SELECT sum(l.credit_cents - l.debit_cents)::text AS balance FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
        WHERE e.document_id = $1 AND l.role LIKE 'VAT_ON_RECEIPTS_%'`,
      [invoice.id.split(":")[1]],
    );
    expect(pending[0].balance).toBe("0");
  });

  it("closes months for good: a late operation is posted on the first open day, its piece keeping its date", async () => {
    expect(
      (await execute(server, LOCK, { input: { through: "2026-07" } }, testCaller("COUNSELOR", COOP))).errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");
    expect(await ok(server, LOCK, { input: { through: "2026-07" } }, admin)).toEqual({ lockBooks: { lockedThrough: "2026-07-31" } });
    const reopen = await execute(server, LOCK, { input: { through: "2026-06" } }, admin);
    expect(reopen.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT", field: "input.through" } });
    const future = await execute(server, LOCK, { input: { through: "2099-01" } }, admin);
    expect(future.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.through" });
    await ok(server, EXPENSE, {
      input: {
        accountId: account.accountId,
        spentOn: "2026-07-20",
        category: "TRAVEL",
        description: "Train",
        netCents: "5000",
        vatCents: "500",
        receiptReference: "T-0720",
      },
    });
    const [late] = (await entries("2026-08-01", "2026-08-01", "BQ")).filter((e) => e.pieceRef === "T-0720");
    expect(late).toMatchObject({ date: "2026-08-01", pieceDate: "2026-07-20" });
    expect(await entries("2026-07-20", "2026-07-20", "BQ")).toEqual([]);
  });

  it("maps roles to the cooperative's own accounts, per sector for revenue, for the entries posted from then on", async () => {
    const mapped = await ok(
      server,
      SET_ACCOUNT,
      { input: { role: "REVENUE_SERVICES", sector: "CRAFTS", number: "706100", label: "Prestations artisanat" } },
      admin,
    );
    expect(mapped).toEqual({
      setLedgerAccount: { role: "REVENUE_SERVICES", sector: "CRAFTS", number: "706100", label: "Prestations artisanat" },
    });
    await issued(server, account.accountId, customer, "2026-09-01", [line("1", "10000")]);
    expect(movements((await entries("2026-09-01", "2026-09-01", "VE"))[0])).toContain("706100 C 10000");
    // The entries posted before keep their account.
    expect(movements((await entries("2026-03-02", "2026-03-02", "VE"))[0])).toContain("706000 C 150000");
    const errors = async (input: Record<string, unknown>) => (await execute(server, SET_ACCOUNT, { input }, admin)).errors?.[0].extensions;
    expect(await errors({ role: "REVENUE_SERVICES", number: "9999", label: "x" })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.number",
    });
    expect(await errors({ role: "NOT_A_ROLE", number: "706000", label: "x" })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.role",
    });
    expect(await errors({ role: "CUSTOMERS", sector: "CRAFTS", number: "411100", label: "x" })).toMatchObject({ field: "input.sector" });
  });

  it("shows the books to the cooperative's staff only", async () => {
    for (const caller of [testCaller("ENTREPRENEUR", COOP, account.personId), testCaller("NETWORK_ANALYST")]) {
      const result = await execute(server, ENTRIES, { representations: COOPERATIVE, from: "2026-01-01", to: "2026-12-31" }, caller);
      expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
  });
});
