import { openDatabase, type DatabaseConfig, type SubgraphName } from "@cae/shared";
import type { DataSource } from "typeorm";
import { SUBGRAPHS } from "../../subgraphs";
import { seedContractsDemo } from "./contracts";
import { seedFinanceDemo } from "./finance";
import { seedMembersDemo } from "./members";

/**
 * Writes one subgraph's share of a cooperative's demo data (the same people, contracts and books
 * in all three) when its database holds none yet: a second run writes nothing.
 */
export const DEMO_SEEDERS: Record<SubgraphName, (db: DataSource, cooperativeId: string) => Promise<void>> = {
  members: seedMembersDemo,
  contracts: seedContractsDemo,
  finance: seedFinanceDemo,
};

/** Opens a subgraph's database (running its migrations), writes the demo data if it holds none, and closes it. */
export async function seedDemoDatabase(subgraph: SubgraphName, cooperativeId: string, config: DatabaseConfig): Promise<void> {
  const database = await openDatabase(config, SUBGRAPHS[subgraph]);
  try {
    await DEMO_SEEDERS[subgraph](database.dataSource, cooperativeId);
  } finally {
    await database.close();
  }
}
