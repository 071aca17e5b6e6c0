import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The network's partners (funders and prescribers) and the funding agreements they sign. The
 * checks say again what the services refuse, so that no other writer (a script, a fix by hand)
 * stores what the API would not. The lists of kinds and report parts are written out: a migration
 * says what held when it ran, whatever the code becomes.
 */
export class CreatePartnersAndAgreements1767000000100 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (name <> '' AND name = btrim(name)),
        kind text NOT NULL CHECK (kind IN ('STATE', 'EMPLOYMENT_SERVICE', 'UNEMPLOYMENT_INSURANCE', 'REGION', 'DEPARTEMENT',
          'EUROPEAN_SOCIAL_FUND', 'LOCAL_AUTHORITY', 'FOUNDATION', 'OTHER')),
        siret text CHECK (siret ~ '^[0-9]{14}$'),
        contact_email text CHECK (contact_email ~ '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Refuses a second partner of the same name whatever its case; also serves the list by name.
    await runner.query(`CREATE UNIQUE INDEX partners_name_key ON partners (lower(name))`);
    await runner.query(`CREATE INDEX partners_by_name ON partners (name, id)`);
    await runner.query(`CREATE INDEX partners_by_kind ON partners (kind, name, id)`);

    // A CHECK may not hold a subquery: the one rule over an array's items is a function.
    await runner.query(`
      CREATE FUNCTION funding_parts_are_distinct(parts text[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT count(*) = count(DISTINCT part) FROM unnest(parts) AS part
      $$`);
    await runner.query(`
      CREATE TABLE funding_agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partners (id),
        reference text NOT NULL CHECK (reference <> ''),
        title text NOT NULL CHECK (title <> ''),
        territory_kind text NOT NULL CHECK (territory_kind IN ('NETWORK', 'REGION', 'DEPARTEMENT')),
        territory_region text CHECK (territory_region <> ''),
        territory_departement text CHECK (territory_departement ~ '^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$' AND territory_departement <> '20'),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        signed_on date NOT NULL,
        indicators_owed text[] NOT NULL CHECK (
          cardinality(indicators_owed) > 0
          AND indicators_owed <@ ARRAY['SUPPORTED', 'SUPPORT_GIVEN', 'ENTRIES', 'IN_CONTRACT', 'SUPPORTED_PROFILE', 'ORIENTATIONS',
            'FOLLOW_UPS', 'RECEIVED_PROFILE']::text[]
          AND funding_parts_are_distinct(indicators_owed)
        ),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on),
        CHECK (ends_on <= starts_on + interval '10 years'),
        CHECK (
          (territory_kind = 'NETWORK' AND territory_region IS NULL AND territory_departement IS NULL)
          OR (territory_kind = 'REGION' AND territory_region IS NOT NULL AND territory_departement IS NULL)
          OR (territory_kind = 'DEPARTEMENT' AND territory_departement IS NOT NULL AND territory_region IS NULL)
        )
      )`);
    // A partner's convention number is its own: unique per partner whatever its case; also serves Partner.fundingAgreements.
    await runner.query(`CREATE UNIQUE INDEX funding_agreements_reference_key ON funding_agreements (partner_id, lower(reference))`);
    // fundingAgreements: latest start first, and the same order within a partner or a kind of territory.
    await runner.query(`CREATE INDEX funding_agreements_by_start ON funding_agreements (starts_on DESC, id DESC)`);
    await runner.query(`CREATE INDEX funding_agreements_by_partner ON funding_agreements (partner_id, starts_on DESC, id DESC)`);
    await runner.query(`CREATE INDEX funding_agreements_by_territory ON funding_agreements (territory_kind, starts_on DESC, id DESC)`);
    // The cooperatives of a territory (FundingAgreement.cooperativeIds): the registry by region and by département.
    await runner.query(`CREATE INDEX cooperatives_by_region ON cooperatives (region) WHERE withdrawn_on IS NULL`);
    await runner.query(`CREATE INDEX cooperatives_by_departement ON cooperatives (departement) WHERE withdrawn_on IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX cooperatives_by_departement`);
    await runner.query(`DROP INDEX cooperatives_by_region`);
    await runner.query(`DROP TABLE funding_agreements`);
    await runner.query(`DROP FUNCTION funding_parts_are_distinct(text[])`);
    await runner.query(`DROP TABLE partners`);
  }
}
