import { runService } from "@cae/shared";
import { networkSubgraphConfigFromEnv } from "./config";
import { startNetworkSubgraph } from "./server";

void runService("network", () => {
  const config = networkSubgraphConfigFromEnv();
  return { start: () => startNetworkSubgraph(config) };
});
