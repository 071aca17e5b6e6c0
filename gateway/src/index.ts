import "reflect-metadata";

export * from "./config";
export * from "./context";
export * from "./gateway";
export * from "./health";
export { DEFAULT_QUERY_LIMITS, type QueryLimits } from "./limits/limits";
export { networkSchema } from "./network";
export * from "./registry/registry";
export { ShardedDataSource } from "./routing/sharded-data-source";
