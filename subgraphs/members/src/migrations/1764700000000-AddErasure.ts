import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddErasure1764700000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE people ADD COLUMN erased_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE people DROP COLUMN erased_at`);
  }
}
