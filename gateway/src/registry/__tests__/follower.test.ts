import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger } from "@cae/shared";
import { hostPatterns, RegistryFollower } from "../follower";
import type { Registry } from "../registry";

const endpoints = (port: number) => ({
  members: `http://127.0.0.1:${port}/graphql`,
  contracts: `http://127.0.0.1:${port + 1}/graphql`,
  finance: `http://127.0.0.1:${port + 2}/graphql`,
});
const entry = (cooperativeId: string, port: number) => ({
  cooperativeId,
  name: `Coopérative ${cooperativeId}`,
  region: "Bretagne",
  departement: null,
  endpoints: endpoints(port),
});

/**
 * The follower against an HTTP server that answers as the network's subgraph would, or badly: what
 * the gateway does with each answer. (The real subgraph behind a real gateway: network-subgraph.e2e.)
 */
describe("the gateway's follower of the network's registry", () => {
  let server: Server;
  let url: string;
  let answer: () => unknown = () => ({ data: { registry: [entry("alpes-entreprendre", 4101)] } });
  const authorizations: (string | undefined)[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      authorizations.push(request.headers.authorization);
      request.resume().on("end", () => {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify(answer()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const follower = (registry: Registry) =>
    new RegistryFollower(registry, {
      url,
      token: () => "service-token",
      refreshMs: 60_000,
      timeoutMs: 10_000,
      logger: createLogger({ service: "test" }, "silent"),
    });

  it("replaces the list whole with the network's, under the gateway's credential, and tells its listeners of each change", async () => {
    const registry: Registry = { cooperatives: [] };
    const changes: number[] = [];
    const following = follower(registry);
    following.onChange(() => changes.push(registry.cooperatives.length));
    answer = () => ({ data: { registry: [entry("alpes-entreprendre", 4101)] } });
    await following.start();
    following.stop();
    expect(registry.cooperatives).toEqual([
      { id: "alpes-entreprendre", name: "Coopérative alpes-entreprendre", region: "Bretagne", subgraphs: endpoints(4101) },
    ]);
    expect(authorizations.at(-1)).toBe("Bearer service-token");
    const first = registry.cooperatives;
    expect(await following.refresh()).toBe(true);
    expect(registry.cooperatives).toBe(first);
    answer = () => ({
      data: { registry: [entry("alpes-entreprendre", 4101), { ...entry("bretagne-cooperer", 4111), departement: "35" }] },
    });
    expect(await following.refresh()).toBe(true);
    expect(registry.cooperatives.map((c) => [c.id, c.departement])).toEqual([
      ["alpes-entreprendre", undefined],
      ["bretagne-cooperer", "35"],
    ]);
    expect(changes).toEqual([2]);
    // The last cooperative withdrawn: nothing is routed any more.
    answer = () => ({ data: { registry: [] } });
    expect(await following.refresh()).toBe(true);
    expect(registry.cooperatives).toEqual([]);
  });

  it("refuses a registry naming a host outside the allowed ones, whole, and keeps the one it has", async () => {
    const registry: Registry = { cooperatives: [] };
    const following = new RegistryFollower(registry, {
      url,
      token: () => "service-token",
      refreshMs: 60_000,
      timeoutMs: 10_000,
      logger: createLogger({ service: "test" }, "silent"),
      allowedHosts: hostPatterns("127.0.0.1"),
    });
    answer = () => ({ data: { registry: [entry("alpes-entreprendre", 4101)] } });
    expect(await following.refresh()).toBe(true);
    const before = registry.cooperatives;
    const elsewhere = {
      ...entry("bretagne-cooperer", 4111),
      endpoints: { ...endpoints(4111), finance: "https://collector.example/graphql" },
    };
    answer = () => ({ data: { registry: [entry("alpes-entreprendre", 4101), elsewhere] } });
    expect(await following.refresh()).toBe(false);
    expect(registry.cooperatives).toBe(before);
  });

  it.each([
    ["an error", () => ({ errors: [{ message: "This Query.registry is not open to COUNSELOR" }] })],
    [
      "an entry it cannot route by",
      () => ({ data: { registry: [{ ...entry("alpes-entreprendre", 4101), endpoints: { members: "x" } }] } }),
    ],
    ["no registry", () => ({ data: null })],
    ["a JSON text but no GraphQL answer", () => "not an answer"],
  ])("keeps routing by the registry it has when the network answers %s", async (_case, bad) => {
    const registry: Registry = { cooperatives: [] };
    const following = follower(registry);
    answer = () => ({ data: { registry: [entry("alpes-entreprendre", 4101)] } });
    await following.refresh();
    const before = registry.cooperatives;
    answer = bad;
    expect(await following.refresh()).toBe(false);
    expect(registry.cooperatives).toBe(before);
  });
});
