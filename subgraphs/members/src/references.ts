import { badUserInput, ownLocalId } from "@cae/shared";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * The local ID of a row an input points to (a counselor, a partner), refused with BAD_USER_INPUT
 * on `field` when it is not one of this cooperative's.
 */
export async function existingId(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  noun: string,
  globalId: string,
  cooperativeId: string,
  field: string,
): Promise<string> {
  const id = ownLocalId(globalId, cooperativeId, field);
  if (!(await manager.getRepository(entity).existsBy({ id }))) throw badUserInput(`No ${noun} ${globalId} in this cooperative`, field);
  return id;
}
