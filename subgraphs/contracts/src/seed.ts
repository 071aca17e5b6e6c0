import { demoProfile, generateDemoCooperative } from "@cae/shared";
import type { DataSource } from "typeorm";
import { ContractEntity } from "./contracts/contract.entity";

/** Writes the cooperative's demo contracts, once: a restart finds them and writes nothing. */
export async function seedDemo(db: DataSource, cooperativeId: string): Promise<void> {
  await db.transaction(async (manager) => {
    const contracts = manager.getRepository(ContractEntity);
    if ((await contracts.count()) > 0) return;
    const demo = generateDemoCooperative(demoProfile(cooperativeId));
    await contracts.insert(demo.contracts.map((contract) => ({ ...contract })));
  });
}
