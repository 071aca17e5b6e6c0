import { createTestAuth, captureLog, type TestAuth } from "@cae/tools/testing";
import { SUBGRAPH_NAMES, type SubgraphName } from "@cae/shared";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { DEFAULT_SUPERGRAPH_FILE } from "../config";
import { startGateway, type RunningGateway } from "../gateway";
import { DEFAULT_QUERY_LIMITS } from "../limits/limits";
import { expectedSubgraphSchemas, lackingFrom, subgraphSchemaOf } from "../registry/compatibility";
import type { Registry } from "../registry/registry";

const ROOT = join(__dirname, "../../..");
const UP_TO_DATE = "alpes-entreprendre";
const BEHIND = "bretagne-cooperer";

/** The SDL of a subgraph as the repository has it; for the cooperative behind, its members lack `Person.postcode`. */
function sdlOf(subgraph: SubgraphName, behind: boolean): string {
  const sdl = readFileSync(join(ROOT, "subgraphs", subgraph, "schema.graphql"), "utf8");
  return behind && subgraph === "members" ? sdl.replace('  """Postcode of residence (code postal)."""\n  postcode: String\n', "") : sdl;
}

/** A cooperative's subgraph as the gateway's check sees it: `/health` with its release, and `_service { sdl }` for the gateway's credential. */
function fakeSubgraph(subgraph: SubgraphName, behind: boolean, release: string): Server {
  return createServer((req, res) => {
    if (req.url === "/health")
      return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, release }));
    const authorized = req.headers.authorization?.startsWith("Bearer ");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(authorized ? { data: { _service: { sdl: sdlOf(subgraph, behind) } } } : { errors: [{ message: "no" }] }));
  });
}

describe("cooperatives on different releases", () => {
  const servers: Server[] = [];
  const log = captureLog();
  let auth: TestAuth;
  let gateway: RunningGateway;

  beforeAll(async () => {
    auth = await createTestAuth();
    const registry: Registry = { cooperatives: [] };
    for (const [id, behind, release] of [
      [UP_TO_DATE, false, "0.2.0"],
      [BEHIND, true, "0.1.0"],
    ] as const) {
      const urls = {} as Record<SubgraphName, string>;
      for (const subgraph of SUBGRAPH_NAMES) {
        const server = fakeSubgraph(subgraph, behind, release);
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        servers.push(server);
        urls[subgraph] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      }
      registry.cooperatives.push({ id, name: id, region: "R", subgraphs: urls });
    }
    const serviceToken = await auth.token({ sub: "gateway", role: "NETWORK_SERVICE" });
    gateway = await startGateway({
      registry,
      supergraphSdl: readFileSync(DEFAULT_SUPERGRAPH_FILE, "utf8"),
      serviceToken: () => serviceToken,
      port: 0,
      host: "127.0.0.1",
      cooperativeTimeoutMs: 30_000,
      production: false,
      auth: auth.auth,
      limits: DEFAULT_QUERY_LIMITS,
      maxBodyBytes: 1_000_000,
      logLevel: "info",
      logDestination: log.stream,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    servers.forEach((server) => server.close());
    auth?.remove();
  });

  it("names, in /health, the cooperative whose subgraph lacks what the supergraph expects, and what it lacks", async () => {
    type Health = { schemas: { checkedAt: string | null; notCompatible: unknown[] } };
    let health: Health;
    // The first check runs in the background after the start: wait for it, however slow the machine.
    do {
      health = (await (await fetch(new URL("/health", gateway.url))).json()) as Health;
      if (health.schemas.checkedAt === null) await new Promise((resolve) => setTimeout(resolve, 100));
    } while (health.schemas.checkedAt === null);
    expect(health.schemas.notCompatible).toEqual([
      { cooperativeId: BEHIND, subgraph: "members", status: "behind", release: "0.1.0", lacking: ["Person.postcode was removed."] },
    ]);
    const lines = log.lines().filter((line) => line.msg === "cooperative behind the supergraph");
    expect(lines).toEqual([expect.objectContaining({ level: 40, cooperativeId: BEHIND, subgraph: "members", release: "0.1.0" })]);
  });

  it("finds the repository's own subgraphs compatible with its supergraph, and a subgraph lacking a field behind", () => {
    const expected = expectedSubgraphSchemas(readFileSync(DEFAULT_SUPERGRAPH_FILE, "utf8"));
    for (const subgraph of SUBGRAPH_NAMES) {
      expect([subgraph, lackingFrom(expected.get(subgraph)!, subgraphSchemaOf(subgraph, sdlOf(subgraph, false)))]).toEqual([subgraph, []]);
    }
    expect(lackingFrom(expected.get("members")!, subgraphSchemaOf("members", sdlOf("members", true)))).toEqual([
      "Person.postcode was removed.",
    ]);
  });
});
