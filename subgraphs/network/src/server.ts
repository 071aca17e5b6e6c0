import { ApolloServer } from "@apollo/server";
import {
  createAuthenticator,
  createLogger,
  deadlineFrom,
  loggingRefusals,
  openDatabase,
  RELEASE,
  serveHttp,
  subgraphApolloOptions,
  ServiceMetrics,
  type Caller,
  type Database,
  type DatabaseConfig,
  type Logger,
} from "@cae/shared";
import type { Server } from "node:http";
import type { NetworkSubgraphConfig } from "./config";
import { createLoaders, type NetworkContext } from "./context";
import { network } from "./definition";
import { seedRegistry } from "./registry/registry.seed";

export interface NetworkSubgraphServer {
  apollo: ApolloServer<NetworkContext>;
  database: Database;
  logger: Logger;
  /** The context of one request of a verified caller (tests pass it to `executeOperation`). */
  contextFor(caller: Caller, deadline?: number, requestId?: string): NetworkContext;
}

export interface RunningNetworkSubgraph extends NetworkSubgraphServer {
  url: string;
  listener: Server;
  stop(): Promise<void>;
}

/** Opens the network's database (running migrations, seeding an empty registry from a file) and prepares the Apollo server. */
export async function createNetworkSubgraphServer(
  databaseConfig: DatabaseConfig,
  options: { production?: boolean; logger?: Logger; registrySeedFile?: string; metrics?: ServiceMetrics } = {},
): Promise<NetworkSubgraphServer> {
  const logger = options.logger ?? createLogger({ service: "network" }, "silent");
  const database = await openDatabase(databaseConfig, network);
  try {
    if (options.registrySeedFile) {
      const added = await seedRegistry(database.dataSource, options.registrySeedFile);
      if (added > 0) logger.info({ file: options.registrySeedFile, cooperatives: added }, "registry started from its file");
    }
    const metrics = options.metrics ?? new ServiceMetrics({ service: "network" });
    const apollo = new ApolloServer<NetworkContext>(
      subgraphApolloOptions(await network.buildSchema(), { production: options.production, logger, metrics }),
    );
    await apollo.start();
    const contextFor = (caller: Caller, deadline?: number, requestId?: string): NetworkContext => ({
      caller,
      db: database.dataSource,
      loaders: createLoaders(database.dataSource),
      deadline,
      requestId,
    });
    return { apollo, database, logger, contextFor };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Starts the network's subgraph on HTTP. */
export async function startNetworkSubgraph(config: NetworkSubgraphConfig): Promise<RunningNetworkSubgraph> {
  const authenticate = await createAuthenticator(config.auth);
  const logger = createLogger({ service: "network" }, config.logLevel, config.logDestination);
  const authenticateLogged = loggingRefusals(authenticate, logger);
  const metrics = new ServiceMetrics({ service: "network" });
  const server = await createNetworkSubgraphServer(config.database, {
    production: config.production,
    logger,
    registrySeedFile: config.registrySeedFile,
    metrics,
  });
  const http = await serveHttp({
    apollo: server.apollo,
    port: config.port,
    host: config.host,
    context: async (headers, requestId) =>
      server.contextFor(await authenticateLogged(headers.get("authorization"), requestId), deadlineFrom(headers), requestId),
    metrics: () => metrics.scrape(),
    health: async () => {
      // Answers for the database too.
      const [{ count }] = await server.database.dataSource.query(
        "SELECT count(*)::int AS count FROM cooperatives WHERE withdrawn_on IS NULL",
      );
      return { ok: true, subgraph: "network", release: RELEASE, cooperatives: count };
    },
  });
  let stopped: Promise<void> | undefined;
  return {
    ...server,
    url: http.url,
    listener: http.server,
    // Once: a second call waits for the first.
    stop: () =>
      (stopped ??= (async () => {
        await http.stop();
        await server.apollo.stop();
        await server.database.close();
      })()),
  };
}
