import { buildFederatedSchema } from "@cae/shared";
import type { GraphQLSchema } from "graphql";
import { FunderReportResolver } from "../indicators/funder-report.resolver";
import { FundingAgreementReportResolver, resolveFundingAgreementReference } from "../indicators/funding-agreement.resolver";
import { FundingAgreement } from "../indicators/funding-agreement.type";
import { NetworkIndicatorsResolver } from "../indicators/indicators.resolver";
import { networkPolicy } from "./access";
import { NetworkResolver, resolveCooperativeReference } from "./network.resolver";

let schema: Promise<GraphQLSchema> | undefined;

/** The gateway's own subgraph: the registry's cooperatives and the entry points to a cooperative's data. */
export function networkSchema(): Promise<GraphQLSchema> {
  schema ??= buildFederatedSchema({
    resolvers: [NetworkResolver, NetworkIndicatorsResolver, FunderReportResolver, FundingAgreementReportResolver],
    referenceResolvers: {
      Cooperative: { __resolveReference: resolveCooperativeReference },
      FundingAgreement: { __resolveReference: resolveFundingAgreementReference },
    },
    // Reached through the network subgraph's fields only: no root field here returns it.
    orphanedTypes: [FundingAgreement],
    policy: networkPolicy,
  });
  return schema;
}
