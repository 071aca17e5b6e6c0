import { startTracing, type Tracing } from "@cae/shared";
import { gatewayConfigFromEnv } from "./config";
import { startGatewayFromConfig } from "./gateway";

async function main() {
  let tracing: Tracing | undefined;
  try {
    // First: the provider is in place before Apollo Gateway or a request makes a span.
    tracing = startTracing({ service: "gateway" });
    const gateway = await startGatewayFromConfig(gatewayConfigFromEnv());
    gateway.logger.info({ url: gateway.url, tracing: tracing.enabled }, "ready");
    const stop = () =>
      void gateway
        .stop()
        .finally(() => tracing?.shutdown())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    process.once("disconnect", stop);
  } catch (error) {
    console.error(`gateway could not start: ${error instanceof Error ? error.message : String(error)}`);
    await tracing?.shutdown();
    process.exit(1);
  }
}

void main();
