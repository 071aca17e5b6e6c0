import type { createNetworkSubgraphServer as CreateNetworkSubgraphServer, NetworkSubgraphServer } from "@cae/network";
import { createTestDatabase } from "./database";

/** The network's own subgraph on a throwaway database, migrated; its registry started from `registrySeedFile` when given. */
export async function startTestNetworkSubgraph(
  backend: "embedded" | "server",
  options: { registrySeedFile?: string } = {},
): Promise<NetworkSubgraphServer & { stop(): Promise<void> }> {
  // Loaded only here: a cooperative's subgraph's tests, which share this entry point, do not load the network's subgraph.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createNetworkSubgraphServer } = require("@cae/network") as { createNetworkSubgraphServer: typeof CreateNetworkSubgraphServer };
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
