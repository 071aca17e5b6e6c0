import { Agent, request as httpRequest, type IncomingHttpHeaders, type RequestOptions } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { urlToHttpOptions } from "node:url";
import { LRUCache } from "lru-cache";

/**
 * The HTTP client of the gateway's calls to subgraphs: node:http with keep-alive pools (one per
 * cooperative's subgraph), the body read as one buffer and parsed once. Node's `fetch` goes
 * through WHATWG streams and costs a measurable share of the gateway's CPU per request
 * (docs/benchmarks.md); this is what the gateway's data sources need of it, and no more.
 */
export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

const IDLE_SOCKET_MS = 30_000;

/** A fetch-like function for the cooperatives' data sources; each call's deadline covers its whole exchange. */
export function pooledFetcher(maxSockets = 64) {
  // A quiet pooled connection is closed here after 30 s, well before a subgraph closes it (65 s,
  // shared/src/http.ts): a request is never sent on a socket the other end is closing (ECONNRESET).
  const pool = { keepAlive: true, maxSockets, timeout: IDLE_SOCKET_MS };
  const agents = { http: new Agent(pool), https: new HttpsAgent(pool) };
  return (
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string },
    timeoutMs: number,
  ): Promise<SubgraphResponse> =>
    new Promise((resolve, reject) => {
      const target = targetOf(url);
      const secure = target.protocol === "https:";
      const body = init.body;
      // A string body goes out in the same write as the headers.
      const call = (secure ? httpsRequest : httpRequest)(
        {
          ...target,
          method: init.method ?? "GET",
          agent: secure ? agents.https : agents.http,
          headers: { ...init.headers, ...(body !== undefined && { "content-length": String(Buffer.byteLength(body)) }) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", fail);
          response.on("aborted", () => fail(new Error("the subgraph closed the connection mid-answer")));
          response.on("end", () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString("utf8");
            const status = response.statusCode ?? 0;
            resolve({
              ok: status >= 200 && status < 300,
              status,
              statusText: response.statusMessage ?? "",
              url,
              headers: { get: (name) => headerValue(response.headers, name) },
              json: async () => JSON.parse(text) as unknown,
              text: async () => text,
            });
          });
        },
      );
      function fail(error: Error) {
        clearTimeout(timer);
        call.destroy();
        reject(error);
      }
      const timer = setTimeout(() => {
        const error = new Error(`no answer within ${timeoutMs} ms`);
        error.name = "TimeoutError";
        fail(error);
      }, timeoutMs);
      call.on("error", fail);
      call.end(body);
    });
}

/** Each subgraph URL parsed once: a request goes to one of the few the registry lists. */
const targets = new LRUCache<string, RequestOptions>({ max: 1000 });
function targetOf(url: string): RequestOptions {
  let target = targets.get(url);
  if (!target) targets.set(url, (target = urlToHttpOptions(new URL(url))));
  return target;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name.toLowerCase()];
  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
}
