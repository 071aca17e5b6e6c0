import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { DEFAULT_PAGE_SIZE, envVar, parseEnv, wholeNumber } from "@cae/shared";
import type { CleanedEnv } from "envalid";
import { DEFAULT_LIST_SIZE, FIELD_WEIGHTS, LIST_SIZES } from "./costs";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type GraphQLNamedType,
  type GraphQLSchema,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  visit,
} from "graphql";
import { LRUCache } from "lru-cache";

/** The bounds the gateway puts on one operation, before planning or fetching anything. */
export interface QueryLimits {
  /** The deepest field nesting (a root field is depth 1). */
  maxDepth: number;
  /** The estimated cost (see {@link checkQueryLimits} for the formula). */
  maxCost: number;
  /** How many aliased fields the operation may hold, fragments included. */
  maxAliases: number;
  /** The largest `first` a field may ask for. */
  maxPageSize: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = Object.freeze({ maxDepth: 12, maxCost: 20_000, maxAliases: 30, maxPageSize: 100 });

/** A limit's variable: when set, a positive whole number written in digits; unset, its default applies. */
const limitVar = (name: string, fallback: number) =>
  envVar(
    (value) => (/^[0-9]+$/.test(value) ? wholeNumber(1)(value) : undefined),
    (value) => `${name} must be a positive whole number, got "${value}"`,
    fallback,
  );

/** The limits' variables, part of the gateway's environment schema (README, "Configuration"). */
export const QUERY_LIMITS_ENV_SHAPE = {
  MAX_QUERY_DEPTH: limitVar("MAX_QUERY_DEPTH", DEFAULT_QUERY_LIMITS.maxDepth),
  MAX_QUERY_COST: limitVar("MAX_QUERY_COST", DEFAULT_QUERY_LIMITS.maxCost),
  MAX_QUERY_ALIASES: limitVar("MAX_QUERY_ALIASES", DEFAULT_QUERY_LIMITS.maxAliases),
  MAX_PAGE_SIZE: limitVar("MAX_PAGE_SIZE", DEFAULT_QUERY_LIMITS.maxPageSize),
};

/** Environment variables the query limits read (README, "Configuration"). */
export const QUERY_LIMITS_ENV: readonly string[] = Object.freeze(Object.keys(QUERY_LIMITS_ENV_SHAPE));

/** The limits the variables, each valid, set. */
export const queryLimitsOf = (vars: CleanedEnv<typeof QUERY_LIMITS_ENV_SHAPE>): QueryLimits => ({
  maxDepth: vars.MAX_QUERY_DEPTH,
  maxCost: vars.MAX_QUERY_COST,
  maxAliases: vars.MAX_QUERY_ALIASES,
  maxPageSize: vars.MAX_PAGE_SIZE,
});

/** The limits' part of an environment alone (the gateway parses it within its whole schema). */
export const queryLimitsFromEnv = (env: NodeJS.ProcessEnv = process.env): QueryLimits =>
  queryLimitsOf(parseEnv(QUERY_LIMITS_ENV_SHAPE, env));

/** What one selection set (fragments followed) weighs. */
interface Weight {
  /** Deepest field nesting below (and including) this selection set's fields. */
  depth: number;
  /** Aliased fields, each use of a fragment counted. */
  aliases: number;
  /** Cost, as documented on {@link checkQueryLimits}. */
  cost: number;
  /** Whether the selection set selects `edges` or `nodes`, the shape of a connection. */
  connection: boolean;
  /** The first field (by response path, relative to this selection set) whose `first` is over the limit. */
  page?: { path: string[]; first: number };
}

const NOTHING: Weight = { depth: 0, aliases: 0, cost: 0, connection: false };

function limitError(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });
}

/**
 * Checks an operation of `document` against `limits`; returns the first limit it breaks, as an error
 * with HTTP status 400 (`extensions.http`), or `null`.
 *
 * The operation is the one `operationName` names, or the document's only one (none found: `null`,
 * the document's validation answers for it). Fragments, named and inline, are followed where they
 * are used, as if written there; a fragment that spreads itself (directly or not) contributes
 * nothing the second time, so an invalid document cannot make this loop. Each fragment is weighed
 * once, so a document that spreads fragments exponentially is checked in linear time. `@skip` and
 * `@include` are not evaluated: every field counts. Introspection fields count like any other.
 *
 * The limits, checked in this order:
 * - **depth** (`QUERY_TOO_DEEP`, with `depth` and `maxDepth`): the deepest nesting of fields, a
 *   root field being depth 1;
 * - **aliases** (`TOO_MANY_ALIASES`, with `count` and `maxAliases`): fields written with an alias,
 *   a fragment's counted at each use;
 * - **page size** (`PAGE_TOO_LARGE`, with `first`, `maxPageSize` and `field`, the field's response
 *   path like `cooperative.people`): every field argument `first`, a literal or a variable (from
 *   `variables`, else the variable's default), must be at most `maxPageSize`; values below 1 are
 *   left to the subgraphs, which refuse them;
 * - **cost** (`QUERY_TOO_COMPLEX`, with `cost` and `maxCost`): the estimated number of values the
 *   operation can resolve, expensive fields weighing more,
 *
 *       cost(selection set) = sum over its fields f of: w(f) + n(f) × cost(selection set of f)
 *       w(f) = FIELD_WEIGHTS[f] for a field that is much more than a value (a PDF: 500), else 1,
 *       n(f) = first                 when f is a connection and its `first` is a number of 1 or more,
 *              DEFAULT_PAGE_SIZE (20) when f is a connection otherwise (no `first`, null, unset),
 *              LIST_SIZES[f], else 20 when f is a list (without `first`),
 *              1                     otherwise,
 *
 *   a leaf's selection set costing 0 (`limits/costs.ts` holds the weights and list sizes). A field
 *   is a connection when it has a `first` argument or when its selection set selects `edges` or
 *   `nodes`: every connection of the network takes `first` and returns 20 items without it, so
 *   leaving `first` out does not make a query cheaper. A list is known from `schema` (the
 *   gateway's); without one, a list counts as one item. For instance
 *   `items(first: 10) { children(first: 10) { a b c } }` costs 1 + 10 × (1 + 10 × 3) = 311.
 */
export function checkQueryLimits(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: QueryLimits,
  schema?: GraphQLSchema,
  listSizes: Readonly<Record<string, number>> = LIST_SIZES,
): GraphQLError | null {
  const operation = operationOf(document, operationName);
  if (!operation) return null;
  const root = schema?.getRootType(operation.operation) ?? undefined;
  const weight = new Weigher(document, operation, variables, limits.maxPageSize, schema, listSizes).selectionSet(
    operation.selectionSet,
    root,
  );

  if (weight.depth > limits.maxDepth) {
    return limitError(`Query depth ${weight.depth} exceeds the limit of ${limits.maxDepth}`, {
      code: "QUERY_TOO_DEEP",
      depth: weight.depth,
      maxDepth: limits.maxDepth,
    });
  }
  if (weight.aliases > limits.maxAliases) {
    return limitError(`Query has ${weight.aliases} aliased fields, more than the limit of ${limits.maxAliases}`, {
      code: "TOO_MANY_ALIASES",
      count: weight.aliases,
      maxAliases: limits.maxAliases,
    });
  }
  if (weight.page) {
    const field = weight.page.path.join(".");
    return limitError(`Page size ${weight.page.first} requested for ${field} exceeds the limit of ${limits.maxPageSize}`, {
      code: "PAGE_TOO_LARGE",
      first: weight.page.first,
      maxPageSize: limits.maxPageSize,
      field,
    });
  }
  if (weight.cost > limits.maxCost) {
    return limitError(
      `Query cost ${weight.cost} exceeds the limit of ${limits.maxCost} ` +
        `(each field costs 1, a PDF or statement more, and a list's selection costs once per item: "first" items, ${DEFAULT_PAGE_SIZE} when not given, a list's known size)`,
      { code: "QUERY_TOO_COMPLEX", cost: weight.cost, maxCost: limits.maxCost },
    );
  }
  return null;
}

function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/** Weighs selection sets of one operation, each fragment once. */
class Weigher {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly weighed = new Map<string, Weight>();
  private readonly weighing = new Set<string>();

  constructor(
    document: DocumentNode,
    private readonly operation: OperationDefinitionNode,
    private readonly variables: Record<string, unknown>,
    private readonly maxPageSize: number,
    private readonly schema?: GraphQLSchema,
    private readonly listSizes: Readonly<Record<string, number>> = LIST_SIZES,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION && !this.fragments.has(definition.name.value)) {
        this.fragments.set(definition.name.value, definition);
      }
    }
  }

  /** `parent`: the type the selection set selects from, when the schema knows it. */
  selectionSet(selectionSet: SelectionSetNode, parent?: GraphQLNamedType): Weight {
    const total: Weight = { ...NOTHING };
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          add(total, this.field(selection, parent));
          if (selection.name.value === "edges" || selection.name.value === "nodes") total.connection = true;
          break;
        case Kind.INLINE_FRAGMENT:
          add(total, this.selectionSet(selection.selectionSet, this.typeNamed(selection.typeCondition?.name.value) ?? parent));
          break;
        case Kind.FRAGMENT_SPREAD:
          add(total, this.fragment(selection.name.value));
          break;
      }
    }
    return total;
  }

  private fragment(name: string): Weight {
    const known = this.weighed.get(name);
    if (known) return known;
    const definition = this.fragments.get(name);
    // An unknown fragment, or one already being weighed (a cycle): nothing more to count.
    if (!definition || this.weighing.has(name)) return NOTHING;
    this.weighing.add(name);
    const weight = this.selectionSet(definition.selectionSet, this.typeNamed(definition.typeCondition.name.value));
    this.weighing.delete(name);
    this.weighed.set(name, weight);
    return weight;
  }

  private typeNamed(name: string | undefined): GraphQLNamedType | undefined {
    return name === undefined ? undefined : (this.schema?.getType(name) ?? undefined);
  }

  /** A field's weight, as a selection set holding only that field. */
  private field(field: FieldNode, parent?: GraphQLNamedType): Weight {
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
    const key = `${parent?.name}.${field.name.value}`;
    const inner = field.selectionSet ? this.selectionSet(field.selectionSet, definition && getNamedType(definition.type)) : NOTHING;
    const firstArgument = field.arguments?.find((argument) => argument.name.value === "first");
    const first = firstArgument ? this.intValue(firstArgument.value) : undefined;
    const connection = firstArgument !== undefined || inner.connection;
    // A connection's `edges` and `nodes` are its items, already counted by the connection's `first`.
    const itemsOfConnection = field.name.value === "edges" || field.name.value === "nodes";
    const list = definition !== undefined && isListType(getNullableType(definition.type)) && !itemsOfConnection;
    const items = connection
      ? first !== undefined && first >= 1
        ? first
        : DEFAULT_PAGE_SIZE
      : list
        ? (this.listSizes[key] ?? DEFAULT_LIST_SIZE)
        : 1;
    const name = field.alias?.value ?? field.name.value;
    const page =
      first !== undefined && first > this.maxPageSize
        ? { path: [name], first }
        : inner.page && { path: [name, ...inner.page.path], first: inner.page.first };
    return {
      depth: 1 + inner.depth,
      aliases: (field.alias ? 1 : 0) + inner.aliases,
      cost: (FIELD_WEIGHTS[key] ?? 1) + items * inner.cost,
      connection: false,
      page,
    };
  }

  /** An argument's value when it is a number: a literal, or a variable's value (else its default). */
  private intValue(value: ValueNode): number | undefined {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind !== Kind.VARIABLE) return undefined;
    const name = value.name.value;
    if (Object.prototype.hasOwnProperty.call(this.variables, name)) {
      const given = this.variables[name];
      return typeof given === "number" && Number.isFinite(given) ? given : undefined;
    }
    const fallback = this.operation.variableDefinitions?.find((definition) => definition.variable.name.value === name)?.defaultValue;
    return fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
  }
}

function add(total: Weight, weight: Weight): void {
  total.depth = Math.max(total.depth, weight.depth);
  total.aliases += weight.aliases;
  total.cost += weight.cost;
  total.connection ||= weight.connection;
  total.page ??= weight.page;
}

/**
 * Refuses, with HTTP status 400, an operation over `limits` (see {@link checkQueryLimits}). It checks
 * once the operation is resolved: after validation, with the request's variables known.
 */
export function queryLimitsPlugin(
  limits: QueryLimits,
  /** The sizes of the network's lists, read at each request: the registry may have changed. */
  listSizes: () => Readonly<Record<string, number>> = () => LIST_SIZES,
): ApolloServerPlugin<BaseContext> {
  // An operation within the limits is checked once per document and values of its `first`
  // variables: clients send the same few operations again and again, and the check walked the
  // whole operation on every request (a measurable share of the gateway's CPU, docs/benchmarks.md).
  const passed = new WeakMap<DocumentNode, { pageVariables: string[]; keys: LRUCache<string, true> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request, schema }) {
          const variables = request.variables ?? {};
          const sizes = listSizes();
          let known = passed.get(document);
          if (!known) passed.set(document, (known = { pageVariables: pageVariablesOf(document), keys: new LRUCache({ max: 100 }) }));
          const key = passKey(operationName, variables, known.pageVariables, sizes, schema);
          if (known.keys.has(key)) return;
          const error = checkQueryLimits(document, operationName, variables, limits, schema, sizes);
          if (error) throw error;
          known.keys.set(key, true);
        },
      };
    },
  };
}

/** The variables a document gives as a `first` argument: the only ones its weight depends on. */
function pageVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(argument) {
      if (argument.name.value === "first" && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names];
}

/** What a verdict depends on besides the document: the operation, its page variables (given or not), the list sizes and the schema. */
const objectIds = new WeakMap<object, number>();
let lastObjectId = 0;
function passKey(
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  pageVariables: readonly string[],
  sizes: object,
  schema: object | undefined,
): string {
  const id = (value: object | undefined) => {
    if (!value) return 0;
    let known = objectIds.get(value);
    if (known === undefined) objectIds.set(value, (known = ++lastObjectId));
    return known;
  };
  const values = pageVariables.map((name) =>
    Object.prototype.hasOwnProperty.call(variables, name) ? JSON.stringify(variables[name]) : "-",
  );
  return `${operationName ?? ""}\n${id(sizes)}\n${id(schema)}\n${values.join("\n")}`;
}
