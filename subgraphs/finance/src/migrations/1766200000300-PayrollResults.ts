import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The payroll bridge's results (docs/payroll.md). `salary_costs` stays the one table the statement
 * reads (one employer cost per account and month), and learns where a figure came from: typed by
 * staff (MANUAL, a total only) or imported from the payroll provider's results (PAYROLL_IMPORT, with
 * gross pay, net pay and employer contributions). A re-import replaces a month's row while the
 * month's books are open; once they are locked, the difference is a new ADJUSTMENT row booked in the
 * first open month (`adjusts_month` names the month it corrects), so that a locked month never moves.
 *
 * The journal is immutable, so what changes in `salary_costs` is posted as differences:
 * `salary_cost_postings` (append-only) holds, for every insert or update of a row, the change of
 * the four ledger roles it moves (SALARIES, SOCIAL_CHARGES debit side; SALARIES_DUE, SOCIAL_BODIES
 * credit side). A trigger writes it, so every writer (the services, the demo seed, a re-import) is
 * posted the same way; the posting source `salary-cost` (src/payroll/salary-cost.posting.ts) turns
 * each into one OD entry.
 */
export class PayrollResults1766200000300 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE payroll_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        months text[] NOT NULL,
        line_count integer NOT NULL CHECK (line_count > 0),
        sha256 text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      ALTER TABLE salary_costs
        ADD COLUMN source text NOT NULL DEFAULT 'MANUAL' CHECK (source IN ('MANUAL', 'PAYROLL_IMPORT')),
        ADD COLUMN gross_cents bigint,
        ADD COLUMN net_cents bigint,
        ADD COLUMN employer_contributions_cents bigint,
        ADD COLUMN import_id uuid REFERENCES payroll_imports (id),
        ADD COLUMN adjusts_month date,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    // An adjustment carries a difference, which may be negative; a month's own row never is.
    await runner.query(`ALTER TABLE salary_costs DROP CONSTRAINT IF EXISTS salary_costs_amount_cents_check`);
    await runner.query(`ALTER TABLE salary_costs DROP CONSTRAINT IF EXISTS salary_costs_account_id_month_key`);
    await runner.query(`
      ALTER TABLE salary_costs
        ADD CONSTRAINT salary_costs_split_check CHECK (
          (source = 'MANUAL' AND gross_cents IS NULL AND net_cents IS NULL AND employer_contributions_cents IS NULL AND adjusts_month IS NULL)
          OR (source = 'PAYROLL_IMPORT' AND gross_cents IS NOT NULL AND net_cents IS NOT NULL AND employer_contributions_cents IS NOT NULL
              AND amount_cents = gross_cents + employer_contributions_cents AND import_id IS NOT NULL)),
        ADD CONSTRAINT salary_costs_month_figures_check CHECK (
          adjusts_month IS NOT NULL
          OR (source = 'MANUAL' AND amount_cents > 0)
          OR (amount_cents >= 0 AND net_cents >= 0 AND net_cents <= gross_cents AND employer_contributions_cents >= 0)),
        ADD CONSTRAINT salary_costs_adjustment_check CHECK (adjusts_month IS NULL OR adjusts_month < month)`);
    await runner.query(`CREATE UNIQUE INDEX salary_costs_month_idx ON salary_costs (account_id, month) WHERE adjusts_month IS NULL`);
    await runner.query(
      `CREATE UNIQUE INDEX salary_costs_adjustment_idx ON salary_costs (account_id, month, adjusts_month) WHERE adjusts_month IS NOT NULL`,
    );

    await runner.query(`
      CREATE TABLE salary_cost_postings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        salary_cost_id uuid NOT NULL REFERENCES salary_costs (id),
        account_id uuid NOT NULL REFERENCES activity_accounts (id),
        entry_date date NOT NULL,
        salaries_cents bigint NOT NULL,
        social_charges_cents bigint NOT NULL,
        salaries_due_cents bigint NOT NULL,
        social_bodies_cents bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (salaries_cents + social_charges_cents = salaries_due_cents + social_bodies_cents),
        CHECK (salaries_cents <> 0 OR social_charges_cents <> 0 OR salaries_due_cents <> 0 OR social_bodies_cents <> 0)
      )`);
    await runner.query(`CREATE INDEX salary_cost_postings_cost_idx ON salary_cost_postings (salary_cost_id, seq)`);
    await runner.query(`
      CREATE FUNCTION refuse_salary_cost_posting_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a salary cost posting is never changed nor deleted: a correction is a new one';
      END $$`);
    await runner.query(`
      CREATE TRIGGER salary_cost_postings_immutable BEFORE UPDATE OR DELETE ON salary_cost_postings
        FOR EACH ROW EXECUTE FUNCTION refuse_salary_cost_posting_change()`);
    await runner.query(`
      CREATE FUNCTION refuse_salary_cost_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a salary cost is never deleted: a re-import replaces it, or adjusts it once its month is locked';
      END $$`);
    await runner.query(`
      CREATE TRIGGER salary_costs_no_delete BEFORE DELETE ON salary_costs
        FOR EACH ROW EXECUTE FUNCTION refuse_salary_cost_delete()`);
    // The four roles a row moves: a manual total is gross pay owed to the person as a whole (641 / 421,
    // see docs/payroll.md); imported results split it: 641 gross, 645 employer contributions, 421 net,
    // 431 what the social bodies get (employee and employer contributions).
    await runner.query(`
      CREATE FUNCTION post_salary_cost_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        salaries bigint; charges bigint; due bigint; bodies bigint;
      BEGIN
        salaries := coalesce(NEW.gross_cents, NEW.amount_cents);
        charges := coalesce(NEW.employer_contributions_cents, 0);
        due := coalesce(NEW.net_cents, NEW.amount_cents);
        bodies := CASE WHEN NEW.gross_cents IS NULL THEN 0 ELSE NEW.gross_cents - NEW.net_cents + NEW.employer_contributions_cents END;
        IF TG_OP = 'UPDATE' THEN
          IF NEW.account_id <> OLD.account_id OR NEW.month <> OLD.month OR NEW.adjusts_month IS DISTINCT FROM OLD.adjusts_month THEN
            RAISE EXCEPTION 'a salary cost keeps its account and month';
          END IF;
          salaries := salaries - coalesce(OLD.gross_cents, OLD.amount_cents);
          charges := charges - coalesce(OLD.employer_contributions_cents, 0);
          due := due - coalesce(OLD.net_cents, OLD.amount_cents);
          bodies := bodies - CASE WHEN OLD.gross_cents IS NULL THEN 0 ELSE OLD.gross_cents - OLD.net_cents + OLD.employer_contributions_cents END;
        END IF;
        IF salaries <> 0 OR charges <> 0 OR due <> 0 OR bodies <> 0 THEN
          INSERT INTO salary_cost_postings (salary_cost_id, account_id, entry_date, salaries_cents, social_charges_cents, salaries_due_cents, social_bodies_cents)
          VALUES (NEW.id, NEW.account_id, (date_trunc('month', NEW.month) + interval '1 month' - interval '1 day')::date, salaries, charges, due, bodies);
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER salary_costs_posted AFTER INSERT OR UPDATE ON salary_costs
        FOR EACH ROW EXECUTE FUNCTION post_salary_cost_change()`);
    // The costs recorded before: each is posted as it stands.
    await runner.query(`
      INSERT INTO salary_cost_postings (salary_cost_id, account_id, entry_date, salaries_cents, social_charges_cents, salaries_due_cents, social_bodies_cents)
      SELECT id, account_id, (date_trunc('month', month) + interval '1 month' - interval '1 day')::date, amount_cents, 0, amount_cents, 0
        FROM salary_costs ORDER BY month, created_at`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER salary_costs_posted ON salary_costs`);
    await runner.query(`DROP TRIGGER salary_costs_no_delete ON salary_costs`);
    await runner.query(`DROP FUNCTION post_salary_cost_change()`);
    await runner.query(`DROP FUNCTION refuse_salary_cost_delete()`);
    await runner.query(`DROP TABLE salary_cost_postings`);
    await runner.query(`DROP FUNCTION refuse_salary_cost_posting_change()`);
    await runner.query(`DROP INDEX salary_costs_adjustment_idx`);
    await runner.query(`DROP INDEX salary_costs_month_idx`);
    await runner.query(`DELETE FROM salary_costs WHERE adjusts_month IS NOT NULL`);
    await runner.query(`
      ALTER TABLE salary_costs DROP CONSTRAINT salary_costs_split_check, DROP CONSTRAINT salary_costs_month_figures_check,
        DROP CONSTRAINT salary_costs_adjustment_check,
        DROP COLUMN source, DROP COLUMN gross_cents, DROP COLUMN net_cents, DROP COLUMN employer_contributions_cents,
        DROP COLUMN import_id, DROP COLUMN adjusts_month, DROP COLUMN updated_at`);
    await runner.query(`ALTER TABLE salary_costs ADD CONSTRAINT salary_costs_amount_cents_check CHECK (amount_cents > 0),
      ADD CONSTRAINT salary_costs_account_id_month_key UNIQUE (account_id, month)`);
    await runner.query(`DROP TABLE payroll_imports`);
  }
}
