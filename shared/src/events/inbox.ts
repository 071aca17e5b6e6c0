import type { DataSource, EntityManager } from "typeorm";
import type { SubgraphName } from "../config";
import { EVENT_ROUTES, EVENT_TOPICS, type CooperativeEvent, type EventTopic } from "./catalog";

/** How a subgraph applies an event of a topic it consumes, in the transaction that records it in the inbox. */
export type EventHandler<Topic extends EventTopic = EventTopic> = (
  manager: EntityManager,
  event: CooperativeEvent<Topic>,
  context: { cooperativeId: string; source: SubgraphName },
) => Promise<void>;

export type EventHandlers = { [Topic in EventTopic]?: EventHandler<Topic> };

/** What became of one delivered event. */
export type EventOutcome =
  | { id: string; status: "applied" | "duplicate" }
  | { id: string; status: "rejected"; reason: string }
  /** Not tried: an earlier event of the same subject in the batch was rejected, and order comes first. */
  | { id: string; status: "held" };

export interface EventBatch {
  source: SubgraphName;
  events: CooperativeEvent[];
}

/** Reads a delivery's body; a reason when it is not a batch of events. */
export function batchOf(body: unknown, source: SubgraphName): EventBatch | string {
  const events = (body as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return "the body is { events: [...] }";
  for (const [index, event] of events.entries()) {
    const { id, topic, subject, occurredAt, payload } = (event ?? {}) as Record<string, unknown>;
    if (typeof id !== "string" || !/^[0-9a-f-]{36}$/.test(id)) return `events[${index}].id is an event's uuid`;
    if (typeof topic !== "string" || !EVENT_TOPICS.includes(topic as EventTopic)) return `events[${index}].topic is not a known topic`;
    // A sibling tells only what it owns: finance writes no person's exit.
    if (!(EVENT_ROUTES[topic as EventTopic].from as readonly SubgraphName[]).includes(source)) {
      return `events[${index}].topic ${topic} is not written by ${source}`;
    }
    if (typeof subject !== "string" || subject === "") return `events[${index}].subject is the person's ID`;
    if (typeof occurredAt !== "string") return `events[${index}].occurredAt is a timestamp`;
    if (typeof payload !== "object" || payload === null) return `events[${index}].payload is an object`;
  }
  return { source, events: events as CooperativeEvent[] };
}

/**
 * Applies a batch in order, each event in its own transaction with its inbox row: an event already
 * in the inbox is a duplicate and changes nothing (a redelivery after a crash), and a failed event
 * holds back the later events of its subject, which are sent again after it.
 */
export async function applyEvents(
  db: DataSource,
  handlers: EventHandlers,
  batch: EventBatch,
  cooperativeId: string,
): Promise<EventOutcome[]> {
  const blocked = new Set<string>();
  const outcomes: EventOutcome[] = [];
  for (const event of batch.events) {
    if (blocked.has(event.subject)) {
      outcomes.push({ id: event.id, status: "held" });
      continue;
    }
    const handler = handlers[event.topic] as EventHandler | undefined;
    try {
      if (!handler) throw new Error(`this subgraph does not consume ${event.topic} events`);
      const applied = await db.transaction(async (manager) => {
        const rows: unknown[] = await manager.query(
          "INSERT INTO inbox_events (id, source, topic, subject) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id",
          [event.id, batch.source, event.topic, event.subject],
        );
        if (rows.length === 0) return false;
        await handler(manager, event, { cooperativeId, source: batch.source });
        return true;
      });
      outcomes.push({ id: event.id, status: applied ? "applied" : "duplicate" });
    } catch (error) {
      blocked.add(event.subject);
      outcomes.push({ id: event.id, status: "rejected", reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
