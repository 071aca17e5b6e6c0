import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The corrections staff make day to day (docs/members.md, "Corrections"): a counselor or a partner
 * is deactivated rather than deleted, since sessions, meetings, receptions and people still name
 * them. The day of the deactivation is kept; its reason is in the audit trail, with each
 * deactivation and reactivation, so that the counselors and partners everyone reads do not carry it.
 */
export class Corrections1766100000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE counselors ADD COLUMN deactivated_on date`);
    await runner.query(`ALTER TABLE partners ADD COLUMN deactivated_on date`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE partners DROP COLUMN deactivated_on`);
    await runner.query(`ALTER TABLE counselors DROP COLUMN deactivated_on`);
  }
}
