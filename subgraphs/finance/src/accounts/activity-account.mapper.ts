import { encodeId } from "@cae/shared";
import type { ActivityAccountEntity } from "./activity-account.entity";
import type { ActivityAccount } from "./activity-account.type";

export function toActivityAccount(entity: ActivityAccountEntity, cooperativeId: string): ActivityAccount {
  return {
    id: encodeId(cooperativeId, entity.id),
    analyticCode: entity.analyticCode,
    label: entity.label,
    sector: entity.sector,
    openedOn: entity.openedOn,
    closedOn: entity.closedOn,
    person: { id: encodeId(cooperativeId, entity.personId) },
  };
}
