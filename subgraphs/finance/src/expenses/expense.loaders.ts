import { In, type DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";
import { ExpenseEntity } from "./expense.entity";

/** The expenses under each activity account, latest recorded first: one statement for every account of a request. */
export function createExpenseLoaders(db: DataSource) {
  return {
    expensesByAccount: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(ExpenseEntity).find({ where: { accountId: In([...keys]) }, order: { seq: "DESC" } }),
      (row) => row.accountId,
    ),
  };
}
