import { buildSchema } from "graphql";
import { CachedLocalDataSource } from "../network/local-data-source";

describe("the gateway's own subgraph, executed in process", () => {
  const schema = buildSchema("type Query { hello(name: String!): String! }");
  schema.getQueryType()!.getFields().hello.resolve = (_source, { name }: { name: string }) => `hello ${name}`;
  const source = new CachedLocalDataSource<Record<string, unknown>>(schema);
  const run = (query: string, variables?: Record<string, unknown>) =>
    source.process({ request: { query, variables }, context: {}, kind: "INCOMING_OPERATION" } as never);

  it("executes operations with their variables, again and again", async () => {
    const query = "query ($n: String!) { hello(name: $n) }";
    expect(await run(query, { n: "A" })).toEqual({ data: { hello: "hello A" } });
    expect(await run(query, { n: "B" })).toEqual({ data: { hello: "hello B" } });
  });

  it("answers an invalid operation with its validation errors, every time", async () => {
    for (let i = 0; i < 2; i++) {
      const result = await run("{ goodbye }");
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].message).toMatch(/Cannot query field "goodbye"/);
    }
  });
});
