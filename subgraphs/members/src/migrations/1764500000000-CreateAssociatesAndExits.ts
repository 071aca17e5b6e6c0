import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateAssociatesAndExits1764500000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE associates (
        person_id uuid PRIMARY KEY REFERENCES people (id),
        admitted_on date NOT NULL,
        shares integer NOT NULL CHECK (shares > 0),
        share_value_cents bigint NOT NULL CHECK (share_value_cents > 0),
        ended_on date CHECK (ended_on >= admitted_on)
      )`);
    await runner.query(`
      CREATE TABLE exits (
        person_id uuid PRIMARY KEY REFERENCES people (id),
        exited_on date NOT NULL,
        reason text NOT NULL CHECK (reason IN ('OWN_COMPANY', 'SALARIED_JOB', 'TRAINING', 'ABANDONED', 'NOT_VIABLE',
          'RETIREMENT', 'HEALTH_OR_PERSONAL', 'CONTRACT_TERM', 'OTHER')),
        notes text
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE exits`);
    await runner.query(`DROP TABLE associates`);
  }
}
