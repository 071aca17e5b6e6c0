import { addDays, daysBetween } from "@cae/shared";
import type { ContractEntity } from "../contracts/contract.entity";
import { associateDeadlineOf, lastDayOf, statusOn } from "../contracts/contract.rules";
import type { DeadlineKind } from "./deadlines.type";

export interface Deadline {
  kind: DeadlineKind;
  dueOn: string;
  contract: ContractEntity;
}

/**
 * The deadlines of the contracts in force or about to start, from today to `withinDays` ahead,
 * sorted by date. An associate deadline already passed stays listed while the person is not an
 * associate and the contract runs: it is the most urgent of all. It counts from the contract's
 * signature and deducts the person's earlier contracts (`associateDeadlineOf`), so `contracts`
 * holds every contract of their people, ended ones included.
 */
export function deadlinesOf(
  contracts: readonly ContractEntity[],
  isAssociate: (personId: string) => boolean,
  today: string,
  withinDays: number,
): Deadline[] {
  const horizon = addDays(today, withinDays);
  const byPerson = new Map<string, ContractEntity[]>();
  for (const contract of contracts) byPerson.set(contract.personId, [...(byPerson.get(contract.personId) ?? []), contract]);
  const deadlines: Deadline[] = [];
  const ahead = (kind: DeadlineKind, dueOn: string | null, contract: ContractEntity) => {
    if (dueOn !== null && dueOn >= today && dueOn <= horizon) deadlines.push({ kind, dueOn, contract });
  };
  for (const contract of contracts) {
    const status = statusOn(contract, today);
    if (status !== "SIGNED" && status !== "RUNNING") continue;
    if (contract.kind === "SUPPORT_AGREEMENT") ahead("SUPPORT_AGREEMENT_ENDS", lastDayOf(contract), contract);
    if (contract.kind !== "EMPLOYMENT") continue;
    ahead("TRIAL_PERIOD_ENDS", contract.trialPeriodEndsOn, contract);
    if (contract.employmentType === "FIXED_TERM") ahead("FIXED_TERM_ENDS", lastDayOf(contract), contract);
    if (!isAssociate(contract.personId)) {
      const dueOn = associateDeadlineOf(contract, byPerson.get(contract.personId) ?? []);
      if (dueOn <= horizon) deadlines.push({ kind: "ASSOCIATE_DEADLINE", dueOn, contract });
    }
  }
  return deadlines.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind));
}

export const daysLeft = (today: string, dueOn: string): number => daysBetween(today, dueOn);
