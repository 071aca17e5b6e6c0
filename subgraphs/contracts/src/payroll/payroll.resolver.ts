import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { encodeId, STAFF, todayInFrance } from "@cae/shared";
import type { ContractsContext } from "../context";
import { toContract } from "../contracts/contract.mapper";
import { Cooperative } from "../contracts/contract.type";
import { payrollCsv, type PayrollRow } from "./payroll.compute";
import { decideVariablePay, payrollVariables, recordAbsence } from "./payroll.service";
import {
  Absence,
  DecideVariablePayInput,
  PayrollVariables,
  type PayrollVariablesRow,
  RecordAbsenceInput,
  VariablePayDecision,
} from "./payroll.type";

function toRow(row: PayrollRow, cooperativeId: string): PayrollVariablesRow {
  const contract = toContract(row.contract, cooperativeId);
  return {
    contract,
    person: contract.person,
    employeeId: row.employeeId,
    employmentType: row.employmentType,
    monthlyHours: row.monthlyHours,
    fixedMonthlyPayCents: row.fixedMonthlyPayCents,
    variablePayCents: row.variablePayCents,
    entersOn: row.entersOn,
    leavesOn: row.leavesOn,
    leaveReason: row.leaveReason,
    amendments: row.amendments.map((amendment) => ({
      id: encodeId(cooperativeId, amendment.id),
      number: amendment.number,
      effectiveOn: amendment.effectiveOn,
      monthlyHours: amendment.monthlyHours,
      fixedMonthlyPayCents: amendment.fixedMonthlyPayCents,
      reason: amendment.reason,
    })),
    absences: row.absences.map(({ kind, from, to, daysInMonth }) => ({ kind, from, to, daysInMonth })),
  };
}

@Resolver(() => Cooperative)
export class CooperativePayrollResolver {
  @FieldResolver(() => PayrollVariables, {
    description:
      "The payroll variables of a month that has begun (staff): every employment contract in force on some day of it, with its hours and fixed pay, the variable part decided, the amendments and absences of the month, entries and exits; as rows and as the provider's CSV.",
  })
  async payrollVariables(
    @Root() _cooperative: Cooperative,
    @Arg("month", () => String, { nullable: true, description: 'The month, "2026-11"; the current month in France by default.' })
    given: string | null,
    @Ctx() ctx: ContractsContext,
  ): Promise<PayrollVariables> {
    const month = given ?? todayInFrance().slice(0, 7);
    const rows = await payrollVariables(ctx.db, ctx.cooperativeId, month);
    return { month, rows: rows.map((row) => toRow(row, ctx.cooperativeId)), csv: payrollCsv(rows, ctx.cooperativeId) };
  }
}

@Resolver(() => Absence)
export class PayrollMutationsResolver {
  @Authorized(STAFF)
  @Mutation(() => Absence, {
    description:
      "Records an absence of an employee (sick, paid, unpaid or parental leave, other) within a signed employment contract, for payroll; CONFLICT when another absence is recorded on one of its days.",
  })
  async recordAbsence(@Arg("input", () => RecordAbsenceInput) input: RecordAbsenceInput, @Ctx() ctx: ContractsContext): Promise<Absence> {
    const { absence, contract } = await recordAbsence(ctx.db, ctx.cooperativeId, ctx.caller, input);
    return {
      id: encodeId(ctx.cooperativeId, absence.id),
      kind: absence.kind,
      from: absence.from,
      to: absence.to,
      contract: toContract(contract, ctx.cooperativeId),
    };
  }

  @Authorized(STAFF)
  @Mutation(() => VariablePayDecision, {
    description: "Decides the variable part of pay of an employment contract for a month (deciding it again replaces it), for payroll.",
  })
  async decideVariablePay(
    @Arg("input", () => DecideVariablePayInput) input: DecideVariablePayInput,
    @Ctx() ctx: ContractsContext,
  ): Promise<VariablePayDecision> {
    const decision = await decideVariablePay(ctx.db, ctx.cooperativeId, ctx.caller, input);
    return { ...decision, id: encodeId(ctx.cooperativeId, decision.id), contract: toContract(decision.contract, ctx.cooperativeId) };
  }
}
