import "reflect-metadata";

// What tests and scripts import from the tooling. The command-line tools (dev/, bench/, compose.ts,
// demo/seed/main.ts) are run, not imported. A subgraph's tests import `./testing` alone.
export * from "./demo";
export * from "./demo/seed";
export * from "./keys";
export * from "./subgraphs";
export * from "./testing";
export * from "./testing/network";
