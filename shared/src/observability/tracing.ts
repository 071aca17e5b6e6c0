import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, type SpanExporter } from "@opentelemetry/sdk-trace-node";
import { ConfigError } from "../errors";
import { RELEASE } from "../release";

/**
 * Traces (OpenTelemetry): one trace per request, from the gateway through every cooperative's
 * subgraph it calls down to their SQL statements, exported over OTLP/HTTP when an endpoint is
 * configured. Without one nothing is registered: the spans below are @opentelemetry/api's no-op.
 *
 * Spans are made by hand where the work is (`serveHttp`, the gateway's `ShardedDataSource`, the
 * database's pg client), never by patching modules as they load; Apollo Gateway makes its own
 * (`gateway.request`, `gateway.plan`, `gateway.fetch`...) through the same API.
 * What goes in a span is chosen attribute by attribute: no variables, no parameter values, no
 * person's data: SQL statements are their text with `$1` placeholders.
 */

/** The tracer of the network's own spans (a proxy: it works whatever registers the provider, and when). */
export const tracer = trace.getTracer("cae-network", RELEASE);

/** The attributes that name a cooperative and a subgraph on spans and on a subgraph's resource. */
export const COOPERATIVE_ATTRIBUTE = "cae.cooperative";
export const SUBGRAPH_ATTRIBUTE = "cae.subgraph";

/** The standard variables that turn tracing on; the OTLP exporter and the SDK read the other `OTEL_*` ones themselves. */
export const TRACING_ENV = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_SDK_DISABLED"] as const;

/** How long stopping may wait for the last spans to leave: a collector that is down must not hold the process. */
const SHUTDOWN_MS = 3000;

export interface TracingOptions {
  /** `service.name`: `gateway`, `members`, `contracts` or `finance`. */
  service: string;
  /** A subgraph's cooperative: the resource attribute `cae.cooperative`. */
  cooperativeId?: string;
  /** Where spans go instead of OTLP (tests: an `InMemorySpanExporter`); tracing is then on whatever the environment says. */
  exporter?: SpanExporter;
  env?: NodeJS.ProcessEnv;
}

export interface Tracing {
  /** Whether a tracer provider was registered (an endpoint was configured, or an exporter given). */
  readonly enabled: boolean;
  /** Sends the spans ended so far. */
  flush(): Promise<void>;
  /** Sends the last spans and unregisters the provider (bounded: a collector that is down does not hold the stop). */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { enabled: false, flush: async () => {}, shutdown: async () => {} };

/**
 * The OTLP/HTTP URL spans are sent to: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as it is, or
 * `OTEL_EXPORTER_OTLP_ENDPOINT` followed by `/v1/traces` (the OTLP specification's rule);
 * `undefined` when neither is set or `OTEL_SDK_DISABLED` is `true`. A value that is not an
 * http(s) URL stops the process with a message naming it.
 */
export function tracesEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return undefined;
  const specific = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const general = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const [name, given] = specific ? ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", specific] : ["OTEL_EXPORTER_OTLP_ENDPOINT", general];
  if (!given) return undefined;
  const value = specific ? specific : `${given.replace(/\/+$/, "")}/v1/traces`;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:"))
    throw new ConfigError(`${name} must be an http(s) URL (an OTLP/HTTP collector, e.g. http://collector:4318), got "${given}"`);
  return url.toString();
}

let registered: NodeTracerProvider | undefined;

/**
 * Registers the process's tracer provider when an OTLP endpoint is configured (or `exporter` is
 * given): spans in batches, the W3C trace context (`traceparent`) to extract and inject, and an
 * AsyncLocalStorage context so that a span started anywhere in a request's work is its child.
 * To be called first thing in a process's entry point, once; otherwise a no-op that costs nothing.
 */
export function startTracing(options: TracingOptions): Tracing {
  const endpoint = options.exporter ? undefined : tracesEndpoint(options.env);
  if (!options.exporter && !endpoint) return OFF;
  if (registered) throw new Error("Tracing is already started in this process");
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: endpoint });
  const resource = defaultResource()
    // OTEL_RESOURCE_ATTRIBUTES (deployment.environment, a region...), under the service's own names.
    .merge(detectResources({ detectors: [envDetector] }))
    .merge(
      resourceFromAttributes({
        "service.name": options.service,
        "service.version": RELEASE,
        ...(options.cooperativeId !== undefined && { [COOPERATIVE_ATTRIBUTE]: options.cooperativeId }),
      }),
    );
  // The sampler is the SDK's default, parent-based (a subgraph follows the gateway's decision),
  // or OTEL_TRACES_SAMPLER's; the batches follow OTEL_BSP_*.
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter)] });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  registered = provider;
  return {
    enabled: true,
    flush: () => provider.forceFlush(),
    async shutdown() {
      if (registered !== provider) return;
      registered = undefined;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_MS).unref()));
      await Promise.race([provider.shutdown().catch(() => {}), late]);
      clearTimeout(timer);
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/**
 * The span of one HTTP request a server answers: its parent is the caller's `traceparent` (the
 * gateway's call span, for a subgraph), and `work` runs in its context, so the spans of the work
 * (Apollo Gateway's, the calls to subgraphs, SQL statements) are its children. The span ends when
 * the response is closed, with its status code (an error status from 500).
 */
export function inServerSpan<T>(
  request: { method?: string; headers: Record<string, string | string[] | undefined> },
  response: { statusCode: number; once(event: "close", listener: () => void): unknown },
  route: string,
  attributes: Attributes,
  work: (span: Span) => T,
): T {
  const parent = propagation.extract(context.active(), request.headers);
  const method = request.method ?? "GET";
  const span = tracer.startSpan(
    `${method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { "http.request.method": method, "http.route": route, "url.path": route, ...attributes } },
    parent,
  );
  if (span.isRecording())
    response.once("close", () => {
      span.setAttribute("http.response.status_code", response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${response.statusCode}` });
      span.end();
    });
  return context.with(trace.setSpan(parent, span), () => work(span));
}

/** Writes the active span's context (`traceparent`) into the headers of an outgoing call. */
export function injectTraceContext(headers: Record<string, string>): void {
  propagation.inject(context.active(), headers);
}

/**
 * A span for one SQL statement, child of the active span; none when no recorded span is active
 * (migrations at start, `/health`'s probe): statements are traced as part of a request only.
 * Its attributes are the statement's text (its values are `$n` parameters, never recorded) and
 * its first keyword.
 */
export function startStatementSpan(text: string): Span | undefined {
  const active = context.active();
  if (!trace.getSpan(active)?.isRecording()) return undefined;
  const operation = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? "SQL";
  return tracer.startSpan(
    operation,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "db.system": "postgresql",
        "db.system.name": "postgresql",
        "db.operation.name": operation,
        "db.query.text": text,
      },
    },
    active,
  );
}

/** Ends a statement's span, with an error status when it failed (the database's error code, not its message). */
export function endStatementSpan(span: Span, error?: unknown): void {
  if (error) {
    const code = (error as { code?: unknown }).code;
    span.setAttributes({ "error.type": typeof code === "string" ? code : error instanceof Error ? error.name : "error" });
    if (typeof code === "string") span.setAttribute("db.response.status_code", code);
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}
