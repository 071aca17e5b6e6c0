import { badUserInput, codedError, type FileRoute } from "@cae/shared";
import type { FinanceContext } from "../../context";
import { fecDownload } from "./fec.service";
import { checkFiscalYear } from "./fec-writer";
import { checkPeriod, journalCsv } from "./journal-csv";

/** The books leave the cooperative whole: its administrators only (a counselor reads them in the API). */
function requireAdmin(ctx: FinanceContext): void {
  if (ctx.caller.role !== "COOP_ADMIN") {
    throw codedError("FORBIDDEN", "The cooperative's books are exported by its administrators only (role COOP_ADMIN)", {
      http: { status: 403 },
    });
  }
}

/** The fiscal year of a query string: a year of four digits the books may hold. */
export function fiscalYearParameter(value: string | null): number {
  if (value === null || !/^\d{4}$/.test(value)) {
    throw badUserInput(`fiscalYear must be a year of four digits, got ${JSON.stringify(value)}`, "fiscalYear");
  }
  const year = Number(value);
  checkFiscalYear(year);
  return year;
}

/**
 * The finance subgraph's files, beside /graphql (docs/books.md, "The FEC"): a fiscal year's FEC,
 * and the journal of a period as CSV. The gateway forwards them at /cooperatives/<id>/exports/….
 */
export const financeFiles: readonly FileRoute<FinanceContext>[] = [
  {
    path: "/exports/fec",
    async serve(ctx, query) {
      requireAdmin(ctx);
      return fecDownload(ctx.db, ctx.cooperativeId, ctx.caller, fiscalYearParameter(query.get("fiscalYear")));
    },
  },
  {
    path: "/exports/journal.csv",
    async serve(ctx, query) {
      requireAdmin(ctx);
      const { from, to } = checkPeriod(query.get("from"), query.get("to"));
      return {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="journal-${ctx.cooperativeId}-${from}-${to}.csv"`,
          "cache-control": "no-store",
        },
        body: journalCsv(ctx.db, from, to),
      };
    },
  },
];
