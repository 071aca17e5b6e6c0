import { In, type DataSource } from "typeorm";
import { loaderByKey, loaderOfLists } from "@cae/shared";
import { InvoiceEntity, InvoiceLineEntity } from "./invoice.entity";

/** One statement per kind of row for a whole page or batch: invoices by ID or account, their lines. */
export function createInvoiceLoaders(db: DataSource) {
  const ids = (keys: readonly string[]) => In([...keys]);
  return {
    invoiceById: loaderByKey(
      (keys: readonly string[]) => db.getRepository(InvoiceEntity).findBy({ id: ids(keys) }),
      (row) => row.id,
    ),
    invoiceLinesByInvoice: loaderOfLists(
      (keys: readonly string[]) =>
        db.getRepository(InvoiceLineEntity).find({ where: { invoiceId: ids(keys) }, order: { position: "ASC" } }),
      (row) => row.invoiceId,
    ),
    invoicesByAccount: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(InvoiceEntity).find({ where: { accountId: ids(keys) }, order: { seq: "DESC" } }),
      (row) => row.accountId,
    ),
  };
}
