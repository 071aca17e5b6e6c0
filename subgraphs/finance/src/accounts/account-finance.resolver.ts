import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from "type-graphql";
import {
  DecimalScalar,
  configuredMinimumWage,
  todayInFrance,
  mapConnection,
  ownLocalId,
  PageArgs,
  pageOfList,
  STAFF,
  badUserInput,
  encodeId,
  type Caller,
  recordAudit,
} from "@cae/shared";
import type { DataSource } from "typeorm";
import { accountBrackets } from "../contributions/contribution.compute";
import { recordMonthlyContributions, recordSalaryCost, toContributionEntry } from "../contributions/contribution.service";
import {
  ContributionEntry,
  ContributionEntryConnection,
  RecordMonthlyContributionsInput,
  RecordSalaryCostInput,
  SalaryCost,
} from "../contributions/contribution.type";
import type { FinanceContext } from "../context";
import { readableAccount } from "../customers/customer.resolver";
import { recordExpense, toExpense } from "../expenses/expense.service";
import { Expense, ExpenseConnection, RecordExpenseInput } from "../expenses/expense.type";
import { conflictOn } from "../errors";
import { formatRate, parseRate } from "../money/arithmetic";
import { simulatePay } from "../simulation/pay-simulation";
import { PaySimulation, PaySimulationArgs } from "../simulation/pay-simulation.type";
import { bracketsOf } from "../settings/settings.mapper";
import { settingsOn } from "../settings/settings.service";
import { ActivityStatement, PeriodArgs } from "../statement/statement.type";
import { requireAccount } from "./account-access";
import { ActivityAccountEntity } from "./activity-account.entity";
import { toActivityAccount } from "./activity-account.mapper";
import { ActivityAccount, Cooperative } from "./activity-account.type";

@InputType({ description: "An activity's own contribution rate, overriding the cooperative's brackets for the months not yet recorded." })
export class SetAccountContributionRateInput {
  @Field(() => ID, { description: "The activity account." })
  id: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Rate in percent ("8.5"); null to follow the cooperative\'s brackets again.' })
  rate?: string | null;
}

const MAX_SIMULATED_CENTS = 100_000_000_00n;

async function paySimulation(db: DataSource, args: PaySimulationArgs, accountRate: string | null): Promise<PaySimulation> {
  const on = args.on ?? todayInFrance();
  for (const [value, field] of [
    [args.monthlyRevenueCents, "monthlyRevenueCents"],
    [args.monthlyExpensesCents, "monthlyExpensesCents"],
  ] as const) {
    if (value < 0n || value > MAX_SIMULATED_CENTS) throw badUserInput(`${field} must be between 0 and 10000000000`, field);
  }
  const settings = await settingsOn(db, on);
  if (!settings) throw conflictOn(`The cooperative has no finance settings in force on ${on}`, "on");
  if (configuredMinimumWage().metropolitan[0].from > on) throw badUserInput(`No legal minimum wage is known on ${on}`, "on");
  return simulatePay({
    on,
    revenueCents: args.monthlyRevenueCents,
    expensesCents: args.monthlyExpensesCents,
    basis: settings.contributionBasis,
    brackets: accountBrackets(accountRate, bracketsOf(settings)),
    employerChargeRate: parseRate(settings.employerChargeRate, "employerChargeRate"),
    employeeChargeRate: parseRate(settings.employeeChargeRate, "employeeChargeRate"),
    minimumWage: configuredMinimumWage(),
  });
}

async function setAccountContributionRate(db: DataSource, cooperativeId: string, actor: Caller, input: SetAccountContributionRateInput) {
  const rate = input.rate === null || input.rate === undefined ? null : formatRate(parseRate(input.rate, "input.rate"));
  return db.transaction(async (manager) => {
    const account = await requireAccount(manager, cooperativeId, input.id, "input.id");
    await manager.getRepository(ActivityAccountEntity).update({ id: account.id }, { contributionRate: rate });
    await recordAudit(manager, actor, {
      action: "setAccountContributionRate",
      entityType: "ActivityAccount",
      entityId: input.id,
      details: { ...input },
    });
    return { ...account, contributionRate: rate };
  });
}

@Resolver(() => ActivityAccount)
export class AccountFinanceResolver {
  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: "The activity's own contribution rate in percent; null when the cooperative's brackets apply.",
  })
  async contributionRate(@Root() account: ActivityAccount, @Ctx() ctx: FinanceContext): Promise<string | null> {
    const entity = await readableAccount(account, ctx);
    return entity.contributionRate === null ? null : formatRate(parseRate(entity.contributionRate, "rate"));
  }

  @FieldResolver(() => ExpenseConnection, { nullable: true, description: "The activity's expenses, latest recorded first." })
  async expenses(@Root() account: ActivityAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const entity = await readableAccount(account, ctx);
    const expenses = await ctx.loaders.expensesByAccount.load(entity.id);
    return mapConnection(
      pageOfList(expenses, page, (expense) => [expense.seq]),
      (expense) => toExpense(expense, ctx.cooperativeId),
    );
  }

  @FieldResolver(() => ContributionEntryConnection, {
    nullable: true,
    description: "The activity's recorded contributions, latest month first.",
  })
  async contributions(@Root() account: ActivityAccount, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const entity = await readableAccount(account, ctx);
    const entries = await ctx.loaders.contributionsByAccount.load(entity.id);
    return mapConnection(
      pageOfList(entries, page, (entry) => [entry.month]),
      (entry) => toContributionEntry(entry, ctx.cooperativeId),
    );
  }

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

  @FieldResolver(() => PaySimulation, {
    nullable: true,
    description: "A pay simulation with the activity's contribution rate and the cooperative's settings.",
  })
  async paySimulation(
    @Root() account: ActivityAccount,
    @Args(() => PaySimulationArgs) args: PaySimulationArgs,
    @Ctx() ctx: FinanceContext,
  ) {
    const entity = await readableAccount(account, ctx);
    return paySimulation(ctx.db, args, entity.contributionRate);
  }

  @Authorized(STAFF)
  @Mutation(() => Expense, { description: "Records an expense of an activity." })
  async recordExpense(@Arg("input", () => RecordExpenseInput) input: RecordExpenseInput, @Ctx() ctx: FinanceContext): Promise<Expense> {
    return toExpense(await recordExpense(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized(STAFF)
  @Mutation(() => [ContributionEntry], {
    description:
      "Computes and records the contribution of a month that is over, for every activity (or those named). Recording again gives the same entries; an entry the books would now change is refused (CONFLICT): a recorded month never moves.",
  })
  async recordMonthlyContributions(
    @Arg("input", () => RecordMonthlyContributionsInput) input: RecordMonthlyContributionsInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<ContributionEntry[]> {
    return (await recordMonthlyContributions(ctx.db, ctx.cooperativeId, ctx.caller, input)).map((entry) =>
      toContributionEntry(entry, ctx.cooperativeId),
    );
  }

  @Authorized(STAFF)
  @Mutation(() => SalaryCost, { description: "Records an activity's salary cost of a month, from payroll (once per month)." })
  async recordSalaryCost(
    @Arg("input", () => RecordSalaryCostInput) input: RecordSalaryCostInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<SalaryCost> {
    const cost = await recordSalaryCost(ctx.db, ctx.cooperativeId, ctx.caller, input);
    return { id: encodeId(ctx.cooperativeId, cost.id), month: input.month, amountCents: cost.amountCents };
  }

  @Authorized(STAFF)
  @Mutation(() => ActivityAccount, { description: "Sets or clears an activity's own contribution rate." })
  async setAccountContributionRate(
    @Arg("input", () => SetAccountContributionRateInput) input: SetAccountContributionRateInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<ActivityAccount> {
    return toActivityAccount(await setAccountContributionRate(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}

@Resolver(() => Cooperative)
export class CooperativeFinanceResolver {
  @FieldResolver(() => ActivityAccount, {
    nullable: true,
    description: "One activity account by ID: staff, or the entrepreneur whose activity it is.",
  })
  async activityAccount(
    @Root() _cooperative: Cooperative,
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: FinanceContext,
  ): Promise<ActivityAccount | null> {
    const entity = await ctx.loaders.activityAccountById.load(ownLocalId(id, ctx.cooperativeId, "id"));
    if (!entity) return null;
    const account = toActivityAccount(entity, ctx.cooperativeId);
    await readableAccount(account, ctx);
    return account;
  }

  @FieldResolver(() => PaySimulation, {
    nullable: true,
    description: "A pay simulation with the cooperative's settings, for a project without an account yet.",
  })
  async paySimulation(
    @Root() _cooperative: Cooperative,
    @Args(() => PaySimulationArgs) args: PaySimulationArgs,
    @Ctx() ctx: FinanceContext,
  ) {
    return paySimulation(ctx.db, args, null);
  }
}
