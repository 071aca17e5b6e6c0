import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import {
  conflict,
  COOPERATIVE_REPORT_NOTES,
  funderReport,
  funderReportCsv,
  funderReportPdf,
  networkReportNotes,
  type FunderCounts,
  type FunderReport,
  type FunderReportPart,
} from "@cae/shared";
import type { GatewayContext } from "../context";
import { NetworkIndicators, type FunderIndicators, type KeyedCountCell } from "./indicators.type";

/** The cells of the answer's totals in the report's shape: a hidden figure null, written "secret". */
function countsOf(funder: FunderIndicators): FunderCounts {
  const keyed = (cells: KeyedCountCell[]) => cells.map((cell) => ({ key: cell.key, count: cell.value }));
  const byDimension = (dimensions: FunderIndicators["supportedBy"]) =>
    dimensions.flatMap(({ dimension, cells }) => cells.map((cell) => ({ dimension, key: cell.key, count: cell.value })));
  const { support } = funder;
  return {
    supported: funder.supported.value,
    supportedBy: byDimension(funder.supportedBy),
    receivedBy: byDimension(funder.receivedBy),
    entries: keyed(funder.entries).map(({ key, count }) => ({ step: key, count })),
    inContract: keyed(funder.inContract).map(({ key, count }) => ({ kind: key, count })),
    orientationsByPartnerKind: keyed(funder.orientationsByPartnerKind),
    followUps: funder.followUps.flatMap(({ months, bySituation }) =>
      bySituation.map((cell) => ({ months, situation: cell.key, count: cell.value })),
    ),
    support: {
      individualSessions: support.individualSessions.value,
      individualMinutes: support.individualMinutes.value,
      workshops: support.workshops.value,
      workshopMinutes: support.workshopMinutes.value,
      workshopAttendances: support.workshopAttendances.value,
      peopleReached: support.peopleReached.value,
      workshopsWithSignedSheet: support.workshopsWithSignedSheet.value,
    },
  };
}

/**
 * The report of an answer's funders' figures: all its parts for a territory, or those a funding
 * agreement owes under its own name (`about`).
 */
export function report(
  answer: NetworkIndicators,
  ctx: GatewayContext,
  about?: { scope: string; parts: readonly FunderReportPart[] },
): FunderReport {
  if (!ctx.indicators) throw new Error("The network's indicators service is not running in this gateway");
  // A figure whose source does not give it is not a hidden one: no report rather than "secret" where nothing is known.
  if (answer.totals.funder.supported.reason === "UNAVAILABLE")
    throw conflict(
      "The funders' figures are unavailable for this selection: a cooperative's members subgraph does not give them yet, or a cooperative is missing",
    );
  return funderReport(
    countsOf(answer.totals.funder),
    {
      scope: about?.scope ?? ctx.indicators.scopeOf(answer),
      from: answer.from,
      to: answer.to,
      notes: answer.disclosureControl ? networkReportNotes(answer.minCount) : COOPERATIVE_REPORT_NOTES,
      generatedAt: answer.generatedAt,
    },
    about?.parts,
  );
}

@Resolver(() => NetworkIndicators)
export class FunderReportResolver {
  @FieldResolver(() => String, {
    description:
      'The funders\' figures of these totals as the report a funding agreement\'s committee is handed (docs/reporting.md, "The funder report"): a CSV file a French spreadsheet opens as it is (UTF-8 with a byte order mark, ";" between fields), the territory and period in words, how to read the figures, then each section; a figure hidden by the disclosure control is written "secret", never 0. CONFLICT when the funders\' figures are unavailable.',
  })
  funderReportCsv(@Root() answer: NetworkIndicators, @Ctx() ctx: GatewayContext): string {
    return funderReportCsv(report(answer, ctx));
  }

  @FieldResolver(() => String, {
    description:
      "The same report as a printable PDF in base64 (A4, French), with a bar chart per section of people (hidden figures drawn as dashed empty bars marked secret).",
  })
  async funderReportPdf(@Root() answer: NetworkIndicators, @Ctx() ctx: GatewayContext): Promise<string> {
    return Buffer.from(await funderReportPdf(report(answer, ctx))).toString("base64");
  }
}
