import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What the network's partners and funders ask of a cooperative (docs/reporting.md): the person's
 * situation when they came, recorded at reception; what became of them 6 and 12 months after they
 * left; and the signed attendance sheet of each workshop (feuille d'émargement).
 */
export class FunderFacts1766300000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // One row per person, written with the reception and corrected later; NULL: not asked or not said.
    await runner.query(`
      CREATE TABLE entry_situations (
        person_id uuid PRIMARY KEY REFERENCES people (id),
        job_seeker boolean,
        job_seeker_since date,
        unemployment_benefit boolean,
        rsa boolean,
        disability_recognised boolean,
        education_level text CHECK (education_level IN ('BELOW_LEVEL_3', 'LEVEL_3', 'LEVEL_4', 'LEVEL_5', 'LEVEL_6', 'LEVEL_7', 'LEVEL_8')),
        priority_neighbourhood boolean,
        departement text CHECK (departement ~ '^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$' AND departement <> '20'),
        updated_on date NOT NULL,
        CHECK (job_seeker_since IS NULL OR job_seeker IS TRUE)
      )`);
    await runner.query(`
      CREATE TABLE exit_follow_ups (
        person_id uuid NOT NULL REFERENCES exits (person_id),
        months integer NOT NULL CHECK (months IN (6, 12)),
        situation text NOT NULL CHECK (situation IN ('OWN_COMPANY_ACTIVE', 'SALARIED_JOB', 'TRAINING', 'JOB_SEEKING', 'OTHER', 'NOT_REACHED')),
        recorded_on date NOT NULL,
        PRIMARY KEY (person_id, months)
      )`);
    await runner.query(`
      CREATE TABLE workshop_signature_sheets (
        session_id uuid PRIMARY KEY REFERENCES support_sessions (id),
        file_name text NOT NULL,
        media_type text NOT NULL,
        content bytea NOT NULL,
        sha256 text NOT NULL,
        received_on date NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE workshop_signature_sheets`);
    await runner.query(`DROP TABLE exit_follow_ups`);
    await runner.query(`DROP TABLE entry_situations`);
  }
}
