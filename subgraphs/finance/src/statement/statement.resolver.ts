import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { badUserInput } from "@cae/shared";
import { readableAccount } from "../accounts/account-lookup";
import { ActivityAccount } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { ActivityStatement, PeriodArgs } from "./statement.type";

@Resolver(() => ActivityAccount)
export class AccountStatementResolver {
  @FieldResolver(() => ActivityStatement, {
    nullable: true,
    description:
      "The account's statement for a period: staff, or the entrepreneur whose activity it is (the law requires the cooperative to give it).",
  })
  async statement(@Root() account: ActivityAccount, @Args(() => PeriodArgs) args: PeriodArgs, @Ctx() ctx: FinanceContext) {
    const entity = await readableAccount(account, ctx);
    if (args.from > args.to) throw badUserInput("from must not be after to", "from");
    return ctx.loaders.statementFor(args.from, args.to).load(entity.id);
  }
}
