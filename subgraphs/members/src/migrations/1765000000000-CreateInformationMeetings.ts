import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateInformationMeetings1765000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE information_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        held_on date NOT NULL,
        place text NOT NULL,
        facilitator_id uuid NOT NULL REFERENCES counselors (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX information_meetings_held_idx ON information_meetings (held_on, id)`);
    await runner.query(`
      CREATE TABLE meeting_attendances (
        meeting_id uuid NOT NULL REFERENCES information_meetings (id),
        person_id uuid NOT NULL REFERENCES people (id),
        PRIMARY KEY (meeting_id, person_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE meeting_attendances`);
    await runner.query(`DROP TABLE information_meetings`);
  }
}
