import { In, type DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";
import { ExpenseReportEntity, ExpenseReportLineEntity, MileageTripEntity } from "../expense-reports/expense-report.entity";
import { TransferItemEntity } from "../transfers/transfer.entity";
import { createSupplierLoaders } from "../suppliers/supplier.loaders";
import { createSupplierInvoiceLoaders } from "./supplier-invoice.loaders";

/** The loaders of purchases and transfers. */
export function createPurchaseLoaders(db: DataSource) {
  return {
    ...createSupplierLoaders(db),
    ...createSupplierInvoiceLoaders(db),
    expenseReportsByAccount: loaderOfLists(
      (keys: readonly string[]) =>
        db.getRepository(ExpenseReportEntity).find({ where: { accountId: In([...keys]) }, order: { seq: "DESC" } }),
      (row) => row.accountId,
    ),
    expenseReportLines: loaderOfLists(
      (ids: readonly string[]) =>
        db.getRepository(ExpenseReportLineEntity).find({ where: { reportId: In([...ids]) }, order: { position: "ASC" } }),
      (row) => row.reportId,
    ),
    transferItems: loaderOfLists(
      (ids: readonly string[]) =>
        db.getRepository(TransferItemEntity).find({ where: { batchId: In([...ids]) }, order: { position: "ASC" } }),
      (row) => row.batchId,
    ),
    mileageTrips: loaderOfLists(
      (ids: readonly string[]) =>
        db.getRepository(MileageTripEntity).find({ where: { reportId: In([...ids]) }, order: { position: "ASC" } }),
      (row) => row.reportId,
    ),
  };
}
