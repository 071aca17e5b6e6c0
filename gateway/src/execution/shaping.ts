import { ERRORS } from "@apollo/federation-internals";
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  valueFromASTUntyped,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * The shaping of a federated answer, compiled once per operation. After its fetches, Apollo
 * Gateway walks the operation over the merged data (`computeResponse`): it keeps only the fields
 * the client asked for, under their aliases, checks leaf values and `__typename`, and carries a
 * null up to the nearest nullable field. It does so through the federation library's objects on
 * every request, looking up `@skip` and `@include` on each field of each object; in the gateway's
 * CPU profile that walk was its largest single cost. Here the same rules run over a tree built
 * once from the operation: each field's response name, type and conditions resolved in advance.
 *
 * The rules, messages and error codes are Apollo Gateway 2.14's (`resultShaping.ts`);
 * `execution.test.ts` checks the two give the same answer on the same data.
 */

/** `@skip(if:)` or `@include(if:)`: a literal, or a variable's name. */
type Condition = { skip: boolean; value: boolean | string };

interface FieldSelection {
  kind: "field";
  responseName: string;
  /** `__typename`, under its own name or an alias. */
  typename: boolean;
  type: GraphQLOutputType;
  selections: Selection[] | undefined;
  conditions: Condition[] | undefined;
}

interface FragmentSelection {
  kind: "fragment";
  typeCondition: GraphQLCompositeType | undefined;
  selections: Selection[];
  conditions: Condition[] | undefined;
}

type Selection = FieldSelection | FragmentSelection;

export interface CompiledShape {
  readonly schema: GraphQLSchema;
  readonly root: GraphQLCompositeType;
  readonly selections: Selection[];
  /** The operation's variables' defaults. */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** Whether a `@skip` or `@include` names a variable: only then does shaping read them. */
  readonly readsVariables: boolean;
}

/** Why an operation is left to Apollo Gateway's own executor. */
export class NotCompiled extends Error {}

/** The shape of an operation's answer; throws `NotCompiled` for what only Apollo's executor handles (introspection). */
export function compileShape(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): CompiledShape {
  const root = schema.getRootType(operation.operation);
  if (!root) throw new NotCompiled(`The schema has no ${operation.operation} type`);
  let namesVariable = false;
  const conditionsOf = (directives: readonly DirectiveNode[] | undefined) => {
    const conditions: Condition[] = [];
    for (const directive of directives ?? []) {
      const name = directive.name.value;
      if (name !== "skip" && name !== "include") continue;
      const argument = directive.arguments?.find((candidate) => candidate.name.value === "if");
      if (!argument) throw new NotCompiled(`@${name} without its argument`);
      const { value } = argument;
      if (value.kind === Kind.VARIABLE) {
        namesVariable = true;
        conditions.push({ skip: name === "skip", value: value.name.value });
      } else if (value.kind === Kind.BOOLEAN) conditions.push({ skip: name === "skip", value: value.value });
      else throw new NotCompiled(`@${name} with a ${value.kind} argument`);
    }
    return conditions.length > 0 ? conditions : undefined;
  };
  const compile = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, spread: ReadonlySet<string>): Selection[] =>
    selectionSet.selections.map((node): Selection => {
      if (node.kind === Kind.FIELD) {
        const fieldName = node.name.value;
        const responseName = node.alias?.value ?? fieldName;
        // The answer's objects are plain ones, for speed (the encoder's too): an alias that would
        // set one's prototype stays with Apollo's, whose objects have none.
        if (responseName === "__proto__") throw new NotCompiled("An alias named __proto__");
        if (fieldName === "__typename") {
          return {
            kind: "field",
            responseName,
            typename: true,
            type: parent,
            selections: undefined,
            conditions: conditionsOf(node.directives),
          };
        }
        if (fieldName.startsWith("__")) throw new NotCompiled(`Introspection (${fieldName})`);
        if (isUnionType(parent)) throw new NotCompiled(`Field ${fieldName} on union ${parent.name}`);
        const definition = parent.getFields()[fieldName];
        if (!definition) throw new NotCompiled(`No field ${parent.name}.${fieldName}`);
        const named = getNamedType(definition.type);
        return {
          kind: "field",
          responseName,
          typename: false,
          type: definition.type,
          selections: node.selectionSet && isCompositeType(named) ? compile(node.selectionSet, named, spread) : undefined,
          conditions: conditionsOf(node.directives),
        };
      }
      const fragment = node.kind === Kind.FRAGMENT_SPREAD ? fragments[node.name.value] : node;
      if (!fragment) throw new NotCompiled(`Unknown fragment ${node.kind === Kind.FRAGMENT_SPREAD ? node.name.value : ""}`);
      if (node.kind === Kind.FRAGMENT_SPREAD && spread.has(node.name.value))
        throw new NotCompiled(`Fragment ${node.name.value} spreads itself`);
      const typeCondition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : undefined;
      if (fragment.typeCondition && !isCompositeType(typeCondition))
        throw new NotCompiled(`Unknown type ${fragment.typeCondition.name.value}`);
      const inner = node.kind === Kind.FRAGMENT_SPREAD ? new Set([...spread, node.name.value]) : spread;
      const conditions = conditionsOf(node.directives);
      return {
        kind: "fragment",
        typeCondition: typeCondition as GraphQLCompositeType | undefined,
        selections: compile(fragment.selectionSet, (typeCondition as GraphQLCompositeType | undefined) ?? parent, inner),
        conditions,
      };
    });
  const selections = compile(operation.selectionSet, root, new Set());
  const defaults = Object.create(null) as Record<string, unknown>;
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  return { schema, root, selections, defaults, readsVariables: namesVariable };
}

interface Walk {
  schema: GraphQLSchema;
  variables: Record<string, unknown> | undefined;
  errors: GraphQLError[];
  path: (string | number)[];
  /** Set by `updateValue` for the value it has just returned. */
  invalid: boolean;
  hasErrors: boolean;
}

const OK = 0;
const NULL_BUBBLE_UP = 1;

/** The client's answer from the merged data of the fetches: `data` null when a null reached the root. */
export function shapeResponse(
  shape: CompiledShape,
  input: Record<string, unknown>,
  variables: Record<string, unknown> | undefined,
): { data: Record<string, unknown> | null; errors: GraphQLError[] } {
  const walk: Walk = {
    schema: shape.schema,
    variables: shape.readsVariables ? { __proto__: null, ...shape.defaults, ...variables } : undefined,
    errors: [],
    path: [],
    invalid: false,
    hasErrors: false,
  };
  const data: Record<string, unknown> = {};
  const result = applySelections(walk, input, shape.selections, data, shape.root);
  return { data: result === NULL_BUBBLE_UP ? null : data, errors: walk.errors };
}

function skipped(conditions: Condition[], variables: Record<string, unknown> | undefined): boolean {
  for (const { skip, value } of conditions) {
    let holds = value;
    if (typeof value === "string") {
      holds = variables?.[value] as boolean;
      if (typeof holds !== "boolean")
        throw new Error(`Unexpected value ${String(holds)} for variable $${value} of @${skip ? "skip" : "include"}`);
    }
    if (holds === skip) return true;
  }
  return false;
}

const own = (object: Record<string, unknown>, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);

/** Whether an object of a type meets a type condition: it is of that type, or the condition is an abstract type it belongs to. */
export function meetsCondition(schema: GraphQLSchema, condition: GraphQLNamedType, type: GraphQLNamedType): boolean {
  return (
    type === condition || (isAbstractType(condition) && (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type))
  );
}

/** Whether a fragment's type condition holds for an object: the type its `__typename` names, else the field's. */
function applies(
  schema: GraphQLSchema,
  condition: GraphQLCompositeType | undefined,
  typename: unknown,
  parent: GraphQLCompositeType,
): boolean {
  if (!condition) return true;
  const type = typeof typename === "string" && typename ? schema.getType(typename) : parent;
  return !!type && meetsCondition(schema, condition, type);
}

function applySelections(
  walk: Walk,
  input: Record<string, unknown>,
  selections: Selection[],
  output: Record<string, unknown>,
  parent: GraphQLCompositeType,
): number {
  for (const selection of selections) {
    if (selection.conditions && skipped(selection.conditions, walk.variables)) continue;
    if (selection.kind === "fragment") {
      const typename = input.__typename;
      if (applies(walk.schema, selection.typeCondition, typename, parent)) {
        if (applySelections(walk, input, selection.selections, output, selection.typeCondition ?? parent) === NULL_BUBBLE_UP)
          return NULL_BUBBLE_UP;
      }
      continue;
    }
    const { responseName } = selection;
    const outputValue = output[responseName];
    let inputValue = own(input, responseName) ?? null;
    if (selection.typename) {
      if (outputValue === undefined) {
        if (inputValue === null && responseName !== "__typename") inputValue = input.__typename ?? null;
        const type = typeof inputValue === "string" ? (walk.schema.getType(inputValue) ?? parent) : parent;
        if (!isObjectType(type)) return NULL_BUBBLE_UP;
        output[responseName] = type.name;
      }
      continue;
    }
    walk.path.push(responseName);
    output[responseName] = updateValue(walk, outputValue, selection.type, inputValue, selection.selections, parent);
    walk.path.pop();
    if (walk.invalid) return NULL_BUBBLE_UP;
  }
  return OK;
}

function describeLast(path: (string | number)[], type: GraphQLOutputType, parent: GraphQLCompositeType): string {
  const last = path[path.length - 1];
  return typeof last === "string" ? `field ${parent.name}.${last}` : `array element of type ${String(type)} at index ${last}`;
}

/**
 * A value of the answer, from the merged data at its place. What Apollo returns as an object per
 * value (`{ updated, isInvalid, hasErrors }`) is set on the walk instead: one object per leaf of
 * every answer was garbage for the collector.
 *   `walk.invalid`: a null where the schema says never, to be carried up;
 *   `walk.hasErrors`: an error already said for this value (no second one on its way up).
 */
function updateValue(
  walk: Walk,
  outputValue: unknown,
  type: GraphQLOutputType,
  inputValue: unknown,
  selections: Selection[] | undefined,
  parent: GraphQLCompositeType,
): unknown {
  walk.invalid = false;
  walk.hasErrors = false;
  if (outputValue === null || (outputValue !== undefined && !selections)) return outputValue;
  if (isNonNullType(type)) {
    const updated = updateValue(walk, outputValue, type.ofType, inputValue, selections, parent);
    if (updated === null) {
      if (!walk.hasErrors) {
        walk.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describeLast(walk.path, type.ofType, parent)}.`, {
            path: Array.from(walk.path),
          }),
        );
      }
      walk.invalid = true;
      walk.hasErrors = true;
      return null;
    }
    walk.invalid = false;
    walk.hasErrors = false;
    return updated;
  }
  if (inputValue === null) return null;
  if (isListType(type)) {
    if (!Array.isArray(inputValue))
      throw new Error(`Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${String(type)}`);
    const outputList = outputValue === undefined ? new Array<unknown>(inputValue.length).fill(undefined) : (outputValue as unknown[]);
    if (!Array.isArray(outputList) || outputList.length !== inputValue.length)
      throw new Error(`List of ${String(type)} merged with a list of another length`);
    let nullify = false;
    let hasErrors = false;
    const updated = new Array<unknown>(outputList.length);
    for (let index = 0; index < outputList.length; index++) {
      walk.path.push(index);
      updated[index] = updateValue(walk, outputList[index], type.ofType, inputValue[index], selections, parent);
      walk.path.pop();
      nullify ||= walk.invalid;
      hasErrors ||= walk.hasErrors;
    }
    walk.invalid = false;
    walk.hasErrors = hasErrors;
    return nullify ? null : updated;
  }
  if (isCompositeType(type)) {
    if (typeof inputValue !== "object")
      throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(type)}`);
    const object = inputValue as Record<string, unknown>;
    const typename = object.__typename;
    if (typename !== undefined && typeof typename !== "string")
      throw new Error(`Invalid non-string value ${String(typename)} for __typename at ${walk.path.join(",")}`);
    let runtime: GraphQLCompositeType = type;
    if (typename) {
      const named = walk.schema.getType(typename);
      if (!named || !isCompositeType(named)) {
        walk.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describeLast(walk.path, type, parent)}.`, {
            path: Array.from(walk.path),
          }),
        );
        walk.hasErrors = true;
        return null;
      }
      runtime = named;
    }
    const outputObject = outputValue === undefined ? {} : (outputValue as Record<string, unknown>);
    const bubbled = applySelections(walk, object, selections!, outputObject, runtime) === NULL_BUBBLE_UP;
    walk.invalid = false;
    walk.hasErrors = bubbled;
    return bubbled ? null : outputObject;
  }
  const valid = isValidLeaf(inputValue, type);
  if (!valid) {
    walk.errors.push(
      ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describeLast(walk.path, type, parent)}.`, { path: Array.from(walk.path) }),
    );
  }
  walk.hasErrors = !valid;
  return valid ? inputValue : null;
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const BUILT_IN = new Set(["Int", "Float", "String", "Boolean", "ID"]);

/** A leaf value a subgraph may return for its type, as Apollo's `isValidLeafValue` has it: custom scalars take anything. */
function isValidLeaf(value: unknown, type: GraphQLOutputType): boolean {
  if (isEnumType(type)) return typeof value === "string" && type.getValue(value) !== undefined;
  const name = (type as { name: string }).name;
  if (!BUILT_IN.has(name)) return true;
  if (typeof value === "boolean") return name === "Boolean";
  if (typeof value === "number" && Number.isFinite(value))
    return name === "Int" || name === "ID" ? INTEGER.test(String(value)) : name === "Float";
  if (typeof value === "string") return name !== "Boolean" && name !== "Int" && name !== "Float";
  return false;
}
