import { CONTRACT_KINDS_IN_PATH_ORDER, type ContractKind, type ContractStatus } from "@cae/shared";

/** Statuses that mean the step was reached: a signed contract counts even once ended; a draft or a cancelled one does not. */
export const REACHED_STATUSES: readonly ContractStatus[] = ["SIGNED", "RUNNING", "ENDED"];

/** The furthest kind of contract of a person's path that was signed, or null when none was. */
export function furthestContractKind(contracts: readonly { kind: ContractKind; status: ContractStatus }[]): ContractKind | null {
  let furthest = -1;
  for (const contract of contracts) {
    if (REACHED_STATUSES.includes(contract.status)) furthest = Math.max(furthest, CONTRACT_KINDS_IN_PATH_ORDER.indexOf(contract.kind));
  }
  return furthest < 0 ? null : CONTRACT_KINDS_IN_PATH_ORDER[furthest];
}
