import { ApolloGateway, LocalGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { readFileSync } from "node:fs";
import { createAuthenticator, serveHttp, type RunningHttpServer, type SubgraphName } from "@cae/shared";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./context";
import { networkHealth } from "./health";
import { networkSchema } from "./network";
import { queryLimitsPlugin } from "./limits/limits";
import { loadRegistry, type Registry } from "./registry/registry";
import { ShardedDataSource } from "./routing/sharded-data-source";

export interface GatewayOptions extends Omit<GatewayConfig, "registryFile" | "supergraphFile"> {
  registry: Registry;
  supergraphSdl: string;
}

export interface RunningGateway extends RunningHttpServer {
  apollo: ApolloServer<GatewayContext>;
}

/** Starts the gateway: one supergraph, each subgraph served by a data source sharded over the registry. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const authenticate = await createAuthenticator(options.auth);
  const network = new LocalGraphQLDataSource(await networkSchema());
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) =>
      name === "network" ? network : new ShardedDataSource(name as SubgraphName, options.registry, options.cooperativeTimeoutMs),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !options.production,
    includeStacktraceInErrorResponses: !options.production,
    plugins: [queryLimitsPlugin(options.limits), ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : [])],
  });
  await apollo.start();
  const http = await serveHttp({
    apollo,
    port: options.port,
    host: options.host,
    maxBodyBytes: options.maxBodyBytes,
    // The gateway checks the token first; every subgraph checks it again, as it may be reached directly.
    context: async (headers) => ({ caller: await authenticate(headers.get("authorization")), registry: options.registry, headers }),
    health: () => networkHealth(options.registry, Math.min(options.cooperativeTimeoutMs, 2000)),
  });
  return {
    ...http,
    apollo,
    async stop() {
      await http.stop();
      await apollo.stop();
    },
  };
}

export function startGatewayFromConfig(config: GatewayConfig): Promise<RunningGateway> {
  return startGateway({
    ...config,
    registry: loadRegistry(config.registryFile),
    supergraphSdl: readFileSync(config.supergraphFile, "utf8"),
  });
}
