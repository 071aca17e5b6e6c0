import { request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";
import { pipeline } from "node:stream/promises";
import { GraphQLError } from "graphql";
import {
  COOPERATIVE_ATTRIBUTE,
  inServerSpan,
  injectTraceContext,
  REQUEST_ID_HEADER,
  requestIdFrom,
  type Caller,
  type Logger,
} from "@cae/shared";
import { findCooperative, type Registry } from "./registry/registry";

/**
 * A cooperative's files through the gateway (docs/books.md, "The FEC"):
 * `GET /cooperatives/<cooperative>/exports/<file>` is forwarded to that cooperative's finance
 * subgraph at `/exports/<file>`, with the caller's token, and its answer streamed back as it comes:
 * the gateway holds one chunk at a time, whatever the file's size.
 */
export interface ExportsOptions {
  registry: Registry;
  /** The caller of a request, verified as for /graphql (the network's service credential refused). */
  authenticate(authorization: string | null, requestId: string): Promise<Caller>;
  logger: Logger;
  /**
   * How long the subgraph may stay silent: before its first byte (it checks the whole FEC before
   * sending it) and between two chunks. Longer than a GraphQL request's deadline: a year of books
   * takes seconds to check.
   */
  idleTimeoutMs?: number;
}

export const DEFAULT_EXPORT_IDLE_MS = 120_000;

const EXPORT_PATH = /^\/cooperatives\/([^/]+)\/exports\/([a-z0-9][a-z0-9.-]*)$/;
/** The subgraph's headers the client gets: what the file is, not how the subgraph runs. */
const FORWARDED_HEADERS = ["content-type", "content-disposition", "cache-control", "x-fec-entries", "x-fec-lines"];

function refuse(res: ServerResponse, status: number, code: string, message: string, requestId: string, extensions = {}) {
  res
    .writeHead(status, { "content-type": "application/json", [REQUEST_ID_HEADER]: requestId })
    .end(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
}

/** Serves an export request; false when the path is not one (another route answers it). */
export async function serveExport(req: IncomingMessage, res: ServerResponse, options: ExportsOptions): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const match = EXPORT_PATH.exec(url.pathname);
  if (!match) return false;
  const [, cooperativeId, file] = match;
  await inServerSpan(req, res, "/cooperatives/{cooperative}/exports/{file}", { [COOPERATIVE_ATTRIBUTE]: cooperativeId }, () =>
    forward(req, res, url, cooperativeId, file, options),
  );
  return true;
}

async function forward(req: IncomingMessage, res: ServerResponse, url: URL, cooperativeId: string, file: string, options: ExportsOptions) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const requestId = requestIdFrom(headers);
  if (req.method !== "GET") {
    res.writeHead(405, { allow: "GET", "content-type": "text/plain", [REQUEST_ID_HEADER]: requestId }).end("Method not allowed: GET only");
    return;
  }
  let caller: Caller;
  try {
    caller = await options.authenticate(headers.get("authorization"), requestId);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const { code, http } = error.extensions as { code?: string; http?: { status?: number } };
    return refuse(res, http?.status ?? 401, code ?? "UNAUTHENTICATED", error.message, requestId);
  }
  const cooperative = findCooperative(options.registry, cooperativeId);
  if (!cooperative) return refuse(res, 404, "NOT_FOUND", `No cooperative "${cooperativeId}" in the network's registry`, requestId);
  // The subgraph decides again (and on the role); this spares it callers who are not of this cooperative at all.
  if (caller.cooperativeId !== cooperativeId) {
    return refuse(res, 403, "FORBIDDEN", `The files of cooperative "${cooperativeId}" are its own administrators'`, requestId);
  }
  const target = new URL(`/exports/${file}${url.search}`, cooperative.subgraphs.finance);
  const outgoing: Record<string, string> = { authorization: headers.get("authorization") ?? "", [REQUEST_ID_HEADER]: requestId };
  injectTraceContext(outgoing);
  const idleMs = options.idleTimeoutMs ?? DEFAULT_EXPORT_IDLE_MS;

  const upstream = await new Promise<IncomingMessage | Error>((resolve) => {
    const call = (target.protocol === "https:" ? httpsRequest : httpRequest)(target, { method: "GET", headers: outgoing }, resolve);
    call.setTimeout(idleMs, () =>
      call.destroy(Object.assign(new Error(`no byte from the subgraph within ${idleMs} ms`), { name: "TimeoutError" })),
    );
    call.on("error", resolve);
    // The client went away before the subgraph answered: stop asking it.
    res.once("close", () => call.destroy());
    call.end();
  });
  if (upstream instanceof Error) {
    options.logger.warn({ requestId, cooperativeId, file, reason: upstream.message }, "export not forwarded");
    return upstream.name === "TimeoutError"
      ? refuse(res, 504, "DEADLINE_EXCEEDED", `Cooperative "${cooperativeId}" did not answer within ${idleMs} ms`, requestId, {
          cooperativeId,
        })
      : refuse(res, 502, "COOPERATIVE_UNAVAILABLE", `Cooperative "${cooperativeId}" is unavailable`, requestId, { cooperativeId });
  }
  const forwarded: Record<string, string> = { [REQUEST_ID_HEADER]: requestId };
  for (const name of FORWARDED_HEADERS) {
    const value = upstream.headers[name];
    if (typeof value === "string") forwarded[name] = value;
  }
  res.writeHead(upstream.statusCode ?? 502, forwarded);
  try {
    // At the client's pace: the subgraph's socket is read only as fast as the client takes the bytes.
    await pipeline(upstream, res);
  } catch (error) {
    // The subgraph cut the file (it failed mid-way) or the client left: the client's connection is cut too, never ended as if whole.
    options.logger.warn({ requestId, cooperativeId, file, reason: (error as Error).message }, "export cut short");
    upstream.destroy();
    res.destroy();
  }
}

/** Puts the cooperatives' exports in front of a server's other routes. */
export function mountExports(server: Server, options: ExportsOptions) {
  const others = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    serveExport(req, res, options)
      .then((served) => {
        if (!served) for (const listener of others) listener.call(server, req, res);
      })
      .catch((error: unknown) => {
        options.logger.error({ err: error }, "export failed");
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("Internal server error");
        else res.destroy();
      });
  });
}
