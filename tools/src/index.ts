import "reflect-metadata";

// What tests and scripts import from the tooling. The command-line tools (dev/, bench/, compose.ts,
// demo/seed/main.ts) are run, not imported.
export * from "./demo";
export * from "./demo/seed";
export * from "./keys";
export * from "./subgraphs";
export * from "./testing/auth";
export * from "./testing/contract-terms";
export * from "./testing/database";
export * from "./testing/log";
export * from "./testing/network";
export * from "./testing/pdf";
export * from "./testing/subgraph";
export * from "./testing/network-subgraph";
