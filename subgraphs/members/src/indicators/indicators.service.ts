import { fromJson, jsonRows, queryPrepared, type ContractKind } from "@cae/shared";
import type { DataSource } from "typeorm";
import { PathStage, pathStageSql, peopleByFurthestContract } from "../people/path-stage";
import type { DaysSum, MembersIndicators } from "./indicators.type";

type Row = Record<string, unknown>;
const count = (value: unknown) => Number(value ?? 0);
const daysSum = (n: unknown, days: unknown): DaysSum => ({ count: count(n), totalDays: count(days) });
const stepDays = (value: unknown): DaysSum => {
  const { count: n, days } = fromJson<{ count: unknown; days: unknown }>(value);
  return daysSum(n, days);
};

/** The contracts subgraph's part, received through `@requires`: local person IDs, never names. */
export interface ContractFacts {
  /** Local person ID → furthest contract signed. */
  furthest: ReadonlyMap<string, ContractKind>;
  /** Local person ID → start of the first signed employment contract. */
  employmentOn: ReadonlyMap<string, string>;
  /** Local person ID → start of the first signed objective contract. */
  objectiveOn?: ReadonlyMap<string, string>;
  /** Local person ID → start of the first signed support agreement. */
  supportOn?: ReadonlyMap<string, string>;
}

/** Count and total days from reception to a step whose dates come as the ($n, $n+1) pair of arrays, for steps in the period. */
const receptionTo = (ids: number) =>
  `(SELECT json_build_object('count', count(*), 'days', coalesce(sum(e.starts_on - r.received_on), 0))
      FROM unnest($${ids}::uuid[], $${ids + 1}::date[]) AS e(person_id, starts_on) JOIN receptions r ON r.person_id = e.person_id
     WHERE e.starts_on BETWEEN $1 AND $2)`;

/** The rows of a grouped sub-query as a JSON array (empty when none): the months list non-zero counts only. */
const nonZero = (sql: string) => `(SELECT coalesce(json_agg(row_to_json(r)), '[]') FROM (${sql}) AS r)`;

/**
 * The age bracket of a birth year on a day (the year's difference: the birth day is not recorded):
 * "under 26", "26-35", "36-45", "46-55", "over 55", or "unknown" when the year is not (or no longer) known.
 */
export const ageBracketSql = (birthYear: string, on: string) => `CASE
    WHEN ${birthYear} IS NULL THEN 'unknown'
    WHEN extract(year FROM ${on}) - ${birthYear} < 26 THEN 'under 26'
    WHEN extract(year FROM ${on}) - ${birthYear} <= 35 THEN '26-35'
    WHEN extract(year FROM ${on}) - ${birthYear} <= 45 THEN '36-45'
    WHEN extract(year FROM ${on}) - ${birthYear} <= 55 THEN '46-55'
    ELSE 'over 55' END`;

/** Every figure of the period $1..$2; $3 to $11 are the contracts subgraph's facts, as the parameters below. */
const INDICATORS_SQL = `WITH stages AS (
      SELECT p.first_contact_on,
             ${pathStageSql("p", { EMPLOYMENT: "$5::uuid[]", SUPPORT_AGREEMENT: "$6::uuid[]", OBJECTIVE: "$7::uuid[]" })} AS stage
        FROM people p WHERE p.first_contact_on <= $2
    )
    SELECT
      (SELECT count(*) FROM people WHERE first_contact_on <= $2) AS people,
      (SELECT count(*) FROM receptions WHERE received_on BETWEEN $1 AND $2) AS receptions,
      (SELECT count(*) FROM receptions WHERE decision = 'ADMITTED' AND decided_on BETWEEN $1 AND $2) AS admissions,
      (SELECT count(*) FROM receptions WHERE decision = 'ORIENTED' AND decided_on BETWEEN $1 AND $2) AS orientations,
      (SELECT count(*) FROM associates WHERE admitted_on <= $2 AND (ended_on IS NULL OR ended_on > $2)) AS associates,
      (SELECT count(*) FROM people WHERE first_contact_on <= $2 AND gender = 'FEMALE') AS women,
      (SELECT count(*) FROM people WHERE first_contact_on <= $2 AND gender <> 'UNDISCLOSED') AS gender_declared,
      (SELECT coalesce(sum(decided_on - received_on), 0) FROM receptions WHERE decision = 'ADMITTED' AND decided_on BETWEEN $1 AND $2)
        AS to_admission_days,
      (SELECT count(*) FROM associates a JOIN receptions r ON r.person_id = a.person_id WHERE a.admitted_on BETWEEN $1 AND $2)
        AS to_associate_count,
      (SELECT coalesce(sum(a.admitted_on - r.received_on), 0) FROM associates a JOIN receptions r ON r.person_id = a.person_id
         WHERE a.admitted_on BETWEEN $1 AND $2) AS to_associate_days,
      ${receptionTo(3)} AS to_employment,
      ${receptionTo(8)} AS to_objective,
      ${receptionTo(10)} AS to_support,
      ${jsonRows(`SELECT stage, count(*)::int AS count FROM stages GROUP BY 1`)} AS path_stages,
      ${jsonRows(`SELECT welcome_stage AS stage, count(*)::int AS count FROM people WHERE first_contact_on <= $2
        GROUP BY welcome_stage ORDER BY welcome_stage`)} AS welcome_stages,
      ${jsonRows(`SELECT reason, count(*)::int AS count FROM exits WHERE exited_on BETWEEN $1 AND $2 GROUP BY reason ORDER BY reason`)} AS exits,
      ${jsonRows(`SELECT ${ageBracketSql("birth_year", "$2::date")} AS bracket, count(*)::int AS count
        FROM people WHERE first_contact_on <= $2 GROUP BY 1 ORDER BY 1`)} AS ages,
      ${jsonRows(`SELECT sector, count(*)::int AS count FROM activities WHERE started_on <= $2 GROUP BY sector ORDER BY sector`)} AS sectors,
      -- Each month cut to the period, so that the months add up to the period's figures; stocks at each month's last day
      -- (the period's last day for the last month), so that a network can take any month's, quarter's or year's end.
      ${jsonRows(`SELECT to_char(m.start, 'YYYY-MM') AS month,
          (SELECT count(*)::int FROM receptions WHERE received_on BETWEEN m.first AND m.last) AS receptions,
          (SELECT count(*)::int FROM receptions WHERE decision = 'ADMITTED' AND decided_on BETWEEN m.first AND m.last) AS admissions,
          (SELECT count(*)::int FROM receptions WHERE decision = 'ORIENTED' AND decided_on BETWEEN m.first AND m.last) AS orientations,
          (SELECT count(*)::int FROM exits WHERE exited_on BETWEEN m.first AND m.last) AS exits,
          ${nonZero(`SELECT reason, count(*)::int AS count FROM exits WHERE exited_on BETWEEN m.first AND m.last GROUP BY reason`)}
            AS "exitsByReason",
          (SELECT json_build_object('count', count(*), 'totalDays', coalesce(sum(decided_on - received_on), 0)) FROM receptions
            WHERE decision = 'ADMITTED' AND decided_on BETWEEN m.first AND m.last) AS "receptionToAdmission",
          (SELECT json_build_object('count', count(*), 'totalDays', coalesce(sum(e.starts_on - r.received_on), 0))
             FROM unnest($3::uuid[], $4::date[]) AS e(person_id, starts_on) JOIN receptions r ON r.person_id = e.person_id
            WHERE e.starts_on BETWEEN m.first AND m.last) AS "receptionToEmploymentContract",
          (SELECT count(*)::int FROM people WHERE first_contact_on <= m.last) AS people,
          (SELECT count(*)::int FROM people WHERE first_contact_on <= m.last AND gender = 'FEMALE') AS women,
          (SELECT count(*)::int FROM people WHERE first_contact_on <= m.last AND gender <> 'UNDISCLOSED') AS "genderDeclared",
          (SELECT count(*)::int FROM associates WHERE admitted_on <= m.last AND (ended_on IS NULL OR ended_on > m.last)) AS associates,
          ${nonZero(`SELECT s.stage, count(*)::int AS count FROM stages s WHERE s.first_contact_on <= m.last GROUP BY s.stage`)}
            AS "peopleByPathStage",
          ${nonZero(`SELECT ${ageBracketSql("birth_year", "m.last")} AS bracket, count(*)::int AS count
            FROM people WHERE first_contact_on <= m.last GROUP BY 1`)} AS "ageBrackets",
          ${nonZero(`SELECT sector, count(*)::int AS count FROM activities WHERE started_on <= m.last GROUP BY sector`)}
            AS "activitiesBySector"
        FROM (SELECT start, greatest(start, $1::date) AS first, least((start + interval '1 month - 1 day')::date, $2::date) AS last
              FROM generate_series(date_trunc('month', $1::date), date_trunc('month', $2::date), interval '1 month') AS s(start)
             -- Never fewer rows than months: the limit only tells the planner there are a few (not its default 1000),
             -- so that PostgreSQL does not spend far more on compiling the statement (JIT) than on running it.
             LIMIT ($2::date - $1::date) / 28 + 2) AS m
        ORDER BY m.start`)} AS monthly`;

/**
 * Every figure in one SQL statement of grouped sub-queries over the whole cooperative: no person is
 * loaded, and the network's fan-out costs each cooperative one round trip to its database.
 * Durations are sums and counts, so that the network can add cooperatives exactly.
 */
export async function membersIndicators(db: DataSource, from: string, to: string, contracts: ContractFacts): Promise<MembersIndicators> {
  const employment = [...contracts.employmentOn];
  const pairs = (dates: ReadonlyMap<string, string> = new Map()) => [[...dates.keys()], [...dates.values()]];
  const furthest = peopleByFurthestContract(contracts.furthest);
  const [totals] = await queryPrepared<Row>(db, "members_indicators", INDICATORS_SQL, [
    from,
    to,
    employment.map(([id]) => id),
    employment.map(([, on]) => on),
    furthest.EMPLOYMENT,
    furthest.SUPPORT_AGREEMENT,
    furthest.OBJECTIVE,
    ...pairs(contracts.objectiveOn),
    ...pairs(contracts.supportOn),
  ]);
  const byStage = new Map(fromJson<{ stage: string; count: number }[]>(totals.path_stages).map((row) => [row.stage, row.count]));
  return {
    from,
    to,
    people: count(totals.people),
    peopleByWelcomeStage: fromJson(totals.welcome_stages),
    peopleByPathStage: Object.values(PathStage).map((stage) => ({ stage, count: byStage.get(stage) ?? 0 })),
    receptions: count(totals.receptions),
    admissions: count(totals.admissions),
    orientations: count(totals.orientations),
    exitsByReason: fromJson(totals.exits),
    associates: count(totals.associates),
    women: count(totals.women),
    genderDeclared: count(totals.gender_declared),
    ageBrackets: fromJson(totals.ages),
    activitiesBySector: fromJson(totals.sectors),
    receptionToAdmission: daysSum(totals.admissions, totals.to_admission_days),
    receptionToAssociate: daysSum(totals.to_associate_count, totals.to_associate_days),
    receptionToObjectiveContract: stepDays(totals.to_objective),
    receptionToSupportAgreement: stepDays(totals.to_support),
    receptionToEmploymentContract: stepDays(totals.to_employment),
    monthly: fromJson(totals.monthly),
  };
}
