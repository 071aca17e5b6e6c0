import { createTestDatabase, databaseBackends, employmentLegalInput, execute, testCaller } from "@cae/tools/testing";
import { randomUUID } from "node:crypto";
import { createSubgraphServer, DEFAULT_MINIMUM_WAGE, minimumMonthlyPayCents, type SubgraphServer } from "@cae/shared";
import { contracts, type ContractsContext } from "../../index";
import { csvAmount } from "../payroll.compute";

const COOP = "garonne-activites";
const staff = testCaller("COUNSELOR", COOP);
const smic = (date: string, hundredths: number) => minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, date, hundredths)!;
const VARIABLES = `query ($representations: [_Any!]!, $month: String!) { _entities(representations: $representations) {
  ... on Cooperative { payrollVariables(month: $month) { month csv rows { contract { id } person { id } employeeId employmentType monthlyHours
    fixedMonthlyPayCents variablePayCents entersOn leavesOn leaveReason amendments { number effectiveOn monthlyHours fixedMonthlyPayCents }
    absences { kind from to daysInMonth } } } } } }`;
const ABSENCE = `mutation ($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id kind from to contract { id } } }`;
const VARIABLE_PAY = `mutation ($input: DecideVariablePayInput!) { decideVariablePay(input: $input) { id month amountCents decidedOn contract { id } } }`;

interface Row {
  contract: { id: string };
  person: { id: string };
  employeeId: string;
  monthlyHours: string;
  fixedMonthlyPayCents: string;
  variablePayCents: string | null;
  entersOn: string | null;
  leavesOn: string | null;
  leaveReason: string | null;
  amendments: { number: number; effectiveOn: string; monthlyHours: string }[];
  absences: { kind: string; from: string; to: string; daysInMonth: number }[];
}

describe.each(databaseBackends())("the payroll variables of a month on %s PostgreSQL", (backend) => {
  let server: SubgraphServer<ContractsContext["loaders"]> & { stop(): Promise<void> };
  const people = { amended: "", entering: "", leaving: "", gone: "", drafted: "" };
  const cesa: Record<keyof typeof people, string> = { amended: "", entering: "", leaving: "", gone: "", drafted: "" };

  const run = async (query: string, variables: Record<string, unknown>, caller = staff) => execute(server, query, variables, caller);
  const ok = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const result = await run(query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };
  const contractMutation = (name: string) =>
    `mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { id } }`;
  /** A person the cooperative admitted, hired directly under an employment contract signed on its first day. */
  const hire = async (startsOn: string, extra: Record<string, unknown> = {}, sign = true) => {
    const personId = `${COOP}:${randomUUID()}`;
    await server.database.dataSource.query("INSERT INTO person_path (person_id, welcome_stage) VALUES ($1, 'ADMITTED')", [
      personId.split(":")[1],
    ]);
    const drafted = await ok<{ draftEmploymentContract: { id: string } }>(contractMutation("draftEmploymentContract"), {
      input: {
        personId,
        type: "OPEN_ENDED",
        startsOn,
        monthlyHours: "80",
        fixedMonthlyPayCents: String(smic(startsOn, 8000)),
        variablePay: "Résultat de l'activité après contribution",
        directHireReason: "Clientèle déjà constituée",
        legal: employmentLegalInput(extra.type === "FIXED_TERM" ? "FIXED_TERM" : "OPEN_ENDED"),
        ...extra,
      },
    });
    const id = drafted.draftEmploymentContract.id;
    if (sign) await ok(contractMutation("signContract"), { input: { id, signedOn: startsOn } });
    return { personId, id };
  };
  const audit = async () => Number((await server.database.dataSource.query("SELECT count(*) AS n FROM audit_events"))[0].n);
  const variables = async (month: string) =>
    (
      await ok<{ _entities: { payrollVariables: { month: string; csv: string; rows: Row[] } }[] }>(VARIABLES, {
        representations: [{ __typename: "Cooperative", id: COOP }],
        month,
      })
    )._entities[0].payrollVariables;

  beforeAll(async () => {
    // An empty database: every contract here is the test's own.
    const database = await createTestDatabase(backend, { subgraph: "contracts" });
    const started = await createSubgraphServer(contracts, COOP, database.config);
    server = {
      ...started,
      async stop() {
        await started.events.stop();
        await started.apollo.stop();
        await started.database.close();
        await database.drop();
      },
    };
    ({ personId: people.amended, id: cesa.amended } = await hire("2026-03-01"));
    await ok(contractMutation("amendEmploymentContract"), {
      input: {
        id: cesa.amended,
        effectiveOn: "2026-10-16",
        monthlyHours: "120",
        fixedMonthlyPayCents: String(smic("2026-10-16", 12000)),
        reason: "Croissance",
      },
    });
    ({ personId: people.entering, id: cesa.entering } = await hire("2026-10-05"));
    ({ personId: people.leaving, id: cesa.leaving } = await hire("2026-01-01", { type: "FIXED_TERM", endsOn: "2026-12-31" }));
    await ok(contractMutation("endContract"), { input: { id: cesa.leaving, endedOn: "2026-10-20", reason: "MUTUAL_AGREEMENT" } });
    ({ personId: people.gone, id: cesa.gone } = await hire("2026-02-01"));
    await ok(contractMutation("endContract"), { input: { id: cesa.gone, endedOn: "2026-09-30", reason: "RESIGNATION" } });
    ({ personId: people.drafted, id: cesa.drafted } = await hire("2026-10-01", {}, false));
  });
  afterAll(() => server?.stop());

  it("records absences within a signed employment contract, one at a time on a day, the staff's only", async () => {
    const sick = await ok<{ recordAbsence: { kind: string; contract: { id: string } } }>(ABSENCE, {
      input: { contractId: cesa.amended, kind: "SICK_LEAVE", from: "2026-09-28", to: "2026-10-02" },
    });
    expect(sick.recordAbsence).toMatchObject({ kind: "SICK_LEAVE", contract: { id: cesa.amended } });
    await ok(ABSENCE, { input: { contractId: cesa.amended, kind: "PAID_LEAVE", from: "2026-10-20", to: "2026-10-24" } });
    await ok(ABSENCE, { input: { contractId: cesa.leaving, kind: "PARENTAL_LEAVE", from: "2026-09-01", to: "2026-10-20" } });

    const before = await audit();
    const refused = async (input: Record<string, unknown>, code: string, field: string, message?: RegExp, caller = staff) => {
      const result = await run(
        ABSENCE,
        { input: { contractId: cesa.amended, kind: "OTHER", from: "2026-11-02", to: "2026-11-03", ...input } },
        caller,
      );
      expect({ code: result.errors?.[0].extensions?.code, field: result.errors?.[0].extensions?.field }).toEqual({ code, field });
      if (message) expect(result.errors?.[0].message).toMatch(message);
    };
    await refused({ from: "2026-10-01", to: "2026-10-01" }, "CONFLICT", "input.from", /SICK_LEAVE, 2026-09-28 to 2026-10-02/);
    await refused({ to: "2026-11-01" }, "BAD_USER_INPUT", "input.to", /ends \(2026-11-01\) before it starts/);
    await refused({ from: "2026-02-27" }, "BAD_USER_INPUT", "input.from", /before the contract's first day \(2026-03-01\)/);
    await refused(
      { contractId: cesa.leaving, from: "2026-10-21", to: "2026-10-22" },
      "BAD_USER_INPUT",
      "input.to",
      /after the contract's last day \(2026-10-20\)/,
    );
    await refused({ contractId: cesa.drafted }, "CONFLICT", "input.contractId", /DRAFT/);
    await refused({ from: "2099-01-01", to: "2099-01-02" }, "BAD_USER_INPUT", "input.from");
    const entrepreneur = await run(
      ABSENCE,
      { input: { contractId: cesa.amended, kind: "OTHER", from: "2026-11-02", to: "2026-11-03" } },
      testCaller("ENTREPRENEUR", COOP, people.amended),
    );
    expect(entrepreneur.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await audit()).toBe(before);
  });

  it("decides the variable part of a month, again to change it, only in a month the contract is in force", async () => {
    await ok(VARIABLE_PAY, { input: { contractId: cesa.amended, month: "2026-10", amountCents: "35000" } });
    const again = await ok<{ decideVariablePay: { month: string; amountCents: string } }>(VARIABLE_PAY, {
      input: { contractId: cesa.amended, month: "2026-10", amountCents: "40000" },
    });
    expect(again.decideVariablePay).toMatchObject({ month: "2026-10", amountCents: "40000" });
    const notInForce = await run(VARIABLE_PAY, { input: { contractId: cesa.gone, month: "2026-10", amountCents: "1000" } });
    expect(notInForce.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.month" });
    const negative = await run(VARIABLE_PAY, { input: { contractId: cesa.amended, month: "2026-10", amountCents: "-1" } });
    expect(negative.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amountCents" });
  });

  it("gives every contract in force in the month with its terms, amendments, absences, entries and exits, in four statements", async () => {
    const before = server.database.statementCount;
    const october = await variables("2026-10");
    expect(server.database.statementCount - before).toBe(4);
    const byContract = new Map(october.rows.map((row) => [row.contract.id, row]));
    // The one that left in September and the draft are not paid in October.
    expect([...byContract.keys()].sort()).toEqual([cesa.amended, cesa.entering, cesa.leaving].sort());

    const amended = byContract.get(cesa.amended)!;
    expect(amended).toMatchObject({
      employeeId: people.amended,
      person: { id: people.amended },
      monthlyHours: "120.00",
      fixedMonthlyPayCents: String(smic("2026-10-16", 12000)),
      variablePayCents: "40000",
      entersOn: null,
      leavesOn: null,
      amendments: [{ number: 1, effectiveOn: "2026-10-16", monthlyHours: "120.00" }],
      absences: [
        { kind: "SICK_LEAVE", from: "2026-09-28", to: "2026-10-02", daysInMonth: 2 },
        { kind: "PAID_LEAVE", from: "2026-10-20", to: "2026-10-24", daysInMonth: 5 },
      ],
    });
    expect(byContract.get(cesa.entering)).toMatchObject({
      entersOn: "2026-10-05",
      leavesOn: null,
      monthlyHours: "80.00",
      amendments: [],
      absences: [],
    });
    expect(byContract.get(cesa.leaving)).toMatchObject({
      entersOn: null,
      leavesOn: "2026-10-20",
      leaveReason: "MUTUAL_AGREEMENT",
      variablePayCents: null,
      absences: [{ kind: "PARENTAL_LEAVE", daysInMonth: 20 }],
    });

    // The provider's file: BOM, header, one line per contract, semicolons, decimal comma.
    const lines = october.csv.split("\r\n");
    expect(lines[0]).toBe(
      "\ufeffemployee_id;contract_id;month;employment_type;monthly_hours;fixed_monthly_pay;variable_pay;entry_date;exit_date;exit_reason;amendments;sick_leave_days;paid_leave_days;unpaid_leave_days;parental_leave_days;other_absence_days;absences",
    );
    expect(lines.filter((line) => line !== "")).toHaveLength(4);
    const pay = csvAmount(smic("2026-10-16", 12000));
    expect(lines).toContain(
      `${people.amended};${cesa.amended};2026-10;OPEN_ENDED;120,00;${pay};400,00;;;;2026-10-16 120,00 h ${pay};2;5;0;0;0;SICK_LEAVE 2026-09-28/2026-10-02 | PAID_LEAVE 2026-10-20/2026-10-24`,
    );
    expect(lines).toContain(
      `${people.leaving};${cesa.leaving};2026-10;FIXED_TERM;80,00;${csvAmount(smic("2026-01-01", 8000))};;;2026-10-20;MUTUAL_AGREEMENT;;0;0;0;20;0;PARENTAL_LEAVE 2026-09-01/2026-10-20`,
    );

    // September: before the amendment and the entry; the one who resigned leaves on its last day.
    const september = await variables("2026-09");
    const rows = new Map(september.rows.map((row) => [row.contract.id, row]));
    expect([...rows.keys()].sort()).toEqual([cesa.amended, cesa.leaving, cesa.gone].sort());
    expect(rows.get(cesa.amended)).toMatchObject({
      monthlyHours: "80.00",
      amendments: [],
      absences: [{ kind: "SICK_LEAVE", daysInMonth: 3 }],
    });
    expect(rows.get(cesa.gone)).toMatchObject({ leavesOn: "2026-09-30", leaveReason: "RESIGNATION" });
    // November: the amendment is the one in force from the first day.
    const november = await variables("2026-11");
    expect(november.rows.find((row) => row.contract.id === cesa.amended)?.amendments).toMatchObject([{ number: 1 }]);
  });

  it("is the staff's: an entrepreneur, even one of the rows, is refused, and a month not begun is bad input", async () => {
    const representations = [{ __typename: "Cooperative", id: COOP }];
    const entrepreneur = await run(VARIABLES, { representations, month: "2026-10" }, testCaller("ENTREPRENEUR", COOP, people.amended));
    expect(entrepreneur.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const ahead = await run(VARIABLES, { representations, month: "2099-01" });
    expect(ahead.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "month" });
    const badMonth = await run(VARIABLES, { representations, month: "2026-13" });
    expect(badMonth.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "month" });
  });
});
