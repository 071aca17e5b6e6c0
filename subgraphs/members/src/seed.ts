import { demoProfile, generateDemoCooperative } from "@cae/shared";
import type { DataSource } from "typeorm";
import { PersonEntity } from "./people/person.entity";

/** Writes the cooperative's demo people, once: a restart finds them and writes nothing. */
export async function seedDemo(db: DataSource, cooperativeId: string): Promise<void> {
  await db.transaction(async (manager) => {
    const people = manager.getRepository(PersonEntity);
    if ((await people.count()) > 0) return;
    const demo = generateDemoCooperative(demoProfile(cooperativeId));
    await people.insert(demo.people.map((person) => ({ ...person })));
  });
}
