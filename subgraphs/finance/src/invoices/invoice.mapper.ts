import { encodeId } from "@cae/shared";
import type { CreditNoteEntity } from "../credit-notes/credit-note.entity";
import type { PaymentEntity } from "../payments/payment.entity";
import type { Payment } from "../payments/payment.type";
import type { InvoiceEntity } from "./invoice.entity";
import type { CreditNote, Invoice } from "./invoice.type";

export function toInvoice(entity: InvoiceEntity, cooperativeId: string): Invoice {
  return {
    id: encodeId(cooperativeId, entity.id),
    number: entity.number,
    status: entity.status,
    issuedOn: entity.issuedOn,
    dueOn: entity.dueOn,
    paymentTermsDays: entity.paymentTermsDays,
    netCents: entity.netCents,
    vatCents: entity.vatCents,
    totalCents: entity.totalCents,
    paidCents: entity.paidCents,
    creditedCents: entity.creditedCents,
    balanceCents: entity.status === "DRAFT" ? entity.totalCents : entity.totalCents - entity.creditedCents - entity.paidCents,
    localId: entity.id,
    accountId: entity.accountId,
    customerId: entity.customerId,
    settingsId: entity.settingsId,
  };
}

export function toCreditNote(entity: CreditNoteEntity, cooperativeId: string): CreditNote {
  return {
    id: encodeId(cooperativeId, entity.id),
    number: entity.number,
    issuedOn: entity.issuedOn,
    reason: entity.reason,
    netCents: entity.netCents,
    vatCents: entity.vatCents,
    totalCents: entity.totalCents,
    localId: entity.id,
    invoiceId: entity.invoiceId,
    accountId: entity.accountId,
    settingsId: entity.settingsId,
  };
}

export function toPayment(entity: PaymentEntity, cooperativeId: string): Payment {
  return {
    id: encodeId(cooperativeId, entity.id),
    receivedOn: entity.receivedOn,
    amountCents: entity.amountCents,
    method: entity.method,
    reference: entity.reference,
    invoiceId: entity.invoiceId,
  };
}
