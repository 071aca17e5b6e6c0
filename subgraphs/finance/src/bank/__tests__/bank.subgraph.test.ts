import { readFileSync } from "node:fs";
import { join } from "node:path";
import { databaseBackends, execute, testCaller } from "@cae/tools/testing";
import {
  admin,
  COOP,
  count,
  createCustomer,
  issued,
  line,
  ok,
  openAccount,
  PAY,
  settingsInput,
  staff,
  startEmptyFinance,
  UPDATE_SETTINGS,
  type FinanceServer,
} from "../../__tests__/builders";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const CAMT = fixture("releve-camt053-001.02-bnp.xml");
const IBAN = "FR7630004000031234567890143";

const IMPORT = `mutation ($input: ImportBankStatementInput!) { importBankStatement(input: $input) {
  importedLineCount skippedDuplicateCount
  statements { id format accountIdentifier statementRef fromDate toDate openingBalanceCents closingBalanceCents lineCount skippedDuplicateCount } } }`;
const ENTRY = `id reference pieceRef entryDate amountCents sourceKind`;
const LINE = `id bookingDate amountCents label counterparty endToEndId remittanceInformation
  match { journalEntry { ${ENTRY} } } suggestions { rank daysApart referenceFound journalEntry { ${ENTRY} } }`;
const onCooperative = (selection: string, variables = "") =>
  `query ($representations: [_Any!]!${variables}) { _entities(representations: $representations) { ... on Cooperative { ${selection} } } }`;
const STATEMENTS = onCooperative(
  `bankStatements(first: 10) { totalCount edges { node { id statementRef lines(first: $first) { totalCount edges { node { ${LINE} } } } } } }`,
  ", $first: Int",
);
const UNMATCHED = onCooperative(
  `unmatchedBankLines { from through
    statementLines(first: 50) { totalCount edges { node { bookingDate amountCents label } } }
    journalEntries(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { pieceRef entryDate amountCents sourceKind } } } }`,
  ", $first: Int, $after: String",
);
const CONFIRM = `mutation ($input: ConfirmBankMatchInput!) { confirmBankMatch(input: $input) { id match { journalEntry { id pieceRef } } suggestions { rank } } }`;
const REMOVE = `mutation ($input: RemoveBankMatchInput!) { removeBankMatch(input: $input) { id match { journalEntry { id } } suggestions { journalEntry { pieceRef } } } }`;
const EXPENSE = `mutation ($input: RecordExpenseInput!) { recordExpense(input: $input) { id } }`;
const REPRESENTATIONS = { representations: [{ __typename: "Cooperative", id: COOP }] };

interface Entry {
  id: string;
  reference: string;
  pieceRef: string;
  entryDate: string;
  amountCents: string;
  sourceKind: string;
}
interface Line {
  id: string;
  bookingDate: string;
  amountCents: string;
  match: { journalEntry: Entry } | null;
  suggestions: { rank: number; daysApart: number; referenceFound: boolean; journalEntry: Entry }[];
}

interface Unmatched {
  from: string | null;
  through: string | null;
  statementLines: { edges: { node: { bookingDate: string; amountCents: string } }[] };
  journalEntries: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Entry }[] };
}

const CSV_MAPPING = {
  accountIdentifier: "FR76 3000 4000 0312 3456 7890 143",
  separator: ";",
  skipLines: 1,
  dateColumn: 1,
  labelColumn: 2,
  amountColumn: 3,
  decimalSeparator: "COMMA",
};

describe.each(databaseBackends())("bank statements and their matching on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  /** The journal entries on the bank account, by piece reference, as the real posting wrote them. */
  const entries = new Map<string, string>();
  let invoiceEntry: string;

  const tables = async () =>
    Promise.all(["bank_statements", "bank_statement_lines", "bank_matches", "audit_events"].map((table) => count(server, table)));
  const statementLines = async (first = 100) => {
    const data = await ok<{
      _entities: { bankStatements: { edges: { node: { statementRef: string; lines: { edges: { node: Line }[] } } }[] } }[];
    }>(server, STATEMENTS, { ...REPRESENTATIONS, first });
    const statement = data._entities[0].bankStatements.edges.find((edge) => edge.node.statementRef?.startsWith("20261031"));
    return statement!.node.lines.edges.map((edge) => edge.node);
  };
  const refusal = async (query: string, variables: Record<string, unknown>, caller = admin) => {
    const result = await execute(server, query, variables, caller);
    expect(result.errors).toHaveLength(1);
    return { ...(result.errors![0].extensions as { code: string; field?: string }), message: result.errors![0].message };
  };

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    await ok(server, UPDATE_SETTINGS, { input: settingsInput() }, admin);
    const { accountId } = await openAccount(server);
    const customer = await createCustomer(server, accountId);
    // F2026-000001 1,200.00; -000002 and -000003 480.00 each; -000004 600.00 (VAT 20 % included).
    const invoices = [];
    for (const [day, net] of [
      ["2026-10-01", "100000"],
      ["2026-10-02", "40000"],
      ["2026-10-03", "40000"],
      ["2026-10-04", "50000"],
    ] as const) {
      invoices.push(await issued(server, accountId, customer, day, [line("1", net)]));
    }
    const pay = (invoiceId: string, receivedOn: string, amountCents: string) =>
      ok(server, PAY, { input: { invoiceId, receivedOn, amountCents, method: "TRANSFER" } });
    await pay(invoices[0].id, "2026-10-10", "120000");
    await pay(invoices[1].id, "2026-10-14", "48000");
    await pay(invoices[2].id, "2026-10-16", "48000");
    await pay(invoices[3].id, "2026-10-29", "25000");
    await pay(invoices[3].id, "2026-11-05", "10000");
    await ok(server, EXPENSE, {
      input: {
        accountId,
        spentOn: "2026-10-20",
        category: "SUPPLIES",
        description: "Papeterie",
        netCents: "30000",
        vatCents: "6000",
        receiptReference: "FA-2026-118",
      },
    });
    const rows: { id: string; piece_ref: string; entry_date: string; source_kind: string }[] = await server.database.dataSource.query(
      `SELECT id, piece_ref, to_char(entry_date, 'YYYY-MM-DD') AS entry_date, source_kind FROM journal_entries ORDER BY entry_date, journal, number`,
    );
    for (const row of rows) {
      if (row.source_kind === "INVOICE") invoiceEntry ??= `${COOP}:${row.id}`;
      else entries.set(`${row.piece_ref} ${row.entry_date}`, `${COOP}:${row.id}`);
    }
    expect([...entries.keys()]).toEqual([
      "F2026-000001 2026-10-10",
      "F2026-000002 2026-10-14",
      "F2026-000003 2026-10-16",
      "FA-2026-118 2026-10-20",
      "F2026-000004 2026-10-29",
      "F2026-000004 2026-11-05",
    ]);
  });
  afterAll(() => server?.stop());

  it("imports a camt.053 statement, for administrators only, and suggests entries ranked by reference then date", async () => {
    const input = { cooperativeId: COOP, format: "CAMT_053", content: CAMT };
    expect((await refusal(IMPORT, { input }, staff)).code).toBe("FORBIDDEN");
    const data = await ok<{ importBankStatement: Record<string, unknown> }>(server, IMPORT, { input }, admin);
    expect(data.importBankStatement).toMatchObject({
      importedLineCount: 5,
      skippedDuplicateCount: 0,
      statements: [
        {
          format: "CAMT_053",
          accountIdentifier: IBAN,
          statementRef: "20261031-FR7630004000031234567890143-001",
          fromDate: "2026-10-01",
          toDate: "2026-10-31",
          openingBalanceCents: "1500000",
          closingBalanceCents: "1445760",
          lineCount: 5,
          skippedDuplicateCount: 0,
        },
      ],
    });

    const lines = await statementLines();
    expect(lines.map((l) => [l.bookingDate, l.amountCents, l.match])).toEqual([
      ["2026-10-12", "120000", null],
      ["2026-10-17", "48000", null],
      ["2026-10-21", "-36000", null],
      ["2026-10-30", "-185000", null],
      ["2026-10-31", "-1240", null],
    ]);
    const suggested = (l: Line) =>
      l.suggestions.map((s) => [s.rank, s.journalEntry.pieceRef, s.journalEntry.entryDate, s.daysApart, s.referenceFound]);
    expect(suggested(lines[0])).toEqual([[1, "F2026-000001", "2026-10-10", 2, true]]);
    // Two payments of 480.00: the one whose invoice number the payer wrote ("F2026 000003") comes first, though not the nearest by a day.
    expect(suggested(lines[1])).toEqual([
      [1, "F2026-000003", "2026-10-16", 1, true],
      [2, "F2026-000002", "2026-10-14", 3, false],
    ]);
    // Money out is a credit of the bank account: the expense paid, its receipt's reference in the direct debit's remittance.
    expect(suggested(lines[2])).toEqual([[1, "FA-2026-118", "2026-10-20", 1, true]]);
    expect(lines[2].suggestions[0].journalEntry).toMatchObject({
      amountCents: "-36000",
      sourceKind: "EXPENSE",
      reference: expect.stringMatching(/^BQ2026-\d{6}$/),
    });
    expect(lines[3].suggestions).toEqual([]);
    expect(lines[4].suggestions).toEqual([]);

    // A page of 2 lines and one of 5 cost the same statements: matches and suggestions are loaded for the page at once.
    const before = server.database.statementCount;
    await statementLines(2);
    const few = server.database.statementCount - before;
    await statementLines(5);
    expect(server.database.statementCount - before - few).toBe(few);

    // Bank lines name people: not an entrepreneur's to read.
    const entrepreneur = await execute(
      server,
      STATEMENTS,
      { ...REPRESENTATIONS, first: 5 },
      testCaller("ENTREPRENEUR", COOP, `${COOP}:00000000-0000-4000-8000-000000000001`),
    );
    expect(entrepreneur.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("confirms matches to the cent, one line one entry, audited; lists what stays unmatched; undoes a match", async () => {
    const [first, second, , salary] = await statementLines();
    const confirm = (statementLineId: string, journalEntryId: string, caller = admin) =>
      execute(server, CONFIRM, { input: { statementLineId, journalEntryId } }, caller);
    expect((await confirm(first.id, entries.get("F2026-000001 2026-10-10")!, staff)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const confirmed = await confirm(first.id, entries.get("F2026-000001 2026-10-10")!);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmBankMatch).toEqual({
      id: first.id,
      match: { journalEntry: { id: entries.get("F2026-000001 2026-10-10"), pieceRef: "F2026-000001" } },
      suggestions: [],
    });

    const before = await tables();
    expect(
      await refusal(CONFIRM, { input: { statementLineId: first.id, journalEntryId: entries.get("F2026-000001 2026-10-10") } }),
    ).toMatchObject({
      code: "CONFLICT",
      field: "input.statementLineId",
    });
    expect(
      await refusal(CONFIRM, { input: { statementLineId: salary.id, journalEntryId: entries.get("F2026-000002 2026-10-14") } }),
    ).toMatchObject({
      code: "CONFLICT",
      field: "input.journalEntryId",
      message: expect.stringMatching(/moves 480.00 EUR on the bank account, the statement line -1850.00 EUR/),
    });
    // The entry of an invoice does not touch the bank account.
    expect(await refusal(CONFIRM, { input: { statementLineId: second.id, journalEntryId: invoiceEntry } })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.journalEntryId",
    });
    expect(
      await refusal(CONFIRM, { input: { statementLineId: `${COOP}:00000000-0000-4000-8000-00000000abcd`, journalEntryId: invoiceEntry } }),
    ).toMatchObject({ code: "NOT_FOUND", field: "input.statementLineId" });
    expect(await tables()).toEqual(before);

    expect((await confirm(second.id, entries.get("F2026-000003 2026-10-16")!)).errors).toBeUndefined();
    const audit: { action: string; entity_type: string }[] = await server.database.dataSource.query(
      `SELECT action, entity_type FROM audit_events WHERE action LIKE '%Bank%' ORDER BY seq`,
    );
    expect(audit).toEqual([
      { action: "importBankStatement", entity_type: "BankStatement" },
      { action: "confirmBankMatch", entity_type: "BankStatementLine" },
      { action: "confirmBankMatch", entity_type: "BankStatementLine" },
    ]);

    // What stays open over October: three bank lines, and three entries (not November's payment).
    const page = async (after: string | null) =>
      (await ok<{ _entities: { unmatchedBankLines: Unmatched }[] }>(server, UNMATCHED, { ...REPRESENTATIONS, first: 2, after }))
        ._entities[0].unmatchedBankLines;
    const open = await page(null);
    expect(open).toMatchObject({ from: "2026-10-01", through: "2026-10-31" });
    expect(open.statementLines.edges.map((edge) => [edge.node.bookingDate, edge.node.amountCents])).toEqual([
      ["2026-10-21", "-36000"],
      ["2026-10-30", "-185000"],
      ["2026-10-31", "-1240"],
    ]);
    expect(open.journalEntries.totalCount).toBe(3);
    expect(open.journalEntries.pageInfo.hasNextPage).toBe(true);
    const rest = await page(open.journalEntries.pageInfo.endCursor);
    expect(
      [...open.journalEntries.edges, ...rest.journalEntries.edges].map((edge) => [
        edge.node.pieceRef,
        edge.node.entryDate,
        edge.node.amountCents,
      ]),
    ).toEqual([
      ["F2026-000002", "2026-10-14", "48000"],
      ["FA-2026-118", "2026-10-20", "-36000"],
      ["F2026-000004", "2026-10-29", "25000"],
    ]);
    expect(rest.journalEntries.pageInfo.hasNextPage).toBe(false);

    // Undone, the line is suggested its entries again; undoing twice is refused.
    const removed = await ok<{ removeBankMatch: { match: null; suggestions: { journalEntry: { pieceRef: string } }[] } }>(
      server,
      REMOVE,
      { input: { statementLineId: second.id } },
      admin,
    );
    expect(removed.removeBankMatch.match).toBeNull();
    expect(removed.removeBankMatch.suggestions.map((s) => s.journalEntry.pieceRef)).toEqual(["F2026-000003", "F2026-000002"]);
    expect(await refusal(REMOVE, { input: { statementLineId: second.id } })).toMatchObject({
      code: "CONFLICT",
      field: "input.statementLineId",
    });
  });

  it("takes a statement once and overlapping exports' lines once; refuses bad files whole", async () => {
    const before = await tables();
    const importing = (input: Record<string, unknown>) => refusal(IMPORT, { input: { cooperativeId: COOP, ...input } });
    expect(await importing({ format: "CAMT_053", content: CAMT })).toMatchObject({
      code: "CONFLICT",
      field: "input.content",
      message: expect.stringMatching(/imported already/),
    });
    expect(
      await importing({ format: "CAMT_053", content: CAMT.replace("BNPP20261102061245000123", "BNPP20261103061245000999") }),
    ).toMatchObject({
      code: "CONFLICT",
      message: `Statement 20261031-FR7630004000031234567890143-001 of account ${IBAN} was imported already`,
    });
    expect(await importing({ format: "CAMT_053", content: CAMT.replace('Ccy="EUR">480.00', 'Ccy="EUR">480,00') })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.content",
      message: expect.stringMatching(/entry 2 \(line \d+\): Amt "480,00" is not an amount/),
    });
    expect(await importing({ format: "CAMT_053", content: CAMT, mapping: CSV_MAPPING })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.mapping",
    });
    expect(await importing({ format: "CSV", content: "Date;Libellé;Montant\n12/10/2026;VIR;1200,00\n" })).toMatchObject({
      field: "input.mapping",
    });
    expect(await importing({ format: "OFX", content: "   " })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.content" });
    expect(
      await importing({ format: "CSV", content: "Date;Libellé;Montant\n12/10/2036;VIR;1200,00\n", mapping: CSV_MAPPING }),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      message: expect.stringMatching(/line 2 of the file: booking date 2036-10-12 is in the future/),
    });
    expect(await refusal(IMPORT, { input: { cooperativeId: "autre-coop", format: "CAMT_053", content: CAMT } })).toMatchObject({
      field: "input.cooperativeId",
    });
    expect(await tables()).toEqual(before);

    // A CSV export of the same account overlapping the statement: its known line is left out, the new one taken.
    const overlapping =
      "Date;Libellé;Montant\n12/10/2026;VIR SEPA BOULANGERIE DU PORT;1 200,00\n07/11/2026;VIR SEPA RECU F2026-000004 SOLDE;100,00\n";
    const data = await ok<{
      importBankStatement: { importedLineCount: number; skippedDuplicateCount: number; statements: { id: string; fromDate: string }[] };
    }>(server, IMPORT, { input: { cooperativeId: COOP, format: "CSV", content: overlapping, mapping: CSV_MAPPING } }, admin);
    expect(data.importBankStatement).toMatchObject({
      importedLineCount: 1,
      skippedDuplicateCount: 1,
      statements: [{ fromDate: "2026-10-12" }],
    });
    const csvLines = await ok<{
      _entities: { bankStatements: { edges: { node: { id: string; lines: { edges: { node: Line }[] } } }[] } }[];
    }>(server, STATEMENTS, { ...REPRESENTATIONS, first: 10 });
    const latest = csvLines._entities[0].bankStatements.edges[0].node;
    expect(latest.id).toBe(data.importBankStatement.statements[0].id);
    expect(
      latest.lines.edges.map((edge) => [
        edge.node.bookingDate,
        edge.node.amountCents,
        edge.node.suggestions.map((s) => [s.journalEntry.pieceRef, s.daysApart, s.referenceFound]),
      ]),
    ).toEqual([["2026-11-07", "10000", [["F2026-000004", 2, true]]]]);
    // The same export again brings nothing new.
    const again = await importing({ format: "CSV", content: overlapping.replace("SOLDE", "SOLDE FACTURE"), mapping: CSV_MAPPING });
    expect(again).toMatchObject({ code: "CONFLICT", message: "Every operation of this file was imported already (2 lines)" });
  });
});
