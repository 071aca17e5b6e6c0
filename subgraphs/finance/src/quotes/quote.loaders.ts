import { In, type DataSource } from "typeorm";
import { loaderByKey, loaderOfLists } from "@cae/shared";
import { InvoiceEntity } from "../invoices/invoice.entity";
import { QuoteEntity, QuoteLineEntity } from "./quote.entity";

/** The quotes under each activity account, their lines, the invoice each became: one statement for a whole page or batch. */
export function createQuoteLoaders(db: DataSource) {
  return {
    quotesByAccount: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(QuoteEntity).find({ where: { accountId: In([...keys]) }, order: { seq: "DESC" } }),
      (row) => row.accountId,
    ),
    quoteLinesByQuote: loaderOfLists(
      (keys: readonly string[]) =>
        db.getRepository(QuoteLineEntity).find({ where: { quoteId: In([...keys]) }, order: { position: "ASC" } }),
      (row) => row.quoteId,
    ),
    invoiceByQuote: loaderByKey(
      (keys: readonly string[]) => db.getRepository(InvoiceEntity).findBy({ quoteId: In([...keys]) }),
      (row) => row.quoteId as string,
    ),
  };
}
