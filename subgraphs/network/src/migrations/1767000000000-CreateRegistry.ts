import type { MigrationInterface, QueryRunner } from "typeorm";

/** The registry of cooperatives and their signatures of the network's charter. */
export class CreateRegistry1767000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cooperatives (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$' AND id <> 'network'),
        name text NOT NULL CHECK (name <> ''),
        region text NOT NULL CHECK (region <> ''),
        departement text,
        members_url text NOT NULL,
        contracts_url text NOT NULL,
        finance_url text NOT NULL,
        joined_on date NOT NULL,
        withdrawn_on date CHECK (withdrawn_on >= joined_on),
        withdrawal_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((withdrawn_on IS NULL) = (withdrawal_reason IS NULL))
      )`);
    await runner.query(`
      CREATE TABLE charter_adherences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cooperative_id text NOT NULL REFERENCES cooperatives (id),
        charter_version text NOT NULL,
        signed_on date NOT NULL,
        valid_until date CHECK (valid_until > signed_on),
        signatory text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cooperative_id, charter_version)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE charter_adherences`);
    await runner.query(`DROP TABLE cooperatives`);
  }
}
