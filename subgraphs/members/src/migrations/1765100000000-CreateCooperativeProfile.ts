import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateCooperativeProfile1765100000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // One row: the profile of the cooperative this database belongs to.
    await runner.query(`
      CREATE TABLE cooperative_profile (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        legal_name text NOT NULL,
        legal_form text NOT NULL CHECK (legal_form IN ('SCOP_SA', 'SCOP_SARL', 'SCOP_SAS', 'SCIC_SA', 'SCIC_SARL', 'SCIC_SAS', 'OTHER')),
        siret text NOT NULL CHECK (siret ~ '^[0-9]{14}$'),
        address text NOT NULL,
        region text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE cooperative_profile`);
  }
}
