import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { randomUUID } from "node:crypto";
import { pino, type DestinationStream, type Logger } from "pino";
import { envVar } from "../env";

export type { Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `LOG_LEVEL`, part of every process's environment schema (README, "Configuration"). */
export const LOG_ENV_SHAPE = {
  LOG_LEVEL: envVar<LogLevel>(
    (value) => ((LOG_LEVELS as readonly string[]).includes(value) ? (value as LogLevel) : undefined),
    (value) => `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${value}"`,
    "info",
  ),
};

/**
 * A process's logger: one JSON object a line on stdout (pino), each with the service and, for a
 * subgraph, its cooperative. What goes in a line is chosen field by field, never a request's
 * variables or an object's data: no person's name, contact or free text is ever logged.
 */
export function createLogger(
  bindings: { service: string; cooperativeId?: string },
  level: LogLevel = "info",
  destination?: DestinationStream,
): Logger {
  const options = { level, base: bindings, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

/** The header that carries a request's ID from the gateway to the subgraphs, and back to the client. */
export const REQUEST_ID_HEADER = "x-request-id";
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request's ID: the caller's when it gave a well-formed one (the gateway's, to a subgraph), else a new one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given !== null && REQUEST_ID.test(given) ? given : randomUUID();
}

interface LoggedContext extends BaseContext {
  requestId?: string;
}

/**
 * One line per GraphQL request: its ID, operation name and type, duration and the codes of its
 * errors. A fault's own line (with its stack) is written by `formatClientError` under its errorId.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<LoggedContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName, operation }) {
          const result = response.body.kind === "single" ? response.body.singleResult : response.body.initialResult;
          const errors = (result.errors ?? []).map((error) => String(error.extensions?.code ?? "UNKNOWN"));
          const line = {
            requestId: contextValue.requestId,
            operation: operationName ?? null,
            type: operation?.operation ?? null,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            ...(errors.length > 0 && { errors }),
          };
          if (errors.includes("INTERNAL_SERVER_ERROR")) logger.error(line, "request failed");
          else logger.info(line, "request");
        },
      };
    },
  };
}

/**
 * Token verification that logs each refusal (its reason, never the token) under the request's ID,
 * then throws it on: the gateway and every subgraph log refused tokens the same way.
 */
export function loggingRefusals<Caller>(
  authenticate: (authorization: string | null) => Promise<Caller>,
  logger: Logger,
): (authorization: string | null, requestId: string) => Promise<Caller> {
  return (authorization, requestId) =>
    authenticate(authorization).catch((error: unknown) => {
      logger.warn({ requestId, reason: error instanceof Error ? error.message : String(error) }, "token refused");
      throw error;
    });
}
