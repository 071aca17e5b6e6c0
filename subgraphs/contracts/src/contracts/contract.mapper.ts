import { encodeId, todayInFrance } from "@cae/shared";
import type { ContractEntity } from "./contract.entity";
import { endReasonOn, lastDayOf, statusOn } from "./contract.rules";
import type { Contract } from "./contract.type";

/** What leaves the database, field by field; status and end are read from the dates as of today. */
export function toContract(entity: ContractEntity, cooperativeId: string, today = todayInFrance()): Contract {
  const status = statusOn(entity, today);
  return {
    id: encodeId(cooperativeId, entity.id),
    kind: entity.kind,
    status,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    signedOn: entity.signedOn,
    // A recorded end may lie ahead (notice); a contract that reached its term ended on its last day.
    endedOn: entity.endedOn ?? (status === "ENDED" ? lastDayOf(entity) : null),
    endReason: entity.endReason ?? endReasonOn(entity, today),
    cancelledOn: entity.cancelledOn,
    // The terms in force are resolved with the amendments (ContractResolver).
    monthlyHours: null,
    fixedMonthlyPayCents: null,
    person: { id: encodeId(cooperativeId, entity.personId) },
    cooperative: { id: cooperativeId },
    record: entity,
  };
}
