import type { Sector } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { LineDraft, PostingSource } from "../books/entry";
import type { ExpenseRoleCategory } from "../books/ledger";
import type { VatRate } from "../money/arithmetic";

interface SupplierInvoiceRow {
  id: string;
  seq: string;
  number: string;
  issued_on: string;
  category: ExpenseRoleCategory;
  vat_cents: string;
  total_cents: string;
  account_id: string;
  analytic_code: string;
  sector: Sector;
  supplier_code: string;
  supplier_name: string;
  amounts: { vatRate: VatRate; netCents: string }[];
}

/** A supplier's auxiliary account: its code ("F00012") and name. */
export const supplierAux = (code: string, name: string) => ({ number: code, label: name });

/**
 * A supplier's invoice, in the purchases journal (AC) on its issue date: the net of each rate on the
 * category's expense account, the VAT on the deductible VAT, the total owed on the supplier's
 * auxiliary account; the activity's analytic code on every line.
 */
export const supplierInvoicePosting: PostingSource<SupplierInvoiceRow> = {
  kind: "SUPPLIER_INVOICE",
  order: 20,
  pending: (manager: EntityManager, ids) =>
    manager.query(
      `SELECT i.id, i.seq::text, i.number, to_char(i.issued_on, 'YYYY-MM-DD') AS issued_on, i.category, i.vat_cents::text, i.total_cents::text,
              a.id AS account_id, a.analytic_code, a.sector, s.code AS supplier_code, s.name AS supplier_name,
              (SELECT json_agg(json_build_object('vatRate', m.vat_rate, 'netCents', m.net_cents::text) ORDER BY m.vat_rate)
                 FROM supplier_invoice_amounts m WHERE m.invoice_id = i.id) AS amounts
         FROM supplier_invoices i
         JOIN activity_accounts a ON a.id = i.account_id
         JOIN suppliers s ON s.id = i.supplier_id
        WHERE ($1::uuid[] IS NULL OR i.id = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.source_kind = 'SUPPLIER_INVOICE' AND e.source_id = i.id)`,
      [ids],
    ),
  date: (row) => row.issued_on,
  seq: (row) => BigInt(row.seq),
  documentOf: (row) => row.id,
  entry: (row) => {
    const label = `Facture ${row.number} ${row.supplier_name}`;
    const lines: LineDraft[] = row.amounts.map((amount) => ({ role: `EXPENSE_${row.category}`, debitCents: BigInt(amount.netCents) }));
    if (BigInt(row.vat_cents) > 0n) lines.push({ role: "VAT_DEDUCTIBLE_GOODS_SERVICES", debitCents: BigInt(row.vat_cents) });
    lines.push({ role: "SUPPLIERS", creditCents: BigInt(row.total_cents), aux: supplierAux(row.supplier_code, row.supplier_name) });
    return {
      sourceKind: "SUPPLIER_INVOICE",
      sourceId: row.id,
      journal: "AC",
      date: row.issued_on,
      pieceRef: row.number,
      pieceDate: row.issued_on,
      label,
      accountId: row.account_id,
      analyticCode: row.analytic_code,
      sector: row.sector,
      documentId: row.id,
      lines,
    };
  },
};
