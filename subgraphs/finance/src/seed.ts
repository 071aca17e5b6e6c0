import { demoProfile, generateDemoCooperative } from "@cae/shared";
import type { DataSource } from "typeorm";
import { ActivityAccountEntity } from "./accounts/activity-account.entity";

/** Writes the cooperative's demo activity accounts, once: a restart finds them and writes nothing. */
export async function seedDemo(db: DataSource, cooperativeId: string): Promise<void> {
  await db.transaction(async (manager) => {
    const accounts = manager.getRepository(ActivityAccountEntity);
    if ((await accounts.count()) > 0) return;
    const demo = generateDemoCooperative(demoProfile(cooperativeId));
    await accounts.insert(demo.accounts.map((account) => ({ ...account })));
  });
}
