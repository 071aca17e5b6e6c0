import { execute, startTestSubgraph, testCaller } from "@cae/tools/testing";
import { contracts } from "@cae/contracts";
import { finance } from "@cae/finance";
import { members } from "@cae/members";
import { type SubgraphDefinition } from "@cae/shared";

const COOP = "alpes-entreprendre";
const DEFINITIONS = { members, contracts, finance } as Record<string, SubgraphDefinition<unknown>>;

/** What a subgraph tells about itself, in production: its schema to the network's gateway only, no hint to anyone else. */
describe.each(Object.keys(DEFINITIONS))("the %s subgraph in production", (name) => {
  let server: Awaited<ReturnType<typeof startTestSubgraph<unknown>>>;
  beforeAll(async () => {
    server = await startTestSubgraph(DEFINITIONS[name], COOP, "embedded", { production: true });
  });
  afterAll(() => server?.stop());

  const everyoneButTheGateway = [
    testCaller("COUNSELOR", COOP),
    testCaller("COOP_ADMIN", COOP),
    testCaller("ENTREPRENEUR", COOP, `${COOP}:00000000-0000-4000-8000-000000000001`),
    testCaller("NETWORK_ANALYST"),
    testCaller("NETWORK_ADMIN"),
  ];

  it("gives its SDL and introspection to the gateway's credential only", async () => {
    const gateway = testCaller("NETWORK_SERVICE");
    const sdl = await execute(server, "{ _service { sdl } }", {}, gateway);
    expect(sdl.errors).toBeUndefined();
    expect((sdl.data?._service as { sdl: string }).sdl).toContain("type Cooperative");
    const schema = await execute(server, "{ __schema { queryType { name } } }", {}, gateway);
    expect(schema.errors).toBeUndefined();
    for (const caller of everyoneButTheGateway) {
      const refusedSdl = await execute(server, "{ _service { sdl } }", {}, caller);
      expect(refusedSdl.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(JSON.stringify(refusedSdl)).not.toContain("type Cooperative");
      for (const query of [
        "{ __schema { types { name } } }",
        '{ __type(name: "Cooperative") { fields { name } } }',
        "query { ...q } fragment q on Query { __schema { types { name } } }",
        '{ ... on Query { __type(name: "Person") { name } } }',
      ]) {
        const refused = await execute(server, query, {}, caller);
        expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
        expect(refused.data ?? null).toBeNull();
      }
    }
  });

  it("names no real field when a field is misspelt", async () => {
    const misspelt = await execute(
      server,
      'query { _entities(representations: [{ __typename: "Cooperative", id: "alpes-entreprendre" }]) { ... on Cooperative { i } } }',
      {},
      testCaller("COUNSELOR", COOP),
    );
    expect(misspelt.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(misspelt)).not.toMatch(/Did you mean/);
  });
});
