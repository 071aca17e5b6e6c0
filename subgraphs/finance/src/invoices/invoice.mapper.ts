import { encodeId } from "@cae/shared";
import type { InvoiceEntity } from "./invoice.entity";
import type { Invoice } from "./invoice.type";

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
    deliveredOn: entity.deliveredOn,
    periodFrom: entity.periodFrom,
    periodTo: entity.periodTo,
    reverseCharge: entity.reverseCharge,
  };
}
