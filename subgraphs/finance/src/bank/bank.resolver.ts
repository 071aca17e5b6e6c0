import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { badUserInput, decodeCursor, encodeCursor, mapConnection, PageArgs, pageOfQuery, pageSize, type Connection } from "@cae/shared";
import { Cooperative } from "../accounts/activity-account.type";
import type { FinanceContext } from "../context";
import { countUnmatchedEntries, statementsPeriod, unmatchedEntries } from "./bank-entries";
import { BankStatementEntity, BankStatementLineEntity } from "./bank.entity";
import { toBankJournalEntry, toBankStatement, toBankStatementLine } from "./bank.mapper";
import { confirmBankMatch, importBankStatement, removeBankMatch } from "./bank.service";
import {
  type BankJournalEntry,
  BankJournalEntryConnection,
  BankMatch,
  BankMatchSuggestion,
  BankStatement,
  BankStatementConnection,
  BankStatementLine,
  BankStatementLineConnection,
  ConfirmBankMatchInput,
  ImportBankStatementInput,
  ImportBankStatementResult,
  RemoveBankMatchInput,
  UnmatchedBankLines,
  UnmatchedBankLinesArgs,
} from "./bank.type";

/** Bank reconciliation is the accountant's work: the cooperative's administrators (docs/bank.md, "Who"). */
const ACCOUNTANT = ["COOP_ADMIN"] as const;

@Resolver(() => Cooperative)
export class CooperativeBankResolver {
  @FieldResolver(() => BankStatementConnection, {
    nullable: true,
    description: "The bank statements imported, latest first (staff only). Null when its service does not answer.",
  })
  async bankStatements(@Root() _cooperative: Cooperative, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const query = ctx.db.getRepository(BankStatementEntity).createQueryBuilder("statement");
    const found = await pageOfQuery(query, page, [{ column: "statement.seq", property: "seq" }], "DESC");
    return mapConnection(found, (statement) => toBankStatement(statement, ctx.cooperativeId));
  }

  @FieldResolver(() => UnmatchedBankLines, {
    nullable: true,
    description:
      "What bank matching leaves open (staff only): statement lines with no journal entry, and journal entries on the bank account with no statement line over the period the statements cover.",
  })
  async unmatchedBankLines(
    @Root() _cooperative: Cooperative,
    @Args(() => UnmatchedBankLinesArgs) args: UnmatchedBankLinesArgs,
    @Ctx() ctx: FinanceContext,
  ): Promise<UnmatchedBankLines> {
    const period = args.from && args.through ? { from: null, through: null } : await statementsPeriod(ctx.db.manager);
    const from = args.from ?? period.from;
    const through = args.through ?? period.through;
    if (from && through && from > through) throw badUserInput(`from (${from}) is after through (${through})`, "from");
    return { from, through };
  }
}

@Resolver(() => UnmatchedBankLines)
export class UnmatchedBankLinesResolver {
  @FieldResolver(() => BankStatementLineConnection, { description: "Statement lines matched to no journal entry, by booking date." })
  async statementLines(@Root() _period: UnmatchedBankLines, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const query = ctx.db
      .getRepository(BankStatementLineEntity)
      .createQueryBuilder("line")
      .where("NOT EXISTS (SELECT 1 FROM bank_matches m WHERE m.statement_line_id = line.id)");
    const found = await pageOfQuery(query, page, [
      { column: "line.bookingDate", property: "bookingDate" },
      { column: "line.seq", property: "seq" },
    ]);
    return mapConnection(found, (line) => toBankStatementLine(line, ctx.cooperativeId));
  }

  @FieldResolver(() => BankJournalEntryConnection, {
    description: "Journal entries on the bank account (BANK role) of the period matched to no statement line, in the journal's order.",
  })
  async journalEntries(
    @Root() period: UnmatchedBankLines,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: FinanceContext,
  ): Promise<Connection<BankJournalEntry>> {
    const first = pageSize(page);
    if (!period.from || !period.through) return { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };
    let afterId: string | null = null;
    if (page.after) {
      const after = decodeCursor(page.after);
      const [anchor] = typeof after === "string" ? await ctx.db.query(`SELECT 1 FROM journal_entries WHERE id::text = $1`, [after]) : [];
      if (!anchor) throw badUserInput(`"${page.after}" is not a cursor of this list`, "after");
      afterId = after as string;
    }
    const rows = await unmatchedEntries(ctx.db.manager, period.from, period.through, first + 1, afterId);
    const totalCount = await countUnmatchedEntries(ctx.db.manager, period.from, period.through);
    const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor(row.id), node: toBankJournalEntry(row, ctx.cooperativeId) }));
    return { edges, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

@Resolver(() => BankStatement)
export class BankStatementResolver {
  @FieldResolver(() => BankStatementLineConnection, { description: "Its lines, in the file's order." })
  async lines(@Root() statement: BankStatement, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: FinanceContext) {
    const query = ctx.db
      .getRepository(BankStatementLineEntity)
      .createQueryBuilder("line")
      .where("line.statementId = :statementId", { statementId: statement.localId });
    const found = await pageOfQuery(query, page, [{ column: "line.seq", property: "seq" }]);
    return mapConnection(found, (line) => toBankStatementLine(line, ctx.cooperativeId));
  }

  @Authorized([...ACCOUNTANT])
  @Mutation(() => ImportBankStatementResult, {
    description:
      "Imports a bank statement file (camt.053, OFX, or CSV with a mapping), all or nothing: a bad file is BAD_USER_INPUT naming where it is wrong (input.content) or the mapping's field. A file imported already, a camt.053 statement imported already, or a file whose every line was imported already is a CONFLICT; lines an earlier import brought (overlapping exports) are left out and counted. Cooperative administrators only.",
  })
  async importBankStatement(
    @Arg("input", () => ImportBankStatementInput) input: ImportBankStatementInput,
    @Ctx() ctx: FinanceContext,
  ): Promise<ImportBankStatementResult> {
    const result = await importBankStatement(ctx.db, ctx.cooperativeId, ctx.caller, input);
    return { ...result, statements: result.statements.map((statement) => toBankStatement(statement, ctx.cooperativeId)) };
  }
}

@Resolver(() => BankStatementLine)
export class BankStatementLineResolver {
  @FieldResolver(() => BankMatch, {
    nullable: true,
    description: "The journal entry confirmed as its side in the books; null while unmatched.",
  })
  async match(@Root() line: BankStatementLine, @Ctx() ctx: FinanceContext): Promise<BankMatch | null> {
    const match = await ctx.loaders.bankMatchByLine.load(line.localId);
    if (!match) return null;
    const entry = await ctx.loaders.bankEntryById.load(match.journalEntryId);
    if (!entry) return null;
    return { journalEntry: toBankJournalEntry(entry, ctx.cooperativeId), matchedAt: match.matchedAt };
  }

  @FieldResolver(() => [BankMatchSuggestion], {
    description:
      "Journal entries that may be its side in the books, best first: of exactly its amount and sign, within 30 days, not matched yet; a reference found in its texts first, then the nearest in date. Empty once matched.",
  })
  async suggestions(@Root() line: BankStatementLine, @Ctx() ctx: FinanceContext): Promise<BankMatchSuggestion[]> {
    return (await ctx.loaders.bankSuggestionsByLine.load(line.localId)).map((row) => ({
      rank: Number(row.rank),
      journalEntry: toBankJournalEntry(row, ctx.cooperativeId),
      daysApart: row.days_apart,
      referenceFound: row.reference_found,
    }));
  }

  @Authorized([...ACCOUNTANT])
  @Mutation(() => BankStatementLine, {
    description:
      "Confirms a journal entry on the bank account as a statement line's side in the books: exactly the line's amount and sign (CONFLICT on input.journalEntryId otherwise), one entry per line and one line per entry (CONFLICT when either is matched already). Cooperative administrators only.",
  })
  async confirmBankMatch(@Arg("input", () => ConfirmBankMatchInput) input: ConfirmBankMatchInput, @Ctx() ctx: FinanceContext) {
    return toBankStatementLine(await confirmBankMatch(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }

  @Authorized([...ACCOUNTANT])
  @Mutation(() => BankStatementLine, {
    description:
      "Undoes a statement line's match (CONFLICT when it has none); the line and the entry are suggested again. Cooperative administrators only.",
  })
  async removeBankMatch(@Arg("input", () => RemoveBankMatchInput) input: RemoveBankMatchInput, @Ctx() ctx: FinanceContext) {
    return toBankStatementLine(await removeBankMatch(ctx.db, ctx.cooperativeId, ctx.caller, input), ctx.cooperativeId);
  }
}
