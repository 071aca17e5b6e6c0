import { lastDayOfMonth, type Sector } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { PostingSource } from "../books/entry";
import { STRUCTURE_ANALYTIC_CODE } from "../books/ledger";

interface ContributionRow {
  id: string;
  month: string;
  amount_cents: string;
  account_id: string;
  analytic_code: string;
  sector: Sector;
}

/**
 * A month's contribution, in the miscellaneous journal on the month's last day: a charge of the
 * activity and an income of the cooperative's structure (the same legal person: the analytic codes
 * tell them apart). A month without contribution posts nothing.
 */
export const contributionPosting: PostingSource<ContributionRow> = {
  kind: "CONTRIBUTION",
  order: 90,
  pending: (manager: EntityManager, ids) =>
    manager.query(
      `SELECT c.id, to_char(c.month, 'YYYY-MM-DD') AS month, c.amount_cents::text, a.id AS account_id, a.analytic_code, a.sector
         FROM contribution_entries c JOIN activity_accounts a ON a.id = c.account_id
        WHERE c.amount_cents > 0 AND ($1::uuid[] IS NULL OR c.id = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.source_kind = 'CONTRIBUTION' AND e.source_id = c.id)
        ORDER BY a.analytic_code`,
      [ids],
    ),
  date: (row) => lastDayOfMonth(row.month),
  // Contributions of a month have no sequence of their own: the activity's code orders them.
  seq: () => 0n,
  entry: (row) => {
    const amount = BigInt(row.amount_cents);
    const month = row.month.slice(0, 7);
    const label = `Contribution ${month} ${row.analytic_code}`;
    return {
      sourceKind: "CONTRIBUTION",
      sourceId: row.id,
      journal: "OD",
      date: lastDayOfMonth(row.month),
      pieceRef: `CONTRIB-${month}-${row.analytic_code}`,
      pieceDate: lastDayOfMonth(row.month),
      label,
      accountId: row.account_id,
      analyticCode: row.analytic_code,
      sector: row.sector,
      lines: [
        { role: "CONTRIBUTION_CHARGE", debitCents: amount },
        { role: "CONTRIBUTION_INCOME", creditCents: amount, analyticCode: STRUCTURE_ANALYTIC_CODE },
      ],
    };
  },
};
