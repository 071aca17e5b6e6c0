import type { DataSource } from "typeorm";
import type { MembersIndicators } from "./indicators.type";

type Row = Record<string, string | number | null>;
const count = (value: unknown) => Number(value ?? 0);

/** Every figure is one grouped SQL statement over the whole cooperative: no person is loaded. */
export async function membersIndicators(db: DataSource, from: string, to: string): Promise<MembersIndicators> {
  const q = (sql: string): Promise<Row[]> => db.query(sql, [from, to]);
  const [totals] = await q(`SELECT
      (SELECT count(*) FROM people WHERE first_contact_on <= $2) AS people,
      (SELECT count(*) FROM receptions WHERE received_on BETWEEN $1 AND $2) AS receptions,
      (SELECT count(*) FROM receptions WHERE decision = 'ADMITTED' AND decided_on BETWEEN $1 AND $2) AS admissions,
      (SELECT count(*) FROM receptions WHERE decision = 'ORIENTED' AND decided_on BETWEEN $1 AND $2) AS orientations,
      (SELECT count(*) FROM associates WHERE admitted_on <= $2 AND (ended_on IS NULL OR ended_on > $2)) AS associates,
      (SELECT count(*) FROM people WHERE first_contact_on <= $2 AND gender = 'FEMALE') AS women,
      (SELECT count(*) FROM people WHERE first_contact_on <= $2 AND gender <> 'UNDISCLOSED') AS gender_declared,
      (SELECT round(avg(decided_on - received_on)) FROM receptions WHERE decision = 'ADMITTED' AND decided_on BETWEEN $1 AND $2) AS to_admission,
      (SELECT round(avg(a.admitted_on - r.received_on)) FROM associates a JOIN receptions r ON r.person_id = a.person_id
         WHERE a.admitted_on BETWEEN $1 AND $2) AS to_associate`);
  const stages = await db.query(
    `SELECT welcome_stage AS stage, count(*)::int AS count FROM people GROUP BY welcome_stage ORDER BY welcome_stage`,
  );
  const exits = await q(
    `SELECT reason, count(*)::int AS count FROM exits WHERE exited_on BETWEEN $1 AND $2 GROUP BY reason ORDER BY reason`,
  );
  const atEnd = (sql: string): Promise<Row[]> => db.query(sql, [to]);
  const ages = await atEnd(`SELECT CASE
        WHEN birth_year IS NULL THEN 'unknown'
        WHEN extract(year FROM $1::date) - birth_year < 26 THEN 'under 26'
        WHEN extract(year FROM $1::date) - birth_year <= 35 THEN '26-35'
        WHEN extract(year FROM $1::date) - birth_year <= 45 THEN '36-45'
        WHEN extract(year FROM $1::date) - birth_year <= 55 THEN '46-55'
        ELSE 'over 55' END AS bracket, count(*)::int AS count
      FROM people WHERE first_contact_on <= $1 GROUP BY 1 ORDER BY 1`);
  const sectors = await atEnd(
    `SELECT sector, count(*)::int AS count FROM activities WHERE started_on <= $1 GROUP BY sector ORDER BY sector`,
  );
  const average = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    from,
    to,
    people: count(totals.people),
    peopleByWelcomeStage: stages as MembersIndicators["peopleByWelcomeStage"],
    receptions: count(totals.receptions),
    admissions: count(totals.admissions),
    orientations: count(totals.orientations),
    exitsByReason: exits as unknown as MembersIndicators["exitsByReason"],
    associates: count(totals.associates),
    women: count(totals.women),
    genderDeclared: count(totals.gender_declared),
    ageBrackets: ages as unknown as MembersIndicators["ageBrackets"],
    activitiesBySector: sectors as unknown as MembersIndicators["activitiesBySector"],
    averageDaysReceptionToAdmission: average(totals.to_admission),
    averageDaysReceptionToAssociate: average(totals.to_associate),
  };
}
