import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import type { SubgraphName } from "../config";
import type { Logger } from "../observability/log";
import type { CooperativeEvent, EventTopic } from "./catalog";
import type { EventOutcome } from "./inbox";
import type { SiblingAuth } from "./sibling-auth";
import { updatedRows } from "../database";

export interface DispatchSettings {
  /** Rejections of one event before it is parked (kept with its reason, no longer sent). */
  maxAttempts: number;
  /** Events per delivery request. */
  batchSize: number;
  /**
   * How often the outbox is read when nothing woke the dispatcher: other processes (replicas on a
   * shared PostgreSQL server) may have written to it. 0: never (a subgraph alone on its database
   * is woken by its own commits).
   */
  pollMs: number;
  /** The longest wait before a new try, after repeated failures. */
  maxBackoffMs: number;
}

export const DEFAULT_DISPATCH_SETTINGS: DispatchSettings = { maxAttempts: 10, batchSize: 100, pollMs: 0, maxBackoffMs: 60_000 };

/** What the outbox holds for one sibling, for `/health` and the metrics. */
export interface DestinationReport {
  /** Whether this subgraph knows where the sibling is (its URL is configured). */
  addressed: boolean;
  /** Events waiting to be delivered (parked ones excluded). */
  backlog: number;
  /** When the oldest waiting event was written; null when none waits. */
  oldestUndeliveredAt: string | null;
  /** Events that kept failing and are no longer sent (docs/operations.md says how to send them again). */
  parked: number;
  /** Why the last delivery failed, while the sibling does not answer. */
  unreachable?: { since: string; error: string };
}

export type EventsReport = Partial<Record<SubgraphName, DestinationReport>>;

/** The delay before try number `attempt` (1, 2, ...): doubling from half a second, with jitter, up to `max`. */
export const backoffMs = (attempt: number, max: number): number =>
  Math.min(max, 500 * 2 ** Math.min(attempt - 1, 20)) * (0.75 + Math.random() / 2);

interface Destination {
  name: SubgraphName;
  url?: string;
  running: boolean;
  again: boolean;
  timer?: NodeJS.Timeout;
  failures: number;
  unreachable?: { since: string; error: string };
  /** While the sibling does not answer: no try before this time, whatever wakes the dispatcher. */
  retryAt?: number;
}

interface OutboxRow {
  seq: string;
  id: string;
  topic: EventTopic;
  subject: string;
  payload: CooperativeEvent["payload"];
  occurred_at: Date;
}

/** The events endpoint of a sibling, from its GraphQL URL or its base URL. */
export const eventsUrlOf = (url: string): string => new URL("/events", url).toString();

/**
 * Delivers this subgraph's outbox to its siblings: at least once, in order per subject (the
 * person), retried with backoff while a sibling is down, each event parked after `maxAttempts`
 * rejections. One dispatcher per destination works at a time, whatever the number of replicas
 * (a lease row in the database).
 */
export class EventDispatcher {
  private readonly destinations = new Map<SubgraphName, Destination>();
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private poll?: NodeJS.Timeout;
  private stopped = false;
  /** Aborts the deliveries in flight when the subgraph stops. */
  private readonly stopping = new AbortController();
  delivered = 0;
  rejected = 0;

  constructor(
    private readonly options: {
      db: DataSource;
      subgraph: SubgraphName;
      destinations: readonly SubgraphName[];
      auth: SiblingAuth;
      logger: Logger;
      settings: DispatchSettings;
    },
  ) {
    for (const name of options.destinations) this.destinations.set(name, { name, running: false, again: false, failures: 0 });
  }

  /** Where each sibling answers (its GraphQL or base URL); a sibling without one keeps its events waiting. */
  setSiblings(urls: Partial<Record<SubgraphName, string>>): void {
    for (const [name, url] of Object.entries(urls) as [SubgraphName, string | undefined][]) {
      const destination = this.destinations.get(name);
      if (!destination || !url) continue;
      // A new address is tried at once.
      if (destination.url !== eventsUrlOf(url)) destination.retryAt = undefined;
      destination.url = eventsUrlOf(url);
    }
    this.wake();
  }

  start(): void {
    if (this.options.settings.pollMs > 0) {
      this.poll = setInterval(() => this.wake(), this.options.settings.pollMs);
      this.poll.unref();
    }
    this.wake();
  }

  /** Something was written: deliver it now (a round already running goes round again). */
  wake(): void {
    for (const destination of this.destinations.values()) this.kick(destination);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    clearInterval(this.poll);
    for (const destination of this.destinations.values()) clearTimeout(destination.timer);
    // A round in flight finishes its bookkeeping before the database closes.
    while ([...this.destinations.values()].some((destination) => destination.running))
      await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private kick(destination: Destination): void {
    if (this.stopped) return;
    if (destination.running) {
      destination.again = true;
      return;
    }
    if (!destination.url) return;
    // A sibling that does not answer is tried again when its backoff is over, not at every commit.
    if (destination.retryAt !== undefined && destination.retryAt > Date.now()) return;
    clearTimeout(destination.timer);
    destination.timer = undefined;
    destination.running = true;
    this.round(destination)
      .catch((error: unknown) => {
        // The outbox itself could not be read (the database is closing or failing): try again later.
        this.options.logger.warn({ err: error, destination: destination.name }, "event delivery round failed");
        this.later(destination, backoffMs(++destination.failures, this.options.settings.maxBackoffMs));
      })
      .finally(() => {
        destination.running = false;
        if (destination.again) {
          destination.again = false;
          this.kick(destination);
        }
      });
  }

  private later(destination: Destination, delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(destination.timer);
    destination.timer = setTimeout(
      () => {
        destination.retryAt = undefined;
        this.kick(destination);
      },
      Math.max(0, delayMs),
    );
    destination.timer.unref();
  }

  /** Delivers batches to one sibling until nothing is due, then sleeps until the next retry is due. */
  private async round(destination: Destination): Promise<void> {
    const { db, settings } = this.options;
    for (;;) {
      if (this.stopped) return;
      if (!(await this.lease(destination.name))) return this.later(destination, 5_000);
      const rows: OutboxRow[] = await db.query(
        `SELECT seq, id, topic, subject, payload, occurred_at FROM outbox_events o
          WHERE o.destination = $1 AND o.parked_at IS NULL AND o.next_attempt_at <= now()
            AND NOT EXISTS (SELECT 1 FROM outbox_events e
                             WHERE e.destination = $1 AND e.subject = o.subject AND e.seq < o.seq
                               AND e.parked_at IS NULL AND e.next_attempt_at > now())
          ORDER BY o.seq LIMIT $2`,
        [destination.name, settings.batchSize],
      );
      if (rows.length === 0) {
        const [next] = (await db.query(
          `SELECT EXTRACT(EPOCH FROM (min(next_attempt_at) - now())) * 1000 AS wait_ms FROM outbox_events WHERE destination = $1 AND parked_at IS NULL`,
          [destination.name],
        )) as { wait_ms: string | null }[];
        if (next?.wait_ms != null) this.later(destination, Number(next.wait_ms) + 5);
        return;
      }
      const outcomes = await this.send(destination, rows);
      if (!outcomes) {
        const delay = backoffMs(destination.failures, settings.maxBackoffMs);
        destination.retryAt = Date.now() + delay;
        return this.later(destination, delay);
      }
      await this.record(destination, outcomes);
    }
  }

  private async lease(destination: SubgraphName): Promise<boolean> {
    const rows: unknown[] = await this.options.db.query(
      `INSERT INTO event_dispatch_leases (destination, holder, until) VALUES ($1, $2, now() + interval '30 seconds')
       ON CONFLICT (destination) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
        WHERE event_dispatch_leases.holder = EXCLUDED.holder OR event_dispatch_leases.until < now()
       RETURNING holder`,
      [destination, this.holder],
    );
    return rows.length > 0;
  }

  /** One delivery request; null when the sibling did not answer with outcomes (it is down, or refused us). */
  private async send(destination: Destination, rows: OutboxRow[]): Promise<EventOutcome[] | null> {
    const events: CooperativeEvent[] = rows.map((row) => ({
      id: row.id,
      topic: row.topic,
      subject: row.subject,
      payload: row.payload,
      occurredAt: new Date(row.occurred_at).toISOString(),
    }));
    let error: string;
    try {
      const response = await fetch(destination.url!, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await this.options.auth.tokenFor(destination.name)}` },
        body: JSON.stringify({ events }),
        signal: AbortSignal.any([AbortSignal.timeout(60_000), this.stopping.signal]),
      });
      const body = (await response.json().catch(() => null)) as { outcomes?: EventOutcome[]; error?: string } | null;
      if (response.ok && Array.isArray(body?.outcomes) && body.outcomes.length === rows.length) {
        if (destination.unreachable) {
          this.options.logger.info({ destination: destination.name, since: destination.unreachable.since }, "sibling reachable again");
        }
        destination.failures = 0;
        destination.unreachable = undefined;
        destination.retryAt = undefined;
        return body.outcomes;
      }
      error = `HTTP ${response.status}${body?.error ? `: ${body.error}` : ""}`;
    } catch (caught) {
      // Duck-typed: fetch's errors may come from another realm (a test's VM), where instanceof fails.
      const { message, cause } = caught as { message?: unknown; cause?: { message?: unknown; code?: unknown } };
      error = `${String(message ?? caught)}${cause?.message ? ` (${String(cause.code ?? cause.message)})` : ""}`;
    }
    destination.failures++;
    if (!destination.unreachable) {
      destination.unreachable = { since: new Date().toISOString(), error };
      this.options.logger.warn({ destination: destination.name, error }, "sibling does not take events; they wait in the outbox");
    } else destination.unreachable.error = error;
    return null;
  }

  /** Delivered events leave the outbox; rejected ones wait their backoff, or are parked. */
  private async record(destination: Destination, outcomes: EventOutcome[]): Promise<void> {
    const { db, settings, logger } = this.options;
    const done = outcomes.filter((outcome) => outcome.status === "applied" || outcome.status === "duplicate").map((outcome) => outcome.id);
    if (done.length > 0) {
      await db.query("DELETE FROM outbox_events WHERE destination = $1 AND id = ANY($2::uuid[])", [destination.name, done]);
      this.delivered += done.length;
    }
    for (const outcome of outcomes) {
      if (outcome.status !== "rejected") continue;
      this.rejected++;
      const [row] = updatedRows<{ attempts: number; parked_at: Date | null; topic: string; subject: string }>(
        await db.query(
          `UPDATE outbox_events SET attempts = attempts + 1, last_error = $3,
            parked_at = CASE WHEN attempts + 1 >= $4 THEN now() END,
            next_attempt_at = now() + make_interval(secs => $5::double precision / 1000 * power(2, LEAST(attempts, 20)))
          WHERE destination = $1 AND id = $2 RETURNING attempts, parked_at, topic, subject`,
          [destination.name, outcome.id, outcome.reason.slice(0, 2000), settings.maxAttempts, Math.min(500, settings.maxBackoffMs)],
        ),
      );
      if (row?.parked_at) {
        logger.error(
          { destination: destination.name, event: outcome.id, topic: row.topic, subject: row.subject, reason: outcome.reason },
          "event parked",
        );
      } else {
        logger.warn(
          { destination: destination.name, event: outcome.id, attempts: row?.attempts, reason: outcome.reason },
          "event rejected",
        );
      }
    }
  }

  /** The outbox per sibling, for `/health` and the metrics. */
  async report(): Promise<EventsReport> {
    const rows = (await this.options.db.query(
      `SELECT destination, count(*) FILTER (WHERE parked_at IS NULL) AS backlog,
              min(occurred_at) FILTER (WHERE parked_at IS NULL) AS oldest,
              count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked
         FROM outbox_events GROUP BY destination`,
    )) as { destination: SubgraphName; backlog: string; oldest: Date | null; parked: string }[];
    const report: EventsReport = {};
    for (const destination of this.destinations.values()) {
      const row = rows.find((candidate) => candidate.destination === destination.name);
      report[destination.name] = {
        addressed: destination.url !== undefined,
        backlog: Number(row?.backlog ?? 0),
        oldestUndeliveredAt: row?.oldest ? new Date(row.oldest).toISOString() : null,
        parked: Number(row?.parked ?? 0),
        ...(destination.unreachable && { unreachable: { ...destination.unreachable } }),
      };
    }
    return report;
  }
}
