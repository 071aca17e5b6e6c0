import { encodeId } from "@cae/shared";
import type { PartnerEntity } from "./welcome.entity";
import type { Partner } from "./welcome.type";

export const toPartner = (entity: PartnerEntity, cooperativeId: string): Partner => ({
  id: encodeId(cooperativeId, entity.id),
  name: entity.name,
  kind: entity.kind,
  email: entity.email,
  phone: entity.phone,
  // A row just saved has no value for a column it did not set: absent reads active.
  active: !entity.deactivatedOn,
  deactivatedOn: entity.deactivatedOn ?? null,
});
