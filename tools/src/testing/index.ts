// What a subgraph's own tests import (`@cae/tools/testing`): it loads no subgraph, gateway or demo
// generator until a helper needs one, so that each test file pays for loading only what it runs.
// The test network (`startTestNetwork`) and the demo data come from `@cae/tools`.
export * from "./auth";
export * from "./contract-terms";
export * from "./database";
export * from "./log";
export * from "./network-subgraph";
export * from "./pdf";
export * from "./subgraph";
