import { ApolloGateway, type GatewayConfig, type GraphQLDataSource } from "@apollo/gateway";
import type { QueryPlan } from "@apollo/query-planner";
import type {
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from "@apollo/server-gateway-interface";
import { SpanStatusCode } from "@opentelemetry/api";
import { getVariableValues, GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { LRUCache } from "lru-cache";
import { tracer, type Logger } from "@cae/shared";
import type { GatewayContext } from "../context";
import { checkPlan, runPlan, type PlanRun } from "./plan";
import { compileShape, NotCompiled, shapeResponse, type CompiledShape } from "./shaping";

type RequestContext = GatewayGraphQLRequestContext<GatewayContext>;
type Services = ReadonlyMap<string, GraphQLDataSource<GatewayContext>>;

/** An operation the gateway runs itself: Apollo's plan for it, and its answer's shape compiled once. */
interface CompiledOperation {
  plan: QueryPlan;
  shape: CompiledShape;
  operation: OperationDefinitionNode;
  services: Services;
}

/** Marks an operation left to Apollo Gateway's executor (introspection, `@defer`...). */
const APOLLO = "apollo";

/** How many operations are kept compiled: an operation the clients no longer send is dropped first. */
const KEPT_OPERATIONS = 1000;

/**
 * Apollo Gateway, with the operations it has planned run by the gateway's own executor.
 *
 * Apollo Gateway caches a plan per operation but redoes the rest on every request: it rebuilds
 * the operation in the federation library's objects, hashes the query again to find the plan,
 * and walks the operation over the merged answer field by field (`computeResponse`). The first
 * request of an operation goes through Apollo's executor, which plans it; the plan it hands over
 * (`experimental_didResolveQueryPlan`) is kept with the answer's shape compiled once
 * (`shaping.ts`), and the next requests run from there (`plan.ts`). What this executor does not
 * cover stays with Apollo's for good: introspection, `@defer`, subscriptions, rewrites of
 * `@interfaceObject` and `@context`, an alias named `__proto__`, and a request asking for its plan
 * (`Apollo-Query-Plan-Experimental`).
 */
export class PlannedGateway implements GatewayInterface {
  readonly apollo: ApolloGateway;
  private readonly compiled = new LRUCache<string, CompiledOperation | typeof APOLLO>({ max: KEPT_OPERATIONS });
  private apolloExecutor?: GatewayExecutor;
  /** How many requests each executor has run. */
  readonly executions = { own: 0, apollo: 0 };

  constructor(
    config: GatewayConfig,
    private readonly logger: Logger,
  ) {
    this.apollo = new ApolloGateway({
      ...config,
      experimental_didResolveQueryPlan: ({ queryPlan, serviceMap, requestContext, operationContext }) =>
        this.learn(queryPlan, serviceMap, requestContext as RequestContext, operationContext),
    });
  }

  /** The API schema, once loaded. */
  get schema(): GraphQLSchema | undefined {
    return this.apollo.schema;
  }

  async load(options: Parameters<GatewayInterface["load"]>[0]) {
    const { executor } = await this.apollo.load(options);
    this.apolloExecutor = executor ?? undefined;
    return { executor: (requestContext: GatewayGraphQLRequestContext) => this.execute(requestContext as RequestContext) };
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    return this.apollo.onSchemaLoadOrUpdate((schema) => {
      // A new supergraph plans every operation anew.
      this.compiled.clear();
      callback(schema);
    });
  }

  stop(): Promise<void> {
    return this.apollo.stop();
  }

  private keyOf(requestContext: RequestContext): string | undefined {
    const { queryHash } = requestContext;
    return queryHash ? `${requestContext.request.operationName ?? ""}\n${queryHash}` : undefined;
  }

  private learn(
    plan: QueryPlan,
    serviceMap: Record<string, GraphQLDataSource>,
    requestContext: RequestContext,
    {
      schema,
      operation,
      fragments,
    }: { schema: GraphQLSchema; operation: OperationDefinitionNode; fragments: Parameters<typeof compileShape>[2] },
  ): void {
    const key = this.keyOf(requestContext);
    if (key === undefined || this.compiled.has(key)) return;
    try {
      if (operation.operation === "subscription") throw new NotCompiled("A subscription");
      checkPlan(plan);
      const shape = compileShape(schema, operation, fragments);
      this.compiled.set(key, { plan, shape, operation, services: new Map(Object.entries(serviceMap)) as Services });
    } catch (error) {
      // Apollo's executor answers this one, as it does the first request of every operation.
      if (!(error instanceof NotCompiled)) this.logger.warn({ err: error }, "an operation is left to Apollo Gateway's executor");
      this.compiled.set(key, APOLLO);
    }
  }

  private async execute(requestContext: RequestContext) {
    const key = this.keyOf(requestContext);
    const compiled = key === undefined ? undefined : this.compiled.get(key);
    if (!compiled || compiled === APOLLO || requestContext.request.http?.headers.get("apollo-query-plan-experimental")) {
      if (!this.apolloExecutor) throw new Error("The gateway has not loaded its supergraph");
      this.executions.apollo++;
      return this.apolloExecutor(requestContext);
    }
    this.executions.own++;
    // Apollo's attributes: the operation's name (under its old key too) and type, never its text.
    const { operationName } = requestContext;
    const attributes = {
      ...(operationName && { operationName, "graphql.operation.name": operationName }),
      "graphql.operation.type": compiled.operation.operation,
    };
    return tracer.startActiveSpan("gateway.request", { attributes }, async (span) => {
      try {
        const result = await this.run(compiled, requestContext);
        if (result.errors) span.setStatus({ code: SpanStatusCode.ERROR });
        return result;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  private async run(compiled: CompiledOperation, requestContext: RequestContext) {
    const { shape, operation, plan, services } = compiled;
    const variables = requestContext.request.variables;
    // The variables are checked against the operation as Apollo's executor does (the subgraphs check them again).
    if (operation.variableDefinitions?.length) {
      const { errors } = getVariableValues(shape.schema, operation.variableDefinitions, variables ?? {});
      if (errors) return { errors };
    }
    return tracer.startActiveSpan("gateway.execute", async (span) => {
      try {
        const run: PlanRun = { schema: shape.schema, services, requestContext, defaults: shape.defaults, errors: [] };
        const merged = await runPlan(run, plan);
        const answer = tracer.startActiveSpan("gateway.postprocessing", (shaping) => {
          try {
            const { data, errors } = shapeResponse(shape, merged, variables);
            // As Apollo's: a value a subgraph should not have given is said in the extensions when nothing else failed.
            if (run.errors.length === 0 && errors.length > 0) return { extensions: { valueCompletion: errors }, data };
            return run.errors.length === 0 ? { data } : { errors: run.errors, data };
          } catch (error) {
            shaping.setStatus({ code: SpanStatusCode.ERROR });
            return {
              errors: [
                error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error }),
              ],
            };
          } finally {
            shaping.end();
          }
        });
        if (answer.errors) span.setStatus({ code: SpanStatusCode.ERROR });
        return answer;
      } finally {
        span.end();
      }
    });
  }
}
