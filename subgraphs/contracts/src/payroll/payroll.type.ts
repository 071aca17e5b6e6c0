import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, DecimalScalar, LocalDateScalar } from "@cae/shared";
import type { ContractEndReason as ContractEndReasonValue, EmploymentType as EmploymentTypeValue } from "../contracts/contract.entity";
import { Amendment, Contract, ContractEndReason, EmploymentType, Person } from "../contracts/contract.type";
import type { AbsenceKind as AbsenceKindValue } from "./payroll.compute";

export const AbsenceKind = {
  SICK_LEAVE: "SICK_LEAVE",
  PAID_LEAVE: "PAID_LEAVE",
  UNPAID_LEAVE: "UNPAID_LEAVE",
  PARENTAL_LEAVE: "PARENTAL_LEAVE",
  OTHER: "OTHER",
} as const satisfies Record<AbsenceKindValue, AbsenceKindValue>;
registerEnumType(AbsenceKind, {
  name: "AbsenceKind",
  description: "What kind of absence an employee takes, as payroll needs it (no reason is kept: it may be health data).",
  valuesConfig: {
    SICK_LEAVE: { description: "Sick leave (arrêt maladie)." },
    PAID_LEAVE: { description: "Paid leave (congés payés)." },
    UNPAID_LEAVE: { description: "Unpaid leave (congé sans solde)." },
    PARENTAL_LEAVE: { description: "Maternity, paternity or adoption leave (congé maternité, paternité, adoption)." },
    OTHER: { description: "Another absence." },
  },
});

@ObjectType({ description: "An absence of an employee under an employment contract (CESA), for payroll." })
export class Absence {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => AbsenceKind, { description: "Its kind." })
  kind: AbsenceKindValue;

  @Field(() => LocalDateScalar, { description: "Its first day." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Its last day, included." })
  to: string;

  @Field(() => Contract, { description: "The employment contract." })
  contract: Contract;
}

@ObjectType({ description: "An absence within a month's payroll: its dates and its calendar days in the month." })
export class PayrollAbsence {
  @Field(() => AbsenceKind, { description: "Its kind." })
  kind: AbsenceKindValue;

  @Field(() => LocalDateScalar, { description: "Its first day (possibly before the month)." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Its last day (possibly after the month)." })
  to: string;

  @Field(() => Int, { description: "Its calendar days within the month." })
  daysInMonth: number;
}

@ObjectType({ description: "The variable part of pay decided for an employment contract and a month (part variable, L7332-3)." })
export class VariablePayDecision {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: 'The month it is paid with, "2026-11".' })
  month: string;

  @Field(() => CentsScalar, { description: "Gross amount." })
  amountCents: bigint;

  @Field(() => LocalDateScalar, { description: "When it was decided (last changed)." })
  decidedOn: string;

  @Field(() => Contract, { description: "The employment contract." })
  contract: Contract;
}

@ObjectType({ description: "The payroll variables of one employment contract (CESA) for a month." })
export class PayrollVariablesRow {
  @Field(() => Contract, { description: "The employment contract." })
  contract: Contract;

  @Field(() => Person, {
    nullable: true,
    description: "The employee; their name comes from the members subgraph (through the gateway), never from this one.",
  })
  person: Person;

  @Field(() => ID, { description: "The employee ID of the export: the person's global ID, the one the payroll results come back with." })
  employeeId: string;

  @Field(() => EmploymentType, { description: "Open-ended or fixed-term." })
  employmentType: EmploymentTypeValue;

  @Field(() => DecimalScalar, { description: "Monthly hours in force on the contract's last day in the month (after amendments)." })
  monthlyHours: string;

  @Field(() => CentsScalar, { description: "Fixed gross monthly pay in force on the contract's last day in the month." })
  fixedMonthlyPayCents: bigint;

  @Field(() => CentsScalar, { nullable: true, description: "The variable part decided for the month; null when none was." })
  variablePayCents: bigint | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The contract's first day, when within the month (entrée)." })
  entersOn: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The contract's last day, recorded or planned, when within the month (sortie).",
  })
  leavesOn: string | null;

  @Field(() => ContractEndReason, { nullable: true, description: "Why it ends, when it ends within the month (a planned end: its term)." })
  leaveReason: ContractEndReasonValue | null;

  @Field(() => [Amendment], {
    description:
      "The amendments whose terms apply on some day of the month: the one in force on its first day, then those taking effect in it.",
  })
  amendments: Amendment[];

  @Field(() => [PayrollAbsence], { description: "The absences known on some day of the month, in order." })
  absences: PayrollAbsence[];
}

@ObjectType({ description: "The payroll variables of every employment contract in force in a month, for the payroll provider." })
export class PayrollVariables {
  @Field(() => String, { description: 'The month, "2026-11".' })
  month: string;

  @Field(() => [PayrollVariablesRow], { description: "One row per employment contract in force on some day of the month, by employee ID." })
  rows: PayrollVariablesRow[];

  @Field(() => String, {
    description:
      "The same rows as a CSV file for the payroll provider: UTF-8 with BOM, semicolons, a header line, a decimal comma, ISO dates (docs/payroll.md).",
  })
  csv: string;
}

@InputType({ description: "An absence of an employee under an employment contract." })
export class RecordAbsenceInput {
  @Field(() => ID, { description: "The employment contract; the request goes to its cooperative." })
  contractId: string;

  @Field(() => AbsenceKind, { description: "Its kind." })
  kind: AbsenceKindValue;

  @Field(() => LocalDateScalar, { description: "Its first day, within the contract." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Its last day, included, within the contract." })
  to: string;
}

@InputType({ description: "The variable part of pay decided for a month; deciding the month again replaces it." })
export class DecideVariablePayInput {
  @Field(() => ID, { description: "The employment contract; the request goes to its cooperative." })
  contractId: string;

  @Field(() => String, { description: 'The month it is paid with, "2026-11": one that has begun, when the contract is in force.' })
  month: string;

  @Field(() => CentsScalar, { description: "Gross amount, 0 or more." })
  amountCents: bigint;
}
