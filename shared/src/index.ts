import "reflect-metadata";

export * from "./config";
export * from "./context";
export * from "./database";
export * from "./errors";
export * from "./http";
export * from "./ids";
export * from "./input";
export * from "./loaders";
export * from "./money";
export * from "./pagination";
export * from "./scalars";
export * from "./schema";
export * from "./subgraph";
export * from "./demo/types";
export * from "./demo/generate";
export * from "./demo/profile";
export * from "./testing";
