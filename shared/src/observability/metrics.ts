import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../database";
import type { EventsReport } from "../events/dispatcher";

/** Buckets of a GraphQL request's or a subgraph call's duration, in seconds: 5 ms to 30 s. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * A process's metrics, in the Prometheus format at `/metrics` (prom-client). Each server has a
 * registry of its own (tests run several in one process), labelled with the service and, for a
 * subgraph, its cooperative; the process's own figures (CPU, memory, event loop) are on it too.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<"type" | "outcome">;
  readonly errors: Counter<"code">;
  readonly duration: Histogram<"type">;

  constructor(labels: { service: string; cooperative?: string }, prefix = "cae_") {
    this.registry.setDefaultLabels(labels);
    collectDefaultMetrics({ register: this.registry, prefix });
    this.requests = new Counter({
      name: `${prefix}graphql_requests_total`,
      help: "GraphQL requests answered, by operation type and outcome (ok, or error)",
      labelNames: ["type", "outcome"],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: `${prefix}graphql_errors_total`,
      help: "Errors in GraphQL answers, by code",
      labelNames: ["code"],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: `${prefix}graphql_request_duration_seconds`,
      help: "Time from a GraphQL request's start to its answer",
      labelNames: ["type"],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /** Counts every GraphQL request and its errors by code. */
  plugin(): ApolloServerPlugin<BaseContext> {
    return {
      requestDidStart: async () => {
        const stop = this.duration.startTimer();
        return {
          willSendResponse: async ({ response, operation }) => {
            const type = operation?.operation ?? "unknown";
            const result = response.body.kind === "single" ? response.body.singleResult : response.body.initialResult;
            const errors = result.errors ?? [];
            stop({ type });
            this.requests.inc({ type, outcome: errors.length > 0 ? "error" : "ok" });
            for (const error of errors) this.errors.inc({ code: String(error.extensions?.code ?? "UNKNOWN") });
          },
        };
      },
    };
  }

  /** The `/metrics` answer. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** The database pool's connections at each scrape: in use, idle, and requests waiting for one. */
export function observeDatabasePool(metrics: ServiceMetrics, database: Database): void {
  new Gauge({
    name: "cae_database_pool_connections",
    help: "The database pool's connections: total, idle, and requests waiting for one",
    labelNames: ["state"],
    registers: [metrics.registry],
    collect() {
      // TypeORM's PostgreSQL driver keeps its pg Pool as `master`.
      const pool = (database.dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } })
        .master;
      if (!pool) return;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
}

/**
 * The outbox at each scrape, per sibling: events waiting, the age of the oldest, events parked;
 * and the events delivered and rejected since start. An alert on the oldest event's age catches a
 * sibling down or a stuck event (docs/operations.md).
 */
export function observeEvents(
  metrics: ServiceMetrics,
  events: { report(): Promise<EventsReport>; dispatcher: { delivered: number; rejected: number } },
): void {
  const registers = [metrics.registry];
  // The registry collects the gauges concurrently: they share one reading of the outbox per scrape.
  let reading: Promise<EventsReport> | undefined;
  const report = () => {
    if (!reading) {
      reading = events.report();
      void reading.finally(() => setTimeout(() => (reading = undefined), 100).unref()).catch(() => undefined);
    }
    return reading;
  };
  const perDestination = (name: string, help: string, value: (part: EventsReport[keyof EventsReport] & object) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["destination"],
      registers,
      async collect() {
        for (const [destination, part] of Object.entries(await report())) this.set({ destination }, value(part));
      },
    });
  perDestination("cae_events_backlog", "Events waiting for delivery to a sibling", (part) => part.backlog);
  perDestination(
    "cae_events_oldest_undelivered_seconds",
    "Age of the oldest event waiting for delivery to a sibling (0 when none waits)",
    (part) => (part.oldestUndeliveredAt ? Math.max(0, (Date.now() - Date.parse(part.oldestUndeliveredAt)) / 1000) : 0),
  );
  perDestination("cae_events_parked", "Events parked after repeated rejections", (part) => part.parked);
  new Gauge({
    name: "cae_events_sent",
    help: "Events a sibling applied (or had applied already), and rejections, since start",
    labelNames: ["outcome"],
    registers,
    collect() {
      this.set({ outcome: "delivered" }, events.dispatcher.delivered);
      this.set({ outcome: "rejected" }, events.dispatcher.rejected);
    },
  });
}
