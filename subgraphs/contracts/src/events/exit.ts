import { encodeId, eventActor, recordAudit, type CooperativeEvent, type PersonExit } from "@cae/shared";
import type { EntityManager } from "typeorm";
import { ContractEntity } from "../contracts/contract.entity";
import { publishContractEvent } from "../contracts/contract-events";
import { lastDayOf } from "../contracts/contract.rules";

/**
 * A person's exit ends what binds them to the cooperative, on the exit day (docs/contracts.md, "An
 * exit"): a draft is cancelled; a signed contract still in force then is ended, a CESA with the
 * legal mode the cooperative gave with the exit. Contracts already over are left as they are.
 */
export async function endContractsOnExit(
  manager: EntityManager,
  cooperativeId: string,
  localPersonId: string,
  exit: PersonExit,
  event: CooperativeEvent,
  source: string,
): Promise<void> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`contracts:${localPersonId}`]);
  const contracts = await manager.getRepository(ContractEntity).findBy({ personId: localPersonId });
  const actor = eventActor(source, event.id);
  const why = `The person left the cooperative on ${exit.exitedOn}`;
  for (const contract of contracts) {
    const entityId = encodeId(cooperativeId, contract.id);
    if (contract.state === "DRAFT") {
      const cancelled = { state: "CANCELLED" as const, cancelledOn: exit.exitedOn, cancelReason: why };
      await manager.getRepository(ContractEntity).update({ id: contract.id }, cancelled);
      await recordAudit(manager, actor, { action: "cancelContract", entityType: "Contract", entityId, details: { reason: why } });
      continue;
    }
    const last = lastDayOf(contract);
    if (contract.state !== "SIGNED" || (last !== null && last < exit.exitedOn)) continue;
    const employment = contract.kind === "EMPLOYMENT";
    if (employment && !exit.employmentEndReason) {
      // A CESA ends only with its legal mode, which the exit did not give (it was recorded before the
      // members subgraph heard of the signature): it stays for the counselor to end with endContract.
      await recordAudit(manager, actor, {
        action: "exitWithoutEndMode",
        entityType: "Contract",
        entityId,
        details: { exitedOn: exit.exitedOn, note: `${why}: end this employment contract with its legal mode (endContract)` },
      });
      continue;
    }
    const reason = employment ? exit.employmentEndReason! : "OTHER";
    const note = why;
    const ended = { state: "ENDED" as const, endedOn: exit.exitedOn, endReason: reason as ContractEntity["endReason"], endNote: note };
    await manager.getRepository(ContractEntity).update({ id: contract.id }, ended);
    await recordAudit(manager, actor, {
      action: "endContract",
      entityType: "Contract",
      entityId,
      details: { endedOn: exit.exitedOn, reason, note },
    });
    await publishContractEvent(manager, cooperativeId, "contract.ended", { ...contract, ...ended });
  }
}
