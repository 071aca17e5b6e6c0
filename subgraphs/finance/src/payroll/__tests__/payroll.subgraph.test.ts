import { databaseBackends, execute, testCaller } from "@cae/tools/testing";
import {
  admin,
  COOP,
  count,
  newPersonId,
  ok,
  OPEN_ACCOUNT,
  openAccount,
  personPath,
  settingsInput,
  startEmptyFinance,
  UPDATE_SETTINGS,
  type FinanceServer,
} from "../../__tests__/builders";

const IMPORT = `mutation ($input: ImportPayrollResultsInput!) { importPayrollResults(input: $input) {
  id months lineCount results { line account { id analyticCode } month bookedMonth adjustment grossCents employeeContributionsCents netCents
    employerContributionsCents employerCostCents previousEmployerCostCents salaryCost { month amountCents source grossCents netCents employerContributionsCents adjustsMonth } } } }`;
const SALARY = `mutation ($input: RecordSalaryCostInput!) { recordSalaryCost(input: $input) { id month amountCents source grossCents } }`;
const LOCK = `mutation ($input: LockBooksInput!) { lockBooks(input: $input) { lockedThrough } }`;
const STATEMENT = `query ($representations: [_Any!]!, $id: ID!, $from: Date!, $to: Date!) { _entities(representations: $representations) {
  ... on Cooperative { activityAccount(id: $id) { statement(from: $from, to: $to) { salaryCostsCents } } } } }`;

const HEADER = "analytic_code;employee_id;month;gross;net;employer_contributions;employer_cost";
const csv = (...lines: string[]) => `\ufeff${[HEADER, ...lines].join("\r\n")}\r\n`;

interface Imported {
  importPayrollResults: {
    months: string[];
    lineCount: number;
    results: {
      line: number;
      account: { id: string; analyticCode: string };
      month: string;
      bookedMonth: string;
      adjustment: boolean;
      grossCents: string;
      employeeContributionsCents: string;
      netCents: string;
      employerContributionsCents: string;
      employerCostCents: string;
      previousEmployerCostCents: string | null;
      salaryCost: { month: string; amountCents: string; source: string; adjustsMonth: string | null } | null;
    }[];
  };
}

describe.each(databaseBackends())("payroll results imported back into the books on %s PostgreSQL", (backend) => {
  let server: FinanceServer;
  let a: { accountId: string; personId: string; code: string };
  let b: { accountId: string; personId: string; code: string };
  let twoActivities: string;

  const importCsv = (text: string, extra: Record<string, unknown> = {}) =>
    ok<Imported>(server, IMPORT, { input: { cooperativeId: COOP, csv: text, ...extra } });
  const salaryOf = async (accountId: string, from: string, to: string) => {
    const data = await ok<{ _entities: { activityAccount: { statement: { salaryCostsCents: string } } }[] }>(server, STATEMENT, {
      representations: [{ __typename: "Cooperative", id: COOP }],
      id: accountId,
      from,
      to,
    });
    return data._entities[0].activityAccount.statement.salaryCostsCents;
  };
  /** The journal's balance of each ledger account for one activity, debit minus credit, from the lines posted. */
  const ledger = async (accountId: string) => {
    const rows: { ledger_number: string; aux_number: string | null; balance: string }[] = await server.database.dataSource.query(
      `SELECT l.ledger_number, l.aux_number, sum(l.debit_cents - l.credit_cents)::text AS balance
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
        WHERE e.source_kind = 'SALARY_COST' AND e.account_id = $1 GROUP BY l.ledger_number, l.aux_number ORDER BY l.ledger_number`,
      [accountId.split(":")[1]],
    );
    return Object.fromEntries(rows.map((row) => [row.ledger_number, row.balance]));
  };
  const tables = async () => ({
    costs: await count(server, "salary_costs"),
    imports: await count(server, "payroll_imports"),
    entries: await count(server, "journal_entries"),
    audit: await count(server, "audit_events"),
  });

  beforeAll(async () => {
    server = await startEmptyFinance(backend);
    await ok(server, UPDATE_SETTINGS, { input: settingsInput() }, admin);
    const codeOf = async (accountId: string) =>
      (await server.database.dataSource.query("SELECT analytic_code FROM activity_accounts WHERE id = $1", [accountId.split(":")[1]]))[0]
        .analytic_code as string;
    const first = await openAccount(server);
    a = { ...first, code: await codeOf(first.accountId) };
    const second = await openAccount(server);
    b = { ...second, code: await codeOf(second.accountId) };
    // A person with two activities: their employee ID alone does not say which.
    twoActivities = newPersonId();
    await personPath(server, twoActivities);
    for (const label of ["Menuiserie", "Ébénisterie"]) {
      await ok(server, OPEN_ACCOUNT, { input: { personId: twoActivities, label, sector: "CRAFTS", openedOn: "2025-06-01" } });
    }
  });
  afterAll(() => server?.stop());

  it("replaces a cost typed by hand with the provider's results, exact to the cent, and posts the difference", async () => {
    await ok(server, SALARY, { input: { accountId: a.accountId, month: "2026-09", amountCents: "300000" } });
    // Typed by hand: a total only, gross pay owed whole (641 / 421).
    expect(await ledger(a.accountId)).toEqual({ "421000": "-300000", "641000": "300000" });

    const data = await importCsv(csv(`${a.code};;2026-09;2 000,00;1560;900,00;2900,00`, `;${b.personId};10/2026;1500.5;1170,39;675,23;`));
    const [lineA, lineB] = data.importPayrollResults.results;
    expect(data.importPayrollResults).toMatchObject({ months: ["2026-09", "2026-10"], lineCount: 2 });
    expect(lineA).toMatchObject({
      line: 2,
      account: { id: a.accountId },
      month: "2026-09",
      bookedMonth: "2026-09",
      adjustment: false,
      grossCents: "200000",
      netCents: "156000",
      employeeContributionsCents: "44000",
      employerContributionsCents: "90000",
      employerCostCents: "290000",
      previousEmployerCostCents: "300000",
      salaryCost: { month: "2026-09", amountCents: "290000", source: "PAYROLL_IMPORT", adjustsMonth: null },
    });
    // Found by the employee ID of the payroll export (the person's global ID): their one activity open in October.
    expect(lineB).toMatchObject({
      line: 3,
      account: { id: b.accountId },
      grossCents: "150050",
      netCents: "117039",
      employeeContributionsCents: "33011",
      employerContributionsCents: "67523",
      employerCostCents: "217573",
      previousEmployerCostCents: null,
    });
    // The statement reads the imported cost in place of the typed one.
    expect(await salaryOf(a.accountId, "2026-09-01", "2026-09-30")).toBe("290000");
    expect(await salaryOf(b.accountId, "2026-10-01", "2026-10-31")).toBe("217573");
    // The journal now holds the imported split: 641 gross, 645 employer contributions, 421 net (the person's account), 431 the rest.
    expect(await ledger(a.accountId)).toEqual({ "421000": "-156000", "431000": "-134000", "641000": "200000", "645000": "90000" });
    expect(await ledger(b.accountId)).toEqual({ "421000": "-117039", "431000": "-100534", "641000": "150050", "645000": "67523" });
    const [dates] = await server.database.dataSource.query(
      `SELECT array_agg(DISTINCT to_char(entry_date, 'YYYY-MM-DD') || ' ' || journal || ' ' || l.aux_number) AS days
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id AND l.ledger_number = '421000'
        WHERE e.source_kind = 'SALARY_COST' AND e.account_id = $1`,
      [a.accountId.split(":")[1]],
    );
    expect(dates.days).toEqual([`2026-09-30 OD SAL${a.personId.split(":")[1].replace(/-/g, "").toUpperCase()}`]);

    // The same file again changes nothing and posts nothing.
    const before = await tables();
    const again = await importCsv(csv(`${a.code};;2026-09;2000;1560;900;2900`));
    expect(again.importPayrollResults.results[0]).toMatchObject({ previousEmployerCostCents: "290000", salaryCost: null });
    expect((await tables()).entries).toBe(before.entries);
    expect((await tables()).costs).toBe(before.costs);
  });

  it("once the month's books are locked, books only the difference in the first open month", async () => {
    await ok(server, LOCK, { input: { through: "2026-09" } }, admin);
    const data = await importCsv(csv(`${a.code};${a.personId};2026-09;2100,00;1640,00;945,00;3045,00`));
    expect(data.importPayrollResults.results[0]).toMatchObject({
      bookedMonth: "2026-10",
      adjustment: true,
      employerCostCents: "304500",
      previousEmployerCostCents: "290000",
      salaryCost: { month: "2026-10", amountCents: "14500", source: "PAYROLL_IMPORT", adjustsMonth: "2026-09" },
    });
    // September's figures never move; October carries the adjustment.
    expect(await salaryOf(a.accountId, "2026-09-01", "2026-09-30")).toBe("290000");
    expect(await salaryOf(a.accountId, "2026-10-01", "2026-10-31")).toBe("14500");
    // Imported once more (locked still): the same adjustment row takes the new difference.
    const corrected = await importCsv(csv(`${a.code};;2026-09;2050,00;1600,00;920,00;2970,00`));
    expect(corrected.importPayrollResults.results[0]).toMatchObject({
      previousEmployerCostCents: "304500",
      salaryCost: { month: "2026-10", amountCents: "7000", adjustsMonth: "2026-09" },
    });
    expect(await salaryOf(a.accountId, "2026-09-01", "2026-10-31")).toBe("297000");
    expect(await ledger(a.accountId)).toEqual({ "421000": "-160000", "431000": "-137000", "641000": "205000", "645000": "92000" });
    const entries: { entry_date: string; journal: string }[] = await server.database.dataSource.query(
      `SELECT DISTINCT to_char(entry_date, 'YYYY-MM-DD') AS entry_date, journal FROM journal_entries
        WHERE source_kind = 'SALARY_COST' AND account_id = $1 AND entry_date > '2026-09-30'`,
      [a.accountId.split(":")[1]],
    );
    expect(entries).toEqual([{ entry_date: "2026-10-31", journal: "OD" }]);
  });

  it("refuses a file with wrong lines as a whole, naming every line, and writes nothing", async () => {
    const before = await tables();
    const result = await execute(server, IMPORT, {
      input: {
        cooperativeId: COOP,
        csv: csv(
          `ACT-9999;;2026-10;1000;800;450;1450`,
          `${b.code};;2026-10;1000;1200;450;1450`,
          `${b.code};;2026-10;1000;800;450;1500`,
          `${b.code};;2026-11;12.345;800;450;`,
          `;${twoActivities};2026-10;1000;800;450;`,
          `${a.code};;2099-01;1000;800;450;`,
          `;;2026-10;1000;800;450;`,
        ),
      },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.csv", line: 3 });
    const lines = (result.errors?.[0].extensions?.lines as { line: number; message: string }[]).map((error) => error.line);
    // What the file alone shows wrong is told first, every line of it; which activity a line names (lines 2 and 6) once the file is sound.
    expect(lines).toEqual([3, 4, 5, 7, 8]);
    expect(result.errors?.[0].message).toMatch(/line 3: net 1200,00 is above gross 1000,00/);
    expect(result.errors?.[0].message).toMatch(/line 4: employer_cost 1500,00 is not gross \+ employer_contributions \(1450,00\)/);
    expect(result.errors?.[0].message).toMatch(/line 5: gross "12.345" is not an amount/);
    expect(result.errors?.[0].message).toMatch(/line 7: month 2099-01 is not a month that has begun/);
    expect(await tables()).toEqual(before);

    const unknown = await execute(server, IMPORT, {
      input: {
        cooperativeId: COOP,
        csv: csv(`${b.code};;2026-10;1000;800;450;1450`, `ACT-9999;;2026-10;1000;800;450;1450`, `;${twoActivities};2026-10;1000;800;450;`),
      },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.csv", line: 3 });
    expect(unknown.errors?.[0].message).toMatch(/line 3: no activity has the analytic code "ACT-9999"/);
    expect(unknown.errors?.[0].message).toMatch(/line 4: employee .* has 2 activities open in 2026-10 .*: give the analytic code/);
    expect(await tables()).toEqual(before);

    const header = await execute(server, IMPORT, { input: { cooperativeId: COOP, csv: "code;mois;brut\nACT-0001;2026-10;1000\n" } });
    expect(header.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.csv", line: 1 });
    expect(header.errors?.[0].message).toMatch(/the header lacks the columns "analytic_code" or "employee_id", "month", "gross"/);

    const inconsistent = await execute(server, IMPORT, {
      input: {
        cooperativeId: COOP,
        csv: `analytic_code;month;gross;employee_contributions;net;employer_contributions\n${b.code};2026-10;1000;150;800;450\n`,
      },
    });
    expect(inconsistent.errors?.[0].message).toMatch(/line 2: net 800 is not gross − employee_contributions \(850,00\)/);
    expect(await tables()).toEqual(before);
  });

  it("reads the provider's own headers and separator, and is the staff's only", async () => {
    const data = await importCsv(
      `Code analytique,Mois,Brut,Cotisations salariales,Cotisations patronales\n${b.code},11/2026,"1 200,00","264,00","540,00"\n`,
      {
        delimiter: ",",
        columns: {
          analyticCode: "code analytique",
          month: "Mois",
          gross: "Brut",
          employeeContributions: "Cotisations salariales",
          employerContributions: "Cotisations patronales",
        },
      },
    );
    expect(data.importPayrollResults.results[0]).toMatchObject({ month: "2026-11", netCents: "93600", employerCostCents: "174000" });

    const entrepreneur = testCaller("ENTREPRENEUR", COOP, b.personId);
    const refused = await execute(server, IMPORT, { input: { cooperativeId: COOP, csv: csv(`${b.code};;2026-11;1;1;0;1`) } }, entrepreneur);
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
