import { randomUUID } from "node:crypto";
import { EventSubscriber, type DataSource, type EntityManager, type EntitySubscriberInterface, type TransactionCommitEvent } from "typeorm";
import { subscribersOf, type EventPayloads, type EventTopic } from "./catalog";

/** Marks a transaction that wrote events: its commit wakes the dispatcher. */
const WROTE_EVENTS = "caeWroteEvents";

/**
 * Writes an event for every sibling that consumes its topic, in the transaction of the change it
 * tells (the transactional outbox): the change and its event are kept together or not at all. The
 * dispatcher delivers it once the transaction commits.
 */
export async function publishEvent<Topic extends EventTopic>(
  manager: EntityManager,
  topic: Topic,
  subject: string,
  payload: EventPayloads[Topic],
): Promise<string> {
  const id = randomUUID();
  const destinations = subscribersOf(topic);
  await manager.query(
    `INSERT INTO outbox_events (id, destination, topic, subject, payload)
     SELECT $1, destination, $2, $3, $4 FROM unnest($5::text[]) AS destination`,
    [id, topic, subject, JSON.stringify(payload), destinations],
  );
  if (manager.queryRunner) manager.queryRunner.data = { ...manager.queryRunner.data, [WROTE_EVENTS]: true };
  return id;
}

const wakers = new WeakMap<DataSource, () => void>();

/** Registers what to call when a transaction of `db` that wrote events commits (the dispatcher's nudge). */
export function onEventsCommitted(db: DataSource, wake: () => void): void {
  wakers.set(db, wake);
}

/**
 * TypeORM calls this after each commit: an event is sent the moment its change is visible, with
 * no polling for a subgraph alone on its database. (TypeORM takes a class of `subscribers` only if
 * it is decorated.)
 */
@EventSubscriber()
export class EventsCommittedSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    if (!data?.[WROTE_EVENTS]) return;
    delete data[WROTE_EVENTS];
    wakers.get(event.queryRunner.connection)?.();
  }
}
