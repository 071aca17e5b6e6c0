import { CONTRACT_KINDS_IN_PATH_ORDER, monthsOverlapping, todayInFrance, type ContractKind } from "@cae/shared";
import type { DataSource } from "typeorm";
import type { ContractEndReason } from "../contracts/contract.entity";
import { lastDaySql, runningOnSql, signedSql } from "../contracts/contract.sql";
import type { ContractKindCount, ContractsIndicators } from "./indicators.type";

const LAST_DAY = lastDaySql("c");
const SIGNED = signedSql("c");
/** Hours in force on $1: the latest amendment effective by then, else the contract's own. */
const HOURS_ON = `COALESCE((SELECT a.monthly_hours FROM contract_amendments a
  WHERE a.contract_id = c.id AND a.effective_on <= $1 ORDER BY a.number DESC LIMIT 1), c.monthly_hours)`;

const everyKind = (counts: Map<string, number>, prefix = ""): ContractKindCount[] =>
  CONTRACT_KINDS_IN_PATH_ORDER.map((kind) => ({ kind, count: counts.get(prefix + kind) ?? 0 }));

/** Five grouped statements, whatever the number of contracts. */
export async function contractsIndicators(db: DataSource, from: string, to: string, today = todayInFrance()): Promise<ContractsIndicators> {
  const [signed, running, amendments, ends, supportToEmployment] = await Promise.all([
    db.query(
      `SELECT kind, to_char(signed_on, 'YYYY-MM') AS month, count(*)::int AS count FROM contracts
        WHERE signed_on BETWEEN $1 AND $2 GROUP BY kind, month`,
      [from, to],
    ) as Promise<{ kind: ContractKind; month: string; count: number }[]>,
    db.query(
      `SELECT c.kind, count(*)::int AS count, COALESCE(sum(${HOURS_ON}), 0)::text AS hours FROM contracts c
        WHERE ${runningOnSql("c", "$1")}
        GROUP BY c.kind`,
      [to],
    ) as Promise<{ kind: ContractKind; count: number; hours: string }[]>,
    db.query(
      `SELECT to_char(effective_on, 'YYYY-MM') AS month, count(*)::int AS count FROM contract_amendments
        WHERE effective_on BETWEEN $1 AND $2 GROUP BY month`,
      [from, to],
    ) as Promise<{ month: string; count: number }[]>,
    db.query(
      `SELECT c.kind, COALESCE(c.end_reason, 'TERM_REACHED') AS reason, count(*)::int AS count FROM contracts c
        WHERE ${SIGNED} AND ${LAST_DAY} BETWEEN $1 AND $2 AND ${LAST_DAY} < $3
        GROUP BY c.kind, reason ORDER BY c.kind, reason`,
      [from, to, today],
    ) as Promise<{ kind: ContractKind; reason: ContractEndReason; count: number }[]>,
    db.query(
      `SELECT count(*)::int AS count, COALESCE(sum(e.starts_on - s.first_start), 0)::int AS "totalDays"
         FROM contracts e
         JOIN (SELECT person_id, min(starts_on) AS first_start FROM contracts c
                WHERE c.kind = 'SUPPORT_AGREEMENT' AND ${SIGNED} GROUP BY person_id) s
           ON s.person_id = e.person_id AND s.first_start < e.starts_on
        WHERE e.kind = 'EMPLOYMENT' AND ${signedSql("e")} AND e.starts_on BETWEEN $1 AND $2`,
      [from, to],
    ) as Promise<{ count: number; totalDays: number }[]>,
  ]);

  const signedCounts = new Map<string, number>();
  for (const row of signed) {
    signedCounts.set(row.kind, (signedCounts.get(row.kind) ?? 0) + row.count);
    signedCounts.set(`${row.month}/${row.kind}`, row.count);
  }
  const amendmentsByMonth = new Map(amendments.map((row) => [row.month, row.count]));
  return {
    from,
    to,
    signedByKind: everyKind(signedCounts),
    runningByKind: everyKind(new Map(running.map((row) => [row.kind, row.count]))),
    runningEmploymentHours: normaliseHours(running.find((row) => row.kind === "EMPLOYMENT")?.hours ?? "0"),
    amendments: amendments.reduce((sum, row) => sum + row.count, 0),
    endsByReason: ends,
    supportToEmployment: supportToEmployment[0],
    monthly: monthsOverlapping(from, to).map((month) => ({
      month,
      signedByKind: everyKind(signedCounts, `${month}/`),
      amendments: amendmentsByMonth.get(month) ?? 0,
    })),
  };
}

/** "1234.5" or "0" → "1234.50", "0.00": hours always with two decimals. */
function normaliseHours(hours: string): string {
  const [whole, decimals = ""] = hours.split(".");
  return `${whole}.${decimals.padEnd(2, "0").slice(0, 2)}`;
}
