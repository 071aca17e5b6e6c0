import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { readFileSync } from "node:fs";

/**
 * Plain Apollo Gateway, as the benchmark's reference: the same supergraph with each subgraph's
 * URL written in (one cooperative), the default data source, the standalone server, and the
 * client's token passed on to the subgraphs, which verify it. Environment: PORT, SUPERGRAPH_FILE.
 */
async function main() {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(process.env.SUPERGRAPH_FILE ?? "", "utf8"),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<{ authorization?: string }>({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set("authorization", context.authorization);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT), host: "127.0.0.1" },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  console.log(`plain Apollo Gateway ready at ${url}`);
  process.once("SIGTERM", () => void server.stop().then(() => process.exit(0)));
}

void main();
