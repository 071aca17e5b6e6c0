import {
  badUserInput,
  encodeId,
  notFound,
  ownLocalId,
  pastMonth,
  plausibleCents,
  requireOwnCooperative,
  todayInFrance,
  type Caller,
  recordAudit,
} from "@cae/shared";
import { IsNull, type DataSource, type EntityManager } from "typeorm";
import { requireAccount } from "../accounts/account-access";
import { conflictOn } from "../errors";
import { parseMonth } from "../money/dates";
import { bracketsOf } from "../settings/settings.mapper";
import { requireSettingsOn } from "../settings/settings.service";
import { accountBrackets, monthlyContribution, storedParts, type MonthFigures } from "./contribution.compute";
import { ContributionEntryEntity, SalaryCostEntity } from "./contribution.entity";
import type { RecordMonthlyContributionsInput, RecordSalaryCostInput } from "./contribution.type";
import { postSources } from "../books/posting";
import { postSalaryCosts } from "../payroll/post-salary-costs";

/**
 * Revenue (invoices minus credit notes, excl. VAT) and expenses by account and month, from `first`
 * to `last`: one statement. An expense counts in the month it is booked in: a late one (an
 * adjustment) in the first month after its date that was open when it was recorded, never in a
 * closed month, whose recorded contribution the books therefore still give. Expenses include the
 * purchases excl. VAT: supplier invoices in their issue month, approved (or paid) expense reports,
 * lines and mileage, in their approval month (both refused in a closed month, `assertMonthOpen`).
 */
export async function monthlyFigures(manager: EntityManager | DataSource, first: string, last: string, accountIds: string[]) {
  const rows: { account_id: string; month: string; revenue: string; expenses: string }[] = await manager.query(
    `SELECT account_id, to_char(month, 'YYYY-MM') AS month, sum(revenue)::text AS revenue, sum(expenses)::text AS expenses FROM (
        SELECT account_id, date_trunc('month', issued_on)::date AS month, net_cents AS revenue, 0 AS expenses
          FROM invoices WHERE status <> 'DRAFT' AND issued_on BETWEEN $1 AND $2 AND account_id = ANY($3)
        UNION ALL SELECT account_id, date_trunc('month', issued_on)::date, -net_cents, 0
          FROM credit_notes WHERE issued_on BETWEEN $1 AND $2 AND account_id = ANY($3)
        UNION ALL SELECT account_id, date_trunc('month', coalesce(booked_on, spent_on))::date, 0, net_cents
          FROM expenses WHERE coalesce(booked_on, spent_on) BETWEEN $1 AND $2 AND account_id = ANY($3)
        UNION ALL SELECT account_id, date_trunc('month', coalesce(booked_on, issued_on))::date, 0, net_cents
          FROM supplier_invoices WHERE coalesce(booked_on, issued_on) BETWEEN $1 AND $2 AND account_id = ANY($3)
        UNION ALL SELECT account_id, date_trunc('month', approved_on)::date, 0, net_cents + mileage_cents
          FROM expense_reports WHERE status IN ('APPROVED', 'PAID') AND approved_on BETWEEN $1 AND $2 AND account_id = ANY($3)
      ) figures GROUP BY account_id, month`,
    [first, last, accountIds],
  );
  const byAccount = new Map<string, Map<string, MonthFigures>>();
  for (const row of rows) {
    const months = byAccount.get(row.account_id) ?? new Map<string, MonthFigures>();
    months.set(row.month, { revenueCents: BigInt(row.revenue), expensesCents: BigInt(row.expenses) });
    byAccount.set(row.account_id, months);
  }
  return byAccount;
}

/**
 * Computes a month's contribution of each account and records it. Recording is idempotent: an
 * account whose entry for the month exists keeps it when the computation gives the same figures,
 * and is refused with CONFLICT when they differ (a recorded month never moves). The month's
 * settings are those in force on its first day.
 */
export async function recordMonthlyContributions(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: RecordMonthlyContributionsInput,
) {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  const { month, first, last } = parseMonth(input.month, "input.month");
  pastMonth(month, "input.month");
  if (last >= todayInFrance()) throw badUserInput(`The month ${month} is not over: its contribution is computed once it is`, "input.month");
  const wanted = input.accountIds?.map((id, i) => ownLocalId(id, cooperativeId, `input.accountIds.${i}`)) ?? null;
  return db.transaction(async (manager) => {
    // One recording at a time, and none while settings change.
    await manager.query("LOCK TABLE contribution_entries IN SHARE ROW EXCLUSIVE MODE");
    const settings = await requireSettingsOn(manager, first);
    // The accounts open at some time in the month: one closed before it began has no more months.
    const accounts: { id: string; contribution_rate: string | null }[] = await manager.query(
      `SELECT id, contribution_rate FROM activity_accounts WHERE opened_on <= $1 AND (closed_on IS NULL OR closed_on >= $2)
        ${wanted ? "AND id = ANY($3)" : ""} ORDER BY analytic_code`,
      wanted ? [last, first, wanted] : [last, first],
    );
    if (wanted && accounts.length !== new Set(wanted).size) throw notFound("Some of input.accountIds are not accounts open in the month");
    const ids = accounts.map((account) => account.id);
    const figures = await monthlyFigures(manager, `${month.slice(0, 4)}-01-01`, last, ids);
    const existing = new Map(
      (await manager.getRepository(ContributionEntryEntity).find({ where: { month: first } })).map((entry) => [entry.accountId, entry]),
    );
    const cooperativeBrackets = bracketsOf(settings);
    const entries: ContributionEntryEntity[] = [];
    const fresh: Omit<ContributionEntryEntity, "id" | "recordedAt">[] = [];
    for (const account of accounts) {
      const months = figures.get(account.id) ?? new Map<string, MonthFigures>();
      const zero = { revenueCents: 0n, expensesCents: 0n };
      const earlier = [...months.entries()].filter(([key]) => key < month).map(([, value]) => value);
      const brackets = accountBrackets(account.contribution_rate, cooperativeBrackets);
      const computed = monthlyContribution(settings.contributionBasis, brackets, earlier, months.get(month) ?? zero);
      const recorded = existing.get(account.id);
      if (recorded) {
        if (recorded.amountCents !== computed.amountCents || recorded.basisCents !== computed.basisCents) {
          throw conflictOn(
            `The contribution of ${month} for account ${encodeId(cooperativeId, account.id)} is recorded (${recorded.amountCents} cents) and would now be ${computed.amountCents}: a recorded month never moves`,
            "input.month",
          );
        }
        entries.push(recorded);
        continue;
      }
      fresh.push({
        accountId: account.id,
        month: first,
        basis: settings.contributionBasis,
        basisCents: computed.basisCents,
        yearBasisBeforeCents: computed.yearBasisBeforeCents,
        rateSource: account.contribution_rate === null ? "COOPERATIVE" : "ACCOUNT",
        parts: storedParts(computed.parts),
        amountCents: computed.amountCents,
        settingsId: settings.id,
      });
    }
    if (fresh.length > 0) {
      const inserted = await manager.getRepository(ContributionEntryEntity).save(
        fresh.map((entry) => manager.getRepository(ContributionEntryEntity).create(entry)),
        { chunk: 200 },
      );
      entries.push(...inserted);
      await postSources(manager, { only: { CONTRIBUTION: inserted.map((entry) => entry.id) } });
      await recordAudit(manager, actor, {
        action: "recordMonthlyContributions",
        entityType: "Cooperative",
        entityId: cooperativeId,
        details: {
          ...input,
          recorded: inserted.map((entry) => ({ accountId: encodeId(cooperativeId, entry.accountId), amountCents: entry.amountCents })),
        },
      });
    }
    const order = new Map(ids.map((id, i) => [id, i]));
    return entries.sort((a, b) => (order.get(a.accountId) ?? 0) - (order.get(b.accountId) ?? 0));
  });
}

export async function recordSalaryCost(db: DataSource, cooperativeId: string, actor: Caller, input: RecordSalaryCostInput) {
  const { month, first } = parseMonth(input.month, "input.month");
  // Payroll records a month once it has begun, never one ahead.
  pastMonth(month, "input.month");
  if (input.amountCents <= 0n) throw badUserInput("amountCents must be above 0", "input.amountCents");
  plausibleCents(input.amountCents, "input.amountCents");
  return db.transaction(async (manager) => {
    const account = await requireAccount(manager, cooperativeId, input.accountId, "input.accountId");
    const repository = manager.getRepository(SalaryCostEntity);
    // The month's own row; an adjustment booked in it (of an earlier, locked month) is another matter.
    if (await repository.findOneBy({ accountId: account.id, month: first, adjustsMonth: IsNull() })) {
      throw conflictOn(`The salary cost of ${input.month} is already recorded for this activity`, "input.month");
    }
    const cost = await repository.save(repository.create({ accountId: account.id, month: first, amountCents: input.amountCents }));
    await postSalaryCosts(manager, [cost.id]);
    await recordAudit(manager, actor, {
      action: "recordSalaryCost",
      entityType: "SalaryCost",
      entityId: encodeId(cooperativeId, cost.id),
      details: { ...input },
    });
    return cost;
  });
}
