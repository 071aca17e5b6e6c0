import { encodeId } from "@cae/shared";
import type { QuoteEntity } from "./quote.entity";
import type { Quote } from "./quote.type";

export function toQuote(entity: QuoteEntity, cooperativeId: string): Quote {
  return {
    id: encodeId(cooperativeId, entity.id),
    number: entity.number,
    status: entity.status,
    issuedOn: entity.issuedOn,
    validUntil: entity.validUntil,
    decidedOn: entity.decidedOn,
    netCents: entity.netCents,
    vatCents: entity.vatCents,
    totalCents: entity.totalCents,
    localId: entity.id,
    accountId: entity.accountId,
    customerId: entity.customerId,
    settingsId: entity.settingsId,
  };
}
