import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The whole contract: lifecycle dates and reasons, each kind's terms, renewals of support
 * agreements, amendments of employment contracts and the commitments of objective contracts.
 * "Running" is no longer stored: a signed contract runs from its start date to its end.
 */
export class ContractLifecycle1765200000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE contracts DROP CONSTRAINT IF EXISTS contracts_status_check`);
    await runner.query(`
      ALTER TABLE contracts
        ADD COLUMN signed_on date,
        ADD COLUMN ended_on date,
        ADD COLUMN end_reason text CHECK (end_reason IN ('TERM_REACHED', 'NEXT_CONTRACT', 'RESIGNATION', 'MUTUAL_AGREEMENT',
          'DISMISSAL', 'TRIAL_PERIOD', 'ASSOCIATE_DEADLINE', 'PROJECT_ABANDONED', 'OWN_COMPANY', 'OTHER')),
        ADD COLUMN end_note text,
        ADD COLUMN cancelled_on date,
        ADD COLUMN cancel_reason text,
        ADD COLUMN review_on date,
        ADD COLUMN support_given text,
        ADD COLUMN revenue_goal_cents bigint CHECK (revenue_goal_cents >= 0),
        ADD COLUMN employment_type text CHECK (employment_type IN ('OPEN_ENDED', 'FIXED_TERM')),
        ADD COLUMN variable_pay text,
        ADD COLUMN trial_period_ends_on date,
        ADD COLUMN direct_hire_reason text`);
    // Contracts recorded before: signed on their first day; those past their end ended at term.
    await runner.query(`UPDATE contracts SET signed_on = starts_on WHERE status IN ('SIGNED', 'RUNNING', 'ENDED')`);
    await runner.query(`UPDATE contracts SET ended_on = ends_on, end_reason = 'TERM_REACHED' WHERE status = 'ENDED'`);
    await runner.query(`UPDATE contracts SET status = 'SIGNED' WHERE status = 'RUNNING'`);
    await runner.query(`UPDATE contracts SET employment_type = CASE WHEN ends_on IS NULL THEN 'OPEN_ENDED' ELSE 'FIXED_TERM' END,
      variable_pay = 'Part variable : 100 % du résultat de l''activité après charges directes et contribution, versée en fin d''exercice.'
      WHERE kind = 'EMPLOYMENT'`);
    await runner.query(
      `UPDATE contracts SET support_given = 'Accompagnement individuel et ateliers collectifs.' WHERE kind = 'SUPPORT_AGREEMENT'`,
    );
    await runner.query(`UPDATE contracts SET review_on = COALESCE(ends_on, starts_on + 90) WHERE kind = 'OBJECTIVE'`);
    await runner.query(`
      ALTER TABLE contracts
        ADD CONSTRAINT contracts_status_check CHECK (status IN ('DRAFT', 'SIGNED', 'ENDED', 'CANCELLED')),
        ADD CONSTRAINT contracts_signed_check CHECK ((signed_on IS NULL) = (status IN ('DRAFT', 'CANCELLED'))),
        ADD CONSTRAINT contracts_ended_check CHECK ((ended_on IS NOT NULL AND end_reason IS NOT NULL) = (status = 'ENDED')),
        ADD CONSTRAINT contracts_cancelled_check CHECK ((cancelled_on IS NOT NULL) = (status = 'CANCELLED')),
        ADD CONSTRAINT contracts_employment_check CHECK ((kind = 'EMPLOYMENT') = (employment_type IS NOT NULL AND variable_pay IS NOT NULL)),
        ADD CONSTRAINT contracts_fixed_term_check CHECK (employment_type IS DISTINCT FROM 'FIXED_TERM' OR ends_on IS NOT NULL),
        ADD CONSTRAINT contracts_support_check CHECK ((kind = 'SUPPORT_AGREEMENT') = (support_given IS NOT NULL) AND (kind <> 'SUPPORT_AGREEMENT' OR ends_on IS NOT NULL)),
        ADD CONSTRAINT contracts_objective_check CHECK ((kind = 'OBJECTIVE') = (review_on IS NOT NULL))`);

    await runner.query(`
      CREATE TABLE support_agreement_renewals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts (id),
        number integer NOT NULL CHECK (number BETWEEN 1 AND 2),
        previous_ends_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on > previous_ends_on),
        decided_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (contract_id, number)
      )`);
    await runner.query(`
      CREATE TABLE contract_amendments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts (id),
        number integer NOT NULL CHECK (number >= 1),
        effective_on date NOT NULL,
        monthly_hours numeric(5, 2) NOT NULL CHECK (monthly_hours > 0 AND monthly_hours <= 151.67),
        fixed_monthly_pay_cents bigint NOT NULL CHECK (fixed_monthly_pay_cents >= 0),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (contract_id, number),
        UNIQUE (contract_id, effective_on)
      )`);
    await runner.query(`
      CREATE TABLE objective_commitments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id uuid NOT NULL REFERENCES contracts (id),
        party text NOT NULL CHECK (party IN ('ENTREPRENEUR', 'COOPERATIVE')),
        kind text NOT NULL CHECK (kind IN ('SKILLS', 'OFFER_AND_PRICES', 'MARKET_STUDY', 'LEGAL_INFORMATION', 'OTHER')),
        description text NOT NULL,
        due_on date NOT NULL,
        done_on date,
        position integer NOT NULL,
        UNIQUE (contract_id, position)
      )`);
    await runner.query(`CREATE INDEX contracts_kind_dates_idx ON contracts (kind, starts_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE objective_commitments`);
    await runner.query(`DROP TABLE contract_amendments`);
    await runner.query(`DROP TABLE support_agreement_renewals`);
    await runner.query(`DROP INDEX contracts_kind_dates_idx`);
    for (const name of ["signed", "ended", "cancelled", "employment", "fixed_term", "support", "objective", "status"]) {
      await runner.query(`ALTER TABLE contracts DROP CONSTRAINT contracts_${name}_check`);
    }
    await runner.query(`UPDATE contracts SET status = 'RUNNING' WHERE status = 'SIGNED' AND starts_on <= CURRENT_DATE`);
    await runner.query(`ALTER TABLE contracts ADD CONSTRAINT contracts_status_check
      CHECK (status IN ('DRAFT', 'SIGNED', 'RUNNING', 'ENDED', 'CANCELLED'))`);
    await runner.query(`ALTER TABLE contracts DROP COLUMN signed_on, DROP COLUMN ended_on, DROP COLUMN end_reason, DROP COLUMN end_note,
      DROP COLUMN cancelled_on, DROP COLUMN cancel_reason, DROP COLUMN review_on, DROP COLUMN support_given, DROP COLUMN revenue_goal_cents,
      DROP COLUMN employment_type, DROP COLUMN variable_pay, DROP COLUMN trial_period_ends_on, DROP COLUMN direct_hire_reason`);
  }
}
