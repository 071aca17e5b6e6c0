import { badUserInput } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { EmploymentEndMode } from "./membership.type";

/**
 * An exit ends the person's contracts in force that day (docs/contracts.md, "An exit"); an
 * employment contract ends with a legal mode, which only the cooperative can say. The contracts
 * the members subgraph knows of come from the contracts subgraph's events (`person_contracts`).
 */
export async function requireEndModeIfEmployed(
  manager: EntityManager,
  localPersonId: string,
  exitedOn: string,
  mode: EmploymentEndMode | null,
): Promise<EmploymentEndMode | null> {
  const [employment] = (await manager.query(
    `SELECT to_char(starts_on, 'YYYY-MM-DD') AS starts_on FROM person_contracts
      WHERE person_id = $1 AND kind = 'EMPLOYMENT' AND starts_on <= $2 AND (last_day IS NULL OR last_day >= $2)`,
    [localPersonId, exitedOn],
  )) as { starts_on: string }[];
  if (employment && mode === null) {
    throw badUserInput(
      `The person's employment contract (CESA, from ${employment.starts_on}) is in force on ${exitedOn}: say how it ends (employmentEndMode)`,
      "input.employmentEndMode",
    );
  }
  return mode;
}
