import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadRegistry, parseRegistry, RegistryError } from "../registry/registry";

const entry = (overrides: Record<string, unknown> = {}) => ({
  id: "alpes-entreprendre",
  name: "Alpes Entreprendre",
  region: "Auvergne-Rhône-Alpes",
  subgraphs: {
    members: "http://127.0.0.1:4101/graphql",
    contracts: "http://127.0.0.1:4102/graphql",
    finance: "http://127.0.0.1:4103/graphql",
  },
  ...overrides,
});

describe("the registry of cooperatives", () => {
  it("accepts a valid registry, the demo one included", () => {
    expect(parseRegistry({ cooperatives: [entry()] }).cooperatives[0]).toEqual(entry());
    expect(parseRegistry({ cooperatives: [entry({ departement: "2A" })] }).cooperatives[0].departement).toBe("2A");
    expect(loadRegistry(join(__dirname, "..", "..", "registry.demo.json")).cooperatives.map((c) => c.id)).toEqual([
      "alpes-entreprendre",
      "bretagne-cooperer",
      "garonne-activites",
    ]);
  });

  it.each([
    [{}, /top level/],
    [{ cooperatives: [] }, /lists no cooperative/],
    [{ cooperatives: [entry({ id: "Alpes Entreprendre" })] }, /cooperatives\[0\]: "id" must be a slug/],
    [{ cooperatives: [entry(), entry({ name: "Bis" })] }, /cooperatives\[1\] \("alpes-entreprendre"\): duplicate id/],
    [{ cooperatives: [entry({ region: " " })] }, /\("alpes-entreprendre"\): "region"/],
    [
      { cooperatives: [entry({ subgraphs: { members: "http://x/graphql", contracts: "ftp://x", finance: "http://x/graphql" } })] },
      /"subgraphs.contracts" must be an http\(s\) URL/,
    ],
    [{ cooperatives: [entry({ subgraphs: { ...entry().subgraphs, billing: "http://x/graphql" } })] }, /unknown subgraph "billing"/],
    [{ cooperatives: [entry({ id: "network" })] }, /"network" is reserved for the network's own records/],
    [{ cooperatives: [entry({ departement: "20" })] }, /\("alpes-entreprendre"\): "departement" must be an INSEE département code/],
  ])("refuses %j, naming the bad entry", (json, message) => {
    expect(() => parseRegistry(json)).toThrow(RegistryError);
    expect(() => parseRegistry(json)).toThrow(message);
  });

  it("names the file it cannot read or parse", () => {
    const file = join(mkdtempSync(join(tmpdir(), "registry-")), "registry.json");
    writeFileSync(file, "{ not json");
    expect(() => loadRegistry(file)).toThrow(new RegExp(`Cannot read the registry ${file}`));
    expect(() => loadRegistry(`${file}.missing`)).toThrow(/Cannot read the registry/);
  });
});
