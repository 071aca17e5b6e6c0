import { buildFederatedSchema } from "@cae/shared";
import type { GraphQLSchema } from "graphql";
import { FunderReportResolver } from "../indicators/funder-report.resolver";
import { NetworkIndicatorsResolver } from "../indicators/indicators.resolver";
import { networkPolicy } from "./access";
import { NetworkResolver, resolveCooperativeReference } from "./network.resolver";

let schema: Promise<GraphQLSchema> | undefined;

/** The gateway's own subgraph: the registry's cooperatives and the entry points to a cooperative's data. */
export function networkSchema(): Promise<GraphQLSchema> {
  schema ??= buildFederatedSchema({
    resolvers: [NetworkResolver, NetworkIndicatorsResolver, FunderReportResolver],
    referenceResolvers: { Cooperative: { __resolveReference: resolveCooperativeReference } },
    policy: networkPolicy,
  });
  return schema;
}
