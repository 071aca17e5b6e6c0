import { randomUUID } from "node:crypto";
import { parse, type GraphQLError, type GraphQLFormattedError } from "graphql";
import { visitArgumentValues } from "./argument-paths";

/** What the log keeps of a fault, under the ID the client is given. */
export interface UnexpectedFault {
  errorId: string;
  message: string;
  path?: readonly (string | number)[];
  stack?: string;
}

/**
 * What a client is told of an error, in every process of the network (Apollo's `formatError`).
 *
 * - An error the code meant (it has a code other than `INTERNAL_SERVER_ERROR`) goes out as it is.
 * - An input refused by GraphQL itself (a variable or a literal a scalar does not accept) is
 *   `BAD_USER_INPUT` naming the field, like the services' own refusals.
 * - Anything else is a fault: the client gets `INTERNAL_SERVER_ERROR` and an `errorId`, nothing of
 *   the fault's text (a database message says what the tables are), and the log gets the ID with
 *   the whole error. An error that already has an ID (a subgraph's, through the gateway) keeps it.
 */
export function formatClientError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (fault: UnexpectedFault) => void = (fault) => console.error(JSON.stringify({ level: "error", ...fault })),
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const input = refusedInput(formatted, error);
  if (input) return { ...formatted, extensions: { ...formatted.extensions, code: "BAD_USER_INPUT", field: input } };
  if (code !== undefined && code !== "INTERNAL_SERVER_ERROR") return formatted;
  if (typeof formatted.extensions?.errorId === "string") {
    return {
      message: formatted.message,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR", errorId: formatted.extensions.errorId },
    };
  }
  const errorId = randomUUID();
  const cause = (error as GraphQLError | undefined)?.originalError ?? error;
  log({ errorId, message: formatted.message, path: formatted.path, stack: cause instanceof Error ? cause.stack : undefined });
  return {
    message: `Unexpected error; the service's log holds its details under ${errorId}`,
    ...(formatted.path && { path: formatted.path }),
    extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
  };
}

// graphql-js's words for a variable value a type refuses, with the path inside the variable when there is one.
const VARIABLE_REFUSED =
  /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" (?:got invalid value .*? at "([^"]+)"|got invalid value|has invalid value|of required type|of non-null type)/s;
// graphql-js's words for a literal argument value its type refuses (validation).
const LITERAL_REFUSED = /^(?:Expected value of type|Field "[^"]+" of required type|Expected type)/;

/** The field an input error of GraphQL itself names (a dotted path into the arguments or variables), or null. */
function refusedInput(formatted: GraphQLFormattedError, error: unknown): string | null {
  const code = formatted.extensions?.code;
  if (typeof formatted.extensions?.field === "string") return null;
  const variable = VARIABLE_REFUSED.exec(formatted.message);
  if (variable && (code === "BAD_USER_INPUT" || code === undefined || code === "INTERNAL_SERVER_ERROR")) {
    return variable[2] ? variable[2].replace(/\[(\d+)\]/g, ".$1") : variable[1];
  }
  if (code === "GRAPHQL_VALIDATION_FAILED" && LITERAL_REFUSED.test(formatted.message)) {
    return argumentPathAt(error) ?? "query";
  }
  return null;
}

/** The argument path (`input.lines.0.amount`) of the literal a validation error points at, read again from its source. */
function argumentPathAt(error: unknown): string | null {
  const graphQLError = error as GraphQLError | undefined;
  const offset = graphQLError?.nodes?.[0]?.loc?.start;
  const source = graphQLError?.source?.body;
  if (offset === undefined || source === undefined) return null;
  let found: string | null = null;
  try {
    visitArgumentValues(parse(source), (node, path) => {
      if (node.loc?.start !== offset) return false;
      found = path.join(".");
      return true;
    });
  } catch {
    return null;
  }
  return found;
}
