import { encodeId } from "@cae/shared";
import type { BankEntryRow } from "./bank-entries";
import type { BankStatementEntity, BankStatementLineEntity } from "./bank.entity";
import type { BankJournalEntry, BankStatement, BankStatementLine } from "./bank.type";

export function toBankStatement(entity: BankStatementEntity, cooperativeId: string): BankStatement {
  return {
    id: encodeId(cooperativeId, entity.id),
    localId: entity.id,
    format: entity.format,
    accountIdentifier: entity.accountIdentifier,
    statementRef: entity.statementRef,
    fromDate: entity.fromDate,
    toDate: entity.toDate,
    openingBalanceCents: entity.openingBalanceCents,
    closingBalanceCents: entity.closingBalanceCents,
    lineCount: entity.lineCount,
    skippedDuplicateCount: entity.skippedDuplicates,
    importedAt: entity.importedAt,
  };
}

export function toBankStatementLine(entity: BankStatementLineEntity, cooperativeId: string): BankStatementLine {
  return {
    id: encodeId(cooperativeId, entity.id),
    localId: entity.id,
    statementId: entity.statementId,
    bookingDate: entity.bookingDate,
    valueDate: entity.valueDate,
    amountCents: entity.amountCents,
    label: entity.label,
    counterparty: entity.counterparty,
    bankReference: entity.bankReference,
    endToEndId: entity.endToEndId,
    remittanceInformation: entity.remittance,
  };
}

export function toBankJournalEntry(row: BankEntryRow, cooperativeId: string): BankJournalEntry {
  return {
    id: encodeId(cooperativeId, row.id),
    reference: `${row.journal}${row.fiscal_year}-${String(row.number).padStart(6, "0")}`,
    journal: row.journal,
    number: Number(row.number),
    fiscalYear: Number(row.fiscal_year),
    entryDate: row.entry_date,
    pieceRef: row.piece_ref,
    label: row.label,
    sourceKind: row.source_kind,
    amountCents: BigInt(row.amount_cents),
  };
}
