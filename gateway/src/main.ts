import { gatewayConfigFromEnv } from "./config";
import { startGatewayFromConfig } from "./gateway";

async function main() {
  try {
    const gateway = await startGatewayFromConfig(gatewayConfigFromEnv());
    gateway.logger.info({ url: gateway.url }, "ready");
    const stop = () => void gateway.stop().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    process.once("disconnect", stop);
  } catch (error) {
    console.error(`gateway could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
