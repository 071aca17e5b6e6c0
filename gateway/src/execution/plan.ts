import { ERRORS, errorCodeDef } from "@apollo/federation-internals";
import type { GraphQLDataSource } from "@apollo/gateway";
import type { FetchNode, PlanNode, QueryPlan, QueryPlanSelectionNode } from "@apollo/query-planner";
import type { GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { SpanStatusCode } from "@opentelemetry/api";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { tracer } from "@cae/shared";
import type { GatewayContext } from "../context";
import { REQUEST_KINDS } from "../routing/sharded-data-source";
import { meetsCondition, NotCompiled } from "./shaping";

/**
 * The fetches of a query plan, run over the gateway's data sources: Apollo Gateway 2.14's
 * `executeQueryPlan` without what this network does not use (federated traces for Apollo's usage
 * reporting, `@defer`, subscriptions, `@interfaceObject` and `@context` rewrites: a plan that
 * needs one of them is left to Apollo's executor, `checkPlan`). The spans keep Apollo's names.
 */

type Data = Record<string, unknown>;
type Path = (string | number)[];
type Cursor = { path: Path; data: unknown; fullResult: Data };
type RequestContext = GatewayGraphQLRequestContext<GatewayContext>;

export interface PlanRun {
  schema: GraphQLSchema;
  services: ReadonlyMap<string, GraphQLDataSource<GatewayContext>>;
  requestContext: RequestContext;
  /** The operation's variables' defaults. */
  defaults: Readonly<Record<string, unknown>>;
  /** Errors of the fetches, as Apollo gives them: each a subgraph's error at its place in the client's answer. */
  errors: GraphQLError[];
}

/** Throws `NotCompiled` for a plan this executor leaves to Apollo's. */
export function checkPlan(plan: QueryPlan): void {
  const check = (node: PlanNode): void => {
    switch (node.kind) {
      case "Sequence":
      case "Parallel":
        return node.nodes.forEach(check);
      case "Flatten":
        return check(node.node);
      case "Condition":
        if (node.ifClause) check(node.ifClause);
        if (node.elseClause) check(node.elseClause);
        return;
      case "Fetch":
        if (node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) {
          throw new NotCompiled(`A fetch from ${node.serviceName} rewrites its data`);
        }
        if (node.hasDefers) throw new NotCompiled("@defer");
        return;
      default:
        throw new NotCompiled(`A ${node.kind} node`);
    }
  };
  if (plan.node?.kind === "Subscription") throw new NotCompiled("A subscription");
  if (plan.node) check(plan.node);
}

/** Runs the plan's fetches; the merged data, before shaping. */
export async function runPlan(run: PlanRun, plan: QueryPlan): Promise<Data> {
  const data = Object.create(null) as Data;
  if (plan.node?.kind === "Subscription") throw new Error("A subscription's plan reached the gateway's executor");
  if (plan.node) await runNode(run, plan.node, { path: [], data, fullResult: data });
  return data;
}

async function runNode(run: PlanRun, node: PlanNode, cursor: Cursor): Promise<void> {
  switch (node.kind) {
    case "Sequence":
      for (const child of node.nodes) await runNode(run, child, cursor);
      return;
    case "Parallel":
      await Promise.all(node.nodes.map((child) => runNode(run, child, cursor)));
      return;
    case "Flatten": {
      const data = flattenAt(cursor.data, node.path);
      if (data) await runNode(run, node.node, { path: cursor.path.concat(node.path), data, fullResult: cursor.fullResult });
      return;
    }
    case "Fetch":
      try {
        await traced(node, () => runFetch(run, node, cursor));
      } catch (error) {
        run.errors.push(error as GraphQLError);
      }
      return;
    case "Condition": {
      const provided = run.requestContext.request.variables;
      let value = provided && Object.hasOwn(provided, node.condition) ? provided[node.condition] : undefined;
      if (value === undefined) value = run.defaults[node.condition];
      if (typeof value !== "boolean")
        throw new Error(`Invalid non-boolean value ${String(value)} for Boolean! variable $${node.condition}`);
      const branch = value ? node.ifClause : node.elseClause;
      if (branch) await runNode(run, branch, cursor);
      return;
    }
    default:
      throw new Error(`A ${node.kind} node of a query plan reached the gateway's executor`);
  }
}

async function traced(fetch: FetchNode, work: () => Promise<void>): Promise<void> {
  return tracer.startActiveSpan("gateway.fetch", { attributes: { service: fetch.serviceName } }, async (span) => {
    try {
      await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

async function runFetch(run: PlanRun, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = run.services.get(fetch.serviceName);
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities = Array.isArray(cursor.data) ? (cursor.data.filter((entity) => entity != null) as Data[]) : [cursor.data as Data];
  if (entities.length < 1) return;
  const variables = Object.create(null) as Data;
  const provided = run.requestContext.request.variables;
  for (const name of fetch.variableUsages ?? []) {
    if (provided && Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }
  if (!fetch.requires) {
    const received = await send(run, service, fetch, cursor, variables);
    for (const entity of entities) deepMerge(entity, received);
    return;
  }
  const representations: Data[] = [];
  const representationToEntity: number[] = [];
  entities.forEach((entity, index) => {
    const representation = selectRequired(run.schema, entity, fetch.requires!);
    if (representation && representation.__typename) {
      representations.push(representation);
      representationToEntity.push(index);
    }
  });
  if (representations.length < 1) return;
  if ("representations" in variables) throw new Error(`Variables cannot contain key "representations"`);
  const received = await send(run, service, fetch, cursor, { ...variables, representations });
  if (!received) return;
  const receivedEntities = received._entities;
  if (!Array.isArray(receivedEntities)) throw new Error(`Expected "data._entities" in response to be an array`);
  if (receivedEntities.length !== representations.length)
    throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  receivedEntities.forEach((receivedEntity: Data | null, i) => {
    const existing = entities[representationToEntity[i]];
    if (receivedEntity && !receivedEntity.__typename) receivedEntity.__typename = existing.__typename;
    deepMerge(existing, receivedEntity);
  });
}

async function send(
  run: PlanRun,
  service: GraphQLDataSource<GatewayContext>,
  fetch: FetchNode,
  cursor: Cursor,
  variables: Data,
): Promise<Data | null | undefined> {
  const { requestContext } = run;
  const response = await service.process({
    kind: REQUEST_KINDS.incomingOperation,
    request: { query: fetch.operation, variables, operationName: fetch.operationName },
    incomingRequestContext: requestContext,
    context: requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  } as Parameters<GraphQLDataSource<GatewayContext>["process"]>[0]);
  if (response.errors) {
    const pathOf = errorPaths(fetch, cursor);
    for (const error of response.errors) run.errors.push(downstreamError(error, fetch.serviceName, pathOf));
  }
  return response.data as Data | null | undefined;
}

/** Where a subgraph's error goes in the client's answer: under the fetch's path, or at its entity's place. */
function errorPaths(fetch: FetchNode, cursor: Cursor): (path: readonly (string | number)[] | undefined) => Path | undefined {
  let hydrated: Path[] | undefined;
  return (errorPath) => {
    if (fetch.requires && typeof errorPath?.[1] === "number") {
      if (!hydrated) {
        hydrated = [];
        hydratePaths([], cursor.path, cursor.fullResult, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

function hydratePaths(parent: Path, path: Path, data: unknown, result: Path[]): void {
  if (data == null) return;
  const head = path[0];
  if (head == null) result.push(parent.slice());
  else if (head === "@") {
    (data as unknown[]).forEach((value, index) => {
      parent.push(index);
      hydratePaths(parent, path.slice(1), value, result);
      parent.pop();
    });
  } else if (Array.isArray(data)) {
    data.forEach((value, index) => {
      parent.push(index);
      hydratePaths(parent, path, value, result);
      parent.pop();
    });
  } else if (Object.hasOwn(data, head)) {
    parent.push(head);
    hydratePaths(parent, path.slice(1), (data as Data)[head as string], result);
    parent.pop();
  }
}

function downstreamError(original: GraphQLFormattedError, serviceName: string, pathOf: ReturnType<typeof errorPaths>): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = {
    originalError: original as Error,
    path: pathOf(original.path),
    extensions: { ...original.extensions, serviceName },
  };
  const codeDef = errorCodeDef(original as GraphQLError);
  if (!codeDef && original.extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/** An entity's representation: the fields its fetch requires (its key, and those of `@requires`), null when one is missing. */
function selectRequired(schema: GraphQLSchema, source: Data | null, selections: readonly QueryPlanSelectionNode[]): Data | null {
  if (source === null) return null;
  const result = Object.create(null) as Data;
  for (const selection of selections) {
    if (selection.kind === "Field") {
      const name = selection.alias ?? selection.name;
      const value = Object.hasOwn(source, name) ? source[name] : undefined;
      if (value === undefined) return null;
      const inner = selection.selections;
      if (Array.isArray(value)) result[name] = value.map((item) => (inner ? selectRequired(schema, item as Data | null, inner) : item));
      else result[name] = inner ? selectRequired(schema, value as Data | null, inner) : value;
    } else if (selection.typeCondition && isOfType(schema, source, selection.typeCondition)) {
      deepMerge(result, selectRequired(schema, source, selection.selections));
    }
  }
  return result;
}

/** Apollo's test of a representation's inline fragment: an object without `__typename` meets no condition. */
function isOfType(schema: GraphQLSchema, object: Data, typeCondition: string): boolean {
  const typename = object.__typename;
  if (typeof typename !== "string" || !typename) return false;
  if (typename === typeCondition) return true;
  const type = schema.getType(typename);
  const condition = schema.getType(typeCondition);
  return !!type && !!condition && meetsCondition(schema, condition, type);
}

function flattenAt(value: unknown, path: readonly (string | number)[]): unknown {
  if (path.length === 0 || value == null) return value;
  const [head, ...rest] = path;
  if (head === "@") return (value as unknown[]).flatMap((element) => flattenAt(element, rest));
  if (typeof head !== "string" || Array.isArray(value)) throw new Error(`Unexpected ${typeof head} at ${String(head)} in a plan's path`);
  return flattenAt(Object.hasOwn(value, head) ? (value as Data)[head] : undefined, rest);
}

const isObject = (value: unknown): value is Data => value !== null && typeof value === "object" && !Array.isArray(value);

/** Apollo's `deepMerge`: a fetch's answer merged into the entity it extends. */
function deepMerge(target: Data, source: Data | null | undefined): Data {
  if (source == null) return target;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    // A key the object inherits (`__proto__`, `toString`) becomes its own before it is written.
    if (!Object.hasOwn(target, key) && key in target) {
      Object.defineProperty(target, key, { configurable: true, enumerable: true, value: undefined, writable: true });
    }
    const existing = target[key];
    if (existing && isObject(value)) deepMerge(existing as Data, value);
    else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let i = 0; i < value.length; i++) {
        if (isObject(existing[i]) && isObject(value[i])) deepMerge(existing[i] as Data, value[i] as Data);
        else existing[i] = value[i];
      }
    } else target[key] = value;
  }
  return target;
}
