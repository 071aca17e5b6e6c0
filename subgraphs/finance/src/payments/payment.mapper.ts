import { encodeId } from "@cae/shared";
import type { PaymentEntity } from "./payment.entity";
import type { Payment } from "./payment.type";

export function toPayment(entity: PaymentEntity, cooperativeId: string): Payment {
  return {
    id: encodeId(cooperativeId, entity.id),
    receivedOn: entity.receivedOn,
    amountCents: entity.amountCents,
    method: entity.method,
    reference: entity.reference,
    reason: entity.reason,
    bookedOn: entity.bookedOn ?? entity.receivedOn,
    adjustment: entity.bookedOn !== null,
    localId: entity.id,
    reversalOf: entity.reversalOf,
    invoiceId: entity.invoiceId,
  };
}
