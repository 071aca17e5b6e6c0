import "reflect-metadata";

export * from "./config";
export * from "./context";
export * from "./database";
export * from "./errors";
export * from "./http";
export * from "./ids";
export * from "./money";
export * from "./pagination";
export * from "./schema";
export * from "./subgraph";
export * from "./demo/types";
