import { createNetworkSubgraphServer, type NetworkSubgraphServer } from "@cae/network";
import { createTestDatabase } from "./database";

/** The network's own subgraph on a throwaway database, migrated; its registry started from `registrySeedFile` when given. */
export async function startTestNetworkSubgraph(
  backend: "embedded" | "server",
  options: { registrySeedFile?: string } = {},
): Promise<NetworkSubgraphServer & { stop(): Promise<void> }> {
  const database = await createTestDatabase(backend);
  const server = await createNetworkSubgraphServer(database.config, options);
  return {
    ...server,
    async stop() {
      await server.apollo.stop();
      await server.database.close();
      await database.drop();
    },
  };
}
