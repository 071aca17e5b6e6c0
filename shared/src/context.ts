import type { DataSource } from "typeorm";

/**
 * Who sends a request. Anonymous until tokens are verified (the security issue replaces
 * `callerFrom` below with JWT verification; every resolver already receives the caller here).
 */
export type Caller = { kind: "anonymous" };

export function callerFrom(headers: Headers): Caller {
  void headers;
  return { kind: "anonymous" };
}

/** What every resolver of a subgraph receives, built afresh for each request. */
export interface RequestContext<Loaders> {
  /** The cooperative this subgraph instance belongs to. */
  cooperativeId: string;
  caller: Caller;
  db: DataSource;
  /** The request's DataLoaders: created per request, so no cache outlives it. */
  loaders: Loaders;
}
