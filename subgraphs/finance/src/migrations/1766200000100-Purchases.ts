import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Purchases and money going out (docs/purchases.md): suppliers, their invoices per activity with
 * their amounts by VAT rate, entrepreneurs' expense reports with their receipts and mileage, the
 * files attached (receipts, invoices), the cooperative's own bank account and the SEPA transfer
 * batches that pay them all.
 */
export class Purchases1766200000100 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // Attached files are kept in the database with the records they prove (ten years, like the books).
    await runner.query(`
      CREATE TABLE purchase_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'application/xml')),
        size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 524288),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL CHECK (length(content) = size_bytes),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE SEQUENCE supplier_codes`);
    await runner.query(`
      CREATE TABLE suppliers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        code text NOT NULL UNIQUE DEFAULT ('F' || lpad(nextval('supplier_codes')::text, 5, '0')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        siret text CHECK (siret ~ '^([0-9]{9}|[0-9]{14})$'),
        vat_number text,
        address text,
        iban text NOT NULL CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}$'),
        bic text CHECK (bic ~ '^[A-Z0-9]{8}([A-Z0-9]{3})?$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX suppliers_siret_idx ON suppliers (siret) WHERE siret IS NOT NULL`);
    await runner.query(`
      CREATE TABLE supplier_invoices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        account_id uuid NOT NULL REFERENCES activity_accounts (id),
        supplier_id uuid NOT NULL REFERENCES suppliers (id),
        number text NOT NULL CHECK (length(number) BETWEEN 1 AND 60),
        issued_on date NOT NULL,
        due_on date NOT NULL CHECK (due_on >= issued_on),
        -- Null: counted on its issue date. Else the first day of a later month: a late invoice dated in a month whose contribution is recorded, counted there as an adjustment.
        booked_on date CHECK (booked_on > issued_on AND extract(day FROM booked_on) = 1),
        category text NOT NULL,
        description text NOT NULL,
        net_cents bigint NOT NULL CHECK (net_cents > 0),
        vat_cents bigint NOT NULL CHECK (vat_cents >= 0),
        total_cents bigint NOT NULL CHECK (total_cents = net_cents + vat_cents),
        paid_cents bigint NOT NULL DEFAULT 0 CHECK (paid_cents BETWEEN 0 AND total_cents),
        status text NOT NULL CHECK (status IN ('RECEIVED', 'PARTLY_PAID', 'PAID')),
        file_id uuid NOT NULL REFERENCES purchase_files (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (supplier_id, number)
      )`);
    await runner.query(`CREATE INDEX supplier_invoices_account_idx ON supplier_invoices (account_id, seq)`);
    await runner.query(`CREATE INDEX supplier_invoices_due_idx ON supplier_invoices (due_on) WHERE status <> 'PAID'`);
    await runner.query(`
      CREATE TABLE supplier_invoice_amounts (
        invoice_id uuid NOT NULL REFERENCES supplier_invoices (id),
        vat_rate text NOT NULL,
        net_cents bigint NOT NULL CHECK (net_cents > 0),
        vat_cents bigint NOT NULL CHECK (vat_cents >= 0),
        PRIMARY KEY (invoice_id, vat_rate)
      )`);
    await runner.query(`
      CREATE TABLE expense_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        account_id uuid NOT NULL REFERENCES activity_accounts (id),
        person_id uuid NOT NULL,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        status text NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'PAID')),
        payee_name text NOT NULL CHECK (length(payee_name) BETWEEN 1 AND 200),
        payee_iban text NOT NULL,
        payee_bic text,
        net_cents bigint NOT NULL CHECK (net_cents >= 0),
        vat_cents bigint NOT NULL CHECK (vat_cents >= 0),
        mileage_cents bigint NOT NULL CHECK (mileage_cents >= 0),
        total_cents bigint NOT NULL CHECK (total_cents = net_cents + vat_cents + mileage_cents AND total_cents > 0),
        paid_cents bigint NOT NULL DEFAULT 0 CHECK (paid_cents BETWEEN 0 AND total_cents),
        approved_on date,
        rejection_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status IN ('APPROVED', 'PAID')) = (approved_on IS NOT NULL)),
        CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))
      )`);
    // One live report per activity and month: a rejected one is replaced by a new one.
    await runner.query(`CREATE UNIQUE INDEX expense_reports_month_idx ON expense_reports (account_id, month) WHERE status <> 'REJECTED'`);
    await runner.query(`
      CREATE TABLE expense_report_lines (
        report_id uuid NOT NULL REFERENCES expense_reports (id),
        position integer NOT NULL CHECK (position > 0),
        spent_on date NOT NULL,
        category text NOT NULL,
        description text NOT NULL,
        net_cents bigint NOT NULL CHECK (net_cents > 0),
        vat_cents bigint NOT NULL CHECK (vat_cents >= 0 AND vat_cents <= net_cents),
        receipt_reference text,
        file_id uuid REFERENCES purchase_files (id),
        PRIMARY KEY (report_id, position),
        CHECK (receipt_reference IS NOT NULL OR file_id IS NOT NULL)
      )`);
    await runner.query(`
      CREATE TABLE mileage_trips (
        report_id uuid NOT NULL REFERENCES expense_reports (id),
        position integer NOT NULL CHECK (position > 0),
        person_id uuid NOT NULL,
        trip_on date NOT NULL,
        purpose text NOT NULL,
        vehicle text NOT NULL CHECK (length(vehicle) BETWEEN 1 AND 20),
        fiscal_horsepower integer NOT NULL CHECK (fiscal_horsepower BETWEEN 1 AND 99),
        electric boolean NOT NULL,
        distance_km integer NOT NULL CHECK (distance_km BETWEEN 1 AND 10000),
        scale_year integer NOT NULL,
        year_km_before integer NOT NULL CHECK (year_km_before >= 0),
        amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
        PRIMARY KEY (report_id, position)
      )`);
    await runner.query(`CREATE INDEX mileage_trips_vehicle_idx ON mileage_trips (person_id, vehicle, trip_on)`);
    // The cooperative's own account, debtor of every transfer: one row, changed by its administrators.
    await runner.query(`
      CREATE TABLE transfer_account (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        iban text NOT NULL,
        bic text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE transfer_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        number text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('PREPARED', 'EXECUTED', 'CANCELLED')),
        requested_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        debtor_name text NOT NULL,
        debtor_iban text NOT NULL,
        debtor_bic text NOT NULL,
        total_cents bigint NOT NULL CHECK (total_cents > 0),
        executed_on date,
        cancelled_at timestamptz,
        CHECK ((status = 'EXECUTED') = (executed_on IS NOT NULL)),
        CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
      )`);
    await runner.query(`
      CREATE TABLE transfer_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        batch_id uuid NOT NULL REFERENCES transfer_batches (id),
        position integer NOT NULL CHECK (position > 0),
        supplier_invoice_id uuid REFERENCES supplier_invoices (id),
        expense_report_id uuid REFERENCES expense_reports (id),
        account_id uuid NOT NULL REFERENCES activity_accounts (id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        creditor_name text NOT NULL,
        creditor_iban text NOT NULL,
        creditor_bic text,
        remittance text NOT NULL CHECK (length(remittance) BETWEEN 1 AND 140),
        end_to_end_id text NOT NULL UNIQUE CHECK (length(end_to_end_id) BETWEEN 1 AND 35),
        UNIQUE (batch_id, position),
        CHECK ((supplier_invoice_id IS NULL) <> (expense_report_id IS NULL))
      )`);
    await runner.query(
      `CREATE INDEX transfer_items_invoice_idx ON transfer_items (supplier_invoice_id) WHERE supplier_invoice_id IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX transfer_items_report_idx ON transfer_items (expense_report_id) WHERE expense_report_id IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      "transfer_items",
      "transfer_batches",
      "transfer_account",
      "mileage_trips",
      "expense_report_lines",
      "expense_reports",
      "supplier_invoice_amounts",
      "supplier_invoices",
      "suppliers",
      "purchase_files",
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`DROP SEQUENCE supplier_codes`);
  }
}
