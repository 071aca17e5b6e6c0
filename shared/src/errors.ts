import { GraphQLError } from "graphql";

/** The error codes every part of the network uses (docs/architecture.md, "Errors"). */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "COOPERATIVE_UNAVAILABLE"
  | "NETWORK_UNAVAILABLE"
  | "UNROUTABLE_OPERATION"
  | "DEADLINE_EXCEEDED";

export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** Bad input, naming the offending field (a dotted path into the arguments). */
export const badUserInput = (message: string, field: string) => codedError("BAD_USER_INPUT", message, { field });
export const unauthenticated = (message = "Authentication required") => codedError("UNAUTHENTICATED", message);
export const forbidden = (message: string) => codedError("FORBIDDEN", message);
export const notFound = (message: string, field?: string) => codedError("NOT_FOUND", message, field ? { field } : {});
/** A forbidden state transition or a clash with existing data; `field` names the input it is about, when one is. */
export const conflict = (message: string, field?: string) => codedError("CONFLICT", message, field ? { field } : {});

/** A service's configuration is wrong: it stops at start with this message, which names the setting. */
export class ConfigError extends Error {}
