import type { MigrationInterface, QueryRunner } from "typeorm";
import { DEFAULT_LEDGER } from "../books/ledger";
import { postSources } from "../books/posting";

/**
 * The books (docs/books.md): the cooperative's chart of accounts, its journal entries and their
 * lines, the numbering counters and the lock of closed months. Entries are written by the posting
 * rules only, never changed nor deleted: the database refuses it, and refuses an unbalanced entry.
 */
export class CreateBooks1766200000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // What the posting rules need of the documents: a short auxiliary number per customer, whether a
    // line sells goods or services (VAT on delivery or on receipts), and the option for VAT on debits.
    await runner.query(`ALTER TABLE customers ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE`);
    for (const table of ["invoice_lines", "quote_lines", "credit_note_lines"]) {
      await runner.query(`ALTER TABLE ${table} ADD COLUMN supply text NOT NULL DEFAULT 'SERVICES' CHECK (supply IN ('SERVICES', 'GOODS'))`);
    }
    await runner.query(`ALTER TABLE finance_settings ADD COLUMN vat_on_debits boolean NOT NULL DEFAULT false`);
    await runner.query(`
      CREATE TABLE ledger_accounts (
        role text NOT NULL,
        sector text,
        number text NOT NULL CHECK (number ~ '^[1-8][0-9]{2}[0-9A-Z]{0,17}$'),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX ledger_accounts_role_idx ON ledger_accounts (role, coalesce(sector, ''))`);
    const defaults = Object.entries(DEFAULT_LEDGER);
    await runner.query(
      `INSERT INTO ledger_accounts (role, number, label) VALUES ${defaults.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(", ")}`,
      defaults.flatMap(([role, account]) => [role, account.number, account.label]),
    );
    await runner.query(`
      CREATE TABLE journal_counters (
        journal text NOT NULL,
        fiscal_year integer NOT NULL,
        last_number integer NOT NULL CHECK (last_number >= 0),
        PRIMARY KEY (journal, fiscal_year)
      )`);
    await runner.query(`
      CREATE TABLE journal_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        journal text NOT NULL CHECK (journal IN ('VE', 'AC', 'BQ', 'OD')),
        fiscal_year integer NOT NULL,
        number integer NOT NULL CHECK (number > 0),
        entry_date date NOT NULL,
        piece_ref text NOT NULL CHECK (length(piece_ref) BETWEEN 1 AND 100),
        piece_date date NOT NULL,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
        source_kind text NOT NULL,
        source_id uuid NOT NULL,
        document_id uuid,
        account_id uuid REFERENCES activity_accounts (id),
        validated_on date NOT NULL CHECK (validated_on >= entry_date),
        posted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (journal, fiscal_year, number),
        UNIQUE (source_kind, source_id)
      )`);
    await runner.query(`CREATE INDEX journal_entries_date_idx ON journal_entries (entry_date, journal, number)`);
    // The FEC's order: its export reads a year by keyset in it, each page a short range scan (docs/books.md, "The FEC").
    await runner.query(`CREATE INDEX journal_entries_fec_idx ON journal_entries (fiscal_year, validated_on, journal, number)`);
    await runner.query(`CREATE INDEX journal_entries_document_idx ON journal_entries (document_id) WHERE document_id IS NOT NULL`);
    await runner.query(`CREATE INDEX journal_entries_account_idx ON journal_entries (account_id, entry_date)`);
    await runner.query(`
      CREATE TABLE journal_lines (
        entry_id uuid NOT NULL REFERENCES journal_entries (id),
        position integer NOT NULL CHECK (position >= 0),
        role text,
        ledger_number text NOT NULL CHECK (ledger_number ~ '^[1-8][0-9]{2}[0-9A-Z]{0,17}$'),
        ledger_label text NOT NULL,
        aux_number text,
        aux_label text,
        label text NOT NULL,
        debit_cents bigint NOT NULL CHECK (debit_cents >= 0),
        credit_cents bigint NOT NULL CHECK (credit_cents >= 0),
        analytic_code text NOT NULL,
        vat_base_cents bigint,
        PRIMARY KEY (entry_id, position),
        CHECK ((debit_cents > 0) <> (credit_cents > 0)),
        CHECK ((aux_number IS NULL) = (aux_label IS NULL))
      )`);
    await runner.query(`CREATE INDEX journal_lines_ledger_idx ON journal_lines (ledger_number)`);
    // The months before this day are closed: nothing is posted on them any more (a late operation is posted on the next open day).
    await runner.query(`
      CREATE TABLE books_lock (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        locked_through date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE FUNCTION refuse_journal_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a journal entry is never changed nor deleted: a correction is a new entry';
      END $$`);
    await runner.query(`
      CREATE TRIGGER journal_entries_immutable BEFORE UPDATE OR DELETE ON journal_entries
        FOR EACH ROW EXECUTE FUNCTION refuse_journal_change()`);
    await runner.query(`
      CREATE TRIGGER journal_lines_immutable BEFORE UPDATE OR DELETE ON journal_lines
        FOR EACH ROW EXECUTE FUNCTION refuse_journal_change()`);
    // Balanced at commit: every entry's debits equal its credits, and an entry has two lines at least.
    await runner.query(`
      CREATE FUNCTION check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE debits bigint; credits bigint; lines integer;
      BEGIN
        SELECT coalesce(sum(debit_cents), 0), coalesce(sum(credit_cents), 0), count(*) INTO debits, credits, lines
          FROM journal_lines WHERE entry_id = NEW.id;
        IF lines < 2 OR debits <> credits THEN
          RAISE EXCEPTION 'journal entry % % is not balanced (debit %, credit %, % lines)', NEW.journal, NEW.number, debits, credits, lines;
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_entry_balanced()`);
    // A cooperative already keeping its documents gets their journal now, posted today in the order of their dates.
    await postSources(runner.manager, { kinds: ["INVOICE", "CREDIT_NOTE", "PAYMENT", "EXPENSE", "CONTRIBUTION"] });
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ["books_lock", "journal_lines", "journal_entries", "journal_counters", "ledger_accounts"]) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`DROP FUNCTION check_entry_balanced()`);
    await runner.query(`DROP FUNCTION refuse_journal_change()`);
    await runner.query(`ALTER TABLE finance_settings DROP COLUMN vat_on_debits`);
    for (const table of ["invoice_lines", "quote_lines", "credit_note_lines"])
      await runner.query(`ALTER TABLE ${table} DROP COLUMN supply`);
    await runner.query(`ALTER TABLE customers DROP COLUMN seq`);
  }
}
