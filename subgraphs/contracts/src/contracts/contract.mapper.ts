import { encodeId } from "@cae/shared";
import type { ContractEntity } from "./contract.entity";
import type { Contract } from "./contract.type";

export function toContract(entity: ContractEntity, cooperativeId: string): Contract {
  return {
    id: encodeId(cooperativeId, entity.id),
    kind: entity.kind,
    status: entity.status,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    monthlyHours: entity.monthlyHours,
    fixedMonthlyPay: entity.fixedMonthlyPayCents,
    person: { id: encodeId(cooperativeId, entity.personId) },
  };
}
