import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreatePartnersAndReceptions1764600000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PUBLIC_EMPLOYMENT_SERVICE', 'UNEMPLOYMENT_INSURER', 'LABOUR_ADMINISTRATION',
          'LOCAL_AUTHORITY', 'FUNDER', 'BANK', 'BUSINESS_NETWORK', 'OTHER')),
        email text,
        phone text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX partners_name_idx ON partners (name, id)`);
    await runner.query(`
      CREATE TABLE receptions (
        person_id uuid PRIMARY KEY REFERENCES people (id),
        received_on date NOT NULL,
        project_summary text NOT NULL,
        project_progress text NOT NULL CHECK (project_progress IN ('IDEA', 'OUTLINED', 'READY')),
        sector text NOT NULL CHECK (sector IN ('SERVICES', 'CRAFTS', 'MOBILE_TRADE', 'TRAINING', 'BUILDING', 'AGRICULTURE', 'OTHER')),
        decision text NOT NULL CHECK (decision IN ('PENDING', 'ADMITTED', 'ORIENTED')),
        decided_on date CHECK (decided_on >= received_on),
        partner_id uuid REFERENCES partners (id),
        orientation_reason text,
        CHECK ((decision = 'PENDING') = (decided_on IS NULL)),
        CHECK ((decision = 'ORIENTED') = (partner_id IS NOT NULL AND orientation_reason IS NOT NULL))
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE receptions`);
    await runner.query(`DROP TABLE partners`);
  }
}
