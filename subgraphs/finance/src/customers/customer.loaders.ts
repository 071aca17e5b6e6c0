import { In, type DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";
import { InvoiceEntity } from "../invoices/invoice.entity";
import { CustomerEntity } from "./customer.entity";

/** The lists under an activity account: one statement for every account of a request. */
export function createAccountListLoaders(db: DataSource) {
  return {
    customersByAccount: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(CustomerEntity).find({ where: { accountId: In([...keys]) }, order: { name: "ASC", id: "ASC" } }),
      (row) => row.accountId,
    ),
    invoicesByAccount: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(InvoiceEntity).find({ where: { accountId: In([...keys]) }, order: { seq: "DESC" } }),
      (row) => row.accountId,
    ),
  };
}
