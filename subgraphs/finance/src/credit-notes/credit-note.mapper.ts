import { encodeId } from "@cae/shared";
import type { CreditNoteEntity } from "./credit-note.entity";
import type { CreditNote } from "./credit-note.type";

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
