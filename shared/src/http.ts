import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GraphQLError } from "graphql";
import type { Attributes, Span } from "@opentelemetry/api";
import { REQUEST_ID_HEADER, requestIdFrom } from "./observability/log";
import { inServerSpan } from "./observability/tracing";

export const DEFAULT_MAX_BODY_BYTES = 1_000_000;

export interface HttpOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  port: number;
  host?: string;
  /** The request's context; `requestId` is the caller's `x-request-id` when well-formed, else a new one. */
  context: (headers: Headers, requestId: string) => Promise<Context>;
  /** The health report served at GET /health: HTTP 200 when `ok`, 503 otherwise. */
  health: () => Promise<{ ok: boolean; [detail: string]: unknown }>;
  /** The Prometheus text served at GET /metrics. */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  maxBodyBytes?: number;
  /** POST /events: a sibling subgraph's delivery of events, answered with the outcome of each. */
  events?: (authorization: string | null, body: unknown) => Promise<{ status: number; body: unknown }>;
  /** Attributes of each GraphQL request's server span (a subgraph's cooperative and name). */
  spanAttributes?: Attributes;
  /** Files given out by GET at their own paths (a finance subgraph's FEC), to callers verified as /graphql verifies them. */
  files?: readonly FileRoute<Context>[];
}

/**
 * A file a service gives out over HTTP, by GET at `path`. The request's context is made by the
 * same `context` function as a GraphQL request's: the same bearer token, verified the same way, and
 * refused the same way (401 without a valid token, 403 for another cooperative's).
 */
export interface FileRoute<Context> {
  path: string;
  serve(context: Context, query: URLSearchParams): Promise<FileAnswer>;
}

export interface FileAnswer {
  status?: number;
  headers: Record<string, string>;
  /**
   * The file: whole, or chunks streamed at the client's pace (the next one is asked for once the
   * last is sent). An error mid-stream cuts the connection: a client never takes half a file for a whole one.
   */
  body: string | Uint8Array | AsyncIterable<string | Uint8Array>;
}

/** The HTTP status of a refused file request, by error code, when the error does not say it. */
const FILE_ERROR_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DEADLINE_EXCEEDED: 504,
};

export interface RunningHttpServer {
  url: string;
  port: number;
  server: Server;
  stop(): Promise<void>;
}

class BodyTooLarge extends Error {}

/** How long a quiet kept-alive connection stays open: longer than the idle time of common load balancers (60 s). */
const KEEP_ALIVE_MS = 65_000;

/**
 * Serves an Apollo server on node:http: POST/GET /graphql, GET /health, and the service's files
 * (`files`, streamed). Apollo's own
 * `executeHTTPGraphQLRequest` does the GraphQL part, so no web framework is needed.
 */
export async function serveHttp<Context extends BaseContext>(options: HttpOptions<Context>): Promise<RunningHttpServer> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Apollo answers GraphQL errors itself: what reaches here is a fault of this server, kept out of the reply.
      console.error(`Error serving ${req.method} ${req.url}:`, error);
      if (!res.headersSent)
        send(res, 500, { "content-type": "application/json" }, JSON.stringify({ errors: [{ message: "Internal server error" }] }));
      else res.end();
    });
  });
  // A kept-alive connection is closed by its client, not by this server: had the server closed it
  // after Node's default 5 s of quiet, a client whose event loop was busy longer (a load balancer,
  // the gateway under load) could send its next request on it as it closed and get ECONNRESET.
  // Clients close theirs sooner: Node's fetch one second before the `Keep-Alive: timeout` we announce.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health" && req.method === "GET") {
      const report = await options.health().catch((error: unknown) => ({ ok: false, error: String(error) }));
      return send(res, report.ok ? 200 : 503, { "content-type": "application/json" }, JSON.stringify(report));
    }
    if (url.pathname === "/metrics" && req.method === "GET" && options.metrics) {
      const { contentType, body } = await options.metrics();
      return send(res, 200, { "content-type": contentType }, body);
    }
    if (url.pathname === "/events" && req.method === "POST" && options.events) {
      let body: unknown;
      try {
        body = await readJson(req, maxBodyBytes);
      } catch (error) {
        const message = error instanceof BodyTooLarge ? `Request body exceeds ${maxBodyBytes} bytes` : "Request body is not valid JSON";
        return send(
          res,
          error instanceof BodyTooLarge ? 413 : 400,
          { "content-type": "application/json" },
          JSON.stringify({ error: message }),
        );
      }
      const answer = await options.events(req.headers.authorization ?? null, body);
      return send(res, answer.status, { "content-type": "application/json" }, JSON.stringify(answer.body));
    }
    const file = options.files?.find((route) => route.path === url.pathname);
    if (file) {
      if (req.method !== "GET") return send(res, 405, { allow: "GET", "content-type": "text/plain" }, "Method not allowed: GET only");
      return inServerSpan(req, res, file.path, options.spanAttributes ?? {}, () => serveFile(file, req, res, url));
    }
    if (url.pathname !== "/graphql") return send(res, 404, { "content-type": "text/plain" }, "Not found: the API is at /graphql");
    // A GraphQL request is traced (probes of /health and /metrics are not): its span's parent is the
    // caller's `traceparent`, and Apollo's execution runs in its context.
    return inServerSpan(req, res, "/graphql", options.spanAttributes ?? {}, (span) => graphql(req, res, url, span));
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, span: Span) {
    let body: unknown;
    try {
      body = req.method === "POST" ? await readJson(req, maxBodyBytes) : undefined;
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      const message = tooLarge ? `Request body exceeds ${maxBodyBytes} bytes` : "Request body is not valid JSON";
      const code = tooLarge ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
      return send(
        res,
        tooLarge ? 413 : 400,
        { "content-type": "application/json" },
        JSON.stringify({ errors: [{ message, extensions: { code } }] }),
      );
    }
    const headers = requestHeaders(req);
    const requestId = requestIdFrom(headers);
    span.setAttribute("cae.request_id", requestId);
    const operationName = (body as { operationName?: unknown } | undefined)?.operationName ?? url.searchParams.get("operationName");
    if (typeof operationName === "string" && operationName) span.setAttribute("graphql.operation.name", operationName.slice(0, 200));
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers: new HeaderMap([...headers]), search: url.search, body },
      context: () => options.context(headers, requestId),
    });
    const responseHeaders = { ...Object.fromEntries(response.headers), [REQUEST_ID_HEADER]: requestId };
    if (response.body.kind === "complete") return send(res, response.status ?? 200, responseHeaders, response.body.string);
    res.writeHead(response.status ?? 200, responseHeaders);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function serveFile(file: FileRoute<Context>, req: IncomingMessage, res: ServerResponse, url: URL) {
    const headers = requestHeaders(req);
    const requestId = requestIdFrom(headers);
    let answer: FileAnswer;
    try {
      answer = await file.serve(await options.context(headers, requestId), url.searchParams);
    } catch (error) {
      if (!(error instanceof GraphQLError) || typeof error.extensions.code !== "string") throw error;
      const { code, http, ...extensions } = error.extensions as { code: string; http?: { status?: number } };
      const status = http?.status ?? FILE_ERROR_STATUS[code] ?? 500;
      const body = JSON.stringify({ errors: [{ message: error.message, extensions: { code, ...extensions } }] });
      return send(res, status, { "content-type": "application/json", [REQUEST_ID_HEADER]: requestId }, body);
    }
    res.writeHead(answer.status ?? 200, { ...answer.headers, [REQUEST_ID_HEADER]: requestId });
    const { body } = answer;
    if (typeof body === "string" || body instanceof Uint8Array) return void res.end(body);
    try {
      await pipeline(Readable.from(body, { objectMode: false }), res);
    } catch (error) {
      // The client went away (nothing to say), or the file failed mid-stream: the connection is cut, the fault logged.
      if ((error as { code?: string }).code !== "ERR_STREAM_PREMATURE_CLOSE") console.error(`Error streaming ${url.pathname}:`, error);
      res.destroy();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string) {
  res.writeHead(status, headers);
  res.end(body);
}

async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text.length === 0 ? undefined : JSON.parse(text);
}
