import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { COOPERATIVE_ROLES, mapConnection, PageArgs, pageOfList, STAFF } from "@cae/shared";
import { readableAccount } from "../accounts/account-lookup";
import { ActivityAccount } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import type { ExpenseReportEntity } from "./expense-report.entity";
import { toExpenseReport } from "./expense-report.mapper";
import { approveExpenseReport, rejectExpenseReport, submitExpenseReport } from "./expense-report.service";
import {
  ApproveExpenseReportInput,
  ExpenseReport,
  ExpenseReportConnection,
  RejectExpenseReportInput,
  SubmitExpenseReportInput,
} from "./expense-report.type";

async function withParts(report: ExpenseReportEntity, ctx: FinanceContext): Promise<ExpenseReport> {
  const [lines, trips] = await Promise.all([ctx.loaders.expenseReportLines.load(report.id), ctx.loaders.mileageTrips.load(report.id)]);
  return toExpenseReport(report, lines, trips, ctx.cooperativeId);
}

@Resolver(() => ActivityAccount)
export class AccountExpenseReportsResolver {
  @FieldResolver(() => ExpenseReportConnection, { nullable: true, description: "The activity's expense reports, latest submitted first." })
  async expenseReports(@Root() account: ActivityAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const entity = await readableAccount(account, ctx);
    const reports = await ctx.loaders.expenseReportsByAccount.load(entity.id);
    const connection = pageOfList(reports, page, (report) => [report.seq]);
    const nodes = new Map(await Promise.all(connection.edges.map(async ({ node }) => [node, await withParts(node, ctx)] as const)));
    return mapConnection(connection, (report) => nodes.get(report) as ExpenseReport);
  }

  @Authorized(COOPERATIVE_ROLES)
  @Mutation(() => ExpenseReport, {
    description:
      "Submits an expense report for a month of an activity: the entrepreneur of the activity, or staff. Each expense with its receipt; each trip paid on the mileage scale by the person's km with that car in the year. One report per activity and month (CONFLICT on input.month) unless rejected.",
  })
  async submitExpenseReport(@Arg("input", () => SubmitExpenseReportInput) input: SubmitExpenseReportInput, @Ctx() ctx: FinanceContext) {
    return withParts(await submitExpenseReport(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx);
  }

  @Authorized(STAFF)
  @Mutation(() => ExpenseReport, { description: "Approves a submitted expense report: owed to the entrepreneur from then on, and booked." })
  async approveExpenseReport(@Arg("input", () => ApproveExpenseReportInput) input: ApproveExpenseReportInput, @Ctx() ctx: FinanceContext) {
    return withParts(await approveExpenseReport(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx);
  }

  @Authorized(STAFF)
  @Mutation(() => ExpenseReport, {
    description: "Rejects a submitted expense report, with a reason; a corrected one may then be submitted for the month.",
  })
  async rejectExpenseReport(@Arg("input", () => RejectExpenseReportInput) input: RejectExpenseReportInput, @Ctx() ctx: FinanceContext) {
    return withParts(await rejectExpenseReport(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx);
  }
}
