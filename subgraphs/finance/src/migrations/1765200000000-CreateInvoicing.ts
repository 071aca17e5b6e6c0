import type { MigrationInterface, QueryRunner } from "typeorm";

const VAT_RATE = `CHECK (vat_rate IN ('STANDARD_20', 'INTERMEDIATE_10', 'REDUCED_5_5', 'SUPER_REDUCED_2_1', 'EXEMPT'))`;
const LINES = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  position integer NOT NULL CHECK (position >= 0),
  description text NOT NULL,
  quantity numeric(15, 3) NOT NULL CHECK (quantity > 0),
  unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
  vat_rate text NOT NULL ${VAT_RATE},
  net_cents bigint NOT NULL CHECK (net_cents >= 0)`;

/** Settings, customers, quotes, invoices, credit notes, payments, expenses, contributions and salary costs. */
export class CreateInvoicing1765200000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE activity_accounts ADD COLUMN contribution_rate numeric(7, 4) CHECK (contribution_rate BETWEEN 0 AND 100)`,
    );
    await runner.query(`
      CREATE TABLE finance_settings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        effective_from date NOT NULL UNIQUE,
        legal_name text NOT NULL,
        siret text NOT NULL CHECK (siret ~ '^[0-9]{14}$'),
        vat_number text NOT NULL CHECK (vat_number ~ '^FR[0-9A-Z]{2}[0-9]{9}$'),
        address text NOT NULL,
        contribution_basis text NOT NULL CHECK (contribution_basis IN ('REVENUE', 'GROSS_MARGIN')),
        contribution_brackets jsonb NOT NULL,
        invoice_prefix text NOT NULL CHECK (invoice_prefix ~ '^[A-Z]{1,6}$'),
        credit_note_prefix text NOT NULL CHECK (credit_note_prefix ~ '^[A-Z]{1,6}$' AND credit_note_prefix <> invoice_prefix),
        payment_terms_days integer NOT NULL CHECK (payment_terms_days BETWEEN 0 AND 60),
        late_penalty_rate numeric(7, 4) NOT NULL CHECK (late_penalty_rate BETWEEN 0 AND 100),
        recovery_fee_cents bigint NOT NULL CHECK (recovery_fee_cents >= 4000),
        vat_exemption_mention text NOT NULL,
        employer_charge_rate numeric(7, 4) NOT NULL CHECK (employer_charge_rate BETWEEN 0 AND 100),
        employee_charge_rate numeric(7, 4) NOT NULL CHECK (employee_charge_rate BETWEEN 0 AND 100),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES activity_accounts (id),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('BUSINESS', 'PRIVATE')),
        siret text CHECK (siret ~ '^[0-9]{14}$'),
        address text NOT NULL,
        email text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX customers_account_idx ON customers (account_id, name, id)`);
    await runner.query(`
      CREATE TABLE quotes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        account_id uuid NOT NULL REFERENCES activity_accounts (id),
        customer_id uuid NOT NULL REFERENCES customers (id),
        status text NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REFUSED')),
        issued_on date NOT NULL,
        valid_until date NOT NULL CHECK (valid_until >= issued_on),
        decided_on date CHECK (decided_on >= issued_on),
        net_cents bigint NOT NULL,
        vat_cents bigint NOT NULL,
        total_cents bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'PENDING') = (decided_on IS NULL))
      )`);
    await runner.query(`CREATE INDEX quotes_account_idx ON quotes (account_id, seq)`);
    await runner.query(`CREATE TABLE quote_lines (${LINES}, quote_id uuid NOT NULL REFERENCES quotes (id), UNIQUE (quote_id, position))`);
    await runner.query(`
      CREATE TABLE invoices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        account_id uuid NOT NULL REFERENCES activity_accounts (id),
        customer_id uuid NOT NULL REFERENCES customers (id),
        quote_id uuid UNIQUE REFERENCES quotes (id),
        status text NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'PARTLY_PAID', 'PAID', 'CANCELLED')),
        number text UNIQUE,
        issued_on date,
        due_on date,
        payment_terms_days integer CHECK (payment_terms_days BETWEEN 0 AND 60),
        settings_id uuid REFERENCES finance_settings (id),
        net_cents bigint NOT NULL CHECK (net_cents >= 0),
        vat_cents bigint NOT NULL CHECK (vat_cents >= 0),
        total_cents bigint NOT NULL CHECK (total_cents = net_cents + vat_cents),
        paid_cents bigint NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
        credited_cents bigint NOT NULL DEFAULT 0 CHECK (credited_cents >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'DRAFT') = (number IS NULL)),
        CHECK (status = 'DRAFT' OR (issued_on IS NOT NULL AND due_on >= issued_on AND settings_id IS NOT NULL AND total_cents > 0)),
        CHECK (paid_cents + credited_cents <= total_cents)
      )`);
    await runner.query(`CREATE INDEX invoices_account_idx ON invoices (account_id, seq)`);
    await runner.query(`CREATE INDEX invoices_issued_idx ON invoices (issued_on) WHERE status <> 'DRAFT'`);
    await runner.query(
      `CREATE TABLE invoice_lines (${LINES}, invoice_id uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE, UNIQUE (invoice_id, position))`,
    );
    // The numbering counters: one row per series and year, locked by whoever issues (CGI art. 242 nonies A).
    await runner.query(`
      CREATE TABLE invoice_series (
        kind text NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
        last_number integer NOT NULL CHECK (last_number >= 0),
        last_issued_on date,
        PRIMARY KEY (kind, year)
      )`);
    await runner.query(`
      CREATE TABLE credit_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        invoice_id uuid NOT NULL REFERENCES invoices (id),
        account_id uuid NOT NULL REFERENCES activity_accounts (id),
        number text NOT NULL UNIQUE,
        issued_on date NOT NULL,
        reason text NOT NULL,
        settings_id uuid NOT NULL REFERENCES finance_settings (id),
        net_cents bigint NOT NULL CHECK (net_cents >= 0),
        vat_cents bigint NOT NULL CHECK (vat_cents >= 0),
        total_cents bigint NOT NULL CHECK (total_cents > 0 AND total_cents = net_cents + vat_cents),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX credit_notes_invoice_idx ON credit_notes (invoice_id, seq)`);
    await runner.query(`CREATE INDEX credit_notes_issued_idx ON credit_notes (issued_on)`);
    await runner.query(
      `CREATE TABLE credit_note_lines (${LINES}, credit_note_id uuid NOT NULL REFERENCES credit_notes (id), UNIQUE (credit_note_id, position))`,
    );
    await runner.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        invoice_id uuid NOT NULL REFERENCES invoices (id),
        received_on date NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        method text NOT NULL CHECK (method IN ('TRANSFER', 'CHECK', 'CARD', 'CASH', 'DIRECT_DEBIT', 'OTHER')),
        reference text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX payments_invoice_idx ON payments (invoice_id, seq)`);
    await runner.query(`CREATE INDEX payments_received_idx ON payments (received_on)`);
    await runner.query(`
      CREATE TABLE expenses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        account_id uuid NOT NULL REFERENCES activity_accounts (id),
        spent_on date NOT NULL,
        category text NOT NULL CHECK (category IN ('PURCHASES', 'SUPPLIES', 'TRAVEL', 'EQUIPMENT', 'RENT', 'SUBCONTRACTING', 'INSURANCE', 'TELECOM', 'TRAINING', 'FEES', 'OTHER')),
        description text NOT NULL,
        net_cents bigint NOT NULL CHECK (net_cents > 0),
        vat_cents bigint NOT NULL CHECK (vat_cents >= 0 AND vat_cents <= net_cents),
        receipt_reference text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX expenses_account_idx ON expenses (account_id, spent_on, seq)`);
    await runner.query(`
      CREATE TABLE contribution_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES activity_accounts (id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        basis text NOT NULL CHECK (basis IN ('REVENUE', 'GROSS_MARGIN')),
        basis_cents bigint NOT NULL,
        year_basis_before_cents bigint NOT NULL,
        rate_source text NOT NULL CHECK (rate_source IN ('ACCOUNT', 'COOPERATIVE')),
        parts jsonb NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
        settings_id uuid NOT NULL REFERENCES finance_settings (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, month)
      )`);
    await runner.query(`CREATE INDEX contribution_entries_month_idx ON contribution_entries (month)`);
    await runner.query(`
      CREATE TABLE salary_costs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES activity_accounts (id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, month)
      )`);
    // An issued document is never edited nor deleted: the database refuses it too, whatever the code does.
    await runner.query(`
      CREATE FUNCTION refuse_issued_invoice_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'invoices' THEN
          IF TG_OP = 'DELETE' AND OLD.status <> 'DRAFT' THEN RAISE EXCEPTION 'an issued invoice is never deleted'; END IF;
          IF TG_OP = 'UPDATE' AND OLD.status <> 'DRAFT' AND (NEW.number IS DISTINCT FROM OLD.number OR NEW.issued_on IS DISTINCT FROM OLD.issued_on
             OR NEW.net_cents <> OLD.net_cents OR NEW.vat_cents <> OLD.vat_cents OR NEW.customer_id <> OLD.customer_id
             OR NEW.account_id <> OLD.account_id OR NEW.due_on IS DISTINCT FROM OLD.due_on) THEN
            RAISE EXCEPTION 'an issued invoice is never edited';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF EXISTS (SELECT 1 FROM invoices WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END AND status <> 'DRAFT') THEN
          RAISE EXCEPTION 'the lines of an issued invoice are never edited';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await runner.query(
      `CREATE TRIGGER invoices_issued_frozen BEFORE UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION refuse_issued_invoice_change()`,
    );
    await runner.query(
      `CREATE TRIGGER invoice_lines_issued_frozen BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines FOR EACH ROW EXECUTE FUNCTION refuse_issued_invoice_change()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      "salary_costs",
      "contribution_entries",
      "expenses",
      "payments",
      "credit_note_lines",
      "credit_notes",
      "invoice_series",
      "invoice_lines",
      "invoices",
      "quote_lines",
      "quotes",
      "customers",
      "finance_settings",
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`DROP FUNCTION refuse_issued_invoice_change()`);
    await runner.query(`ALTER TABLE activity_accounts DROP COLUMN contribution_rate`);
  }
}
