import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { parse, type DocumentNode, type GraphQLFormattedError, type OperationDefinitionNode } from "graphql";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import {
  COOPERATIVE_ATTRIBUTE,
  DEADLINE_HEADER,
  injectTraceContext,
  REQUEST_ID_HEADER,
  SUBGRAPH_ATTRIBUTE,
  tracer,
  type SubgraphName,
} from "@cae/shared";
import type { GatewayContext } from "../context";
import { KeptByText } from "../kept-by-text";
import { findCooperative, type Registry } from "../registry/registry";
import type { CooperativeAvailability } from "./availability";
import { CooperativeDeadlines } from "./deadlines";
import { pooledFetcher } from "./http-client";
import { groupRepresentations, isEntitiesFetch, operationOf, routeOperation } from "./route";

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type Request = ProcessOptions["request"];

/**
 * The kinds of request a data source receives: the values of Apollo's `GraphQLDataSourceRequestKind`,
 * which the package's entry point does not export (its public `GraphQLDataSourceProcessOptions` types them).
 */
type IncomingOperationKind = Extract<ProcessOptions, { incomingRequestContext: unknown }>["kind"];
export const REQUEST_KINDS = {
  incomingOperation: "incoming operation" as IncomingOperationKind,
  healthCheck: "health check" as Exclude<ProcessOptions["kind"], IncomingOperationKind>,
};
type Variables = Record<string, unknown>;
/** What a call to a subgraph needs: Apollo's options for a planned fetch, or the gateway's own (the network indicators' fan-out). */
type Call = { request: Request; context: GatewayContext; document?: DocumentNode };
type SendResult = { response: GatewayGraphQLResponse } | { failure: string };

/**
 * One cooperative's instance of a subgraph, over the pooled HTTP client. Apollo's
 * RemoteGraphQLDataSource does the same but builds node-fetch `Headers` and `Request` objects on
 * every call for hooks this network does not use (they showed in the gateway's CPU profile).
 */
export class CooperativeDataSource {
  constructor(
    private readonly url: string,
    private readonly fetcher: ReturnType<typeof pooledFetcher>,
  ) {}

  /** The cooperative's GraphQL answer, whatever its HTTP status; a throw when there is none (no answer, not GraphQL). */
  async process({ request, context }: Call, timeoutMs: number): Promise<GatewayGraphQLResponse> {
    if (!request.query) throw new Error("Missing query");
    // The subgraph stops working on the request once the gateway no longer waits for it.
    const headers: Record<string, string> = { "content-type": "application/json", [DEADLINE_HEADER]: String(timeoutMs) };
    // The caller's credentials travel to the cooperative, which checks them itself.
    const authorization = context.headers?.get("authorization");
    if (authorization) headers.authorization = authorization;
    // The request's ID travels too: the cooperative's log lines of this request carry it.
    if (context.requestId) headers[REQUEST_ID_HEADER] = context.requestId;
    // And the trace: the cooperative's spans are children of this call's (`traceparent`).
    injectTraceContext(headers);
    const { query, operationName, variables, extensions } = request;
    const body = JSON.stringify({ query, operationName, variables, extensions });
    const response = await this.fetcher(this.url, { method: "POST", headers, body }, timeoutMs);
    trace.getActiveSpan()?.setAttribute("http.response.status_code", response.status);
    const contentType = response.headers.get("content-type") ?? "";
    const answer: unknown = /^application\/(graphql-response\+)?json/.test(contentType) ? await response.json() : undefined;
    // A refusal (a variable a scalar does not accept: HTTP 400; a token refused: 401, 403) is the
    // cooperative's answer, passed on as it is: only no answer makes a cooperative unavailable.
    if (isGraphQLResponse(answer)) return answer;
    throw new Error(`HTTP ${response.status}${response.statusText && ` (${response.statusText})`}, not a GraphQL answer`);
  }
}

function isGraphQLResponse(body: unknown): body is GatewayGraphQLResponse {
  return typeof body === "object" && body !== null && ("data" in body || Array.isArray((body as { errors?: unknown }).errors));
}

/**
 * The data source of one subgraph for the whole network. Apollo Federation expects one instance
 * per subgraph; every cooperative runs its own, so each fetch is routed by the cooperative its
 * IDs or arguments name: `_entities` split by cooperative and sent in parallel, anything else
 * sent to the one cooperative it names.
 */
export class ShardedDataSource implements GraphQLDataSource<GatewayContext> {
  /** The data source of each URL the registry has given: a cooperative that moves gets a new one. */
  private readonly byUrl = new Map<string, CooperativeDataSource>();
  private readonly fetcher = pooledFetcher();
  /** Each subgraph operation's text, parsed once (the planner does not hand over its document). */
  private readonly operations = new KeptByText<OperationDefinitionNode | undefined>();

  constructor(
    private readonly subgraph: SubgraphName,
    /** Read at each call: the gateway follows the network's registry as it changes (registry/follower.ts). */
    private readonly registry: Registry,
    private readonly timeoutMs: number,
    /** Where each call's outcome goes (metrics, and a log line per incident). */
    private readonly availability?: CooperativeAvailability,
  ) {}

  /** The cooperative's instance of this subgraph, as the registry lists it now; none for a cooperative it does not list. */
  private shardOf(cooperativeId: string): CooperativeDataSource | undefined {
    const url = findCooperative(this.registry, cooperativeId)?.subgraphs[this.subgraph];
    if (url === undefined) return undefined;
    let shard = this.byUrl.get(url);
    if (!shard) this.byUrl.set(url, (shard = new CooperativeDataSource(url, this.fetcher)));
    return shard;
  }

  async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    if (options.kind !== REQUEST_KINDS.incomingOperation) {
      // The supergraph is static and health is the gateway's /health: nothing else reaches here.
      throw new Error(`The ${this.subgraph} data source serves operations only, not "${String(options.kind)}" requests`);
    }
    return this.call(options);
  }

  /**
   * An operation of the gateway's own for this subgraph (the network indicators ask each
   * cooperative's subgraphs directly), routed, timed and reported as a planned fetch is.
   */
  async call(options: Call): Promise<GatewayGraphQLResponse> {
    const operation = this.operationOf(options.document, options.request);
    if (!operation) return { errors: [routingError("The subgraph operation to route was not found in its document")] };
    if (isEntitiesFetch(operation)) return this.fetchEntities(options, options.context);
    const route = routeOperation(operation, options.request.variables);
    if ("error" in route) return { errors: [routingError(route.error)] };
    const refused = this.refusal(options.context, route.cooperativeId);
    if (refused) return { errors: [refused] };
    if (!this.shardOf(route.cooperativeId)) {
      return {
        errors: [{ message: `No cooperative "${route.cooperativeId}" in the network's registry`, extensions: { code: "NOT_FOUND" } }],
      };
    }
    const result = await this.send(route.cooperativeId, options, options.request.variables ?? {});
    return "failure" in result ? { errors: [this.unavailable(route.cooperativeId, result.failure)] } : result.response;
  }

  private operationOf(document: DocumentNode | undefined, request: Request): OperationDefinitionNode | undefined {
    if (document) return operationOf(document, request.operationName);
    const key = `${request.operationName ?? ""}\n${request.query ?? ""}`;
    return this.operations.get(key, () => operationOf(parse(request.query ?? ""), request.operationName));
  }

  private async fetchEntities(options: Call, context: GatewayContext): Promise<GatewayGraphQLResponse> {
    const variables = options.request.variables ?? {};
    const representations = (variables.representations ?? []) as unknown[];
    const { groups, unroutable } = groupRepresentations(representations, (id) => this.shardOf(id) !== undefined);
    const entities: unknown[] = representations.map(() => null);
    const errors: GraphQLFormattedError[] = unroutable.map((position) => ({
      message: `Cannot route ${JSON.stringify((representations[position] as { id?: unknown })?.id)}: no cooperative of the registry owns it`,
      path: ["_entities", position],
      extensions: { code: "NOT_FOUND" },
    }));

    await Promise.all(
      [...groups].map(async ([cooperativeId, positions]) => {
        const refused = this.refusal(context, cooperativeId);
        if (refused) return void errors.push({ ...refused, path: ["_entities", positions[0]] });
        const result = await this.send(cooperativeId, options, { ...variables, representations: positions.map((p) => representations[p]) });
        if ("failure" in result)
          return void errors.push({ ...this.unavailable(cooperativeId, result.failure), path: ["_entities", positions[0]] });
        const received = (result.response.data?._entities ?? []) as unknown[];
        positions.forEach((position, i) => (entities[position] = received[i] ?? null));
        for (const error of result.response.errors ?? []) errors.push(reindexed(error, positions, cooperativeId));
      }),
    );
    return { data: { _entities: entities }, ...(errors.length > 0 && { errors }) };
  }

  /**
   * One call to one cooperative, within what the request may still wait for it: a client span
   * `subgraph <name>` naming the cooperative, with an error status when it did not answer, so the
   * trace of a slow request shows which cooperative was slow.
   */
  private async send(cooperativeId: string, options: Call, variables: Variables): Promise<SendResult> {
    const deadlines = options.context.deadlines ?? new CooperativeDeadlines(this.timeoutMs);
    const failed = deadlines.failure(cooperativeId, this.subgraph);
    if (failed) return { failure: failed };
    const remainingMs = deadlines.remainingMs(cooperativeId);
    const attributes = { [COOPERATIVE_ATTRIBUTE]: cooperativeId, [SUBGRAPH_ATTRIBUTE]: this.subgraph };
    return tracer.startActiveSpan(`subgraph ${this.subgraph}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        if (remainingMs === 0) throw timeout(deadlines.timeoutMs);
        const shard = this.shardOf(cooperativeId);
        // Withdrawn from the registry while the request was planned.
        if (!shard) throw new Error("no longer in the network's registry");
        const response = await shard.process({ ...options, request: { ...options.request, variables } }, remainingMs);
        this.availability?.answered(cooperativeId, this.subgraph, seconds());
        // Answered: errors in the answer are the cooperative's answer (a refusal, a missing object), not a failed call.
        span.setAttributes({ "cae.outcome": "answered", "cae.graphql_errors": response.errors?.length ?? 0 });
        return { response };
      } catch (error) {
        const failure = describeFailure(error, deadlines.timeoutMs);
        deadlines.fail(cooperativeId, this.subgraph, failure);
        this.availability?.failed(cooperativeId, this.subgraph, failure, seconds(), options.context.requestId);
        const timedOut = isTimeout(error);
        span.setAttributes({ "cae.outcome": timedOut ? "timeout" : "unavailable", "error.type": timedOut ? "timeout" : errorType(error) });
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: `Cooperative "${cooperativeId}" did not answer for ${this.subgraph}: ${failure}`,
        });
        return { failure };
      } finally {
        span.end();
      }
    });
  }

  /** A first line before the cooperative's own check: a cooperative's token is not sent to another. */
  private refusal(context: GatewayContext, cooperativeId: string): GraphQLFormattedError | null {
    const own = context.caller.cooperativeId;
    if (own === undefined || own === cooperativeId) return null;
    return {
      message: `A token of cooperative "${own}" has no access to cooperative "${cooperativeId}"`,
      extensions: { code: "FORBIDDEN", cooperativeId },
    };
  }

  private unavailable(cooperativeId: string, reason: string): GraphQLFormattedError {
    return {
      message: `Cooperative "${cooperativeId}" did not answer for ${this.subgraph}: ${reason}`,
      extensions: { code: "COOPERATIVE_UNAVAILABLE", cooperativeId, subgraph: this.subgraph },
    };
  }
}

function routingError(message: string): GraphQLFormattedError {
  return { message, extensions: { code: "UNROUTABLE_OPERATION" } };
}

/**
 * An error of a cooperative's part of an entity fetch, moved to the position its entity has in
 * the whole fetch; an error of the part as a whole points at the part's first entity.
 */
export function reindexed(error: GraphQLFormattedError, positions: number[], cooperativeId: string): GraphQLFormattedError {
  const [head, index, ...rest] = error.path ?? [];
  let path = error.path;
  if (head === "_entities")
    path = typeof index === "number" ? ["_entities", positions[index] ?? index, ...rest] : ["_entities", positions[0]];
  return { ...error, ...(path && { path }), extensions: { ...error.extensions, cooperativeId } };
}

function timeout(timeoutMs: number): Error {
  const error = new Error(`no answer within ${timeoutMs} ms`);
  error.name = "TimeoutError";
  return error;
}

/** The kind of a failed call's error, for its span: a system error's code (ECONNREFUSED...), else its class. */
function errorType(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : cause instanceof Error ? cause.name : "error";
}

function isTimeout(error: unknown): boolean {
  const name = error instanceof Error ? error.name : "";
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  return name === "TimeoutError" || cause?.name === "TimeoutError" || /aborted|timeout/i.test(String(error));
}

export function describeFailure(error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  return cause ? `${cause.message}` : error instanceof Error ? error.message : String(error);
}
