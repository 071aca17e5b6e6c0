import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The network's committees (steering and technical), their members, meetings with attendees and
 * minutes, and decisions. The CHECKs repeat the services' rules, so that no write that skips them
 * (a script, a later bug) leaves a meeting half held or a decision closed without a day.
 */
export class CreateCommittees1767000000200 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE committees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('STEERING', 'TECHNICAL')),
        name text NOT NULL CHECK (name <> '' AND length(name) <= 200),
        -- The funding agreement the committee oversees, if any.
        funding_agreement_id uuid REFERENCES funding_agreements (id),
        territory text CHECK (territory <> '' AND length(territory) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Two committees of the same name would be told apart by no one (and a double submit makes one).
    await runner.query(`CREATE UNIQUE INDEX committees_name_key ON committees (lower(name))`);
    await runner.query(`CREATE INDEX committees_list_idx ON committees (name, id)`);
    await runner.query(`CREATE INDEX committees_kind_list_idx ON committees (kind, name, id)`);
    await runner.query(
      `CREATE INDEX committees_funding_agreement_idx ON committees (funding_agreement_id) WHERE funding_agreement_id IS NOT NULL`,
    );

    await runner.query(`
      CREATE TABLE committee_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        committee_id uuid NOT NULL REFERENCES committees (id),
        full_name text NOT NULL CHECK (full_name <> '' AND length(full_name) <= 200),
        organisation text NOT NULL CHECK (organisation <> '' AND length(organisation) <= 200),
        role text NOT NULL CHECK (role <> '' AND length(role) <= 200),
        email text CHECK (email <> '' AND length(email) <= 254),
        joined_on date NOT NULL,
        left_on date CHECK (left_on >= joined_on),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Referenced with the committee by attendances: an attendee is a member of the meeting's committee.
        UNIQUE (committee_id, id)
      )`);
    // The same person sits once at a time on a committee; they may sit again after leaving.
    await runner.query(
      `CREATE UNIQUE INDEX committee_members_sitting_key ON committee_members (committee_id, lower(full_name)) WHERE left_on IS NULL`,
    );

    await runner.query(`
      CREATE TABLE committee_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        committee_id uuid NOT NULL REFERENCES committees (id),
        scheduled_on date NOT NULL,
        place text NOT NULL CHECK (place <> '' AND length(place) <= 300),
        agenda text[] NOT NULL CHECK (
          cardinality(agenda) BETWEEN 1 AND 30 AND array_position(agenda, NULL) IS NULL AND '' <> ALL (agenda)
        ),
        period_from date,
        period_to date,
        held_on date,
        minutes text CHECK (minutes <> '' AND length(minutes) <= 50000),
        minutes_approved_on date,
        cancelled_at timestamptz,
        cancellation_reason text CHECK (cancellation_reason <> '' AND length(cancellation_reason) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (committee_id, id),
        CHECK ((period_from IS NULL) = (period_to IS NULL) AND period_from <= period_to),
        -- Held: the day and the minutes come together.
        CHECK ((held_on IS NULL) = (minutes IS NULL)),
        CHECK (minutes_approved_on IS NULL OR (held_on IS NOT NULL AND minutes_approved_on >= held_on)),
        CHECK ((cancelled_at IS NULL) = (cancellation_reason IS NULL)),
        -- A meeting that took place is not cancelled, and one cancelled has no minutes.
        CHECK (cancelled_at IS NULL OR held_on IS NULL)
      )`);
    await runner.query(`CREATE INDEX committee_meetings_committee_idx ON committee_meetings (committee_id, scheduled_on)`);
    // One meeting of a committee a day (a cancelled one frees its day).
    await runner.query(
      `CREATE UNIQUE INDEX committee_meetings_day_key ON committee_meetings (committee_id, scheduled_on) WHERE cancelled_at IS NULL`,
    );

    await runner.query(`
      CREATE TABLE committee_meeting_attendees (
        meeting_id uuid NOT NULL,
        member_id uuid NOT NULL,
        committee_id uuid NOT NULL,
        PRIMARY KEY (meeting_id, member_id),
        FOREIGN KEY (committee_id, meeting_id) REFERENCES committee_meetings (committee_id, id),
        FOREIGN KEY (committee_id, member_id) REFERENCES committee_members (committee_id, id)
      )`);
    await runner.query(`CREATE INDEX committee_meeting_attendees_member_idx ON committee_meeting_attendees (member_id)`);

    await runner.query(`
      CREATE TABLE committee_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL,
        committee_id uuid NOT NULL,
        text text NOT NULL CHECK (text <> '' AND length(text) <= 2000),
        owner text NOT NULL CHECK (owner <> '' AND length(owner) <= 200),
        due_on date,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'DROPPED')),
        closed_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'OPEN') = (closed_on IS NULL)),
        FOREIGN KEY (committee_id, meeting_id) REFERENCES committee_meetings (committee_id, id)
      )`);
    await runner.query(`CREATE INDEX committee_decisions_meeting_idx ON committee_decisions (meeting_id, created_at)`);
    // What a committee's next meeting reviews: its decisions still open.
    await runner.query(`CREATE INDEX committee_decisions_open_idx ON committee_decisions (committee_id, created_at) WHERE status = 'OPEN'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE committee_decisions`);
    await runner.query(`DROP TABLE committee_meeting_attendees`);
    await runner.query(`DROP TABLE committee_meetings`);
    await runner.query(`DROP TABLE committee_members`);
    await runner.query(`DROP TABLE committees`);
  }
}
