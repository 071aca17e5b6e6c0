import type { EntityManager } from "typeorm";
import { postSources } from "../books/posting";

/**
 * Posts the changes of the given salary costs that have no journal entry yet (what the trigger on
 * `salary_costs` wrote in this transaction), in the caller's transaction.
 */
export async function postSalaryCosts(manager: EntityManager, salaryCostIds: readonly string[]): Promise<void> {
  if (salaryCostIds.length === 0) return;
  const rows: { id: string }[] = await manager.query(
    `SELECT p.id FROM salary_cost_postings p
      WHERE p.salary_cost_id = ANY($1::uuid[])
        AND NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.source_kind = 'SALARY_COST' AND e.source_id = p.id)`,
    [salaryCostIds],
  );
  if (rows.length > 0) await postSources(manager, { only: { SALARY_COST: rows.map((row) => row.id) } });
}
