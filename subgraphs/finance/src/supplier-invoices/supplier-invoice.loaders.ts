import { In, type DataSource } from "typeorm";
import { loaderByKey, loaderOfLists } from "@cae/shared";
import { createPurchaseFileLoaders } from "./purchase-file";
import { SupplierInvoiceAmountEntity, SupplierInvoiceEntity } from "./supplier-invoice.entity";

/** Supplier invoices per account and by ID, and their amounts: one statement each for a whole request. */
export function createSupplierInvoiceLoaders(db: DataSource) {
  return {
    ...createPurchaseFileLoaders(db),
    supplierInvoicesByAccount: loaderOfLists(
      (keys: readonly string[]) =>
        db.getRepository(SupplierInvoiceEntity).find({ where: { accountId: In([...keys]) }, order: { seq: "DESC" } }),
      (row) => row.accountId,
    ),
    supplierInvoiceById: loaderByKey(
      (ids: readonly string[]) => db.getRepository(SupplierInvoiceEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
    supplierInvoiceAmounts: loaderOfLists(
      (ids: readonly string[]) =>
        db.getRepository(SupplierInvoiceAmountEntity).find({ where: { invoiceId: In([...ids]) }, order: { vatRate: "ASC" } }),
      (row) => row.invoiceId,
    ),
  };
}
