import type { DataSource } from "typeorm";
import type { Caller } from "./auth/caller";

/** What every resolver of a subgraph receives, built afresh for each request. */
export interface RequestContext<Loaders> {
  /** The cooperative this subgraph instance belongs to. */
  cooperativeId: string;
  /** Who asks, from their verified token; always of this cooperative or of the network. */
  caller: Caller;
  db: DataSource;
  /** The request's DataLoaders: created per request, so no cache outlives it. */
  loaders: Loaders;
  /** When the caller stops waiting (epoch ms, from the gateway's `x-deadline-ms`); none for a direct call without it. */
  deadline?: number;
  /** The request's ID, from the gateway's `x-request-id`: every log line of the request carries it. */
  requestId?: string;
}
