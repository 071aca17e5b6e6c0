import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { funderReportCsv, funderReportPdf, type FunderReport } from "@cae/shared";
import type { MembersContext } from "../context";
import { cooperativeFunderReport } from "./funder-report";
import type { FunderFiguresOfPeriod } from "./funder.service";
import { FunderFigures } from "./funder.type";

/**
 * The figures' report, from the figures already computed (the object these fields are read on)
 * and the cooperative's name: the profile is the only read, once per request however many
 * reports it prints (a DataLoader).
 */
async function report(figures: FunderFiguresOfPeriod, ctx: MembersContext): Promise<FunderReport> {
  const profile = await ctx.loaders.cooperativeProfile.load(true);
  const scope = profile?.legalName ?? `Coopérative ${ctx.cooperativeId} (identité à compléter par son administrateur)`;
  return cooperativeFunderReport(figures, figures.period, scope);
}

@Resolver(() => FunderFigures)
export class FunderReportResolver {
  @FieldResolver(() => String, {
    description:
      'These figures as the report handed to a funder\'s committee (rapport aux financeurs), a CSV file a French spreadsheet opens as it is: UTF-8 with a byte order mark, ";" between fields, CRLF; the cooperative, the period in words and how to read the figures, then each section (what it counts, a "label;value" line per figure, French labels). Same figures as the fields beside it (docs/reporting.md, "The funder report").',
  })
  async reportCsv(@Root() figures: FunderFiguresOfPeriod, @Ctx() ctx: MembersContext): Promise<string> {
    return funderReportCsv(await report(figures, ctx));
  }

  @FieldResolver(() => String, {
    description:
      "The same report as a printable PDF in base64 (A4, French): each section's table, and a horizontal bar chart for the people supported by each dimension, the entries, the contracts, the orientations and the follow-ups after exit.",
  })
  async reportPdf(@Root() figures: FunderFiguresOfPeriod, @Ctx() ctx: MembersContext): Promise<string> {
    return Buffer.from(await funderReportPdf(await report(figures, ctx))).toString("base64");
  }
}
