import { In, type DataSource } from "typeorm";
import { loaderOfLists } from "@cae/shared";
import { PaymentEntity } from "./payment.entity";

/** The payments of each invoice, oldest first: one statement for a whole page or batch. */
export function createPaymentLoaders(db: DataSource) {
  return {
    paymentsByInvoice: loaderOfLists(
      (keys: readonly string[]) => db.getRepository(PaymentEntity).find({ where: { invoiceId: In([...keys]) }, order: { seq: "ASC" } }),
      (row) => row.invoiceId,
    ),
  };
}
