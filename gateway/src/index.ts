import "reflect-metadata";

export * from "./config";
export * from "./context";
export * from "./gateway";
export * from "./health";
export * from "./registry/registry";
export { ShardedDataSource } from "./routing/sharded-data-source";
