import type { Caller } from "@cae/shared";
import type { DataSource } from "typeorm";
import { createCharterLoaders } from "./charter/charter.loaders";
import { createRegistryLoaders } from "./registry/registry.loaders";

export function createLoaders(db: DataSource) {
  return {
    ...createRegistryLoaders(db),
    ...createCharterLoaders(db),
  };
}

export type NetworkLoaders = ReturnType<typeof createLoaders>;

/**
 * What every resolver of the network subgraph receives, built afresh for each request. The network
 * holds no cooperative's data: unlike a cooperative's subgraph, it has no `cooperativeId` of its own.
 */
export interface NetworkContext {
  caller: Caller;
  db: DataSource;
  /** The request's DataLoaders: created per request, so no cache outlives it. */
  loaders: NetworkLoaders;
  /** When the caller stops waiting (epoch ms, from the gateway's `x-deadline-ms`). */
  deadline?: number;
  requestId?: string;
}
