import { loadRegistry, type AuditActor } from "@cae/shared";
import { basename } from "node:path";
import type { DataSource } from "typeorm";
import { RegisteredCooperativeEntity } from "./registry.entity";
import { registerCooperative } from "./registry.service";

/**
 * Starts an empty registry from a registry file (the demo's, or the file a gateway routed by
 * before the network had its subgraph), each entry audited as registered by that file. A registry
 * that has entries is left as it is: from then on, the mutations change it. Returns how many were added.
 */
export async function seedRegistry(db: DataSource, file: string): Promise<number> {
  if ((await db.getRepository(RegisteredCooperativeEntity).count()) > 0) return 0;
  const { cooperatives } = loadRegistry(file);
  const actor: AuditActor = { subject: `registry file ${basename(file)}`, role: "NETWORK_SERVICE" };
  // Whole or not at all: an entry refused leaves the registry empty, to be started again once the file is mended.
  return db.transaction(async (manager) => {
    for (const entry of cooperatives) {
      await registerCooperative(
        manager,
        actor,
        { cooperativeId: entry.id, name: entry.name, region: entry.region, departement: entry.departement, endpoints: entry.subgraphs },
        "seedRegistry",
      );
    }
    return cooperatives.length;
  });
}
