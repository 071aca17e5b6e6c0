import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import type { GraphQLObjectType } from "graphql";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { readFileSync } from "node:fs";
import {
  codedError,
  createAuthenticator,
  createLogger,
  formatClientError,
  loggingRefusals,
  requestLogPlugin,
  serveHttp,
  type Logger,
  storableTextPlugin,
  type Caller,
  type RunningHttpServer,
  type SubgraphName,
  SUBGRAPH_NAMES,
} from "@cae/shared";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./context";
import { networkHealth } from "./health";
import { networkSchema } from "./network";
import { CachedLocalDataSource } from "./network/local-data-source";
import { networkListSizes } from "./limits/costs";
import { queryLimitsPlugin } from "./limits/limits";
import { SchemaCompatibility } from "./registry/compatibility";
import { loadRegistry, type Registry } from "./registry/registry";
import { GatewayMetrics } from "./metrics";
import { CooperativeAvailability } from "./routing/availability";
import { CooperativeDeadlines } from "./routing/deadlines";
import { ShardedDataSource } from "./routing/sharded-data-source";
import { NetworkDataSource } from "./routing/network-data-source";
import { RegistryFollower } from "./registry/follower";
import { adoptNetworkScalars } from "./scalars";
import { mountDashboard } from "./dashboard/dashboard";
import { mountExports } from "./exports";
import { MemoryCache, RedisCache } from "./indicators/cache";
import { SOURCES, SOURCE_SELECTIONS } from "./indicators/figures";
import { DEFAULT_INDICATORS_CONFIG, IndicatorsService, type IndicatorsConfig } from "./indicators/indicators.service";
import { CooperativeFanOut } from "./indicators/fan-out";
import { PlannedGateway } from "./execution/planned-gateway";

export interface GatewayOptions extends Omit<GatewayConfig, "registryFile" | "supergraphFile" | "indicators" | "registryRefreshMs"> {
  /** The registry to route by; with `networkUrl`, the one to start from (empty: wait for the network's), then followed. */
  registry: Registry;
  /** How often the network's registry is read (default 5 s). */
  registryRefreshMs?: number;
  supergraphSdl: string;
  /** The network's indicators; the defaults of `INDICATORS_*` when absent. */
  indicators?: Partial<IndicatorsConfig>;
  /** Whether to check each cooperative's subgraphs against the supergraph (at start, then every five minutes); default yes. */
  checkSchemas?: boolean;
}

export interface RunningGateway extends RunningHttpServer {
  apollo: ApolloServer<GatewayContext>;
  indicators: IndicatorsService;
  logger: Logger;
}

/**
 * The gateway's service credential reads every cooperative's exact aggregates: it is the
 * gateway's own, to call the subgraphs, and a client that holds it (leaked, or signed for a
 * script) gets nothing through the gateway, where disclosure control would not apply to it.
 */
function clientCaller(caller: Caller): Caller {
  if (caller.role === "NETWORK_SERVICE") {
    throw codedError("FORBIDDEN", "The network's service credential is the gateway's own: a client may not call the gateway with it", {
      http: { status: 403 },
    });
  }
  return caller;
}

/** Starts the gateway: one supergraph, each subgraph served by a data source sharded over the registry. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const authenticate = await createAuthenticator(options.auth);
  const logger = createLogger({ service: "gateway" }, options.logLevel ?? "info", options.logDestination);
  const authenticateLogged = loggingRefusals(authenticate, logger);
  const metrics = new GatewayMetrics();
  const availability = new CooperativeAvailability(logger, metrics);
  const local = new CachedLocalDataSource<GatewayContext>(await networkSchema());
  // One data source per cooperatives' subgraph, shared by the planned fetches and the indicators' own.
  const sharded = new Map<SubgraphName, ShardedDataSource>();
  const shardedDataSource = (name: SubgraphName) => {
    let source = sharded.get(name);
    if (!source) sharded.set(name, (source = new ShardedDataSource(name, options.registry, options.cooperativeTimeoutMs, availability)));
    return source;
  };
  const follower = options.networkUrl ? followRegistry(options, logger) : undefined;
  await follower?.start();
  // Apollo Gateway otherwise reports the host's uptime, CPU and OS to Apollo's servers every hour:
  // nothing of a cooperative's network leaves it unasked.
  process.env.APOLLO_TELEMETRY_DISABLED ??= "true";
  const gateway = new PlannedGateway(
    {
      supergraphSdl: options.supergraphSdl,
      logger,
      // Apollo's spans (gateway.request, .plan, .fetch...), and the gateway's own executor's of the
      // same names, carry neither the query's text, whose
      // literals may be a person's data, nor the errors' messages (shared/src/observability/tracing.ts).
      telemetry: { includeDocument: false, recordExceptions: false },
      buildService: ({ name }) =>
        name === GATEWAY_SUBGRAPH
          ? local
          : name === NETWORK_SUBGRAPH
            ? new NetworkDataSource(options.networkUrl, options.cooperativeTimeoutMs)
            : shardedDataSource(name as SubgraphName),
    },
    logger,
  );
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !options.production,
    // No "Did you mean" in production: a misspelt field does not reveal the real ones.
    hideSchemaDetailsFromClientErrors: options.production,
    includeStacktraceInErrorResponses: false,
    // main.ts stops the process on a signal. Apollo's own handler re-raises the signal once its
    // server has stopped, which killed the process before the last spans were sent.
    stopOnTerminationSignals: false,
    // A fault's text stays in the log, under the ID the client is given; a subgraph's keeps its ID.
    formatError: (formatted, error) => formatClientError(formatted, error, (fault) => logger.error(fault, "unexpected error")),
    logger,
    plugins: [
      requestLogPlugin(logger),
      metrics.plugin(),
      queryLimitsPlugin(options.limits, () => networkListSizes(options.registry)),
      storableTextPlugin,
      extraErrorsPlugin,
      // No subgraph gives cache hints: answers carry no Cache-Control, and nothing is computed for one.
      ApolloServerPluginCacheControlDisabled(),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();
  if (gateway.schema) adoptNetworkScalars(gateway.schema);
  const indicatorsConfig: IndicatorsConfig = { ...DEFAULT_INDICATORS_CONFIG, ...options.indicators };
  // A part whose field the supergraph lacks (a subgraph not merged yet) is said unavailable, never invented.
  const cooperativeFields = (gateway.schema?.getType("Cooperative") as GraphQLObjectType | undefined)?.getFields() ?? {};
  const indicators = new IndicatorsService(
    options.registry,
    new CooperativeFanOut(options.supergraphSdl, async (name, call) => {
      if (!(SUBGRAPH_NAMES as readonly string[]).includes(name)) throw new Error(`${name} is not a subgraph of the cooperatives`);
      return shardedDataSource(name as SubgraphName).call(call);
    }),
    SOURCES.filter((source) => SOURCE_SELECTIONS[source].field in cooperativeFields),
    indicatorsConfig,
    options.cooperativeTimeoutMs,
    indicatorsConfig.redisUrl ? new RedisCache(indicatorsConfig.redisUrl, indicatorsConfig.cachePrefix) : new MemoryCache(),
    metrics.fanOut,
    "funderIndicators" in cooperativeFields,
  );
  const serviceToken = options.serviceToken;
  const compatibility = new SchemaCompatibility(
    options.supergraphSdl,
    options.registry,
    serviceToken,
    logger,
    options.cooperativeTimeoutMs,
  );
  const http = await serveHttp({
    apollo,
    port: options.port,
    host: options.host,
    maxBodyBytes: options.maxBodyBytes,
    // The gateway checks the token first; every subgraph checks it again, as it may be reached directly.
    context: async (headers, requestId) => {
      const caller = clientCaller(await authenticateLogged(headers.get("authorization"), requestId));
      // One deadline per cooperative for the whole request, the gateway's own calls for it included.
      const deadlines = new CooperativeDeadlines(options.cooperativeTimeoutMs);
      return {
        caller,
        registry: options.registry,
        headers,
        indicators,
        deadlines,
        requestId,
        extraErrors: [],
        asNetworkService:
          serviceToken && (() => asNetworkService(serviceToken(), options.registry, indicators, deadlines.apart(), requestId)),
      };
    },
    health: async () => ({
      ...(await networkHealth(options.registry, Math.min(options.cooperativeTimeoutMs, 2000))),
      schemas: compatibility.report(),
    }),
    metrics: () => metrics.scrape(),
  });
  mountDashboard(http.server);
  // A cooperative's files (its FEC), streamed from its finance subgraph to a caller verified as for /graphql.
  mountExports(http.server, {
    registry: options.registry,
    authenticate: async (authorization, requestId) => clientCaller(await authenticateLogged(authorization, requestId)),
    logger,
  });
  if (options.checkSchemas ?? true) {
    compatibility.start();
    // A cooperative just registered is checked at once, not at the next round.
    follower?.onChange(() => void compatibility.check());
  }
  return {
    ...http,
    apollo,
    indicators,
    logger,
    async stop() {
      follower?.stop();
      compatibility.stop();
      await http.stop();
      await apollo.stop();
      await indicators.close();
    },
  };
}

/** A request of the gateway itself, under its own credential: what the subgraphs see is that token, not the client's. */
function asNetworkService(
  token: string,
  registry: Registry,
  indicators: IndicatorsService,
  deadlines: CooperativeDeadlines,
  requestId: string,
): GatewayContext {
  return {
    caller: { subject: "gateway", role: "NETWORK_SERVICE" },
    registry,
    headers: new Headers({ authorization: `Bearer ${token}` }),
    indicators,
    deadlines,
    requestId,
    extraErrors: [],
  };
}

/** Appends the errors resolvers left beside their data (an incomplete answer names its missing cooperatives). */
const extraErrorsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const extra = contextValue.extraErrors ?? [];
        if (extra.length === 0 || response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.errors = [...(result.errors ?? []), ...extra];
      },
    };
  },
};

/** The names of the supergraph's subgraphs that are not a cooperative's (tools/src/compose.ts names them). */
export const GATEWAY_SUBGRAPH = "gateway";
export const NETWORK_SUBGRAPH = "network";

function followRegistry(options: GatewayOptions, logger: Logger): RegistryFollower {
  const token = options.serviceToken;
  if (!token) throw new Error("The gateway follows the network's registry with its own credential: give it a service token");
  return new RegistryFollower(options.registry, {
    url: options.networkUrl!,
    token,
    refreshMs: options.registryRefreshMs ?? 5000,
    timeoutMs: options.cooperativeTimeoutMs,
    logger,
    allowedHosts: options.registryAllowedHosts,
  });
}

export function startGatewayFromConfig(config: GatewayConfig): Promise<RunningGateway> {
  return startGateway({
    ...config,
    registry: config.registryFile ? loadRegistry(config.registryFile) : { cooperatives: [] },
    supergraphSdl: readFileSync(config.supergraphFile, "utf8"),
  });
}
