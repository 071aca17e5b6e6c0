import { In, type DataSource } from "typeorm";
import { loaderByKey, loaderOfLists } from "@cae/shared";
import { CreditNoteEntity, CreditNoteLineEntity } from "../credit-notes/credit-note.entity";
import { CustomerEntity } from "../customers/customer.entity";
import { PaymentEntity } from "../payments/payment.entity";
import { FinanceSettingsEntity } from "../settings/settings.entity";
import { InvoiceEntity, InvoiceLineEntity } from "./invoice.entity";

/** One statement per kind of row for a whole page or batch: lines, payments, credit notes, customers, settings. */
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
    paymentsByInvoice: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(PaymentEntity).find({ where: { invoiceId: ids(keys) }, order: { seq: "ASC" } }),
      (row) => row.invoiceId,
    ),
    creditNotesByInvoice: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(CreditNoteEntity).find({ where: { invoiceId: ids(keys) }, order: { seq: "ASC" } }),
      (row) => row.invoiceId,
    ),
    creditNoteLinesByCreditNote: loaderOfLists(
      (keys: readonly string[]) =>
        db.getRepository(CreditNoteLineEntity).find({ where: { creditNoteId: ids(keys) }, order: { position: "ASC" } }),
      (row) => row.creditNoteId,
    ),
    customerById: loaderByKey(
      (keys: readonly string[]) => db.getRepository(CustomerEntity).findBy({ id: ids(keys) }),
      (row) => row.id,
    ),
    settingsById: loaderByKey(
      (keys: readonly string[]) => db.getRepository(FinanceSettingsEntity).findBy({ id: ids(keys) }),
      (row) => row.id,
    ),
  };
}
