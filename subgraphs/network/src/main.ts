import { startTracing, type Tracing } from "@cae/shared";
import { networkSubgraphConfigFromEnv } from "./config";
import { startNetworkSubgraph } from "./server";

async function main() {
  let tracing: Tracing | undefined;
  try {
    const config = networkSubgraphConfigFromEnv();
    tracing = startTracing({ service: "network" });
    const running = await startNetworkSubgraph(config);
    running.logger.info({ url: running.url, tracing: tracing.enabled }, "ready");
    const stop = () =>
      void running
        .stop()
        .finally(() => tracing?.shutdown())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    // Started by `npm start`: go when the launcher goes.
    process.once("disconnect", stop);
  } catch (error) {
    console.error(`network could not start: ${error instanceof Error ? error.message : String(error)}`);
    await tracing?.shutdown();
    process.exit(1);
  }
}

void main();
