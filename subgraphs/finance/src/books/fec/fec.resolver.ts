import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Cooperative } from "../../accounts/activity-account.type";
import type { FinanceContext } from "../../context";
import { checkFec, MAX_FAILURES_SHOWN } from "./fec.service";
import { FecExport, FecExportArgs } from "./fec.type";

@Resolver(() => Cooperative)
export class CooperativeFecResolver {
  @Authorized(["COOP_ADMIN"])
  @FieldResolver(() => FecExport, {
    nullable: true,
    description:
      "The FEC of a fiscal year, written and checked now: its name, counts, totals and verdict, and where to download it (cooperative admins only).",
  })
  async fecExport(
    @Root() _cooperative: Cooperative,
    @Args(() => FecExportArgs) args: FecExportArgs,
    @Ctx() ctx: FinanceContext,
  ): Promise<FecExport> {
    const { snapshot, validation, downloadPath } = await checkFec(ctx.db, ctx.cooperativeId, args.fiscalYear);
    return {
      fiscalYear: snapshot.fiscalYear,
      fileName: snapshot.fileName,
      entryCount: validation.entryCount,
      lineCount: validation.lineCount,
      debitCents: validation.debitCents,
      creditCents: validation.creditCents,
      valid: validation.valid,
      failureCount: validation.failureCount,
      failures: validation.failures.slice(0, MAX_FAILURES_SHOWN),
      downloadPath,
    };
  }
}
