import { codedError, EARLIEST_EVENT_DATE, MAX_AMOUNT_CENTS, todayInFrance, formatEuros } from "@cae/shared";
import { parse } from "csv-parse/sync";

/**
 * The payroll provider's results file, read into exact figures (docs/payroll.md): one line per
 * employee (or activity) and month, amounts as decimal strings ("2 345,67" or "2345.67"), never
 * through a float. Everything that can be judged from the file alone is judged here; which
 * activity a line names is the service's (it reads the accounts).
 */

/** The header each figure is read from; the defaults are those of the export (contracts' payroll variables use the same names). */
export interface PayrollColumns {
  analyticCode: string;
  employeeId: string;
  month: string;
  gross: string;
  employeeContributions: string;
  net: string;
  employerContributions: string;
  employerCost: string;
}

export const DEFAULT_PAYROLL_COLUMNS: PayrollColumns = {
  analyticCode: "analytic_code",
  employeeId: "employee_id",
  month: "month",
  gross: "gross",
  employeeContributions: "employee_contributions",
  net: "net",
  employerContributions: "employer_contributions",
  employerCost: "employer_cost",
};

/** One line of results, exact: net = gross − employee contributions, employer cost = gross + employer contributions. */
export interface PayrollResultLine {
  /** The line's number in the file (the header is line 1). */
  line: number;
  analyticCode: string | null;
  employeeId: string | null;
  /** "2026-11". */
  month: string;
  grossCents: bigint;
  netCents: bigint;
  employeeContributionsCents: bigint;
  employerContributionsCents: bigint;
  employerCostCents: bigint;
}

export interface LineError {
  line: number;
  message: string;
}

/** At most this many lines' errors are told in the message (all are in `extensions.lines`). */
const ERRORS_IN_MESSAGE = 10;
const MAX_LINES = 10_000;

/** Refuses a file with everything wrong in it at once: BAD_USER_INPUT on `field`, each line named. */
export function payrollFileError(errors: readonly LineError[], field: string) {
  const shown = errors.slice(0, ERRORS_IN_MESSAGE).map((error) => `line ${error.line}: ${error.message}`);
  const more = errors.length > ERRORS_IN_MESSAGE ? `; and ${errors.length - ERRORS_IN_MESSAGE} more` : "";
  return codedError("BAD_USER_INPUT", `The payroll results were not imported: ${shown.join("; ")}${more}`, {
    field,
    line: errors[0].line,
    lines: errors.map((error) => ({ ...error })),
  });
}

const AMOUNT = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/;

/**
 * A decimal amount of euros as cents, exactly: "2345,67", "2345.67", "2 345,67" (spaces, no-break
 * spaces and apostrophes group thousands), "12,5"; null when it is not one. No float is involved.
 */
export function parseEuros(text: string): bigint | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  const match = AMOUNT.exec(compact);
  if (!match) return null;
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  return match[1] === "-" ? -cents : cents;
}

/** A month as "2026-11" or "11/2026"; null when it is neither. */
export function parseMonthText(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (iso) return value;
  const french = /^(0?[1-9]|1[0-2])\/(\d{4})$/.exec(value);
  return french ? `${french[2]}-${french[1].padStart(2, "0")}` : null;
}

const normalized = (header: string) => header.trim().toLowerCase();

/**
 * Reads the file: semicolon-separated (or `delimiter`), UTF-8 with or without BOM, a header line.
 * Returns the lines, or throws BAD_USER_INPUT on `field` listing every line that is wrong.
 */
export function parsePayrollResults(
  text: string,
  field: string,
  options: { columns?: { [Key in keyof PayrollColumns]?: string | null }; delimiter?: string; today?: string } = {},
): PayrollResultLine[] {
  const columns: PayrollColumns = { ...DEFAULT_PAYROLL_COLUMNS, ...stripUndefined(options.columns ?? {}) };
  const today = options.today ?? todayInFrance();
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: options.delimiter ?? ";",
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw payrollFileError([{ line, message: `not readable as CSV (${(error as Error).message})` }], field);
  }
  if (records.length === 0) throw payrollFileError([{ line: 1, message: "the file is empty: a header line is expected" }], field);
  if (records.length - 1 > MAX_LINES) {
    throw payrollFileError([{ line: MAX_LINES + 2, message: `at most ${MAX_LINES} lines are imported at once` }], field);
  }
  const header = records[0].record.map(normalized);
  const at = (name: string): number => header.indexOf(normalized(name));
  const index = {
    analyticCode: at(columns.analyticCode),
    employeeId: at(columns.employeeId),
    month: at(columns.month),
    gross: at(columns.gross),
    employeeContributions: at(columns.employeeContributions),
    net: at(columns.net),
    employerContributions: at(columns.employerContributions),
    employerCost: at(columns.employerCost),
  };
  const missing: string[] = [];
  if (index.analyticCode < 0 && index.employeeId < 0) missing.push(`"${columns.analyticCode}" or "${columns.employeeId}"`);
  if (index.month < 0) missing.push(`"${columns.month}"`);
  if (index.gross < 0) missing.push(`"${columns.gross}"`);
  if (index.net < 0 && index.employeeContributions < 0) missing.push(`"${columns.net}" or "${columns.employeeContributions}"`);
  if (index.employerContributions < 0) missing.push(`"${columns.employerContributions}"`);
  if (missing.length > 0) {
    throw payrollFileError(
      [{ line: 1, message: `the header lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` }],
      field,
    );
  }
  if (records.length === 1) throw payrollFileError([{ line: 2, message: "no line of results after the header" }], field);

  const errors: LineError[] = [];
  const lines: PayrollResultLine[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const cell = (i: number): string => (i >= 0 ? (record[i] ?? "").trim() : "");
    const problems: string[] = [];
    const amount = (i: number, name: string): bigint | null => {
      if (i < 0 || cell(i) === "") return null;
      const cents = parseEuros(cell(i));
      if (cents === null) problems.push(`${name} "${cell(i)}" is not an amount in euros ("2345,67")`);
      else if (cents < 0n) problems.push(`${name} ${cell(i)} is negative`);
      else if (cents > MAX_AMOUNT_CENTS) problems.push(`${name} ${cell(i)} is above one billion euros`);
      else return cents;
      return null;
    };
    const analyticCode = cell(index.analyticCode) || null;
    const employeeId = cell(index.employeeId) || null;
    if (!analyticCode && !employeeId)
      problems.push(`neither the activity (${columns.analyticCode}) nor the employee (${columns.employeeId}) is given`);
    const month = parseMonthText(cell(index.month));
    if (!month) problems.push(`month "${cell(index.month)}" is not a month ("2026-11" or "11/2026")`);
    else if (`${month}-01` < EARLIEST_EVENT_DATE || `${month}-01` > today) problems.push(`month ${month} is not a month that has begun`);
    const gross = amount(index.gross, columns.gross);
    if (gross === null && cell(index.gross) === "") problems.push(`${columns.gross} is missing`);
    const net = amount(index.net, columns.net);
    const employee = amount(index.employeeContributions, columns.employeeContributions);
    if (net === null && employee === null && cell(index.net) === "" && cell(index.employeeContributions) === "") {
      problems.push(`${columns.net} (or ${columns.employeeContributions}) is missing`);
    }
    const employer = amount(index.employerContributions, columns.employerContributions);
    if (employer === null && cell(index.employerContributions) === "") problems.push(`${columns.employerContributions} is missing`);
    const cost = amount(index.employerCost, columns.employerCost);
    if (problems.length === 0 && gross !== null && employer !== null && (net !== null || employee !== null)) {
      const netCents = net ?? gross - employee!;
      const employeeCents = employee ?? gross - net!;
      if (net !== null && employee !== null && gross - employee !== net) {
        problems.push(
          `${columns.net} ${cell(index.net)} is not ${columns.gross} − ${columns.employeeContributions} (${euros(gross - employee)})`,
        );
      } else if (netCents > gross) {
        problems.push(`${columns.net} ${euros(netCents)} is above ${columns.gross} ${euros(gross)}`);
      } else if (netCents < 0n) {
        problems.push(`${columns.employeeContributions} ${euros(employeeCents)} are above ${columns.gross} ${euros(gross)}`);
      } else if (cost !== null && cost !== gross + employer) {
        problems.push(
          `${columns.employerCost} ${euros(cost)} is not ${columns.gross} + ${columns.employerContributions} (${euros(gross + employer)})`,
        );
      } else {
        lines.push({
          line,
          analyticCode,
          employeeId,
          month: month!,
          grossCents: gross,
          netCents,
          employeeContributionsCents: employeeCents,
          employerContributionsCents: employer,
          employerCostCents: gross + employer,
        });
      }
    }
    if (problems.length > 0) errors.push({ line, message: problems.join(", ") });
  }
  if (errors.length > 0) throw payrollFileError(errors, field);
  return lines;
}

/** An amount as the file writes it: "2345,67". */
export const euros = (cents: bigint): string => formatEuros(cents, { decimal: "," });

/** The columns named: a header left out (or null) keeps its default. */
function stripUndefined(value: { [Key in keyof PayrollColumns]?: string | null }): Partial<PayrollColumns> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v.trim() !== ""),
  ) as Partial<PayrollColumns>;
}
