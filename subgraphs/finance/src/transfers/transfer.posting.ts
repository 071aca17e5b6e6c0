import type { Sector } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { PostingSource } from "../books/entry";
import { expenseReportAux } from "../expense-reports/expense-report.posting";
import { supplierAux } from "../supplier-invoices/supplier-invoice.posting";

interface ExecutedTransferRow {
  id: string;
  seq: string;
  executed_on: string;
  batch_number: string;
  end_to_end_id: string;
  amount_cents: string;
  remittance: string;
  supplier_invoice_id: string | null;
  expense_report_id: string | null;
  supplier_code: string | null;
  supplier_name: string | null;
  person_id: string | null;
  account_id: string;
  analytic_code: string;
  sector: Sector;
}

/**
 * A transfer the bank executed, in the bank journal (BQ) on its execution day: the supplier's or
 * the person's account is settled (debit), the bank credited; its piece is the end-to-end ID the
 * bank statement gives back. The activity's analytic code on both lines.
 */
export const purchasePaymentPosting: PostingSource<ExecutedTransferRow> = {
  kind: "PURCHASE_PAYMENT",
  order: 40,
  pending: (manager: EntityManager, ids) =>
    manager.query(
      `SELECT t.id, t.seq::text, to_char(b.executed_on, 'YYYY-MM-DD') AS executed_on, b.number AS batch_number, t.end_to_end_id,
              t.amount_cents::text, t.remittance, t.supplier_invoice_id, t.expense_report_id,
              s.code AS supplier_code, s.name AS supplier_name, r.person_id, a.id AS account_id, a.analytic_code, a.sector
         FROM transfer_items t
         JOIN transfer_batches b ON b.id = t.batch_id
         JOIN activity_accounts a ON a.id = t.account_id
         LEFT JOIN supplier_invoices i ON i.id = t.supplier_invoice_id
         LEFT JOIN suppliers s ON s.id = i.supplier_id
         LEFT JOIN expense_reports r ON r.id = t.expense_report_id
        WHERE b.status = 'EXECUTED' AND ($1::uuid[] IS NULL OR t.id = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.source_kind = 'PURCHASE_PAYMENT' AND e.source_id = t.id)`,
      [ids],
    ),
  date: (row) => row.executed_on,
  seq: (row) => BigInt(row.seq),
  documentOf: (row) => row.supplier_invoice_id ?? row.expense_report_id,
  entry: (row) => {
    const amount = BigInt(row.amount_cents);
    const settled =
      row.supplier_invoice_id !== null
        ? { role: "SUPPLIERS" as const, debitCents: amount, aux: supplierAux(row.supplier_code as string, row.supplier_name as string) }
        : { role: "EXPENSE_REPORTS_DUE" as const, debitCents: amount, aux: expenseReportAux(row.person_id as string) };
    return {
      sourceKind: "PURCHASE_PAYMENT",
      sourceId: row.id,
      journal: "BQ",
      date: row.executed_on,
      pieceRef: row.end_to_end_id,
      pieceDate: row.executed_on,
      label: `Virement ${row.batch_number} ${row.remittance}`,
      accountId: row.account_id,
      analyticCode: row.analytic_code,
      sector: row.sector,
      documentId: row.supplier_invoice_id ?? row.expense_report_id,
      lines: [settled, { role: "BANK", creditCents: amount }],
    };
  },
};
