import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { encodeId, STAFF } from "@cae/shared";
import { toActivityAccount } from "../accounts/activity-account.mapper";
import type { FinanceContext } from "../context";
import { toSalaryCost } from "../contributions/contribution.mapper";
import { importPayrollResults } from "./payroll.service";
import { ImportPayrollResultsInput, PayrollImport } from "./payroll.type";

@Resolver(() => PayrollImport)
export class PayrollImportResolver {
  @Authorized(STAFF)
  @Mutation(() => PayrollImport, {
    description:
      "Imports the payroll provider's results (CSV): each line becomes its activity's salary cost of the month (gross, net, contributions), replacing what was typed or imported before while the month's books are open, or booked as an adjustment in the first open month once they are locked; posted to the journal (OD). All or nothing: BAD_USER_INPUT on input.csv names every wrong line (extensions.lines).",
  })
  async importPayrollResults(
    @Arg("input", () => ImportPayrollResultsInput) input: ImportPayrollResultsInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<PayrollImport> {
    const imported = await importPayrollResults(ctx.db, ctx.cooperativeId, ctx.caller, input);
    return {
      id: encodeId(ctx.cooperativeId, imported.id),
      months: imported.months,
      lineCount: imported.lineCount,
      results: imported.results.map(({ result, account, bookedMonth, adjustment, previousEmployerCostCents, salaryCost }) => ({
        line: result.line,
        account: toActivityAccount(account, ctx.cooperativeId),
        month: result.month,
        bookedMonth: bookedMonth.slice(0, 7),
        adjustment,
        grossCents: result.grossCents,
        employeeContributionsCents: result.employeeContributionsCents,
        netCents: result.netCents,
        employerContributionsCents: result.employerContributionsCents,
        employerCostCents: result.employerCostCents,
        previousEmployerCostCents,
        salaryCost: salaryCost ? toSalaryCost(salaryCost, ctx.cooperativeId) : null,
      })),
    };
  }
}
