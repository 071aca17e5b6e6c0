import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What the members subgraph learns from its siblings' events (never written by a client): the
 * person's contracts as the contracts subgraph tells them, their activity accounts as finance
 * tells them, and each sibling's part of an erasure.
 */
export class SiblingFacts1766000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE person_contracts (
        contract_id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES people (id),
        kind text NOT NULL,
        employment_type text,
        monthly_hours numeric(5, 2),
        starts_on date NOT NULL,
        last_day date,
        ended boolean NOT NULL
      )`);
    await runner.query(`CREATE INDEX person_contracts_person_idx ON person_contracts (person_id)`);
    await runner.query(`
      CREATE TABLE person_accounts (
        account_id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES people (id),
        opened_on date NOT NULL,
        closed_on date
      )`);
    await runner.query(`CREATE INDEX person_accounts_person_idx ON person_accounts (person_id)`);
    await runner.query(`
      CREATE TABLE erasure_parts (
        person_id uuid NOT NULL REFERENCES people (id),
        subgraph text NOT NULL,
        applied_at timestamptz NOT NULL,
        erased jsonb NOT NULL,
        kept jsonb NOT NULL,
        PRIMARY KEY (person_id, subgraph)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE erasure_parts`);
    await runner.query(`DROP TABLE person_accounts`);
    await runner.query(`DROP TABLE person_contracts`);
  }
}
