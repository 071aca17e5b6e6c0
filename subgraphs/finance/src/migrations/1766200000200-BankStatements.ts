import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Bank matching (docs/bank.md): the statements imported from the cooperative's bank, their booked
 * lines, and which journal entry on the BANK role each line is matched to.
 */
export class BankStatements1766200000200 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE bank_statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        format text NOT NULL CHECK (format IN ('CAMT_053', 'OFX', 'CSV')),
        account_identifier text NOT NULL CHECK (length(account_identifier) BETWEEN 1 AND 60),
        statement_ref text CHECK (length(statement_ref) BETWEEN 1 AND 100),
        from_date date NOT NULL,
        to_date date NOT NULL CHECK (to_date >= from_date),
        opening_balance_cents bigint,
        closing_balance_cents bigint,
        content_sha256 text NOT NULL,
        line_count integer NOT NULL CHECK (line_count >= 0),
        skipped_duplicates integer NOT NULL CHECK (skipped_duplicates >= 0),
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_identifier, statement_ref)
      )`);
    await runner.query(`CREATE INDEX bank_statements_content_idx ON bank_statements (content_sha256)`);
    // A line is the bank's booking of one operation on one account: the same day, amount and rank
    // among the day's equal amounts is the same operation, whichever file (or format) brings it again.
    await runner.query(`
      CREATE TABLE bank_statement_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        statement_id uuid NOT NULL REFERENCES bank_statements (id),
        position integer NOT NULL CHECK (position >= 0),
        account_identifier text NOT NULL,
        booking_date date NOT NULL,
        value_date date,
        amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
        occurrence integer NOT NULL CHECK (occurrence >= 0),
        label text NOT NULL,
        counterparty text,
        bank_reference text,
        end_to_end_id text,
        remittance text,
        search_text text NOT NULL,
        source_line integer NOT NULL,
        UNIQUE (statement_id, position),
        UNIQUE (account_identifier, booking_date, amount_cents, occurrence)
      )`);
    await runner.query(`CREATE INDEX bank_statement_lines_date_idx ON bank_statement_lines (booking_date)`);
    // One statement line, one journal entry: both sides unique.
    await runner.query(`
      CREATE TABLE bank_matches (
        statement_line_id uuid PRIMARY KEY REFERENCES bank_statement_lines (id),
        journal_entry_id uuid NOT NULL UNIQUE REFERENCES journal_entries (id),
        matched_by text NOT NULL,
        matched_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The candidates of a statement are found by the BANK lines of entries around its dates.
    await runner.query(`CREATE INDEX journal_lines_bank_idx ON journal_lines (entry_id) WHERE role = 'BANK'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX journal_lines_bank_idx`);
    for (const table of ["bank_matches", "bank_statement_lines", "bank_statements"]) await runner.query(`DROP TABLE ${table}`);
  }
}
