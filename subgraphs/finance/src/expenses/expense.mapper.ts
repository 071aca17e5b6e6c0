import { encodeId } from "@cae/shared";
import type { ExpenseEntity } from "./expense.entity";
import type { Expense } from "./expense.type";

export function toExpense(entity: ExpenseEntity, cooperativeId: string): Expense {
  return {
    id: encodeId(cooperativeId, entity.id),
    spentOn: entity.spentOn,
    bookedOn: entity.bookedOn ?? entity.spentOn,
    adjustment: entity.bookedOn !== null,
    category: entity.category,
    description: entity.description,
    netCents: entity.netCents,
    vatCents: entity.vatCents,
    totalCents: entity.netCents + entity.vatCents,
    receiptReference: entity.receiptReference,
    accountId: entity.accountId,
  };
}
