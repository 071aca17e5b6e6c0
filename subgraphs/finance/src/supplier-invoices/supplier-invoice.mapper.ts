import { encodeId } from "@cae/shared";
import type { SupplierEntity } from "../suppliers/supplier.entity";
import { VAT_RATE_ORDER } from "../money/arithmetic";
import { toSupplier } from "../suppliers/supplier.mapper";
import type { SupplierInvoiceAmountEntity, SupplierInvoiceEntity } from "./supplier-invoice.entity";
import type { SupplierInvoice } from "./supplier-invoice.type";

export function toSupplierInvoice(
  entity: SupplierInvoiceEntity,
  supplier: SupplierEntity,
  amounts: readonly SupplierInvoiceAmountEntity[],
  cooperativeId: string,
): SupplierInvoice {
  return {
    id: encodeId(cooperativeId, entity.id),
    number: entity.number,
    supplier: toSupplier(supplier, cooperativeId),
    issuedOn: entity.issuedOn,
    dueOn: entity.dueOn,
    category: entity.category,
    description: entity.description,
    amounts: [...amounts]
      .sort((a, b) => VAT_RATE_ORDER.indexOf(a.vatRate) - VAT_RATE_ORDER.indexOf(b.vatRate))
      .map(({ vatRate, netCents, vatCents }) => ({ vatRate, netCents, vatCents })),
    netCents: entity.netCents,
    vatCents: entity.vatCents,
    totalCents: entity.totalCents,
    paidCents: entity.paidCents,
    balanceCents: entity.totalCents - entity.paidCents,
    status: entity.status,
    accountId: entity.accountId,
    supplierId: entity.supplierId,
    fileId: entity.fileId,
  };
}
