import { ApolloServer, type ApolloServerOptionsWithSchema, type ApolloServerPlugin } from "@apollo/server";
import { Kind, type SelectionSetNode, type DocumentNode } from "graphql";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { Server } from "node:http";
import type { DataSource } from "typeorm";
import { subgraphConfigFromEnv, type SubgraphConfig, type SubgraphName } from "./config";
import type { Caller } from "./auth/caller";
import { createAuthenticator } from "./auth/verify";
import type { RequestContext } from "./context";
import { formatClientError } from "./client-errors";
import { deadlineFrom } from "./deadline";
import { codedError } from "./errors";
import { storableTextPlugin } from "./stored-text";
import { RELEASE } from "./release";
import { createLogger, loggingRefusals, requestLogPlugin, type Logger } from "./observability/log";
import { observeDatabasePool, observeEvents, ServiceMetrics } from "./observability/metrics";
import { createSubgraphEvents, type SubgraphEvents } from "./events/events";
import type { EventHandlers } from "./events/inbox";
import type { EventsConfig } from "./config";
import { COOPERATIVE_ATTRIBUTE, startTracing, SUBGRAPH_ATTRIBUTE, type Tracing } from "./observability/tracing";
import { openDatabase, type Database, type DatabaseConfig, type DatabaseOptions } from "./database";
import { serveHttp, type FileRoute } from "./http";

/** What makes a subgraph: its schema, its tables, its loaders. */
export interface SubgraphDefinition<Loaders> extends DatabaseOptions {
  name: SubgraphName;
  buildSchema(): Promise<GraphQLSchema>;
  createLoaders(db: DataSource, cooperativeId: string): Loaders;
  /** How it applies the events of its siblings it consumes (docs/architecture.md, "Events between subgraphs"). */
  eventHandlers?: EventHandlers;
  /** Files it gives out by GET beside /graphql (finance's FEC), to callers verified as for /graphql. */
  files?: readonly FileRoute<RequestContext<Loaders>>[];
}

export interface SubgraphServer<Loaders> {
  cooperativeId: string;
  apollo: ApolloServer<RequestContext<Loaders>>;
  database: Database;
  logger: Logger;
  metrics: ServiceMetrics;
  /** Its outbox's delivery to its siblings, and its inbox. */
  events: SubgraphEvents;
  /**
   * The context of one request of a verified caller (tests pass it to `executeOperation`). A
   * caller of another cooperative is refused here, whatever path the request took.
   */
  contextFor(caller: Caller, deadline?: number, requestId?: string): RequestContext<Loaders>;
}

export interface RunningSubgraph<Loaders> extends SubgraphServer<Loaders> {
  url: string;
  /** The HTTP server (a benchmark hands it requests from a second, delayed port). */
  listener: Server;
  stop(): Promise<void>;
}

const schemas = new Map<SubgraphName, Promise<GraphQLSchema>>();

/** The subgraph's schema, built once per process: it is the same for every cooperative. */
function schemaOf<Loaders>(definition: SubgraphDefinition<Loaders>): Promise<GraphQLSchema> {
  let schema = schemas.get(definition.name);
  if (!schema) schemas.set(definition.name, (schema = definition.buildSchema()));
  return schema;
}

/**
 * How every subgraph's Apollo server is set up, a cooperative's and the network's own: errors,
 * logs, metrics, and in production introspection for the gateway's credential only.
 */
export function subgraphApolloOptions<Context extends { caller: Caller; requestId?: string }>(
  schema: GraphQLSchema,
  options: { production?: boolean; logger: Logger; metrics: ServiceMetrics },
): ApolloServerOptionsWithSchema<Context> {
  const { logger, metrics } = options;
  return {
    schema,
    // In production the schema is the network's business: introspection answers the gateway's
    // credential only, and a misspelt field gets no "Did you mean" naming the real ones.
    introspection: true,
    hideSchemaDetailsFromClientErrors: Boolean(options.production),
    includeStacktraceInErrorResponses: false,
    // The process's main stops it on a signal. Apollo's own handler re-raises the signal once its
    // server has stopped, which killed the process before the database was closed and the last
    // spans were sent.
    stopOnTerminationSignals: false,
    // A fault's text (a database's message) stays in the log, under the ID the client is given.
    formatError: (formatted, error) => formatClientError(formatted, error, (fault) => logger.error(fault, "unexpected error")),
    // The gateway does not report usage to Apollo's cloud, so subgraph traces would go nowhere.
    // No field has a cache hint, so the per-field cache-control bookkeeping would be work for nothing.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      storableTextPlugin,
      requestLogPlugin(logger),
      metrics.plugin(),
      ...(options.production ? [introspectionForTheNetworkOnly] : []),
    ],
  };
}

/** Opens the cooperative's database (running migrations) and prepares the Apollo server. */
export async function createSubgraphServer<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  cooperativeId: string,
  databaseConfig: DatabaseConfig,
  options: { production?: boolean; logger?: Logger; events?: EventsConfig } = {},
): Promise<SubgraphServer<Loaders>> {
  const logger = options.logger ?? createLogger({ service: definition.name, cooperativeId }, "silent");
  const database = await openDatabase(databaseConfig, definition);
  const metrics = new ServiceMetrics({ service: definition.name, cooperative: cooperativeId });
  observeDatabasePool(metrics, database);
  const events = createSubgraphEvents({
    db: database.dataSource,
    subgraph: definition.name,
    cooperativeId,
    handlers: definition.eventHandlers ?? {},
    logger,
    config: options.events,
  });
  observeEvents(metrics, events);
  try {
    const apollo = new ApolloServer<RequestContext<Loaders>>(
      subgraphApolloOptions(await schemaOf(definition), { production: options.production, logger, metrics }),
    );
    await apollo.start();
    const contextFor = (caller: Caller, deadline?: number, requestId?: string): RequestContext<Loaders> => {
      if (caller.cooperativeId !== undefined && caller.cooperativeId !== cooperativeId) {
        throw codedError(
          "FORBIDDEN",
          `This service holds cooperative "${cooperativeId}": a token of "${caller.cooperativeId}" has no access`,
          {
            http: { status: 403 },
          },
        );
      }
      const loaders = definition.createLoaders(database.dataSource, cooperativeId);
      return { cooperativeId, caller, db: database.dataSource, loaders, deadline, requestId };
    };
    return { cooperativeId, apollo, database, logger, metrics, events, contextFor };
  } catch (error) {
    await events.stop();
    await database.close();
    throw error;
  }
}

/** Starts one subgraph instance of one cooperative on HTTP. */
export async function startSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  config: SubgraphConfig,
): Promise<RunningSubgraph<Loaders>> {
  const authenticate = await createAuthenticator(config.auth);
  const logger = createLogger({ service: definition.name, cooperativeId: config.cooperativeId }, config.logLevel, config.logDestination);
  const authenticateLogged = loggingRefusals(authenticate, logger);
  const server = await createSubgraphServer(definition, config.cooperativeId, config.database, {
    production: config.production,
    logger,
    events: config.events,
  });
  const http = await serveHttp({
    apollo: server.apollo,
    port: config.port,
    host: config.host,
    // On each request's span: one process of a test holds many cooperatives' subgraphs.
    spanAttributes: { [COOPERATIVE_ATTRIBUTE]: config.cooperativeId, [SUBGRAPH_ATTRIBUTE]: definition.name },
    context: async (headers, requestId) => {
      const caller = await authenticateLogged(headers.get("authorization"), requestId);
      return server.contextFor(caller, deadlineFrom(headers), requestId);
    },
    metrics: () => server.metrics.scrape(),
    events: (authorization, body) => server.events.receive(authorization, body),
    files: definition.files,
    health: async () => {
      // The outbox's report reads the database: it answers for it too.
      const events = await server.events.report();
      return { ok: true, cooperative: config.cooperativeId, subgraph: definition.name, release: RELEASE, events };
    },
  });
  return {
    ...server,
    url: http.url,
    listener: http.server,
    async stop() {
      await http.stop();
      await server.events.stop();
      await server.apollo.stop();
      await server.database.close();
    },
  };
}

/** The entry point of a subgraph process: configuration from the environment, clean stop on a signal. */
export function runSubgraphMain<Loaders>(definition: SubgraphDefinition<Loaders>): Promise<void> {
  return runService(definition.name, () => {
    const config = subgraphConfigFromEnv(definition.name);
    return { cooperativeId: config.cooperativeId, start: () => startSubgraph(definition, config) };
  });
}

/**
 * The entry point of a service's process (a subgraph, the gateway): its configuration read (a bad
 * variable stops it, named), tracing started before the service so that its first request is
 * traced, "ready" logged, and a clean stop on a signal.
 */
export async function runService(
  service: string,
  configure: () => { cooperativeId?: string; start: () => Promise<{ logger: Logger; url: string; stop(): Promise<void> }> },
): Promise<void> {
  let tracing: Tracing | undefined;
  try {
    const { cooperativeId, start } = configure();
    tracing = startTracing({ service, cooperativeId });
    const running = await start();
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
    // Started by `npm start`: go when the launcher goes, even if it was killed without a word.
    process.once("disconnect", stop);
  } catch (error) {
    console.error(`${service} could not start: ${error instanceof Error ? error.message : String(error)}`);
    await tracing?.shutdown();
    process.exit(1);
  }
}

/** Whether an operation's root selects `__schema` or `__type` (through fragments too). */
function asksForIntrospection(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === "__schema" || selection.name.value === "__type";
    if (selection.kind === Kind.INLINE_FRAGMENT) return asksForIntrospection(document, selection.selectionSet, seen);
    const name = selection.name.value;
    if (seen.has(name)) return false;
    seen.add(name);
    const fragment = document.definitions.find(
      (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === name,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION && asksForIntrospection(document, fragment.selectionSet, seen);
  });
}

/** Production: a subgraph's schema is read by the network's gateway only (role NETWORK_SERVICE). */
const introspectionForTheNetworkOnly: ApolloServerPlugin<{ caller: Caller }> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, contextValue }) {
        if (contextValue.caller.role === "NETWORK_SERVICE") return;
        if (operation && asksForIntrospection(document, operation.selectionSet)) {
          throw codedError("FORBIDDEN", "Introspection of a cooperative's subgraph is open to the network's gateway only", {
            http: { status: 403 },
          });
        }
      },
    };
  },
};
