import type { JournalLine, JournalEntry } from "./books.type";
import type { JournalEntryEntity, JournalLineEntity } from "./journal.entity";

/** The entry's reference in the FEC and on screen: journal, year, number on six digits. */
export const entryReference = (entry: Pick<JournalEntryEntity, "journal" | "fiscalYear" | "number">): string =>
  `${entry.journal}${entry.fiscalYear}-${String(entry.number).padStart(6, "0")}`;

export const toJournalEntry = (entity: JournalEntryEntity): JournalEntry => ({
  id: entity.id,
  reference: entryReference(entity),
  journal: entity.journal,
  fiscalYear: entity.fiscalYear,
  number: entity.number,
  date: entity.entryDate,
  pieceRef: entity.pieceRef,
  pieceDate: entity.pieceDate,
  label: entity.label,
  validatedOn: entity.validatedOn,
  sourceKind: entity.sourceKind,
  accountId: entity.accountId,
});

export const toJournalLine = (entity: JournalLineEntity): JournalLine => ({
  ledgerNumber: entity.ledgerNumber,
  ledgerLabel: entity.ledgerLabel,
  auxNumber: entity.auxNumber,
  auxLabel: entity.auxLabel,
  label: entity.label,
  debitCents: entity.debitCents,
  creditCents: entity.creditCents,
  analyticCode: entity.analyticCode,
});
