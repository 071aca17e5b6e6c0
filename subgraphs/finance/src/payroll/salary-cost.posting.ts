import type { EntityManager } from "typeorm";
import type { LineDraft, PostingSource } from "../books/entry";
import { personAccount, type LedgerRole } from "../books/ledger";

interface SalaryCostPostingRow {
  id: string;
  seq: string;
  entry_date: string;
  salaries_cents: string;
  social_charges_cents: string;
  salaries_due_cents: string;
  social_bodies_cents: string;
  month: string;
  adjusts_month: string | null;
  first: boolean;
  account_id: string;
  analytic_code: string;
  person_id: string;
}

/**
 * The auxiliary account of a person on SALARIES_DUE (421): one per person, whatever their
 * activities. Finance holds no names (they are the members subgraph's), so the number and label
 * are made from the person's ID, the same the payroll export gives as employee ID.
 */
export const personAux = (personId: string) => personAccount("SAL", "Entrepreneur salarié", personId);

/** A signed change of a role: a debit-side role (641, 645) is debited when it grows, a credit-side one (421, 431) credited. */
function line(role: LedgerRole, cents: bigint, side: "DEBIT" | "CREDIT", aux?: LineDraft["aux"]): LineDraft[] {
  if (cents === 0n) return [];
  const grows = cents > 0n;
  const amount = grows ? cents : -cents;
  const debit = (side === "DEBIT") === grows;
  return [{ role, ...(debit ? { debitCents: amount } : { creditCents: amount }), ...(aux ? { aux } : {}) }];
}

/**
 * A salary cost's change (table `salary_cost_postings`, written by a trigger on `salary_costs`;
 * docs/payroll.md), in the miscellaneous journal (OD) on the last day of the month it is booked
 * in: imported results debit SALARIES (gross) and SOCIAL_CHARGES (employer contributions), credit
 * SALARIES_DUE (net, on the person's auxiliary account) and SOCIAL_BODIES (gross − net + employer
 * contributions). A manual cost (a total only) debits SALARIES and credits SALARIES_DUE. A
 * re-import posts the difference, each role on the side its sign gives.
 */
export const salaryCostPosting: PostingSource<SalaryCostPostingRow> = {
  kind: "SALARY_COST",
  order: 60,
  pending: (manager: EntityManager, ids) =>
    manager.query(
      `SELECT p.id, p.seq::text, to_char(p.entry_date, 'YYYY-MM-DD') AS entry_date, p.salaries_cents::text, p.social_charges_cents::text,
              p.salaries_due_cents::text, p.social_bodies_cents::text, to_char(s.month, 'YYYY-MM') AS month,
              to_char(s.adjusts_month, 'YYYY-MM') AS adjusts_month,
              NOT EXISTS (SELECT 1 FROM salary_cost_postings q WHERE q.salary_cost_id = p.salary_cost_id AND q.seq < p.seq) AS first,
              a.id AS account_id, a.analytic_code, a.person_id
         FROM salary_cost_postings p JOIN salary_costs s ON s.id = p.salary_cost_id JOIN activity_accounts a ON a.id = p.account_id
        WHERE ($1::uuid[] IS NULL OR p.id = ANY($1::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.source_kind = 'SALARY_COST' AND e.source_id = p.id)`,
      [ids],
    ),
  date: (row) => row.entry_date,
  seq: (row) => BigInt(row.seq),
  entry: (row) => {
    const lines = [
      ...line("SALARIES", BigInt(row.salaries_cents), "DEBIT"),
      ...line("SOCIAL_CHARGES", BigInt(row.social_charges_cents), "DEBIT"),
      ...line("SALARIES_DUE", BigInt(row.salaries_due_cents), "CREDIT", personAux(row.person_id)),
      ...line("SOCIAL_BODIES", BigInt(row.social_bodies_cents), "CREDIT"),
    ];
    if (lines.length === 0) return null;
    const what = row.adjusts_month
      ? `régularisation de ${row.adjusts_month}`
      : row.first
        ? row.month
        : `${row.month}, résultats de paie corrigés`;
    return {
      sourceKind: "SALARY_COST",
      sourceId: row.id,
      journal: "OD",
      date: row.entry_date,
      pieceRef: `PAIE-${row.adjusts_month ?? row.month}-${row.analytic_code}`,
      pieceDate: row.entry_date,
      label: `Salaires ${what} ${row.analytic_code}`,
      accountId: row.account_id,
      analyticCode: row.analytic_code,
      sector: null,
      lines,
    };
  },
};
