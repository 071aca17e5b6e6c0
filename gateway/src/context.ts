import type { GraphQLFormattedError } from "graphql";
import type { Caller } from "@cae/shared";
import type { CooperativeDeadlines } from "./routing/deadlines";
import type { IndicatorsService } from "./indicators/indicators.service";
import type { Registry } from "./registry/registry";

/** What the gateway knows of a request: it reaches the network schema's resolvers and every data source. */
export interface GatewayContext {
  caller: Caller;
  registry: Registry;
  /** The incoming request's headers, for what the data sources forward. */
  headers: Headers;
  /** The network's indicators (fan-out, control, cache), shared by the gateway's requests. */
  indicators?: IndicatorsService;
  /**
   * The same request under the gateway's own credential (role NETWORK_SERVICE): the network's
   * fan-out of raw aggregates for network roles goes through it, since no client's token may read
   * a cooperative's exact figures.
   */
  asNetworkService?: () => GatewayContext;
  /** What the request may still wait for each cooperative: one deadline per cooperative, whatever it asks. */
  deadlines?: CooperativeDeadlines;
  /** The request's ID (`x-request-id`), sent on to the cooperatives and in every log line of the request. */
  requestId?: string;
  /** Errors a resolver adds beside its data (an incomplete answer), appended to the response. */
  extraErrors?: GraphQLFormattedError[];
}
