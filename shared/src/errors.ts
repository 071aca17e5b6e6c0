import { GraphQLError } from "graphql";

/** The error codes every part of the network uses (docs/architecture.md, "Errors"). */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "COOPERATIVE_UNAVAILABLE"
  | "UNROUTABLE_OPERATION"
  | "DEADLINE_EXCEEDED";

export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** Bad input, naming the offending field (a dotted path into the arguments). */
export const badUserInput = (message: string, field: string) => codedError("BAD_USER_INPUT", message, { field });
export const unauthenticated = (message = "Authentication required") => codedError("UNAUTHENTICATED", message);
export const forbidden = (message: string) => codedError("FORBIDDEN", message);
export const notFound = (message: string) => codedError("NOT_FOUND", message);
/** A forbidden state transition or a clash with existing data. */
export const conflict = (message: string) => codedError("CONFLICT", message);

/** A service's configuration is wrong: it stops at start with this message, which names the setting. */
export class ConfigError extends Error {}
