import { runService } from "@cae/shared";
import { gatewayConfigFromEnv } from "./config";
import { startGatewayFromConfig } from "./gateway";

void runService("gateway", () => {
  const config = gatewayConfigFromEnv();
  return { start: () => startGatewayFromConfig(config) };
});
