import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { mapConnection, PageArgs, pageOfList, STAFF } from "@cae/shared";
import { readableAccount } from "../accounts/account-lookup";
import { ActivityAccount } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { toExpense } from "./expense.mapper";
import { recordExpense } from "./expense.service";
import { Expense, ExpenseConnection, RecordExpenseInput } from "./expense.type";

@Resolver(() => ActivityAccount)
export class AccountExpensesResolver {
  @FieldResolver(() => ExpenseConnection, { nullable: true, description: "The activity's expenses, latest recorded first." })
  async expenses(@Root() account: ActivityAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const entity = await readableAccount(account, ctx);
    const expenses = await ctx.loaders.expensesByAccount.load(entity.id);
    return mapConnection(
      pageOfList(expenses, page, (expense) => [expense.seq]),
      (expense) => toExpense(expense, ctx.cooperativeId),
    );
  }

  @Authorized(STAFF)
  @Mutation(() => Expense, {
    description:
      "Records an expense of an activity at its real date; one dated in a closed month (its contribution recorded) is booked as an adjustment in the first open month after it. A closed account takes none (CONFLICT on input.accountId).",
  })
  async recordExpense(@Arg("input", () => RecordExpenseInput) input: RecordExpenseInput, @Ctx() ctx: FinanceContext): Promise<Expense> {
    return toExpense(await recordExpense(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
