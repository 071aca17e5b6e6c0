import { In, type DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";
import { CreditNoteEntity, CreditNoteLineEntity } from "./credit-note.entity";

/** The credit notes of each invoice and the lines of each credit note: one statement for a whole page or batch. */
export function createCreditNoteLoaders(db: DataSource) {
  const ids = (keys: readonly string[]) => In([...keys]);
  return {
    creditNotesByInvoice: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(CreditNoteEntity).find({ where: { invoiceId: ids(keys) }, order: { seq: "ASC" } }),
      (row) => row.invoiceId,
    ),
    creditNoteLinesByCreditNote: loaderOfLists(
      (keys: readonly string[]) =>
        db.getRepository(CreditNoteLineEntity).find({ where: { creditNoteId: ids(keys) }, order: { position: "ASC" } }),
      (row) => row.creditNoteId,
    ),
  };
}
