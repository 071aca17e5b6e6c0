import { encodeId } from "@cae/shared";
import type { CounselorEntity } from "./support.entity";
import type { Counselor } from "./support.type";

export const toCounselor = (entity: CounselorEntity, cooperativeId: string): Counselor => ({
  id: encodeId(cooperativeId, entity.id),
  firstName: entity.firstName,
  lastName: entity.lastName,
  email: entity.email,
});
