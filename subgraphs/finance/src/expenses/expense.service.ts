import { badUserInput, encodeId, pastDate, plausibleCents, requiredText, type Caller, recordAudit } from "@cae/shared";
import type { DataSource } from "typeorm";
import { requireAccount, requireActiveActivity } from "../accounts/account-access";
import { adjustmentMonth } from "../contributions/closed-month";
import { ExpenseEntity } from "./expense.entity";
import type { RecordExpenseInput } from "./expense.type";
import { postSources } from "../books/posting";

/**
 * Records an expense at its real date. A receipt often comes in late: dated in a month whose
 * contribution is recorded, it is not refused but booked as an adjustment in the first month
 * after it that is still open, so the closed month's figures (and its contribution) never move.
 */
export async function recordExpense(db: DataSource, cooperativeId: string, actor: Caller, input: RecordExpenseInput) {
  if (input.netCents <= 0n) throw badUserInput("netCents must be above 0", "input.netCents");
  plausibleCents(input.netCents, "input.netCents");
  if (input.vatCents < 0n || input.vatCents > input.netCents)
    throw badUserInput("vatCents must be between 0 and the net amount", "input.vatCents");
  pastDate(input.spentOn, "input.spentOn");
  const values = {
    spentOn: input.spentOn,
    category: input.category,
    description: requiredText(input.description, "input.description", 500),
    netCents: input.netCents,
    vatCents: input.vatCents,
    receiptReference: requiredText(input.receiptReference, "input.receiptReference", 100),
  };
  return db.transaction(async (manager) => {
    const account = await requireAccount(manager, cooperativeId, input.accountId, "input.accountId");
    await requireActiveActivity(manager, cooperativeId, account, "input.accountId", "booking");
    const bookedOn = await adjustmentMonth(manager, account.id, input.spentOn);
    const repository = manager.getRepository(ExpenseEntity);
    const expense = await repository.save(repository.create({ ...values, bookedOn, accountId: account.id }));
    await postSources(manager, { only: { EXPENSE: [expense.id] } });
    await recordAudit(manager, actor, {
      action: "recordExpense",
      entityType: "Expense",
      entityId: encodeId(cooperativeId, expense.id),
      details: { ...input, bookedOn },
    });
    return expense;
  });
}
