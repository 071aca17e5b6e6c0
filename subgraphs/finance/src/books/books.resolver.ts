import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { badUserInput, mapConnection, pageOfQuery } from "@cae/shared";
import { Cooperative } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { toJournalEntry, toJournalLine } from "./books.mapper";
import { booksLockedThrough, ledgerAccounts, lockBooks, setLedgerAccount, trialBalance } from "./books.service";
import {
  BooksLock,
  JournalEntriesArgs,
  JournalEntry,
  JournalEntryConnection,
  JournalLine,
  LedgerAccount,
  LockBooksInput,
  PeriodArgs,
  SetLedgerAccountInput,
  TrialBalance,
} from "./books.type";
import { JournalEntryEntity } from "./journal.entity";
import { vatReturn, VatReturn } from "./vat-return";

@ArgsType()
class MonthArgs {
  @Field(() => String, { description: 'The month, "YYYY-MM".' })
  month: string;
}

@Resolver(() => Cooperative)
export class CooperativeBooksResolver {
  @FieldResolver(() => [LedgerAccount], { nullable: true, description: "The chart of accounts: each posting role's number (staff only)." })
  async ledgerAccounts(@Root() _cooperative: Cooperative, @Ctx() ctx: FinanceContext): Promise<LedgerAccount[]> {
    return ledgerAccounts(ctx.db);
  }

  @FieldResolver(() => JournalEntryConnection, {
    nullable: true,
    description: "The journal entries of a period, by date, journal and number (staff only).",
  })
  async journalEntries(
    @Root() _cooperative: Cooperative,
    @Args(() => JournalEntriesArgs) args: JournalEntriesArgs,
    @Ctx() ctx: FinanceContext,
  ) {
    if (args.from > args.to) throw badUserInput("from must be on or before to", "from");
    const query = ctx.db
      .getRepository(JournalEntryEntity)
      .createQueryBuilder("entry")
      .where("entry.entryDate BETWEEN :from AND :to", { from: args.from, to: args.to });
    if (args.journal) query.andWhere("entry.journal = :journal", { journal: args.journal });
    const page = await pageOfQuery(query, args, [
      { column: "entry.entryDate", property: "entryDate" },
      { column: "entry.journal", property: "journal" },
      { column: "entry.id", property: "id" },
    ]);
    return mapConnection(page, toJournalEntry);
  }

  @FieldResolver(() => TrialBalance, { nullable: true, description: "The trial balance of a period (balance générale, staff only)." })
  async trialBalance(@Root() _cooperative: Cooperative, @Args(() => PeriodArgs) args: PeriodArgs, @Ctx() ctx: FinanceContext) {
    return trialBalance(ctx.db, args.from, args.to);
  }

  @FieldResolver(() => VatReturn, { nullable: true, description: "The VAT return (3310-CA3) of a month, from the journal (staff only)." })
  async vatReturn(@Root() _cooperative: Cooperative, @Args(() => MonthArgs) args: MonthArgs, @Ctx() ctx: FinanceContext) {
    return vatReturn(ctx.db, args.month);
  }

  @FieldResolver(() => BooksLock, { nullable: true, description: "How far the books are closed (staff only)." })
  async booksLock(@Root() _cooperative: Cooperative, @Ctx() ctx: FinanceContext): Promise<BooksLock> {
    return { lockedThrough: await booksLockedThrough(ctx.db) };
  }

  @Authorized(["COOP_ADMIN"])
  @Mutation(() => LedgerAccount, { description: "Maps a posting role to the cooperative's own account number (cooperative admins only)." })
  async setLedgerAccount(@Arg("input", () => SetLedgerAccountInput) input: SetLedgerAccountInput, @Ctx() ctx: FinanceContext) {
    return setLedgerAccount(ctx.db, ctx.caller, input);
  }

  @Authorized(["COOP_ADMIN"])
  @Mutation(() => BooksLock, {
    description: "Closes the books through a month that is over; a closed month never reopens (cooperative admins only).",
  })
  async lockBooks(@Arg("input", () => LockBooksInput) input: LockBooksInput, @Ctx() ctx: FinanceContext): Promise<BooksLock> {
    return { lockedThrough: await lockBooks(ctx.db, ctx.caller, input.through) };
  }
}

@Resolver(() => JournalEntry)
export class JournalEntryResolver {
  @FieldResolver(() => [JournalLine], { description: "Its lines, debits and credits equal." })
  async lines(@Root() entry: JournalEntry, @Ctx() ctx: FinanceContext): Promise<JournalLine[]> {
    return (await ctx.loaders.journalLinesByEntry.load(entry.id)).map(toJournalLine);
  }
}
