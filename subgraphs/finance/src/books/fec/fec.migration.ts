import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The FEC's order (docs/books.md, "The FEC"): a fiscal year's entries by validation day, journal
 * and number. Its export reads them by keyset in this order, a page at a time: with the index each
 * page is a short range scan, where without it every page would sort the rest of the year.
 */
export class FecOrder1766200000900 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX journal_entries_fec_idx ON journal_entries (fiscal_year, validated_on, journal, number)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX journal_entries_fec_idx`);
  }
}
