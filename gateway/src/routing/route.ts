import { Kind, valueFromASTUntyped, type DocumentNode, type FieldNode, type OperationDefinitionNode } from "graphql";
import { cooperativeOf, isCooperativeSlug, tryDecodeId } from "@cae/shared";

/** The operation a request runs: the named one, or the only one. */
export function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operationName
    ? operations.find((operation) => operation.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
}

function rootFields(operation: OperationDefinitionNode): FieldNode[] {
  return operation.selectionSet.selections.filter(
    (selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value !== "__typename",
  );
}

/** Whether this is a query planner's entity fetch (`_entities(representations: ...)`). */
export function isEntitiesFetch(operation: OperationDefinitionNode): boolean {
  const fields = rootFields(operation);
  return fields.length > 0 && fields.every((field) => field.name.value === "_entities");
}

/** Entity representations grouped by the cooperative their `id` names, keeping each one's position. */
export function groupRepresentations(
  representations: readonly unknown[],
  isKnown: (cooperativeId: string) => boolean,
): { groups: Map<string, number[]>; unroutable: number[] } {
  const groups = new Map<string, number[]>();
  const unroutable: number[] = [];
  representations.forEach((representation, position) => {
    const id = typeof representation === "object" && representation !== null ? (representation as { id?: unknown }).id : undefined;
    const cooperativeId = cooperativeOf(id);
    if (cooperativeId === null || !isKnown(cooperativeId)) return void unroutable.push(position);
    const group = groups.get(cooperativeId);
    if (group) group.push(position);
    else groups.set(cooperativeId, [position]);
  });
  return { groups, unroutable };
}

export type Route = { cooperativeId: string } | { error: string };

/**
 * The cooperative a root operation (a mutation, or a root query of a subgraph) is for, read from
 * its arguments: every `cooperativeId` (a slug) and every global ID under `id`, `...Id` or
 * `...Ids`, at any depth of an input, must name one and the same cooperative.
 */
export function routeOperation(operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): Route {
  const named = new Set<string>();
  const collect = (value: unknown, key: string | undefined) => {
    if (Array.isArray(value)) return value.forEach((item) => collect(item, key));
    if (typeof value === "object" && value !== null) {
      return Object.entries(value).forEach(([childKey, child]) => collect(child, childKey));
    }
    if (typeof value !== "string" || key === undefined) return;
    if (/^cooperativeIds?$/.test(key)) {
      if (isCooperativeSlug(value)) named.add(value);
    } else if (key === "id" || /Ids?$/.test(key)) {
      const decoded = tryDecodeId(value);
      if (decoded) named.add(decoded.cooperativeId);
    }
  };
  for (const field of rootFields(operation)) {
    for (const argument of field.arguments ?? []) collect(valueFromASTUntyped(argument.value, variables), argument.name.value);
  }
  const [first, ...others] = [...named];
  if (first === undefined) return { error: "The operation names no cooperative: give a cooperativeId or an ID that carries one" };
  if (others.length > 0) {
    return { error: `The operation names several cooperatives (${[...named].join(", ")}): send one operation per cooperative` };
  }
  return { cooperativeId: first };
}
