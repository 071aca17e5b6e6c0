import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateActivityAccounts1764400000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE activity_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        analytic_code text NOT NULL UNIQUE CHECK (analytic_code ~ '^ACT-[0-9]{4,}$'),
        label text NOT NULL,
        sector text NOT NULL CHECK (sector IN ('SERVICES', 'CRAFTS', 'MOBILE_TRADE', 'TRAINING', 'BUILDING', 'AGRICULTURE', 'OTHER')),
        opened_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX activity_accounts_person_idx ON activity_accounts (person_id, analytic_code)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE activity_accounts`);
  }
}
