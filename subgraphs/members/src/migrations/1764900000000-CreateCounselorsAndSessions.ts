import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateCounselorsAndSessions1764900000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE counselors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        first_name text NOT NULL,
        last_name text NOT NULL,
        email text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`ALTER TABLE people ADD COLUMN counselor_id uuid REFERENCES counselors (id)`);
    await runner.query(`ALTER TABLE people ADD COLUMN referring_partner_id uuid REFERENCES partners (id)`);
    await runner.query(`CREATE INDEX people_counselor_idx ON people (counselor_id)`);
    await runner.query(`
      CREATE TABLE support_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        counselor_id uuid NOT NULL REFERENCES counselors (id),
        held_on date NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
        topic text NOT NULL CHECK (topic IN ('MARKETING', 'COMMUNICATION', 'COMMERCIAL', 'ACCOUNTING', 'FINANCE', 'ORGANISATION', 'LEGAL', 'OTHER')),
        kind text NOT NULL CHECK (kind IN ('INDIVIDUAL', 'WORKSHOP')),
        notes text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE support_session_people (
        session_id uuid NOT NULL REFERENCES support_sessions (id),
        person_id uuid NOT NULL REFERENCES people (id),
        PRIMARY KEY (session_id, person_id)
      )`);
    await runner.query(`CREATE INDEX support_session_people_person_idx ON support_session_people (person_id, session_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE support_session_people`);
    await runner.query(`DROP TABLE support_sessions`);
    await runner.query(`ALTER TABLE people DROP COLUMN referring_partner_id`);
    await runner.query(`ALTER TABLE people DROP COLUMN counselor_id`);
    await runner.query(`DROP TABLE counselors`);
  }
}
