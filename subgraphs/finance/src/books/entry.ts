import type { Sector } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { LedgerRole } from "./ledger";

/** The cooperative's journals (codes as they appear in the FEC). */
export const JOURNALS = {
  VE: "Ventes",
  AC: "Achats",
  BQ: "Banque",
  OD: "Opérations diverses",
} as const;
export type JournalCode = keyof typeof JOURNALS;

/** One line a posting rule writes: a role of the chart, a debit or a credit, never both. */
export interface LineDraft {
  role: LedgerRole;
  debitCents?: bigint;
  creditCents?: bigint;
  /** The auxiliary account (a customer, a supplier, a person) where the role is a third-party account. */
  aux?: { number: string; label: string };
  /** The line's own label; the entry's by default. */
  label?: string;
  /** The line's analytic code; the entry's by default (the cooperative's structure uses STRUCTURE_ANALYTIC_CODE). */
  analyticCode?: string;
  /** On a VAT line: the taxable amount excl. VAT it is the tax of, signed as the line (what the VAT return reads). */
  vatBaseCents?: bigint;
}

/** One journal entry a posting rule writes for one source (an invoice, a payment, an expense…). */
export interface EntryDraft {
  sourceKind: string;
  sourceId: string;
  journal: JournalCode;
  /** The day the operation happened; posted on the first open day when its month is locked. */
  date: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  /** The activity account it belongs to, and its analytic code (on every line) and sector (for revenue accounts). */
  accountId: string | null;
  analyticCode: string;
  sector: Sector | null;
  /** The document whose balance the entry moves (the invoice a payment settles): what posting state is kept by. */
  documentId?: string | null;
  lines: LineDraft[];
}

/**
 * The balances a batch of posting reads and moves, per document and role (credit minus debit), as
 * the journal holds them before the batch plus the drafts already made in it. A rule that settles
 * a part of what an earlier entry booked (VAT on receipts released by a payment) reads it here.
 */
export interface PostingState {
  balance(documentId: string, role: LedgerRole): bigint;
  /** The same for the taxable bases of VAT lines (credit minus debit). */
  vatBase(documentId: string, role: LedgerRole): bigint;
  /** The lines of the entry posted for a source (the payment a reversal cancels), if it has one. */
  linesOf(sourceId: string): readonly LineDraft[] | undefined;
}

/**
 * A kind of source document that produces journal entries: how to load the ones not yet posted
 * (all of them, or the given IDs) and the rule that turns one into an entry. Every kind is listed
 * in `sources/index.ts`; the journal is posted in the order of the sources' dates, then of `order`,
 * then of `seq`.
 */
export interface PostingSource<Row> {
  kind: string;
  /** Where a source of this kind comes among those of the same day (an invoice before its payment). */
  order: number;
  /** The sources of this kind without an entry yet; only those among `ids` when given. */
  pending(manager: EntityManager, ids: readonly string[] | null): Promise<Row[]>;
  date(row: Row): string;
  seq(row: Row): bigint;
  /** The document the entry moves balances of, loaded into the state before the rules run. */
  documentOf?(row: Row): string | null;
  /** The source whose entry the rule reads (`state.linesOf`), loaded before the rules run. */
  relatedOf?(row: Row): string | null;
  /** The entry; null when the source moves nothing (a zero contribution). */
  entry(row: Row, state: PostingState): EntryDraft | null;
}
