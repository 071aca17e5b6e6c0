import autocannon from "autocannon";

/**
 * The load of one benchmark run, in its own process so that it never shares a core's time with
 * the gateway it measures: POSTs one operation for a while, each request with the next token of
 * a list (no gateway can answer from an identical request in flight). Prints the figures as JSON.
 * Arguments: a JSON file { url, body, tokens, connections, durationSeconds }.
 */
async function main() {
  const { readFileSync } = await import("node:fs");
  const { url, requests, connections, durationSeconds } = JSON.parse(readFileSync(process.argv[2], "utf8")) as {
    url: string;
    /** Each request's token and body, used in turn. */
    requests: { token: string; body: string }[];
    connections: number;
    durationSeconds: number;
  };
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [
      {
        setupRequest: (request) => {
          const { token, body } = requests[next++ % requests.length];
          return { ...request, body, headers: { ...request.headers, authorization: `Bearer ${token}` } };
        },
      },
    ],
  });
  process.stdout.write(
    JSON.stringify({
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    }),
  );
}

void main();
