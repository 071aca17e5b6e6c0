import { encodeId, publishEvent, type EventPayloads } from "@cae/shared";
import type { EntityManager } from "typeorm";
import type { ContractEntity } from "./contract.entity";
import { lastDayOf } from "./contract.rules";

type ContractTopic = Extract<keyof EventPayloads, `contract.${string}`>;

/** Tells the members subgraph about a signed contract's change, in the transaction of the change. */
export async function publishContractEvent(
  manager: EntityManager,
  cooperativeId: string,
  topic: ContractTopic,
  contract: ContractEntity,
): Promise<void> {
  await publishEvent(manager, topic, encodeId(cooperativeId, contract.personId), {
    contract: {
      contractId: encodeId(cooperativeId, contract.id),
      kind: contract.kind,
      employmentType: contract.employmentType,
      monthlyHours: contract.monthlyHours,
      startsOn: contract.startsOn,
      lastDay: lastDayOf(contract),
      ended: contract.state === "ENDED",
    },
  });
}
