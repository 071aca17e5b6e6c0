import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { badUserInput, conflict, funderReportCsv, funderReportPdf, frenchDate, type FunderReport } from "@cae/shared";
import type { GatewayContext } from "../context";
import { findCooperative } from "../registry/registry";
import { report } from "./funder-report.resolver";
import { FundingAgreement, FundingAgreementReportArgs } from "./funding-agreement.type";

/** What the planner sends from the network's subgraph for a report (the `@external` fields). */
const REQUIRED = "title reference startsOn endsOn indicatorsOwed cooperativeIds";

/**
 * The funder report an agreement owes for a period: the network's figures for the cooperatives of
 * its territory, under disclosure control, holding the parts it lists and named after it.
 */
async function agreementReport(
  agreement: FundingAgreement,
  { from, to }: FundingAgreementReportArgs,
  ctx: GatewayContext,
): Promise<FunderReport> {
  if (!ctx.indicators) throw new Error("The network's indicators service is not running in this gateway");
  if (to < agreement.startsOn || from > agreement.endsOn) {
    throw badUserInput(
      `The period ${frenchDate(from)}–${frenchDate(to)} is outside the agreement, which runs from ${frenchDate(agreement.startsOn)} to ${frenchDate(agreement.endsOn)}`,
      "from",
    );
  }
  if (agreement.cooperativeIds.length === 0) throw conflict("No cooperative of the network's registry is in the agreement's territory");
  // Registered a moment ago: the gateway reads the network's registry every few seconds.
  const unread = agreement.cooperativeIds.filter((id) => !findCooperative(ctx.registry, id));
  if (unread.length > 0) {
    throw conflict(
      `The gateway has not read cooperative(s) ${unread.join(", ")} of the network's registry yet: ask again in a few seconds`,
    );
  }
  const answer = await ctx.indicators.indicators({ from, to, cooperativeIds: agreement.cooperativeIds }, ctx);
  const scope = `${agreement.title} (convention ${agreement.reference}) – ${ctx.indicators.scopeOf(answer)}`;
  return report(answer, ctx, { scope, parts: agreement.indicatorsOwed });
}

@Resolver(() => FundingAgreement)
export class FundingAgreementReportResolver {
  @Directive(`@requires(fields: "${REQUIRED}")`)
  @FieldResolver(() => String, {
    description:
      "The funder report the agreement owes for a period, as CSV (French spreadsheet conventions, as `NetworkIndicators.funderReportCsv`): the network's figures for the cooperatives of its territory under disclosure control, only the parts it lists in `indicatorsOwed`. CONFLICT when its territory has no cooperative or the funders' figures are unavailable.",
  })
  async reportCsv(
    @Root() agreement: FundingAgreement,
    @Args(() => FundingAgreementReportArgs) args: FundingAgreementReportArgs,
    @Ctx() ctx: GatewayContext,
  ) {
    return funderReportCsv(await agreementReport(agreement, args, ctx));
  }

  @Directive(`@requires(fields: "${REQUIRED}")`)
  @FieldResolver(() => String, {
    description: "The same report as a printable PDF in base64 (A4, French, with charts): what the agreement's committee is handed.",
  })
  async reportPdf(
    @Root() agreement: FundingAgreement,
    @Args(() => FundingAgreementReportArgs) args: FundingAgreementReportArgs,
    @Ctx() ctx: GatewayContext,
  ) {
    return Buffer.from(await funderReportPdf(await agreementReport(agreement, args, ctx))).toString("base64");
  }
}

/** `_entities` of an agreement: the representation the planner sends holds every field the report needs. */
export const resolveFundingAgreementReference = (representation: FundingAgreement): FundingAgreement => representation;
