import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateContracts1764400000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('OBJECTIVE', 'SUPPORT_AGREEMENT', 'EMPLOYMENT')),
        status text NOT NULL CHECK (status IN ('DRAFT', 'SIGNED', 'RUNNING', 'ENDED', 'CANCELLED')),
        starts_on date NOT NULL,
        ends_on date CHECK (ends_on >= starts_on),
        monthly_hours numeric(5, 2) CHECK (monthly_hours > 0 AND monthly_hours <= 151.67),
        fixed_monthly_pay_cents bigint CHECK (fixed_monthly_pay_cents >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'EMPLOYMENT') = (monthly_hours IS NOT NULL AND fixed_monthly_pay_cents IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX contracts_person_idx ON contracts (person_id, starts_on, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE contracts`);
  }
}
