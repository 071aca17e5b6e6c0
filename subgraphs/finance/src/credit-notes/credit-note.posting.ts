import type { Sector } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { LineDraft, PostingSource, PostingState } from "../books/entry";
import type { LedgerRole } from "../books/ledger";
import { customerAux, salesLines, salesParts, vatDueOnReceipt, type SoldLine } from "../books/sales-vat";
import { SALES_DOCUMENT_COLUMNS } from "../invoices/invoice.posting";
import { roundDiv } from "../money/arithmetic";

interface CreditNoteRow {
  id: string;
  seq: string;
  number: string;
  invoice_id: string;
  invoice_number: string;
  issued_on: string;
  total_cents: string;
  account_id: string;
  analytic_code: string;
  sector: Sector;
  customer_seq: string;
  customer_name: string;
  vat_on_debits: boolean;
  lines: SoldLine[];
}

/**
 * A credit note, in the sales journal: the invoice's entry the other way for the lines it credits.
 * VAT still awaiting payment is cancelled first; what the credit note takes back beyond it was
 * already collected (the invoice was paid) and reduces the VAT collected.
 */
export const creditNotePosting: PostingSource<CreditNoteRow> = {
  kind: "CREDIT_NOTE",
  order: 20,
  pending: (manager: EntityManager, ids) =>
    manager.query(
      `SELECT n.id, n.seq::text, n.number, n.invoice_id, i.number AS invoice_number, to_char(n.issued_on, 'YYYY-MM-DD') AS issued_on,
              n.total_cents::text, ${SALES_DOCUMENT_COLUMNS}, s.vat_on_debits,
              (SELECT json_agg(json_build_object('vatRate', l.vat_rate, 'supply', l.supply, 'netCents', l.net_cents::text))
                 FROM credit_note_lines l WHERE l.credit_note_id = n.id) AS lines
         FROM credit_notes n
         JOIN invoices i ON i.id = n.invoice_id
         JOIN activity_accounts a ON a.id = n.account_id
         JOIN customers c ON c.id = i.customer_id
         JOIN finance_settings s ON s.id = i.settings_id
        WHERE ($1::uuid[] IS NULL OR n.id = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.source_kind = 'CREDIT_NOTE' AND e.source_id = n.id)`,
      [ids],
    ),
  date: (row) => row.issued_on,
  seq: (row) => BigInt(row.seq),
  documentOf: (row) => row.invoice_id,
  entry: (row, state) => ({
    sourceKind: "CREDIT_NOTE",
    sourceId: row.id,
    journal: "VE",
    date: row.issued_on,
    pieceRef: row.number,
    pieceDate: row.issued_on,
    label: `Avoir ${row.number} sur ${row.invoice_number} ${row.customer_name}`,
    accountId: row.account_id,
    analyticCode: row.analytic_code,
    sector: row.sector,
    documentId: row.invoice_id,
    lines: [
      ...salesLines(salesParts(row.lines), "debitCents", (part) =>
        vatDueOnReceipt(part, row.vat_on_debits) ? `VAT_ON_RECEIPTS_${part.vatRate}` : `VAT_COLLECTED_${part.vatRate}`,
      ).flatMap((line) => beyondPending(line, row.invoice_id, state)),
      { role: "CUSTOMERS", creditCents: BigInt(row.total_cents), aux: customerAux(row.customer_seq, row.customer_name) },
    ],
  }),
};

/** A debit on the VAT awaiting payment, cut at what the invoice still has there; the rest on the VAT collected. */
function beyondPending(line: LineDraft, invoiceId: string, state: PostingState): LineDraft[] {
  if (!line.role.startsWith("VAT_ON_RECEIPTS_") || !line.debitCents) return [line];
  const pending = state.balance(invoiceId, line.role);
  if (line.debitCents <= pending) return [line];
  const onReceipts = pending > 0n ? pending : 0n;
  const base = line.vatBaseCents ?? 0n;
  const baseOnReceipts = roundDiv(base * onReceipts, line.debitCents);
  const collected = line.role.replace("VAT_ON_RECEIPTS_", "VAT_COLLECTED_") as LedgerRole;
  return [
    ...(onReceipts > 0n ? [{ ...line, debitCents: onReceipts, vatBaseCents: baseOnReceipts }] : []),
    { ...line, role: collected, debitCents: line.debitCents - onReceipts, vatBaseCents: base - baseOnReceipts },
  ];
}
