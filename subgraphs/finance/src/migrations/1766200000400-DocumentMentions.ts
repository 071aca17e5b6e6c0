import type { MigrationInterface, QueryRunner } from "typeorm";
import { DEFAULT_LEDGER } from "../books/ledger";

const LINE_TABLES = ["invoice_lines", "quote_lines", "credit_note_lines"] as const;
const OLD_RATES = `'STANDARD_20', 'INTERMEDIATE_10', 'REDUCED_5_5', 'SUPER_REDUCED_2_1', 'EXEMPT'`;
const RATES = `${OLD_RATES}, 'OVERSEAS_8_5'`;
const GROUNDS = `'TRAINING', 'MEDICAL', 'INTRA_EU_GOODS', 'EXPORT', 'SERVICES_OUTSIDE_EU', 'OVERSEAS_NOT_APPLICABLE'`;

/**
 * Documents that hold before the law (docs/finance.md, "Mentions", "Quotes"): the seller's legal
 * form, capital and RCS registration, the legal interest rate the late penalties are checked
 * against, the cooperative's territory (which VAT rates its lines may carry) and its decennial
 * insurance; a customer's SIREN, VAT number and country; an invoice's delivery date or period and
 * reverse-charge case; an exempt line's legal ground; numbered quotes.
 *
 * Columns the service requires for new rows are nullable here: settings versions, lines and quotes
 * made before them keep what they printed (an old exempt line prints the settings' mention, an old
 * quote has no number), since a document of the past is never rewritten.
 */
export class DocumentMentions1766200000400 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE finance_settings
        ADD COLUMN legal_form text,
        ADD COLUMN share_capital text,
        ADD COLUMN rcs_number text CHECK (rcs_number ~ '^[0-9]{9}$'),
        ADD COLUMN rcs_city text,
        ADD COLUMN legal_interest_rate numeric(7, 4) CHECK (legal_interest_rate BETWEEN 0 AND 100),
        ADD COLUMN territory text NOT NULL DEFAULT 'MAINLAND'
          CHECK (territory IN ('MAINLAND', 'GUADELOUPE', 'MARTINIQUE', 'REUNION', 'GUYANE', 'MAYOTTE')),
        ADD COLUMN quote_prefix text CHECK (quote_prefix ~ '^[A-Z]{1,6}$'),
        ADD COLUMN decennial_insurer text,
        ADD COLUMN decennial_policy text,
        ADD COLUMN decennial_coverage text,
        ADD CONSTRAINT finance_settings_penalty_vs_legal_rate CHECK (legal_interest_rate IS NULL OR late_penalty_rate >= 3 * legal_interest_rate)`);
    // D441-5 fixes the fee at 40 EUR: new versions hold exactly that; NOT VALID leaves the past versions as they were.
    await runner.query(
      `ALTER TABLE finance_settings ADD CONSTRAINT finance_settings_recovery_fee_legal CHECK (recovery_fee_cents = 4000) NOT VALID`,
    );
    await runner.query(`
      ALTER TABLE customers
        ADD COLUMN siren text CHECK (siren ~ '^[0-9]{9}$'),
        ADD COLUMN vat_number text CHECK (vat_number ~ '^[A-Z]{2}[0-9A-Z+*]{2,13}$'),
        ADD COLUMN country text NOT NULL DEFAULT 'FR' CHECK (country ~ '^[A-Z]{2}$'),
        ADD CONSTRAINT customers_siren_of_siret CHECK (siret IS NULL OR siren = substr(siret, 1, 9))`);
    // A customer's SIREN is its SIRET's first nine digits.
    await runner.query(`UPDATE customers SET siren = substr(siret, 1, 9) WHERE siret IS NOT NULL`);
    await runner.query(`
      ALTER TABLE invoices
        ADD COLUMN delivered_on date,
        ADD COLUMN period_from date,
        ADD COLUMN period_to date,
        ADD COLUMN reverse_charge text CHECK (reverse_charge IN ('BUILDING_SUBCONTRACTING', 'EU_SERVICES')),
        ADD CONSTRAINT invoices_period CHECK ((period_from IS NULL) = (period_to IS NULL) AND period_from <= period_to)`);
    // The original trigger freezes the figures of an issued invoice; these columns are printed on it too.
    await runner.query(`
      CREATE FUNCTION refuse_issued_invoice_mention_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'DRAFT' AND (NEW.delivered_on IS DISTINCT FROM OLD.delivered_on OR NEW.period_from IS DISTINCT FROM OLD.period_from
           OR NEW.period_to IS DISTINCT FROM OLD.period_to OR NEW.reverse_charge IS DISTINCT FROM OLD.reverse_charge) THEN
          RAISE EXCEPTION 'an issued invoice is never edited';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(
      `CREATE TRIGGER invoices_issued_mentions_frozen BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION refuse_issued_invoice_mention_change()`,
    );
    for (const table of LINE_TABLES) {
      await runner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_vat_rate_check`);
      await runner.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_vat_rate_check CHECK (vat_rate IN (${RATES}))`);
      await runner.query(`
        ALTER TABLE ${table}
          ADD COLUMN vat_exemption text CHECK (vat_exemption IN (${GROUNDS})),
          ADD CONSTRAINT ${table}_exemption_of_exempt CHECK (vat_exemption IS NULL OR vat_rate = 'EXEMPT')`);
    }
    // Quotes are numbered in their own gapless series, and printed with the settings in force on their day.
    await runner.query(`
      ALTER TABLE quotes
        ADD COLUMN number text UNIQUE,
        ADD COLUMN settings_id uuid REFERENCES finance_settings (id),
        ADD CONSTRAINT quotes_numbered CHECK ((number IS NULL) = (settings_id IS NULL))`);
    await runner.query(`ALTER TABLE invoice_series DROP CONSTRAINT invoice_series_kind_check`);
    await runner.query(
      `ALTER TABLE invoice_series ADD CONSTRAINT invoice_series_kind_check CHECK (kind IN ('INVOICE', 'CREDIT_NOTE', 'QUOTE'))`,
    );
    // A database made before a rate's ledger accounts existed gets them (a new database has them from CreateBooks).
    const defaults = Object.entries(DEFAULT_LEDGER);
    await runner.query(
      `INSERT INTO ledger_accounts (role, number, label) VALUES ${defaults.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(", ")}
       ON CONFLICT DO NOTHING`,
      defaults.flatMap(([role, account]) => [role, account.number, account.label]),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE invoice_series DROP CONSTRAINT invoice_series_kind_check`);
    await runner.query(`DELETE FROM invoice_series WHERE kind = 'QUOTE'`);
    await runner.query(`ALTER TABLE invoice_series ADD CONSTRAINT invoice_series_kind_check CHECK (kind IN ('INVOICE', 'CREDIT_NOTE'))`);
    await runner.query(`ALTER TABLE quotes DROP CONSTRAINT quotes_numbered, DROP COLUMN settings_id, DROP COLUMN number`);
    for (const table of LINE_TABLES) {
      await runner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_exemption_of_exempt, DROP COLUMN vat_exemption`);
      await runner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_vat_rate_check`);
      await runner.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_vat_rate_check CHECK (vat_rate IN (${OLD_RATES}))`);
    }
    await runner.query(`DROP TRIGGER invoices_issued_mentions_frozen ON invoices`);
    await runner.query(`DROP FUNCTION refuse_issued_invoice_mention_change()`);
    await runner.query(`
      ALTER TABLE invoices DROP CONSTRAINT invoices_period, DROP COLUMN delivered_on, DROP COLUMN period_from, DROP COLUMN period_to,
        DROP COLUMN reverse_charge`);
    await runner.query(
      `ALTER TABLE customers DROP CONSTRAINT customers_siren_of_siret, DROP COLUMN siren, DROP COLUMN vat_number, DROP COLUMN country`,
    );
    await runner.query(`
      ALTER TABLE finance_settings DROP CONSTRAINT finance_settings_recovery_fee_legal, DROP CONSTRAINT finance_settings_penalty_vs_legal_rate,
        DROP COLUMN legal_form, DROP COLUMN share_capital, DROP COLUMN rcs_number, DROP COLUMN rcs_city, DROP COLUMN legal_interest_rate,
        DROP COLUMN territory, DROP COLUMN quote_prefix, DROP COLUMN decennial_insurer, DROP COLUMN decennial_policy,
        DROP COLUMN decennial_coverage`);
  }
}
