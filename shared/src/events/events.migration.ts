import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The outbox (events this subgraph owes its siblings, one row per destination, deleted once
 * delivered), the inbox (IDs of the events it has applied, so a redelivery applies nothing twice)
 * and the dispatch leases (one dispatcher per destination at a time, whatever the replicas).
 * In every subgraph's own database (each lists this migration).
 */
export class CreateEventTables1766000000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox_events (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL,
        destination text NOT NULL,
        topic text NOT NULL,
        subject text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        parked_at timestamptz,
        UNIQUE (id, destination)
      )`);
    await runner.query(`CREATE INDEX outbox_events_pending_idx ON outbox_events (destination, seq) WHERE parked_at IS NULL`);
    await runner.query(`CREATE INDEX outbox_events_subject_idx ON outbox_events (destination, subject, seq)`);
    await runner.query(`
      CREATE TABLE inbox_events (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL,
        source text NOT NULL,
        topic text NOT NULL,
        subject text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE event_dispatch_leases (
        destination text PRIMARY KEY,
        holder text NOT NULL,
        until timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE event_dispatch_leases`);
    await runner.query(`DROP TABLE inbox_events`);
    await runner.query(`DROP TABLE outbox_events`);
  }
}
