import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { NETWORK_SLUG } from "@cae/shared";
import type { GatewayContext } from "../context";
import { CooperativeDeadlines } from "./deadlines";
import { pooledFetcher } from "./http-client";
import { CooperativeDataSource, describeFailure, REQUEST_KINDS } from "./sharded-data-source";

/**
 * The network's own subgraph (its registry, partners, agreements, committees): one service at one
 * URL, not sharded. A gateway started without it (NETWORK_URL unset) answers its fields with an
 * error that says so, and serves everything else.
 */
export class NetworkDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly source?: CooperativeDataSource;

  constructor(
    url: string | undefined,
    private readonly timeoutMs: number,
  ) {
    if (url) this.source = new CooperativeDataSource(url, pooledFetcher());
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (options.kind !== REQUEST_KINDS.incomingOperation) {
      throw new Error(`The network data source serves operations only, not "${String(options.kind)}" requests`);
    }
    if (!this.source) return unavailable("this gateway is not connected to it (NETWORK_URL is not set)");
    // The request's deadline holds for the network's subgraph as for a cooperative's.
    const deadlines = options.context.deadlines ?? new CooperativeDeadlines(this.timeoutMs);
    const remainingMs = deadlines.remainingMs(NETWORK_SLUG);
    if (remainingMs === 0) return unavailable(`no answer within ${this.timeoutMs} ms`);
    try {
      return await this.source.process(options, remainingMs);
    } catch (error) {
      return unavailable(describeFailure(error, this.timeoutMs));
    }
  }
}

const unavailable = (reason: string): GatewayGraphQLResponse => ({
  errors: [{ message: `The network's subgraph did not answer: ${reason}`, extensions: { code: "NETWORK_UNAVAILABLE" } }],
});
