import { CONTRACT_KINDS_IN_PATH_ORDER, fromJson, jsonRow, jsonRows, queryPrepared, todayInFrance, type ContractKind } from "@cae/shared";
import type { DataSource } from "typeorm";
import { FOLLOW_UP_MONTHS } from "../membership/follow-up.type";
import { ageBracketSql } from "./indicators.service";
import type { FunderFigures } from "./funder.type";

type Row = Record<string, unknown>;

/** A contract of `alias` (person_contracts) in force on at least one day of the period $1..$2 (its last day included). */
const inForce = (alias: string) => `${alias}.starts_on <= $2 AND (${alias}.last_day IS NULL OR ${alias}.last_day >= $1)`;

/** A yes-or-no answer at entry as a key: no entry situation, or the question left open, is UNKNOWN. */
const yesNo = (column: string) => `CASE WHEN ${column} THEN 'YES' WHEN NOT ${column} THEN 'NO' ELSE 'UNKNOWN' END`;

/** People whose first contract of `kind` (the earliest start among theirs) starts in the period. */
const firstContract = (kind: ContractKind) =>
  `(SELECT count(*)::int FROM (SELECT person_id FROM person_contracts WHERE kind = '${kind}'
      GROUP BY person_id HAVING min(starts_on) BETWEEN $1 AND $2) AS first)`;

/** One population's counts by dimension, in the dimensions' order, then by key (bytewise, so that it does not depend on the collation). */
const byDimension = (population: string) =>
  jsonRows(`SELECT k.dimension, k.key, count(*)::int AS count FROM keys k WHERE k.person_id IN (SELECT person_id FROM ${population})
    GROUP BY k.n, k.dimension, k.key ORDER BY k.n, k.key COLLATE "C"`);

/**
 * Every funder's figure of the period $1..$2 in one statement of grouped sub-queries: no person is
 * loaded, whatever their number. Erased people count like in the other indicators (their record
 * without identity stays; an erased birth year is "unknown").
 */
const FUNDER_SQL = `WITH sessions AS (
      SELECT id, kind, duration_minutes FROM support_sessions WHERE held_on BETWEEN $1::date AND $2::date
    ),
    supported AS (
      SELECT c.person_id FROM person_contracts c WHERE ${inForce("c")}
      UNION
      SELECT sp.person_id FROM support_session_people sp JOIN sessions s ON s.id = sp.session_id
    ),
    received AS (SELECT person_id FROM receptions WHERE received_on BETWEEN $1 AND $2),
    -- Each person of either population once per dimension, so that each dimension adds up to its population.
    keys AS (
      SELECT p.id AS person_id, d.n, d.dimension, d.key
        FROM people p
        LEFT JOIN receptions r ON r.person_id = p.id
        LEFT JOIN entry_situations e ON e.person_id = p.id
        LEFT JOIN partners referrer ON referrer.id = p.referring_partner_id
        CROSS JOIN LATERAL (VALUES
          (1, 'GENDER', p.gender),
          (2, 'AGE_BRACKET', ${ageBracketSql("p.birth_year", "$2::date")}),
          (3, 'JOB_SEEKER', ${yesNo("e.job_seeker")}),
          (4, 'LONG_TERM_JOB_SEEKER', CASE
            WHEN e.job_seeker IS FALSE THEN 'NO'
            WHEN e.job_seeker IS NULL OR e.job_seeker_since IS NULL OR r.received_on IS NULL THEN 'UNKNOWN'
            WHEN e.job_seeker_since <= (r.received_on - interval '12 months')::date THEN 'YES'
            ELSE 'NO' END),
          (5, 'UNEMPLOYMENT_BENEFIT', ${yesNo("e.unemployment_benefit")}),
          (6, 'RSA', ${yesNo("e.rsa")}),
          (7, 'DISABILITY', ${yesNo("e.disability_recognised")}),
          (8, 'EDUCATION_LEVEL', coalesce(e.education_level, 'UNKNOWN')),
          (9, 'PRIORITY_NEIGHBOURHOOD', ${yesNo("e.priority_neighbourhood")}),
          (10, 'DEPARTEMENT', coalesce(e.departement, 'UNKNOWN')),
          (11, 'SECTOR', coalesce(r.sector, 'UNKNOWN')),
          (12, 'REFERRING_PARTNER_KIND', coalesce(referrer.kind, 'NONE'))
        ) AS d(n, dimension, key)
       WHERE p.id IN (SELECT person_id FROM supported UNION SELECT person_id FROM received)
    )
    SELECT
      (SELECT count(*)::int FROM supported) AS supported,
      ${byDimension("supported")} AS supported_by,
      ${byDimension("received")} AS received_by,
      ${jsonRows(`SELECT step, count FROM (VALUES
          (1, 'INFORMATION_MEETING', (SELECT count(*)::int FROM (SELECT a.person_id FROM meeting_attendances a
            JOIN information_meetings m ON m.id = a.meeting_id GROUP BY a.person_id HAVING min(m.held_on) BETWEEN $1 AND $2) AS first)),
          (2, 'RECEPTION', (SELECT count(*)::int FROM receptions WHERE received_on BETWEEN $1 AND $2)),
          (3, 'ADMISSION', (SELECT count(*)::int FROM receptions WHERE decision = 'ADMITTED' AND decided_on BETWEEN $1 AND $2)),
          (4, 'ORIENTATION', (SELECT count(*)::int FROM receptions WHERE decision = 'ORIENTED' AND decided_on BETWEEN $1 AND $2)),
          (5, 'OBJECTIVE_CONTRACT', ${firstContract("OBJECTIVE")}),
          (6, 'SUPPORT_AGREEMENT', ${firstContract("SUPPORT_AGREEMENT")}),
          (7, 'EMPLOYMENT_CONTRACT', ${firstContract("EMPLOYMENT")}),
          (8, 'ASSOCIATE', (SELECT count(*)::int FROM associates WHERE admitted_on BETWEEN $1 AND $2)),
          (9, 'EXIT', (SELECT count(*)::int FROM exits WHERE exited_on BETWEEN $1 AND $2))
        ) AS s(n, step, count) WHERE count > 0 ORDER BY n`)} AS entries,
      ${jsonRows(`SELECT c.kind, count(DISTINCT c.person_id)::int AS count FROM person_contracts c WHERE ${inForce("c")} GROUP BY c.kind`)}
        AS in_contract,
      ${jsonRows(`SELECT pa.kind AS key, count(*)::int AS count FROM receptions r JOIN partners pa ON pa.id = r.partner_id
        WHERE r.decision = 'ORIENTED' AND r.decided_on BETWEEN $1 AND $2 GROUP BY pa.kind ORDER BY pa.kind COLLATE "C"`)}
        AS orientations,
      -- A follow-up is due on the same day of the month 6 or 12 months after the exit (the month's last day when it has
      -- no such day), and counts once due ($3, today): one not recorded yet counts as NOT_RECORDED, so that the funder
      -- sees what is missing; but not an erased person's, who is followed up no more.
      ${jsonRows(`SELECT d.months, coalesce(f.situation, 'NOT_RECORDED') AS situation, count(*)::int AS count
        FROM exits x CROSS JOIN unnest($4::int[]) AS d(months)
        JOIN people p ON p.id = x.person_id
        LEFT JOIN exit_follow_ups f ON f.person_id = x.person_id AND f.months = d.months
       WHERE (x.exited_on + make_interval(months => d.months))::date BETWEEN $1 AND least($2::date, $3::date)
         AND (f.situation IS NOT NULL OR p.erased_at IS NULL)
       GROUP BY 1, 2 ORDER BY d.months, coalesce(f.situation, 'NOT_RECORDED') COLLATE "C"`)} AS follow_ups,
      ${jsonRow(`SELECT
          (SELECT count(*)::int FROM sessions WHERE kind = 'INDIVIDUAL') AS "individualSessions",
          (SELECT coalesce(sum(duration_minutes), 0)::int FROM sessions WHERE kind = 'INDIVIDUAL') AS "individualMinutes",
          (SELECT count(*)::int FROM sessions WHERE kind = 'WORKSHOP') AS workshops,
          (SELECT coalesce(sum(duration_minutes), 0)::int FROM sessions WHERE kind = 'WORKSHOP') AS "workshopMinutes",
          (SELECT count(*)::int FROM support_session_people sp JOIN sessions s ON s.id = sp.session_id WHERE s.kind = 'WORKSHOP')
            AS "workshopAttendances",
          (SELECT count(DISTINCT sp.person_id)::int FROM support_session_people sp JOIN sessions s ON s.id = sp.session_id)
            AS "peopleReached",
          (SELECT count(*)::int FROM sessions s JOIN workshop_signature_sheets w ON w.session_id = s.id WHERE s.kind = 'WORKSHOP')
            AS "workshopsWithSignedSheet"`)} AS support`;

/** The figures with the period they count (not a field: the period is their parent's), so that the report made from them says it. */
export type FunderFiguresOfPeriod = FunderFigures & { period: { from: string; to: string } };

/**
 * What the network's partners and funders ask of the cooperative for the period $from..$to
 * (docs/reporting.md, "Funders' figures"): counts only, in one round trip to the database.
 */
export async function funderFigures(db: DataSource, from: string, to: string): Promise<FunderFiguresOfPeriod> {
  const [row] = await queryPrepared<Row>(db, "members_funder_figures", FUNDER_SQL, [from, to, todayInFrance(), [...FOLLOW_UP_MONTHS]]);
  const inContract = new Map(fromJson<{ kind: ContractKind; count: number }[]>(row.in_contract).map((r) => [r.kind, r.count]));
  return {
    supported: Number(row.supported ?? 0),
    supportedBy: fromJson(row.supported_by),
    receivedBy: fromJson(row.received_by),
    entries: fromJson(row.entries),
    // Every kind listed, zeros included, in path order.
    inContract: CONTRACT_KINDS_IN_PATH_ORDER.map((kind) => ({ kind, count: inContract.get(kind) ?? 0 })),
    orientationsByPartnerKind: fromJson(row.orientations),
    followUps: fromJson(row.follow_ups),
    support: fromJson(row.support),
    period: { from, to },
  };
}
