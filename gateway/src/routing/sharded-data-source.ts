import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { parse, type DocumentNode, type GraphQLFormattedError, type OperationDefinitionNode } from "graphql";
import type { SubgraphName } from "@cae/shared";
import type { GatewayContext } from "../context";
import { KeptByText } from "../kept-by-text";
import type { Registry } from "../registry/registry";
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
type SendResult = { response: GatewayGraphQLResponse } | { failure: string };

/**
 * One cooperative's instance of a subgraph, over the pooled HTTP client, with the fetcher's
 * deadline on every call. Apollo's RemoteGraphQLDataSource does the same but builds node-fetch
 * `Headers` and `Request` objects on every call for hooks this network does not use (they showed
 * in the gateway's CPU profile); the body sent, the errors and the result are the same.
 */
class CooperativeDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly url: string,
    private readonly fetcher: ReturnType<typeof pooledFetcher>,
  ) {}

  async process({ request, context }: ProcessOptions): Promise<GatewayGraphQLResponse> {
    if (!request.query) throw new Error("Missing query");
    const headers: Record<string, string> = { "content-type": "application/json" };
    // The caller's credentials travel to the cooperative, which checks them itself.
    const authorization = context.headers?.get("authorization");
    if (authorization) headers.authorization = authorization;
    const { query, operationName, variables, extensions } = request;
    const response = await this.fetcher(this.url, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, operationName, variables, extensions }),
    });
    const contentType = response.headers.get("content-type") ?? "";
    const body: unknown = /^application\/(graphql-response\+)?json/.test(contentType) ? await response.json() : await response.text();
    if (!response.ok) throw new Error(`${response.status}: ${response.statusText}`);
    if (typeof body !== "object" || body === null) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    return body as GatewayGraphQLResponse;
  }
}

/**
 * The data source of one subgraph for the whole network. Apollo Federation expects one instance
 * per subgraph; every cooperative runs its own, so each fetch is routed by the cooperative its
 * IDs or arguments name: `_entities` split by cooperative and sent in parallel, anything else
 * sent to the one cooperative it names.
 */
export class ShardedDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly shards: Map<string, CooperativeDataSource>;
  /** Each subgraph operation's text, parsed once (the planner does not hand over its document). */
  private readonly operations = new KeptByText<OperationDefinitionNode | undefined>();

  constructor(
    private readonly subgraph: SubgraphName,
    registry: Registry,
    private readonly timeoutMs: number,
  ) {
    const fetcher = pooledFetcher(timeoutMs);
    this.shards = new Map(registry.cooperatives.map((c) => [c.id, new CooperativeDataSource(c.subgraphs[subgraph], fetcher)]));
  }

  async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    if (options.kind !== REQUEST_KINDS.incomingOperation) {
      // The supergraph is static and health is the gateway's /health: nothing else reaches here.
      throw new Error(`The ${this.subgraph} data source serves operations only, not "${String(options.kind)}" requests`);
    }
    const operation = this.operationOf(options.document, options.request);
    if (!operation) return { errors: [routingError("The subgraph operation to route was not found in its document")] };
    if (isEntitiesFetch(operation)) return this.fetchEntities(options, options.context);
    const route = routeOperation(operation, options.request.variables);
    if ("error" in route) return { errors: [routingError(route.error)] };
    const refused = this.refusal(options.context, route.cooperativeId);
    if (refused) return { errors: [refused] };
    if (!this.shards.has(route.cooperativeId)) {
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

  private async fetchEntities(options: ProcessOptions, context: GatewayContext): Promise<GatewayGraphQLResponse> {
    const variables = options.request.variables ?? {};
    const representations = (variables.representations ?? []) as unknown[];
    const { groups, unroutable } = groupRepresentations(representations, (id) => this.shards.has(id));
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

  private async send(cooperativeId: string, options: ProcessOptions, variables: Variables): Promise<SendResult> {
    const request: Request = { ...options.request, variables };
    try {
      const shard = this.shards.get(cooperativeId)!;
      return { response: await shard.process({ ...options, request }) };
    } catch (error) {
      return { failure: describeFailure(error, this.timeoutMs) };
    }
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

function describeFailure(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : "";
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  if (name === "TimeoutError" || cause?.name === "TimeoutError" || /aborted|timeout/i.test(String(error))) {
    return `no answer within ${timeoutMs} ms`;
  }
  return cause ? `${cause.message}` : error instanceof Error ? error.message : String(error);
}
