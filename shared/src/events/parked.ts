import type { DataSource } from "typeorm";
import type { SubgraphName } from "../config";
import { updatedRows } from "../database";

export interface ParkedEvent {
  id: string;
  destination: SubgraphName;
  topic: string;
  subject: string;
  occurredAt: string;
  attempts: number;
  lastError: string;
  parkedAt: string;
}

/** The events of this subgraph's outbox that a sibling kept refusing, oldest first. */
export async function parkedEvents(db: DataSource): Promise<ParkedEvent[]> {
  const rows = await db.query<
    {
      id: string;
      destination: SubgraphName;
      topic: string;
      subject: string;
      occurred_at: Date;
      attempts: number;
      last_error: string;
      parked_at: Date;
    }[]
  >(
    `SELECT id, destination, topic, subject, occurred_at, attempts, last_error, parked_at
       FROM outbox_events WHERE parked_at IS NOT NULL ORDER BY seq`,
  );
  return rows.map((row) => ({
    id: row.id,
    destination: row.destination,
    topic: row.topic,
    subject: row.subject,
    occurredAt: new Date(row.occurred_at).toISOString(),
    attempts: row.attempts,
    lastError: row.last_error,
    parkedAt: new Date(row.parked_at).toISOString(),
  }));
}

/**
 * Sends parked events again (once the cause is fixed: a sibling upgraded, a record repaired), to one
 * sibling or all: they take their place in the order they were written, with a fresh count of attempts.
 * Returns how many.
 */
export async function retryParkedEvents(db: DataSource, destination?: SubgraphName): Promise<number> {
  const rows = updatedRows(
    await db.query(
      `UPDATE outbox_events SET parked_at = NULL, attempts = 0, next_attempt_at = now()
      WHERE parked_at IS NOT NULL AND ($1::text IS NULL OR destination = $1) RETURNING 1`,
      [destination ?? null],
    ),
  );
  return rows.length;
}
