import { In, type DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";
import { ContributionEntryEntity } from "../contributions/contribution.entity";
import { ExpenseEntity } from "../expenses/expense.entity";
import { InvoiceEntity } from "../invoices/invoice.entity";
import { CustomerEntity } from "./customer.entity";

/** The lists under an activity account: one statement for every account of a request. */
export function createAccountListLoaders(db: DataSource) {
  const of = (keys: readonly string[]) => ({ accountId: In([...keys]) });
  return {
    customersByAccount: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(CustomerEntity).find({ where: of(keys), order: { name: "ASC", id: "ASC" } }),
      (row) => row.accountId,
    ),
    invoicesByAccount: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(InvoiceEntity).find({ where: of(keys), order: { seq: "DESC" } }),
      (row) => row.accountId,
    ),
    expensesByAccount: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(ExpenseEntity).find({ where: of(keys), order: { seq: "DESC" } }),
      (row) => row.accountId,
    ),
    contributionsByAccount: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(ContributionEntryEntity).find({ where: of(keys), order: { month: "DESC" } }),
      (row) => row.accountId,
    ),
  };
}
