import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreatePeople1764400000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        first_name text NOT NULL,
        last_name text NOT NULL,
        email text,
        phone text,
        gender text NOT NULL CHECK (gender IN ('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED')),
        birth_year integer CHECK (birth_year BETWEEN 1900 AND 2100),
        postcode text CHECK (postcode ~ '^[0-9]{5}$'),
        welcome_stage text NOT NULL CHECK (welcome_stage IN ('PROSPECT', 'RECEIVED', 'ADMITTED', 'ORIENTED')),
        first_contact_on date NOT NULL,
        received_on date CHECK (received_on >= first_contact_on),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX people_email_key ON people (lower(email)) WHERE email IS NOT NULL`);
    await runner.query(`CREATE INDEX people_name_idx ON people (last_name, first_name, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE people`);
  }
}
