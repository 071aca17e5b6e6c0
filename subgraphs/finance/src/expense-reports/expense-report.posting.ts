import type { Sector } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { LineDraft, PostingSource } from "../books/entry";
import { personAccount, type ExpenseRoleCategory } from "../books/ledger";

interface ApprovedReportRow {
  id: string;
  seq: string;
  month: string;
  approved_on: string;
  submitted_on: string;
  person_id: string;
  vat_cents: string;
  mileage_cents: string;
  total_cents: string;
  account_id: string;
  analytic_code: string;
  sector: Sector;
  lines: { category: ExpenseRoleCategory; description: string; netCents: string }[];
}

/**
 * What the cooperative owes a person for the expenses they advanced, on EXPENSE_REPORTS_DUE (467):
 * one auxiliary account per person, whatever their activities. Finance holds no names, so it is
 * made from the person's ID, as the payroll's account of a person on 421 is.
 */
export const expenseReportAux = (personId: string) => personAccount("NDF", "Entrepreneur", personId);

/** An expense report's piece: the activity's code and the month ("NDF-ACT-0042-2026-10"). */
export const expenseReportRef = (analyticCode: string, month: string) => `NDF-${analyticCode}-${month}`;

/**
 * An approved expense report, in the miscellaneous journal (OD) on its approval day (when the
 * cooperative takes on the debt): each expense's net on its category's account, the receipts'
 * VAT on the deductible VAT, the mileage on MILEAGE (no VAT: an allowance is not a purchase), the
 * total owed on the person's auxiliary account.
 */
export const expenseReportPosting: PostingSource<ApprovedReportRow> = {
  kind: "EXPENSE_REPORT",
  order: 30,
  pending: (manager: EntityManager, ids) =>
    manager.query(
      `SELECT r.id, r.seq::text, r.month, to_char(r.approved_on, 'YYYY-MM-DD') AS approved_on,
              to_char((r.created_at AT TIME ZONE 'Europe/Paris')::date, 'YYYY-MM-DD') AS submitted_on, r.person_id,
              r.vat_cents::text, r.mileage_cents::text, r.total_cents::text, a.id AS account_id, a.analytic_code, a.sector,
              coalesce((SELECT json_agg(json_build_object('category', l.category, 'description', l.description, 'netCents', l.net_cents::text) ORDER BY l.position)
                 FROM expense_report_lines l WHERE l.report_id = r.id), '[]'::json) AS lines
         FROM expense_reports r
         JOIN activity_accounts a ON a.id = r.account_id
        WHERE r.approved_on IS NOT NULL AND ($1::uuid[] IS NULL OR r.id = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.source_kind = 'EXPENSE_REPORT' AND e.source_id = r.id)`,
      [ids],
    ),
  date: (row) => row.approved_on,
  seq: (row) => BigInt(row.seq),
  documentOf: (row) => row.id,
  entry: (row) => {
    const ref = expenseReportRef(row.analytic_code, row.month);
    const lines: LineDraft[] = row.lines.map((line) => ({
      role: `EXPENSE_${line.category}`,
      debitCents: BigInt(line.netCents),
      label: line.description,
    }));
    if (BigInt(row.vat_cents) > 0n) lines.push({ role: "VAT_DEDUCTIBLE_GOODS_SERVICES", debitCents: BigInt(row.vat_cents) });
    if (BigInt(row.mileage_cents) > 0n) lines.push({ role: "MILEAGE", debitCents: BigInt(row.mileage_cents) });
    lines.push({ role: "EXPENSE_REPORTS_DUE", creditCents: BigInt(row.total_cents), aux: expenseReportAux(row.person_id) });
    return {
      sourceKind: "EXPENSE_REPORT",
      sourceId: row.id,
      journal: "OD",
      date: row.approved_on,
      pieceRef: ref,
      pieceDate: row.submitted_on,
      label: `Note de frais ${row.analytic_code} ${row.month}`,
      accountId: row.account_id,
      analyticCode: row.analytic_code,
      sector: row.sector,
      documentId: row.id,
      lines,
    };
  },
};
