import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateActivities1764800000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people (id),
        name text NOT NULL,
        trade_name text,
        sector text NOT NULL CHECK (sector IN ('SERVICES', 'CRAFTS', 'MOBILE_TRADE', 'TRAINING', 'BUILDING', 'AGRICULTURE', 'OTHER')),
        naf_code text CHECK (naf_code ~ '^[0-9]{2}\\.[0-9]{2}[A-Z]$'),
        started_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX activities_person_idx ON activities (person_id, started_on, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE activities`);
  }
}
