import type { MigrationInterface, QueryRunner } from "typeorm";
import { DEFAULT_TEMPLATES } from "../templates/default-templates";

/**
 * The legal content of CESAs (L7331-2) and CAPEs (R127-1), kept with each contract, and the
 * cooperative's versioned contract templates, version 1 of each kind being the shipped wording.
 * A template version is never changed nor deleted: the contracts signed with it print with it.
 */
export class ContractLegalContent1766300000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contract_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('OBJECTIVE', 'SUPPORT_AGREEMENT', 'EMPLOYMENT')),
        version integer NOT NULL CHECK (version >= 1),
        effective_from date NOT NULL,
        body text NOT NULL CHECK (length(body) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, version),
        UNIQUE (kind, effective_from)
      )`);
    await runner.query(`
      CREATE FUNCTION contract_templates_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a contract template version is never changed nor deleted: publish a new version';
      END $$`);
    await runner.query(`
      CREATE TRIGGER contract_templates_immutable BEFORE UPDATE OR DELETE ON contract_templates
        FOR EACH ROW EXECUTE FUNCTION contract_templates_immutable()`);
    for (const [kind, body] of Object.entries(DEFAULT_TEMPLATES)) {
      await runner.query(`INSERT INTO contract_templates (kind, version, effective_from, body) VALUES ($1, 1, '1990-01-01', $2)`, [
        kind,
        body,
      ]);
    }
    await runner.query(`
      ALTER TABLE contracts
        ADD COLUMN legal_terms jsonb CHECK (legal_terms IS NULL OR (jsonb_typeof(legal_terms) = 'object' AND legal_terms->>'kind' = kind)),
        ADD COLUMN template_version_id uuid REFERENCES contract_templates (id),
        ADD CONSTRAINT contracts_template_signed_check CHECK (template_version_id IS NULL OR signed_on IS NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE contracts DROP CONSTRAINT contracts_template_signed_check`);
    await runner.query(`ALTER TABLE contracts DROP COLUMN template_version_id, DROP COLUMN legal_terms`);
    await runner.query(`DROP TABLE contract_templates`);
    await runner.query(`DROP FUNCTION contract_templates_immutable()`);
  }
}
