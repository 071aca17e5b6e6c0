/**
 * The fields a fuzzer calls, found in a schema: every mutation, and every query field that takes
 * arguments wherever it sits, with the way to reach it (from `Query` at the gateway, from an
 * entity through `_entities` at a subgraph, as the gateway's query planner does), and the text of
 * the operation for given arguments, as variables (the realistic client path) or as literals.
 */
import fc from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from "graphql";
import { argumentsArbitrary, fixedArgument, inputArbitrary, tableFor, type IdPool, type Mode } from "./arbitraries";

type Field = GraphQLField<unknown, unknown>;

/** A field on the way to the fuzzed one, with the fixed arguments it is given. */
export interface Step {
  field: Field;
  args: Record<string, unknown>;
}

export interface Target {
  /** `Mutation.createCustomer`, `Cooperative.invoice`, `Query._entities`. */
  name: string;
  kind: "mutation" | "query";
  parent: GraphQLObjectType;
  field: Field;
  /** The fields from the root (or the entity) to the fuzzed field's parent. */
  path: Step[];
  /** At a subgraph: the entity type the walk starts from, through `_entities`. */
  entity?: string;
  /** Fields of the entity the subgraph `@requires` for the fuzzed field (given with the representation). */
  requires?: string;
  /** The selection of the fuzzed field's result. */
  selection: string;
}

/** A federation directive on a field of a subgraph schema (`@external`, `@requires`), with its `fields` argument. */
function directiveOf(field: Field, name: string): string | undefined {
  const directive = field.astNode?.directives?.find((d) => d.name.value === name);
  if (!directive) return undefined;
  const fields = directive.arguments?.find((a) => a.name.value === "fields")?.value;
  return fields && fields.kind === "StringValue" ? fields.value : "";
}

const hasRequiredArgs = (field: Field) => field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

/**
 * What the fuzzer selects of a result: its leaves, one object level more, and a connection's
 * edges and nodes (their leaves): enough to run the serializers of what was just written (a date
 * stored but not printable shows there), without walking the whole graph at every run.
 */
export function selectionOf(type: GraphQLType, subgraph: boolean, depth = 0, seen: string[] = []): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  if (isUnionType(named)) {
    return [
      "__typename",
      ...named.getTypes().map((member) => `... on ${member.name} { ${selectionOf(member, subgraph, depth + 1, seen)} }`),
    ].join(" ");
  }
  if (!isObjectType(named)) return "__typename";
  const parts = ["__typename"];
  const connection = /(Connection|Edge)$/.test(named.name);
  for (const field of Object.values(named.getFields())) {
    if (field.name.startsWith("__") || hasRequiredArgs(field)) continue;
    // At a subgraph, another subgraph's fields come in representations only, and `@requires` needs them.
    if (subgraph && (directiveOf(field, "external") !== undefined || directiveOf(field, "requires") !== undefined)) continue;
    const target = getNamedType(field.type);
    if (isLeafType(target)) {
      parts.push(field.name);
      continue;
    }
    const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    if ((depth < 1 || connection) && !seen.includes(target.name) && (!list || field.name === "edges") && depth < 3) {
      const inner = selectionOf(target, subgraph, depth + 1, [...seen, named.name]);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(" ");
}

/**
 * Every field to fuzz: the mutations, and the query fields with arguments, each with the shortest
 * walk to it from the roots. At the gateway the roots are `Query`'s fields; at a subgraph, the
 * entities it resolves (`_entities`), and `_entities` itself is fuzzed with its representations.
 */
export function findTargets(schema: GraphQLSchema, options: { subgraph: boolean; pool: IdPool }): Target[] {
  const targets: Target[] = [];
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    targets.push({
      name: `Mutation.${field.name}`,
      kind: "mutation",
      parent: mutation!,
      field,
      path: [],
      selection: selectionOf(field.type, options.subgraph),
    });
  }
  const query = schema.getQueryType()!;
  // Breadth first from the roots: the first walk to reach a type is a shortest one.
  type Node = { type: GraphQLObjectType; path: Step[]; entity?: string };
  const queue: Node[] = [];
  const reached = new Set<string>();
  if (options.subgraph) {
    const entities = schema.getType("_Entity");
    for (const type of isUnionType(entities) ? entities.getTypes() : []) {
      queue.push({ type, path: [], entity: type.name });
      reached.add(type.name);
    }
    const entitiesField = query.getFields()._entities;
    if (entitiesField) {
      targets.push({
        name: "Query._entities",
        kind: "query",
        parent: query,
        field: entitiesField,
        path: [],
        selection: selectionOf(entitiesField.type, true),
      });
    }
  } else {
    queue.push({ type: query, path: [] });
    reached.add(query.name);
  }
  while (queue.length > 0) {
    const { type, path, entity } = queue.shift()!;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith("_")) continue;
      const external = options.subgraph && directiveOf(field, "external") !== undefined;
      if (external) continue;
      const requires = options.subgraph ? directiveOf(field, "requires") : undefined;
      // A field that `@requires` another subgraph's data is reached at its entity only, where the representation carries it.
      if (requires !== undefined && path.length > 0) continue;
      if (field.args.length > 0) {
        targets.push({
          name: `${type.name}.${field.name}`,
          kind: "query",
          parent: type,
          field,
          path,
          entity,
          requires,
          selection: selectionOf(field.type, options.subgraph),
        });
      }
      const next = getNamedType(field.type);
      if (!isObjectType(next) || reached.has(next.name) || requires !== undefined) continue;
      if (field.args.some((arg) => isNonNullType(arg.type) && isInputObjectType(getNamedType(arg.type)))) continue;
      const args = Object.fromEntries(
        field.args
          .map((arg) => [arg.name, fixedArgument(arg, [type.name, field.name], options.pool)] as const)
          .filter(([, value]) => value !== undefined),
      );
      reached.add(next.name);
      queue.push({ type: next, path: [...path, { field, args }], entity });
    }
  }
  return targets;
}

/** An operation to send. */
export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * A value written as a GraphQL literal, whatever it is: a value its type refuses is still printed
 * (the server must refuse it with a code), an enum value bare when it can be a name.
 */
export function literalOf(value: unknown, type?: GraphQLInputType): string {
  if (value === null || value === undefined) return "null";
  if (type && isNonNullType(type)) return literalOf(value, type.ofType);
  if (type && isListType(type)) {
    return Array.isArray(value) ? `[${value.map((item) => literalOf(item, type.ofType)).join(", ")}]` : literalOf(value, type.ofType);
  }
  if (Array.isArray(value)) return `[${value.map((item) => literalOf(item)).join(", ")}]`;
  if (typeof value === "object") {
    const fields = type && isInputObjectType(type) ? type.getFields() : {};
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([key, item]) => NAME.test(key) && item !== undefined)
      .map(([key, item]) => `${key}: ${literalOf(item, fields[key]?.type)}`)
      .join(", ")}}`;
  }
  if (type && isEnumType(type) && typeof value === "string" && NAME.test(value) && !["true", "false", "null"].includes(value)) return value;
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

const argsText = (args: readonly GraphQLArgument[], values: Record<string, unknown>, literal: boolean) => {
  const parts = args
    .filter((arg) => !literal || values[arg.name] !== undefined)
    .map((arg) => `${arg.name}: ${literal ? literalOf(values[arg.name], arg.type) : `$${arg.name}`}`);
  return parts.length > 0 ? `(${parts.join(", ")})` : "";
};

const stepText = (step: Step) => {
  const args = step.field.args.filter((arg) => step.args[arg.name] !== undefined);
  return args.length > 0
    ? `${step.field.name}(${args.map((arg) => `${arg.name}: ${literalOf(step.args[arg.name], arg.type)}`).join(", ")})`
    : step.field.name;
};

/**
 * The operation that calls a target with these arguments: as variables of the field's own types,
 * or written in the text. At a subgraph, through `_entities` with the given representation.
 */
export function operationFor(
  target: Target,
  args: Record<string, unknown>,
  literal: boolean,
  representation?: Record<string, unknown>,
): Operation {
  const field = target.field;
  const call = `${field.name}${argsText(field.args, args, literal)}`;
  let body = target.selection ? `${call} { ${target.selection} }` : call;
  for (const step of [...target.path].reverse()) body = `${stepText(step)} { ${body} }`;
  const variables: Record<string, unknown> = literal ? {} : { ...args };
  const declared = literal ? [] : field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`);
  if (target.entity) {
    body = `_entities(representations: $representations) { ... on ${target.entity} { ${body} } }`;
    declared.unshift("$representations: [_Any!]!");
    variables.representations = [representation];
  }
  const kind = target.kind === "mutation" ? "mutation" : "query";
  return { query: `${kind} Fuzz${declared.length > 0 ? `(${declared.join(", ")})` : ""} { ${body} }`, variables };
}

/**
 * The representations `_entities` is given: of this cooperative's entities mostly, and of other
 * cooperatives, of nothing, of no type, and values that are not representations at all.
 */
export function representationsArbitrary(schema: GraphQLSchema, pool: IdPool, mode: Mode): fc.Arbitrary<Record<string, unknown>> {
  const union = schema.getType("_Entity");
  const types = (isUnionType(union) ? union.getTypes() : []).map((type) => type.name);
  const idType = schema.getType("ID") as GraphQLInputType;
  const representation = fc.constantFrom(...types).chain((typename) =>
    inputArbitrary(idType, typename === "Cooperative" ? ["cooperative", "id"] : [typename, "id"], pool, mode).map((id) => ({
      __typename: typename,
      id,
    })),
  );
  const junk = fc.oneof(
    fc.constantFrom(
      null,
      "x",
      1,
      {},
      [],
      { __typename: "Person" },
      { id: `${pool.cooperativeId}` },
      { __typename: "NotAType", id: pool.all[0] },
    ),
    fc.constantFrom(...types).map((typename) => ({ __typename: typename, id: { nested: true } })),
  );
  const item = mode === "plausible" ? representation : fc.oneof({ weight: 6, arbitrary: representation }, { weight: 1, arbitrary: junk });
  return fc
    .oneof(
      { weight: 4, arbitrary: fc.array(item, { minLength: 1, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(item, { maxLength: 60 }) },
    )
    .map((representations) => ({ representations }));
}

/** The arguments of a target: by its argument types, or the representations for `_entities`. */
export function targetArbitrary(schema: GraphQLSchema, target: Target, pool: IdPool, mode: Mode): fc.Arbitrary<Record<string, unknown>> {
  if (target.name === "Query._entities") return representationsArbitrary(schema, pool, mode);
  return argumentsArbitrary(target.field.args, [target.parent.name, target.field.name], pool, mode);
}

/** The table a type's records are in (`Invoice` → invoices), to add what a mutation created to the pool. */
export function tableOfType(type: GraphQLNamedType, pool: IdPool): string | undefined {
  return tableFor([type.name], [...pool.byTable.keys()]);
}
