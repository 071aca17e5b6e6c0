export { network } from "./definition";
export type { NetworkContext } from "./context";
export { createNetworkSubgraphServer, startNetworkSubgraph, type NetworkSubgraphServer, type RunningNetworkSubgraph } from "./server";
export { networkSubgraphConfigFromEnv, NETWORK_SUBGRAPH_ENV, type NetworkSubgraphConfig } from "./config";
