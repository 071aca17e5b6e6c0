import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { Kind, type DocumentNode } from "graphql";
import { visitArgumentValues } from "./argument-paths";
import { codedError } from "./errors";

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a text cannot be stored as it was given, or null: PostgreSQL's text holds no NUL character,
 * and a lone UTF-16 surrogate has no UTF-8 form (it would be stored as U+FFFD, silently changed).
 */
export function unstorableText(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character (U+0000)";
  if (LONE_SURROGATE.test(text)) return "contains a lone UTF-16 surrogate, which is not a character";
  return null;
}

/** A text that cannot be stored: where it is, and why. */
interface Unstorable {
  field: string;
  reason: string;
}

/** The first text of a value (a variable's, walked whole) that cannot be stored, with its dotted path. */
function unstorableIn(value: unknown, path: string): Unstorable | null {
  if (typeof value === "string") {
    const reason = unstorableText(value);
    return reason ? { field: path, reason } : null;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = unstorableIn(value[index], `${path}.${index}`);
      if (found) return found;
    }
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const found = unstorableIn(child, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** The first unstorable text of an operation's variables and literal arguments, as an input error naming it. */
export function unstorableInput(document: DocumentNode, variables: Record<string, unknown> | undefined) {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const found = unstorableIn(value, name);
    if (found) return refusal(found);
  }
  let literal = unstorableLiterals.get(document);
  if (literal === undefined) unstorableLiterals.set(document, (literal = unstorableLiteralOf(document)));
  return literal === null ? null : refusal(literal);
}

/**
 * A document's literals, checked once: Apollo Server keeps each parsed document and hands the same
 * one to every request of the same text, so only the variables change between requests.
 */
const unstorableLiterals = new WeakMap<DocumentNode, Unstorable | null>();

function unstorableLiteralOf(document: DocumentNode): Unstorable | null {
  let literal: Unstorable | null = null;
  visitArgumentValues(document, (node, path) => {
    const reason = node.kind === Kind.STRING ? unstorableText(node.value) : null;
    if (reason) literal = { field: path.join("."), reason };
    return reason !== null;
  });
  // TypeScript does not see the callback assign it: read through the declared type.
  return literal as Unstorable | null;
}

/** Thrown before execution, the refusal says its HTTP status itself (Apollo's default there is 500). */
const refusal = ({ field, reason }: Unstorable) => codedError("BAD_USER_INPUT", `${field} ${reason}`, { field, http: { status: 400 } });

/**
 * Refuses, before anything runs, an operation whose inputs hold text no database can keep: every
 * text of every argument is checked here once, rather than in each service (and a service that
 * forgot would answer with PostgreSQL's own message).
 */
export const storableTextPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const refusal = unstorableInput(document, request.variables);
        if (refusal) throw refusal;
      },
    };
  },
};
