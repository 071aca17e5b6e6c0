import type { Sector } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { PostingSource } from "../books/entry";
import { customerAux, salesLines, salesParts, vatDueOnReceipt, type SoldLine } from "../books/sales-vat";

interface IssuedInvoiceRow {
  id: string;
  seq: string;
  number: string;
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

/** The sales document a posting rule reads: the invoice, its activity, its customer and its lines. */
export const SALES_DOCUMENT_COLUMNS = `a.id AS account_id, a.analytic_code, a.sector, c.seq::text AS customer_seq, c.name AS customer_name`;

/**
 * An issued invoice, in the sales journal: the customer owes its total; its revenue is credited
 * per kind of supply and its VAT per rate, on the VAT collected for goods (and for services under
 * the option for VAT on debits), else on the VAT awaiting payment, which each payment releases.
 */
export const invoicePosting: PostingSource<IssuedInvoiceRow> = {
  kind: "INVOICE",
  order: 10,
  pending: (manager: EntityManager, ids) =>
    manager.query(
      `SELECT i.id, i.seq::text, i.number, to_char(i.issued_on, 'YYYY-MM-DD') AS issued_on, i.total_cents::text, ${SALES_DOCUMENT_COLUMNS},
              s.vat_on_debits,
              (SELECT json_agg(json_build_object('vatRate', l.vat_rate, 'supply', l.supply, 'netCents', l.net_cents::text))
                 FROM invoice_lines l WHERE l.invoice_id = i.id) AS lines
         FROM invoices i
         JOIN activity_accounts a ON a.id = i.account_id
         JOIN customers c ON c.id = i.customer_id
         JOIN finance_settings s ON s.id = i.settings_id
        WHERE i.status <> 'DRAFT' AND ($1::uuid[] IS NULL OR i.id = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.source_kind = 'INVOICE' AND e.source_id = i.id)`,
      [ids],
    ),
  date: (row) => row.issued_on,
  seq: (row) => BigInt(row.seq),
  documentOf: (row) => row.id,
  entry: (row) => ({
    sourceKind: "INVOICE",
    sourceId: row.id,
    journal: "VE",
    date: row.issued_on,
    pieceRef: row.number,
    pieceDate: row.issued_on,
    label: `Facture ${row.number} ${row.customer_name}`,
    accountId: row.account_id,
    analyticCode: row.analytic_code,
    sector: row.sector,
    documentId: row.id,
    lines: [
      { role: "CUSTOMERS", debitCents: BigInt(row.total_cents), aux: customerAux(row.customer_seq, row.customer_name) },
      ...salesLines(salesParts(row.lines), "creditCents", (part) =>
        vatDueOnReceipt(part, row.vat_on_debits) ? `VAT_ON_RECEIPTS_${part.vatRate}` : `VAT_COLLECTED_${part.vatRate}`,
      ),
    ],
  }),
};
