import { ApolloServer } from "@apollo/server";
import { authConfigFromEnv, createAuthenticator, parsePort, serveHttp } from "@cae/shared";
import { loadRegistry, networkSchema, type GatewayContext } from "@cae/gateway";

/**
 * The gateway's own subgraph (`gateway` in the supergraph) served over HTTP, for the gateways the benchmark compares
 * ours with (plain Apollo Gateway, Hive Gateway): they reach every subgraph by URL.
 * Environment: PORT, REGISTRY_FILE, AUTH_* (as the gateway).
 */
async function main() {
  const registry = loadRegistry(process.env.REGISTRY_FILE ?? "");
  const authenticate = await createAuthenticator(authConfigFromEnv(process.env, false));
  const apollo = new ApolloServer<GatewayContext>({ schema: await networkSchema() });
  await apollo.start();
  const http = await serveHttp({
    apollo,
    port: parsePort(process.env.PORT, "PORT"),
    host: "127.0.0.1",
    maxBodyBytes: 1_000_000,
    context: async (headers) => ({ caller: await authenticate(headers.get("authorization")), registry, headers }),
    health: async () => ({ ok: true }),
  });
  console.log(`network subgraph ready at ${http.url}`);
  process.once("SIGTERM", () => void http.stop().then(() => process.exit(0)));
}

void main();
