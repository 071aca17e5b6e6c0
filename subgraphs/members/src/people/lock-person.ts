import { notFound } from "@cae/shared";
import type { EntityManager } from "typeorm";
import { PersonEntity } from "./person.entity";

/** The person, locked for the rest of the transaction: two changes to one path never interleave. */
export async function lockPerson(manager: EntityManager, localId: string, globalId: string): Promise<PersonEntity> {
  const person = await manager.getRepository(PersonEntity).findOne({ where: { id: localId }, lock: { mode: "pessimistic_write" } });
  if (!person) throw notFound(`No person ${globalId} in this cooperative`);
  return person;
}
