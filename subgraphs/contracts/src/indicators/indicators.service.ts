import {
  CONTRACT_KINDS_IN_PATH_ORDER,
  fromJson,
  jsonRow,
  jsonRows,
  monthsOverlapping,
  queryPrepared,
  todayInFrance,
  type ContractKind,
} from "@cae/shared";
import type { DataSource } from "typeorm";
import type { ContractEndReason } from "../contracts/contract.entity";
import { lastDaySql, runningOnSql, signedSql } from "../contracts/contract.sql";
import type { ContractKindCount, ContractsIndicators } from "./indicators.type";

const LAST_DAY = lastDaySql("c");
const SIGNED = signedSql("c");
/** Hours in force on $2: the latest amendment effective by then, else the contract's own. */
const HOURS_ON_LAST_DAY = `COALESCE((SELECT a.monthly_hours FROM contract_amendments a
  WHERE a.contract_id = c.id AND a.effective_on <= $2 ORDER BY a.number DESC LIMIT 1), c.monthly_hours)`;

/** Hours in force on a month's last day `m.last`. */
const HOURS_ON_MONTH_END = HOURS_ON_LAST_DAY.replace("$2", "m.last");

/** Every figure of the period $1..$2 ($3: today), in one statement. */
const INDICATORS_SQL = `WITH months AS (
    SELECT to_char(s.start, 'YYYY-MM') AS month, least((s.start + interval '1 month - 1 day')::date, $2::date) AS last
      FROM generate_series(date_trunc('month', $1::date), date_trunc('month', $2::date), interval '1 month') AS s(start)
  )
  SELECT
  ${jsonRows(`SELECT kind, to_char(signed_on, 'YYYY-MM') AS month, count(*)::int AS count FROM contracts
    WHERE signed_on BETWEEN $1 AND $2 GROUP BY kind, month`)} AS signed,
  ${jsonRows(`SELECT c.kind, count(*)::int AS count, COALESCE(sum(${HOURS_ON_LAST_DAY}), 0)::text AS hours FROM contracts c
    WHERE ${runningOnSql("c", "$2")} GROUP BY c.kind`)} AS running,
  ${jsonRows(`SELECT to_char(effective_on, 'YYYY-MM') AS month, count(*)::int AS count FROM contract_amendments
    WHERE effective_on BETWEEN $1 AND $2 GROUP BY month`)} AS amendments,
  ${jsonRows(`SELECT c.kind, COALESCE(c.end_reason, 'TERM_REACHED') AS reason, count(*)::int AS count FROM contracts c
    WHERE ${SIGNED} AND ${LAST_DAY} BETWEEN $1 AND $2 AND ${LAST_DAY} < $3::date
    GROUP BY c.kind, reason ORDER BY c.kind, reason`)} AS ends,
  ${jsonRow(`SELECT count(*)::int AS count, COALESCE(sum(e.starts_on - s.first_start), 0)::int AS "totalDays"
     FROM contracts e
     JOIN (SELECT person_id, min(starts_on) AS first_start FROM contracts c
            WHERE c.kind = 'SUPPORT_AGREEMENT' AND ${SIGNED} GROUP BY person_id) s
       ON s.person_id = e.person_id AND s.first_start < e.starts_on
    WHERE e.kind = 'EMPLOYMENT' AND ${signedSql("e")} AND e.starts_on BETWEEN $1 AND $2`)} AS support_to_employment,
  ${jsonRows(`SELECT to_char(e.starts_on, 'YYYY-MM') AS month, count(*)::int AS count, COALESCE(sum(e.starts_on - s.first_start), 0)::int AS "totalDays"
     FROM contracts e
     JOIN (SELECT person_id, min(starts_on) AS first_start FROM contracts c
            WHERE c.kind = 'SUPPORT_AGREEMENT' AND ${SIGNED} GROUP BY person_id) s
       ON s.person_id = e.person_id AND s.first_start < e.starts_on
    WHERE e.kind = 'EMPLOYMENT' AND ${signedSql("e")} AND e.starts_on BETWEEN $1 AND $2 GROUP BY 1`)} AS support_by_month,
  ${jsonRows(`SELECT m.month, c.kind, count(*)::int AS count, COALESCE(sum(${HOURS_ON_MONTH_END}), 0)::text AS hours
     FROM months m JOIN contracts c ON ${runningOnSql("c", "m.last")} GROUP BY m.month, c.kind`)} AS running_by_month`;

type IndicatorsRow = Record<
  "signed" | "running" | "amendments" | "ends" | "support_to_employment" | "support_by_month" | "running_by_month",
  unknown
>;

const everyKind = (counts: Map<string, number>, prefix = ""): ContractKindCount[] =>
  CONTRACT_KINDS_IN_PATH_ORDER.map((kind) => ({ kind, count: counts.get(prefix + kind) ?? 0 }));

/** One statement, whatever the number of contracts. */
export async function contractsIndicators(db: DataSource, from: string, to: string, today = todayInFrance()): Promise<ContractsIndicators> {
  const [row] = await queryPrepared<IndicatorsRow>(db, "contracts_indicators", INDICATORS_SQL, [from, to, today]);
  const signed = fromJson<{ kind: ContractKind; month: string; count: number }[]>(row.signed);
  const running = fromJson<{ kind: ContractKind; count: number; hours: string }[]>(row.running);
  const amendments = fromJson<{ month: string; count: number }[]>(row.amendments);
  const ends = fromJson<{ kind: ContractKind; reason: ContractEndReason; count: number }[]>(row.ends);
  const supportToEmployment = fromJson<{ count: number; totalDays: number }>(row.support_to_employment);

  const signedCounts = new Map<string, number>();
  for (const row of signed) {
    signedCounts.set(row.kind, (signedCounts.get(row.kind) ?? 0) + row.count);
    signedCounts.set(`${row.month}/${row.kind}`, row.count);
  }
  const amendmentsByMonth = new Map(amendments.map((row) => [row.month, row.count]));
  const supportByMonth = new Map(
    fromJson<{ month: string; count: number; totalDays: number }[]>(row.support_by_month).map(({ month, ...days }) => [month, days]),
  );
  const runningByMonth = new Map<string, number>();
  const hoursByMonth = new Map<string, string>();
  for (const { month, kind, count, hours } of fromJson<{ month: string; kind: ContractKind; count: number; hours: string }[]>(
    row.running_by_month,
  )) {
    runningByMonth.set(`${month}/${kind}`, count);
    if (kind === "EMPLOYMENT") hoursByMonth.set(month, hours);
  }
  return {
    from,
    to,
    signedByKind: everyKind(signedCounts),
    runningByKind: everyKind(new Map(running.map((row) => [row.kind, row.count]))),
    runningEmploymentHours: normaliseHours(running.find((row) => row.kind === "EMPLOYMENT")?.hours ?? "0"),
    amendments: amendments.reduce((sum, row) => sum + row.count, 0),
    endsByReason: ends,
    supportToEmployment,
    monthly: monthsOverlapping(from, to).map((month) => ({
      month,
      signedByKind: everyKind(signedCounts, `${month}/`),
      amendments: amendmentsByMonth.get(month) ?? 0,
      supportToEmployment: supportByMonth.get(month) ?? { count: 0, totalDays: 0 },
      runningByKind: everyKind(runningByMonth, `${month}/`),
      runningEmploymentHours: normaliseHours(hoursByMonth.get(month) ?? "0"),
    })),
  };
}

/** "1234.5" or "0" → "1234.50", "0.00": hours always with two decimals. */
function normaliseHours(hours: string): string {
  const [whole, decimals = ""] = hours.split(".");
  return `${whole}.${decimals.padEnd(2, "0").slice(0, 2)}`;
}
