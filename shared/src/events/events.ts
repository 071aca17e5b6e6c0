import type { DataSource } from "typeorm";
import { DEVELOPMENT_EVENTS_SECRET, type EventsConfig, type SubgraphName } from "../config";
import type { Logger } from "../observability/log";
import { destinationsOf } from "./catalog";
import { DEFAULT_DISPATCH_SETTINGS, EventDispatcher, type EventsReport } from "./dispatcher";
import { applyEvents, batchOf, type EventHandlers } from "./inbox";
import { onEventsCommitted } from "./outbox";
import { SiblingAuth } from "./sibling-auth";

/** A subgraph's side of the events: its outbox's dispatcher, and its inbox's HTTP endpoint. */
export interface SubgraphEvents {
  dispatcher: EventDispatcher;
  /** Answers POST /events from a sibling: 401 without a valid sibling token, 400 for a malformed batch. */
  receive(authorization: string | null, body: unknown): Promise<{ status: number; body: unknown }>;
  report(): Promise<EventsReport>;
  setSiblings(urls: Partial<Record<SubgraphName, string>>): void;
  stop(): Promise<void>;
}

export function createSubgraphEvents(options: {
  db: DataSource;
  subgraph: SubgraphName;
  cooperativeId: string;
  handlers: EventHandlers;
  logger: Logger;
  config?: EventsConfig;
}): SubgraphEvents {
  const auth = new SiblingAuth(options.cooperativeId, options.subgraph, options.config?.secret ?? DEVELOPMENT_EVENTS_SECRET);
  const dispatcher = new EventDispatcher({
    db: options.db,
    subgraph: options.subgraph,
    destinations: destinationsOf(options.subgraph),
    auth,
    logger: options.logger,
    settings: { ...DEFAULT_DISPATCH_SETTINGS, ...options.config?.settings },
  });
  onEventsCommitted(options.db, () => dispatcher.wake());
  if (options.config?.siblings) dispatcher.setSiblings(options.config.siblings);
  dispatcher.start();
  return {
    dispatcher,
    async receive(authorization, body) {
      const sender = await auth.senderOf(authorization);
      if (typeof sender !== "string") {
        options.logger.warn({ reason: sender.refused }, "event delivery refused");
        return { status: 401, body: { error: sender.refused } };
      }
      const batch = batchOf(body, sender);
      if (typeof batch === "string") return { status: 400, body: { error: batch } };
      const outcomes = await applyEvents(options.db, options.handlers, batch, options.cooperativeId);
      for (const outcome of outcomes) {
        if (outcome.status === "rejected")
          options.logger.warn({ source: sender, event: outcome.id, reason: outcome.reason }, "event not applied");
      }
      return { status: 200, body: { outcomes } };
    },
    report: () => dispatcher.report(),
    setSiblings: (urls) => dispatcher.setSiblings(urls),
    stop: () => dispatcher.stop(),
  };
}
