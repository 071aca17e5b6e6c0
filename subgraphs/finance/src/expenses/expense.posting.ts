import type { Sector } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { PostingSource } from "../books/entry";
import type { ExpenseCategory } from "./expense.entity";

interface ExpenseRow {
  id: string;
  seq: string;
  spent_on: string;
  category: ExpenseCategory;
  description: string;
  net_cents: string;
  vat_cents: string;
  receipt_reference: string;
  account_id: string;
  analytic_code: string;
  sector: Sector;
}

/**
 * An expense the cooperative paid for an activity (by card or transfer, on its receipt), in the bank
 * journal: the category's charge and the deductible VAT on the receipt, paid from the bank account.
 */
export const expensePosting: PostingSource<ExpenseRow> = {
  kind: "EXPENSE",
  order: 40,
  pending: (manager: EntityManager, ids) =>
    manager.query(
      `SELECT x.id, x.seq::text, to_char(x.spent_on, 'YYYY-MM-DD') AS spent_on, x.category, x.description, x.net_cents::text, x.vat_cents::text,
              x.receipt_reference, a.id AS account_id, a.analytic_code, a.sector
         FROM expenses x JOIN activity_accounts a ON a.id = x.account_id
        WHERE ($1::uuid[] IS NULL OR x.id = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.source_kind = 'EXPENSE' AND e.source_id = x.id)`,
      [ids],
    ),
  date: (row) => row.spent_on,
  seq: (row) => BigInt(row.seq),
  entry: (row) => {
    const net = BigInt(row.net_cents);
    const vat = BigInt(row.vat_cents);
    return {
      sourceKind: "EXPENSE",
      sourceId: row.id,
      journal: "BQ",
      date: row.spent_on,
      pieceRef: row.receipt_reference,
      pieceDate: row.spent_on,
      label: row.description,
      accountId: row.account_id,
      analyticCode: row.analytic_code,
      sector: row.sector,
      lines: [
        { role: `EXPENSE_${row.category}`, debitCents: net },
        ...(vat > 0n ? [{ role: "VAT_DEDUCTIBLE_GOODS_SERVICES" as const, debitCents: vat, vatBaseCents: -net }] : []),
        { role: "BANK", creditCents: net + vat },
      ],
    };
  },
};
