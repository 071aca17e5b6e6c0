import { Kind, visit, type ASTNode, type DocumentNode, type ValueNode } from "graphql";

/**
 * Calls `found` with every value written in the arguments of `document` and its path into them:
 * `["input", "lines", "0", "label"]` (argument, input fields, list positions). Returning `true`
 * stops the walk. Errors and checks name the field a client wrote, as services' refusals do.
 */
export function visitArgumentValues(document: DocumentNode, found: (node: ValueNode, path: readonly string[]) => boolean | void): void {
  const path: string[] = [];
  const pushed: boolean[] = [];
  let done = false;
  visit(document, {
    enter(node: ASTNode, key, _parent, _path, ancestors) {
      if (done) return false;
      const container = ancestors[ancestors.length - 1];
      const name =
        node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD
          ? node.name.value
          : typeof key === "number" && isNode(container) && container.kind === Kind.LIST
            ? String(key)
            : undefined;
      pushed.push(name !== undefined);
      if (name !== undefined) path.push(name);
      if (path.length > 0 && isValue(node) && found(node, path) === true) done = true;
      return undefined;
    },
    leave() {
      if (pushed.pop()) path.pop();
    },
  });
}

function isNode(value: unknown): value is ASTNode {
  return typeof value === "object" && value !== null && "kind" in value;
}

const VALUE_KINDS: ReadonlySet<Kind> = new Set([
  Kind.VARIABLE,
  Kind.STRING,
  Kind.INT,
  Kind.FLOAT,
  Kind.BOOLEAN,
  Kind.ENUM,
  Kind.NULL,
  Kind.LIST,
  Kind.OBJECT,
]);

function isValue(node: ASTNode): node is ValueNode {
  return VALUE_KINDS.has(node.kind);
}
