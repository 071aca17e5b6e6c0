import { encodeId } from "@cae/shared";
import type { CounselorEntity } from "./support.entity";
import type { Counselor } from "./support.type";

export const toCounselor = (entity: CounselorEntity, cooperativeId: string): Counselor => ({
  id: encodeId(cooperativeId, entity.id),
  firstName: entity.firstName,
  lastName: entity.lastName,
  email: entity.email,
  // A row just saved has no value for a column it did not set: absent reads active.
  active: !entity.deactivatedOn,
  deactivatedOn: entity.deactivatedOn ?? null,
});
