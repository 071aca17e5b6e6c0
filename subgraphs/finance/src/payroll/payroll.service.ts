import {
  addDays,
  badUserInput,
  encodeId,
  lastDayOfMonth,
  localIdOfReference,
  recordAudit,
  requireOwnCooperative,
  type Caller,
} from "@cae/shared";
import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { In } from "typeorm";
import { ActivityAccountEntity } from "../accounts/activity-account.entity";
import { SalaryCostEntity } from "../contributions/contribution.entity";
import { isoDate } from "../money/dates";
import { parsePayrollResults, payrollFileError, type LineError, type PayrollResultLine } from "./payroll-csv";
import { postSalaryCosts } from "./post-salary-costs";
import type { ImportPayrollResultsInput } from "./payroll.type";

/** A file larger than this is not a month of payroll results. */
const MAX_FILE_CHARACTERS = 5_000_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The split a row stands for: a manual total is gross pay owed whole (net = gross, no contributions), as the journal posts it. */
interface Split {
  gross: bigint;
  net: bigint;
  employer: bigint;
}
const splitOf = (row: SalaryCostEntity): Split => ({
  gross: row.grossCents ?? row.amountCents,
  net: row.netCents ?? row.amountCents,
  employer: row.employerContributionsCents ?? 0n,
});

export interface ImportedLine {
  result: PayrollResultLine;
  account: ActivityAccountEntity;
  bookedMonth: string;
  adjustment: boolean;
  previousEmployerCostCents: bigint | null;
  salaryCost: SalaryCostEntity | null;
}

/**
 * Imports the payroll provider's results (docs/payroll.md): each line's figures become its
 * activity's salary cost of the month, replacing what staff typed or an earlier import, while the
 * month's books are open; once they are locked (`books_lock`), the difference is an adjustment
 * booked in the first open month. All or nothing: a line that is wrong refuses the whole file,
 * every wrong line named. The journal gets each change (posting source SALARY_COST) in the same
 * transaction.
 */
export async function importPayrollResults(db: DataSource, cooperativeId: string, actor: Caller, input: ImportPayrollResultsInput) {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  if (input.csv.length > MAX_FILE_CHARACTERS) throw badUserInput(`The file is larger than ${MAX_FILE_CHARACTERS} characters`, "input.csv");
  if (input.delimiter !== undefined && input.delimiter !== null && input.delimiter.length !== 1) {
    throw badUserInput(`The delimiter is one character (";" by default), got "${input.delimiter}"`, "input.delimiter");
  }
  const lines = parsePayrollResults(input.csv, "input.csv", {
    columns: input.columns ?? undefined,
    delimiter: input.delimiter ?? undefined,
  });

  return db.transaction(async (manager) => {
    // One import or manual recording at a time: each reads the month's rows and writes from them.
    await manager.query("LOCK TABLE salary_costs IN SHARE ROW EXCLUSIVE MODE");
    // Shared: the books are not locked further while this import writes (the lock's mover takes it exclusively).
    const [lock]: { locked_through: string }[] = await manager.query(
      "SELECT to_char(locked_through, 'YYYY-MM-DD') AS locked_through FROM books_lock FOR SHARE",
    );
    const lockedThrough = lock?.locked_through ?? null;
    const accounts = await accountsOfLines(manager, cooperativeId, lines);

    const months = [...new Set(lines.map((line) => line.month))].sort();
    const pairs = lines.map((line) => ({ accountId: accounts.get(line.line)!.id, month: `${line.month}-01` }));
    const existing: SalaryCostEntity[] = await manager
      .getRepository(SalaryCostEntity)
      .createQueryBuilder("cost")
      .where(`(cost.account_id, coalesce(cost.adjusts_month, cost.month)) IN (SELECT * FROM unnest(:accounts::uuid[], :months::date[]))`, {
        accounts: pairs.map((pair) => pair.accountId),
        months: pairs.map((pair) => pair.month),
      })
      .getMany();
    const concerning = (accountId: string, month: string) =>
      existing.filter((row) => row.accountId === accountId && isoDate(row.adjustsMonth ?? row.month) === month);

    const [imported]: { id: string }[] = await manager.query(
      "INSERT INTO payroll_imports (months, line_count, sha256) VALUES ($1, $2, $3) RETURNING id",
      [months, lines.length, createHash("sha256").update(input.csv).digest("hex")],
    );
    const repository = manager.getRepository(SalaryCostEntity);
    const results: ImportedLine[] = [];
    for (const line of lines) {
      const account = accounts.get(line.line)!;
      const first = `${line.month}-01`;
      const rows = concerning(account.id, first);
      const wanted: Split = { gross: line.grossCents, net: line.netCents, employer: line.employerContributionsCents };
      const before = rows.reduce(
        (sum, row) => {
          const split = splitOf(row);
          return { gross: sum.gross + split.gross, net: sum.net + split.net, employer: sum.employer + split.employer };
        },
        { gross: 0n, net: 0n, employer: 0n },
      );
      const previousEmployerCostCents = rows.length === 0 ? null : rows.reduce((sum, row) => sum + row.amountCents, 0n);
      const locked = lockedThrough !== null && lastDayOfMonth(first) <= lockedThrough;
      const bookedMonth = locked ? `${addDays(lockedThrough!, 1).slice(0, 7)}-01` : first;
      const sameFigures =
        rows.length > 0 && before.gross === wanted.gross && before.net === wanted.net && before.employer === wanted.employer;
      const manualOnly = rows.length > 0 && rows.every((row) => row.source === "MANUAL");
      let salaryCost: SalaryCostEntity | null = null;
      if (!sameFigures || (!locked && manualOnly)) {
        // Open month: the month's own row takes the figures. Locked: the adjustment booked in the first open month takes the difference.
        const figures = locked
          ? { gross: wanted.gross - before.gross, net: wanted.net - before.net, employer: wanted.employer - before.employer }
          : wanted;
        const target = locked
          ? rows.find((row) => row.adjustsMonth !== null && isoDate(row.month) === bookedMonth)
          : rows.find((row) => row.adjustsMonth === null);
        const base = target && locked ? splitOf(target) : { gross: 0n, net: 0n, employer: 0n };
        const values = {
          source: "PAYROLL_IMPORT" as const,
          grossCents: base.gross + figures.gross,
          netCents: base.net + figures.net,
          employerContributionsCents: base.employer + figures.employer,
          amountCents: base.gross + figures.gross + base.employer + figures.employer,
          importId: imported.id,
        };
        if (target) {
          await repository.update({ id: target.id }, values);
          salaryCost = Object.assign(target, values);
        } else {
          salaryCost = await repository.save(
            repository.create({ accountId: account.id, month: bookedMonth, adjustsMonth: locked ? first : null, ...values }),
          );
          existing.push(salaryCost);
        }
      }
      results.push({ result: line, account, bookedMonth, adjustment: locked, previousEmployerCostCents, salaryCost });
    }
    const written = results.flatMap((result) => (result.salaryCost ? [result.salaryCost.id] : []));
    await postSalaryCosts(manager, written);
    await recordAudit(manager, actor, {
      action: "importPayrollResults",
      entityType: "PayrollImport",
      entityId: encodeId(cooperativeId, imported.id),
      details: {
        months,
        lines: lines.length,
        results: results.map(({ result, account, adjustment, previousEmployerCostCents }) => ({
          line: result.line,
          accountId: encodeId(cooperativeId, account.id),
          month: result.month,
          employerCostCents: result.employerCostCents,
          previousEmployerCostCents,
          adjustment,
        })),
      },
    });
    return { id: imported.id, months, lineCount: lines.length, results };
  });
}

/**
 * The activity of each line (by line number): its analytic code, else the one activity its
 * employee had open in the month. Two statements whatever the file's size; every line that names
 * no activity of the cooperative, or two lines for the same activity and month, is refused.
 */
async function accountsOfLines(
  manager: EntityManager,
  cooperativeId: string,
  lines: readonly PayrollResultLine[],
): Promise<Map<number, ActivityAccountEntity>> {
  const errors: LineError[] = [];
  const personOf = new Map<number, string>();
  for (const line of lines) {
    if (!line.employeeId) continue;
    const localId = UUID.test(line.employeeId) ? line.employeeId.toLowerCase() : localIdOfReference(line.employeeId, cooperativeId);
    if (!localId)
      errors.push({ line: line.line, message: `employee ID "${line.employeeId}" is not a person of cooperative ${cooperativeId}` });
    else personOf.set(line.line, localId);
  }
  const codes = [...new Set(lines.flatMap((line) => (line.analyticCode ? [line.analyticCode] : [])))];
  const repository = manager.getRepository(ActivityAccountEntity);
  const byCode = new Map((codes.length ? await repository.findBy({ analyticCode: In(codes) }) : []).map((a) => [a.analyticCode, a]));
  const people = [...new Set(personOf.values())];
  const byPerson = new Map<string, ActivityAccountEntity[]>();
  for (const account of people.length ? await repository.findBy({ personId: In(people) }) : []) {
    byPerson.set(account.personId, [...(byPerson.get(account.personId) ?? []), account]);
  }
  const openIn = (account: ActivityAccountEntity, month: string) =>
    isoDate(account.openedOn) <= lastDayOfMonth(`${month}-01`) && (account.closedOn === null || isoDate(account.closedOn) >= `${month}-01`);

  const result = new Map<number, ActivityAccountEntity>();
  const seen = new Map<string, number>();
  for (const line of lines) {
    let account: ActivityAccountEntity | undefined;
    const personId = personOf.get(line.line);
    if (line.analyticCode) {
      account = byCode.get(line.analyticCode);
      if (!account) {
        errors.push({ line: line.line, message: `no activity has the analytic code "${line.analyticCode}"` });
        continue;
      }
      if (personId && account.personId !== personId) {
        errors.push({ line: line.line, message: `activity ${line.analyticCode} is not employee ${line.employeeId}'s` });
        continue;
      }
    } else if (personId) {
      const open = (byPerson.get(personId) ?? []).filter((candidate) => openIn(candidate, line.month));
      if (open.length !== 1) {
        errors.push({
          line: line.line,
          message:
            open.length === 0
              ? `employee ${line.employeeId} has no activity open in ${line.month}`
              : `employee ${line.employeeId} has ${open.length} activities open in ${line.month} (${open.map((a) => a.analyticCode).join(", ")}): give the analytic code`,
        });
        continue;
      }
      account = open[0];
    } else continue; // its error is already told
    if (!openIn(account, line.month)) {
      errors.push({ line: line.line, message: `activity ${account.analyticCode} is not open in ${line.month}` });
      continue;
    }
    const key = `${account.id}/${line.month}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        line: line.line,
        message: `activity ${account.analyticCode} already has results for ${line.month} on line ${earlier}`,
      });
      continue;
    }
    seen.set(key, line.line);
    result.set(line.line, account);
  }
  if (errors.length > 0)
    throw payrollFileError(
      errors.sort((a, b) => a.line - b.line),
      "input.csv",
    );
  return result;
}
