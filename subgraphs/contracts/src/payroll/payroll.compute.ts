import { daysBetween, encodeId, lastDayOfMonth, formatEuros } from "@cae/shared";
import { stringify } from "csv-stringify/sync";
import type { AmendmentEntity, ContractEndReason, ContractEntity, EmploymentType } from "../contracts/contract.entity";
import { lastDayOf, termsOn } from "../contracts/contract.rules";

/**
 * The payroll variables of one employment contract (CESA) for one month, as plain functions of
 * what is recorded (docs/payroll.md): the service loads, these compute, the CSV writes.
 */

export type AbsenceKind = "SICK_LEAVE" | "PAID_LEAVE" | "UNPAID_LEAVE" | "PARENTAL_LEAVE" | "OTHER";
export const ABSENCE_KINDS: readonly AbsenceKind[] = ["SICK_LEAVE", "PAID_LEAVE", "UNPAID_LEAVE", "PARENTAL_LEAVE", "OTHER"];

export interface AbsenceRecord {
  id: string;
  contractId: string;
  kind: AbsenceKind;
  from: string;
  to: string;
}

export interface VariablePayRecord {
  contractId: string;
  amountCents: bigint;
  decidedOn: string;
}

/** An absence as the month sees it: its own dates, and its calendar days within the month. */
export interface MonthAbsence extends AbsenceRecord {
  daysInMonth: number;
}

export interface PayrollRow {
  contract: ContractEntity;
  /** The person's global ID: the employee ID of the export. */
  employeeId: string;
  month: string;
  employmentType: EmploymentType;
  /** The terms in force on the contract's last day in the month. */
  monthlyHours: string;
  fixedMonthlyPayCents: bigint;
  variablePayCents: bigint | null;
  /** Its first day, when it falls in the month (entrée). */
  entersOn: string | null;
  /** Its last day, recorded or planned, when it falls in the month (sortie). */
  leavesOn: string | null;
  leaveReason: ContractEndReason | null;
  /** The amendments whose terms apply on some day of the month, in order. */
  amendments: AmendmentEntity[];
  absences: MonthAbsence[];
}

/** Whether an employment contract is in force on some day of the month: signed, started by its end, not over before its start. */
export function inForceInMonth(contract: ContractEntity, first: string, last: string): boolean {
  if (contract.kind !== "EMPLOYMENT" || (contract.state !== "SIGNED" && contract.state !== "ENDED")) return false;
  const end = lastDayOf(contract);
  return contract.startsOn <= last && (end === null || end >= first);
}

/** The row of one contract in force in the month `month` ("2026-11"). */
export function payrollRow(
  cooperativeId: string,
  month: string,
  contract: ContractEntity,
  amendments: readonly AmendmentEntity[],
  absences: readonly AbsenceRecord[],
  variablePay: VariablePayRecord | null,
): PayrollRow {
  const first = `${month}-01`;
  const last = lastDayOfMonth(first);
  const contractEnd = lastDayOf(contract);
  const start = contract.startsOn > first ? contract.startsOn : first;
  const end = contractEnd !== null && contractEnd < last ? contractEnd : last;
  const initial = { monthlyHours: contract.monthlyHours!, fixedMonthlyPayCents: contract.fixedMonthlyPayCents! };
  const terms = termsOn(initial, amendments, end);
  // The amendment in force on the first day of the month (if any), then those taking effect within it.
  const inForceAtStart = [...amendments].reverse().find((amendment) => amendment.effectiveOn <= start);
  const monthAmendments = amendments.filter(
    (amendment) => amendment === inForceAtStart || (amendment.effectiveOn > start && amendment.effectiveOn <= end),
  );
  const leaves = contractEnd !== null && contractEnd >= first && contractEnd <= last;
  return {
    contract,
    employeeId: encodeId(cooperativeId, contract.personId),
    month,
    employmentType: contract.employmentType!,
    monthlyHours: terms.monthlyHours,
    fixedMonthlyPayCents: terms.fixedMonthlyPayCents,
    variablePayCents: variablePay?.amountCents ?? null,
    entersOn: contract.startsOn >= first ? contract.startsOn : null,
    leavesOn: leaves ? contractEnd : null,
    // A planned end not yet recorded is the term of a fixed-term contract.
    leaveReason: leaves ? (contract.endReason ?? "TERM_REACHED") : null,
    amendments: monthAmendments,
    absences: absences
      .filter((absence) => absence.from <= last && absence.to >= first)
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((absence) => ({
        ...absence,
        daysInMonth: daysBetween(absence.from > first ? absence.from : first, absence.to < last ? absence.to : last) + 1,
      })),
  };
}

/** Cents as the CSV writes them: a decimal comma, no grouping ("2000,00"). */
export const csvAmount = (cents: bigint): string => formatEuros(cents, { decimal: "," });
/** Hours as the CSV writes them: "121,33". */
export const csvHours = (hours: string): string => hours.replace(".", ",");

export const PAYROLL_CSV_COLUMNS = [
  "employee_id",
  "contract_id",
  "month",
  "employment_type",
  "monthly_hours",
  "fixed_monthly_pay",
  "variable_pay",
  "entry_date",
  "exit_date",
  "exit_reason",
  "amendments",
  "sick_leave_days",
  "paid_leave_days",
  "unpaid_leave_days",
  "parental_leave_days",
  "other_absence_days",
  "absences",
] as const;

/**
 * The month's variables as the payroll provider imports them: UTF-8 with a byte-order mark (so
 * that a spreadsheet reads the accents), semicolons, a header line, CRLF line ends, a decimal comma,
 * ISO dates. One line per contract; amendments and absences in detail in one cell each, " | "
 * between them, and the absence days of the month per kind in their own columns.
 */
export function payrollCsv(rows: readonly PayrollRow[], cooperativeId: string): string {
  const days = (row: PayrollRow, kind: AbsenceKind) =>
    String(row.absences.filter((absence) => absence.kind === kind).reduce((sum, absence) => sum + absence.daysInMonth, 0));
  return stringify(
    rows.map((row) => [
      row.employeeId,
      encodeId(cooperativeId, row.contract.id),
      row.month,
      row.employmentType,
      csvHours(row.monthlyHours),
      csvAmount(row.fixedMonthlyPayCents),
      row.variablePayCents === null ? "" : csvAmount(row.variablePayCents),
      row.entersOn ?? "",
      row.leavesOn ?? "",
      row.leaveReason ?? "",
      row.amendments
        .map((amendment) => `${amendment.effectiveOn} ${csvHours(amendment.monthlyHours)} h ${csvAmount(amendment.fixedMonthlyPayCents)}`)
        .join(" | "),
      days(row, "SICK_LEAVE"),
      days(row, "PAID_LEAVE"),
      days(row, "UNPAID_LEAVE"),
      days(row, "PARENTAL_LEAVE"),
      days(row, "OTHER"),
      row.absences.map((absence) => `${absence.kind} ${absence.from}/${absence.to}`).join(" | "),
    ]),
    { delimiter: ";", header: true, columns: [...PAYROLL_CSV_COLUMNS], bom: true, record_delimiter: "windows" },
  );
}
