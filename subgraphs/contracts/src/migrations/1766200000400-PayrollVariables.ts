import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What payroll needs beyond the contract's terms (docs/payroll.md): the absences of an employment
 * contract (CESA) and the variable part of pay decided for a month. No free text: an absence's
 * kind and dates are what payroll needs, and a reason (an illness) would be health data.
 */
export class PayrollVariables1766200000400 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE employment_absences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts (id),
        kind text NOT NULL CHECK (kind IN ('SICK_LEAVE', 'PAID_LEAVE', 'UNPAID_LEAVE', 'PARENTAL_LEAVE', 'OTHER')),
        from_on date NOT NULL,
        to_on date NOT NULL CHECK (to_on >= from_on),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX employment_absences_contract_idx ON employment_absences (contract_id, from_on)`);
    await runner.query(`
      CREATE TABLE variable_pay_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts (id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
        decided_on date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (contract_id, month)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE variable_pay_decisions`);
    await runner.query(`DROP TABLE employment_absences`);
  }
}
