import { localIdOfReference, type ContractFacts, type EventHandlers } from "@cae/shared";
import type { EntityManager } from "typeorm";
import { recordErasurePart } from "../people/erasure.service";

/** A local ID from an ID a sibling sent; a sibling of this cooperative sends no other. */
function localId(globalId: string, cooperativeId: string): string {
  const id = localIdOfReference(globalId, cooperativeId);
  if (!id) throw new Error(`${globalId} is not an ID of cooperative ${cooperativeId}`);
  return id;
}

async function keepContract(manager: EntityManager, personId: string, contract: ContractFacts, cooperativeId: string): Promise<void> {
  await manager.query(
    `INSERT INTO person_contracts (contract_id, person_id, kind, employment_type, monthly_hours, starts_on, last_day, ended)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (contract_id) DO UPDATE SET employment_type = EXCLUDED.employment_type, monthly_hours = EXCLUDED.monthly_hours,
       starts_on = EXCLUDED.starts_on, last_day = EXCLUDED.last_day, ended = EXCLUDED.ended`,
    [
      localId(contract.contractId, cooperativeId),
      personId,
      contract.kind,
      contract.employmentType,
      contract.monthlyHours,
      contract.startsOn,
      contract.lastDay,
      contract.ended,
    ],
  );
}

/**
 * What the members subgraph does with its siblings' events (docs/architecture.md, "Events between
 * subgraphs"): it keeps each person's signed contracts (an exit must say how a CESA in force ends;
 * a reception is not reopened once a contract is signed), their activity accounts, and each
 * sibling's report of an erasure.
 */
export const membersEventHandlers: EventHandlers = {
  "contract.signed": (manager, event, { cooperativeId }) =>
    keepContract(manager, localId(event.subject, cooperativeId), event.payload.contract, cooperativeId),
  "contract.amended": (manager, event, { cooperativeId }) =>
    keepContract(manager, localId(event.subject, cooperativeId), event.payload.contract, cooperativeId),
  "contract.ended": (manager, event, { cooperativeId }) =>
    keepContract(manager, localId(event.subject, cooperativeId), event.payload.contract, cooperativeId),
  async "account.opened"(manager, event, { cooperativeId }) {
    await manager.query(
      "INSERT INTO person_accounts (account_id, person_id, opened_on) VALUES ($1, $2, $3) ON CONFLICT (account_id) DO NOTHING",
      [localId(event.payload.accountId, cooperativeId), localId(event.subject, cooperativeId), event.payload.openedOn],
    );
  },
  async "account.closed"(manager, event, { cooperativeId }) {
    await manager.query("UPDATE person_accounts SET closed_on = $2 WHERE account_id = $1", [
      localId(event.payload.accountId, cooperativeId),
      event.payload.closedOn,
    ]);
  },
  async "erasure.applied"(manager, event, { cooperativeId, source }) {
    if (event.payload.part.subgraph !== source) throw new Error(`${source} reports an erasure part of ${event.payload.part.subgraph}`);
    await recordErasurePart(manager, localId(event.subject, cooperativeId), event.payload.part);
  },
};
