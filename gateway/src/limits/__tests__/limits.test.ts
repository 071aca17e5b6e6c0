import { ApolloServer, HeaderMap } from "@apollo/server";
import { ConfigError, DEFAULT_PAGE_SIZE } from "@cae/shared";
import { buildSchema, parse, type GraphQLError } from "graphql";
import {
  DEFAULT_QUERY_LIMITS,
  QUERY_LIMITS_ENV,
  checkQueryLimits,
  queryLimitsFromEnv,
  queryLimitsPlugin,
  type QueryLimits,
} from "../limits";

/** Limits so high that only the one a test lowers can be broken. */
const LOOSE: QueryLimits = { maxDepth: Infinity, maxCost: Infinity, maxAliases: Infinity, maxPageSize: Infinity };

const check = (source: string, limits: Partial<QueryLimits>, variables: Record<string, unknown> = {}, operationName?: string) =>
  checkQueryLimits(parse(source), operationName, variables, { ...LOOSE, ...limits });

/** A query nesting `children` under `items` to reach `depth` (a root field is depth 1). */
const nested = (depth: number) => `{ items { ${"children { ".repeat(depth - 2)}id${" }".repeat(depth - 2)} } }`;

/** `count` aliased fields. */
const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: items { id }`).join(" ")} }`;

function expectError(error: GraphQLError | null, extensions: Record<string, unknown>, message?: RegExp): void {
  expect(error).not.toBeNull();
  expect(error!.extensions).toEqual({ ...extensions, http: { status: 400 } });
  if (message) expect(error!.message).toMatch(message);
}

describe("depth", () => {
  it("counts a root field as depth 1", () => {
    expect(check("{ items }", { maxDepth: 1 })).toBeNull();
    expectError(check("{ items { id } }", { maxDepth: 1 }), { code: "QUERY_TOO_DEEP", depth: 2, maxDepth: 1 });
  });

  it("accepts the default limit's depth and refuses one more", () => {
    expect(checkQueryLimits(parse(nested(12)), undefined, {}, DEFAULT_QUERY_LIMITS)).toBeNull();
    expectError(
      checkQueryLimits(parse(nested(13)), undefined, {}, DEFAULT_QUERY_LIMITS),
      { code: "QUERY_TOO_DEEP", depth: 13, maxDepth: 12 },
      /^Query depth 13 exceeds the limit of 12$/,
    );
  });

  it("measures the deepest branch, not the sum of branches", () => {
    expect(check("{ a { b { c } } d { e { f } } g }", { maxDepth: 3 })).toBeNull();
    expectError(check("{ a { b { c } } d { e { f { g } } } }", { maxDepth: 3 }), { code: "QUERY_TOO_DEEP", depth: 4, maxDepth: 3 });
  });

  it("follows named fragments, nested fragments and inline fragments without counting them as levels", () => {
    const source = `
      { items { ...A } }
      fragment A on Item { children { ... on Item { ...B } } }
      fragment B on Item { children { id } }`;
    expect(check(source, { maxDepth: 4 })).toBeNull();
    expectError(check(source, { maxDepth: 3 }), { code: "QUERY_TOO_DEEP", depth: 4, maxDepth: 3 });
  });

  it("counts introspection fields like others", () => {
    const source = "{ __schema { types { fields { type { ofType { ofType { name } } } } } } }";
    expect(check(source, { maxDepth: 7 })).toBeNull();
    expectError(check(source, { maxDepth: 6 }), { code: "QUERY_TOO_DEEP", depth: 7, maxDepth: 6 });
    expectError(check('{ __type(name: "Item") { fields { name } } }', { maxDepth: 2 }), { code: "QUERY_TOO_DEEP", depth: 3, maxDepth: 2 });
  });

  it("checks the operation operationName names, or the only one", () => {
    const source = "query Shallow { items } query Deep { items { children { id } } }";
    expect(check(source, { maxDepth: 1 }, {}, "Shallow")).toBeNull();
    expectError(check(source, { maxDepth: 1 }, {}, "Deep"), { code: "QUERY_TOO_DEEP", depth: 3, maxDepth: 1 });
    expectError(check("query Deep { items { id } }", { maxDepth: 1 }), { code: "QUERY_TOO_DEEP", depth: 2, maxDepth: 1 });
    // No operation to check: left to validation.
    expect(check(source, { maxDepth: 1 })).toBeNull();
    expect(check(source, { maxDepth: 1 }, {}, "Missing")).toBeNull();
  });
});

describe("aliases", () => {
  it("accepts the default limit's count of aliases and refuses one more", () => {
    expect(checkQueryLimits(parse(aliased(30)), undefined, {}, DEFAULT_QUERY_LIMITS)).toBeNull();
    expectError(
      checkQueryLimits(parse(aliased(31)), undefined, {}, DEFAULT_QUERY_LIMITS),
      { code: "TOO_MANY_ALIASES", count: 31, maxAliases: 30 },
      /^Query has 31 aliased fields, more than the limit of 30$/,
    );
  });

  it("counts aliases at any depth, not unaliased fields", () => {
    const source = "{ a: items { b: children { id c: id } name } items { id } }";
    expect(check(source, { maxAliases: 3 })).toBeNull();
    expectError(check(source, { maxAliases: 2 }), { code: "TOO_MANY_ALIASES", count: 3, maxAliases: 2 });
  });

  it("counts aliases in named and inline fragments, at each use of a fragment", () => {
    const source = `
      { items { ...A } other: items { ...A ... on Item { x: id y: id } } }
      fragment A on Item { p: id q: id }`;
    // other (1) + A twice (2 × 2) + the inline fragment's (2)
    expect(check(source, { maxAliases: 7 })).toBeNull();
    expectError(check(source, { maxAliases: 6 }), { code: "TOO_MANY_ALIASES", count: 7, maxAliases: 6 });
  });

  it("ignores fragments the operation does not use", () => {
    const source = "query { items { id } } fragment Unused on Item { a: id b: id }";
    expect(check(source, { maxAliases: 0 })).toBeNull();
  });
});

describe("page size", () => {
  it("accepts first up to the default limit and refuses one more, naming the field by its response path", () => {
    const source = (first: number) => `{ cooperative(id: "x") { people(first: ${first}) { edges { node { id } } } } }`;
    expect(checkQueryLimits(parse(source(100)), undefined, {}, DEFAULT_QUERY_LIMITS)).toBeNull();
    expectError(
      checkQueryLimits(parse(source(101)), undefined, {}, DEFAULT_QUERY_LIMITS),
      { code: "PAGE_TOO_LARGE", first: 101, maxPageSize: 100, field: "cooperative.people" },
      /^Page size 101 requested for cooperative\.people exceeds the limit of 100$/,
    );
  });

  it("resolves first from variables, else from the variable's default", () => {
    const source = "query ($n: Int) { items(first: $n) { id } }";
    expect(check(source, { maxPageSize: 10 }, { n: 10 })).toBeNull();
    expectError(check(source, { maxPageSize: 10 }, { n: 11 }), { code: "PAGE_TOO_LARGE", first: 11, maxPageSize: 10, field: "items" });
    expect(check(source, { maxPageSize: 10 }, {})).toBeNull();

    const withDefault = "query ($n: Int = 50) { items(first: $n) { id } }";
    expectError(check(withDefault, { maxPageSize: 10 }, {}), { code: "PAGE_TOO_LARGE", first: 50, maxPageSize: 10, field: "items" });
    expect(check(withDefault, { maxPageSize: 10 }, { n: 5 })).toBeNull();
    expect(check(withDefault, { maxPageSize: 10 }, { n: null })).toBeNull();
  });

  it("finds first at any depth and inside fragments, and names the field by its aliases", () => {
    const source = `
      query ($n: Int) { list: items { ... on Item { ...F } } }
      fragment F on Item { kids: children(first: $n) { id } }`;
    expect(check(source, { maxPageSize: 10 }, { n: 10 })).toBeNull();
    expectError(check(source, { maxPageSize: 10 }, { n: 11 }), { code: "PAGE_TOO_LARGE", first: 11, maxPageSize: 10, field: "list.kids" });
  });

  it("leaves values below 1 and values of the wrong type to the subgraphs", () => {
    expect(check("{ items(first: 0) { id } }", { maxPageSize: 10 })).toBeNull();
    expect(check("{ items(first: -5) { id } }", { maxPageSize: 10 })).toBeNull();
    expect(check("query ($n: Int) { items(first: $n) { id } }", { maxPageSize: 10 }, { n: "500" })).toBeNull();
  });
});

describe("cost", () => {
  it("costs 1 a field", () => {
    expect(check("{ a b { c d { e } } }", { maxCost: 5 })).toBeNull();
    expectError(check("{ a b { c d { e } } }", { maxCost: 4 }), { code: "QUERY_TOO_COMPLEX", cost: 5, maxCost: 4 });
  });

  it("multiplies the cost of nested connections' selections by their first", () => {
    // 1 + 10 × (1 + 10 × 3) = 311
    const source = "{ items(first: 10) { children(first: 10) { a b c } } }";
    expect(check(source, { maxCost: 311 })).toBeNull();
    expectError(
      check(source, { maxCost: 310 }),
      { code: "QUERY_TOO_COMPLEX", cost: 311, maxCost: 310 },
      /^Query cost 311 exceeds the limit of 310 /,
    );
  });

  it("takes first from variables", () => {
    const source = "query ($n: Int, $m: Int) { items(first: $n) { children(first: $m) { a b c } } }";
    expectError(check(source, { maxCost: 310 }, { n: 10, m: 10 }), { code: "QUERY_TOO_COMPLEX", cost: 311, maxCost: 310 });
    expect(check(source, { maxCost: 310 }, { n: 10, m: 9 })).toBeNull(); // 1 + 10 × (1 + 9 × 3) = 281
  });

  it("counts a connection without first, or with first null or unset, at the default page size", () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    const expected = 1 + 20 * 3;
    expectError(check("{ items(first: null) { a b c } }", { maxCost: expected - 1 }), {
      code: "QUERY_TOO_COMPLEX",
      cost: expected,
      maxCost: expected - 1,
    });
    expectError(check("query ($n: Int) { items(first: $n) { a b c } }", { maxCost: expected - 1 }), {
      code: "QUERY_TOO_COMPLEX",
      cost: expected,
      maxCost: expected - 1,
    });
    // A field selecting edges or nodes is a connection: leaving first out does not make it cheaper.
    // people: 1 + 20 × (edges: 1 + (node: 1 + 2)) = 81
    expectError(check("{ people { edges { node { id name } } } }", { maxCost: 80 }), { code: "QUERY_TOO_COMPLEX", cost: 81, maxCost: 80 });
    expectError(check("{ people { ...P } } fragment P on PersonConnection { nodes { id } }", { maxCost: 40 }), {
      code: "QUERY_TOO_COMPLEX",
      cost: 41,
      maxCost: 40,
    });
    // A list that is not a connection counts once.
    expect(check("{ items { a b c } }", { maxCost: 4 })).toBeNull();
  });

  it("counts fragments, named and inline, where they are used", () => {
    const source = `
      { items(first: 10) { ...A ... on Item { b } } }
      fragment A on Item { a children { ...B } }
      fragment B on Item { x y }`;
    // items: 1 + 10 × (a 1 + children (1 + 2) + b 1) = 51
    expect(check(source, { maxCost: 51 })).toBeNull();
    expectError(check(source, { maxCost: 50 }), { code: "QUERY_TOO_COMPLEX", cost: 51, maxCost: 50 });
  });

  it("accepts the README's example query under the default limits and refuses it with 100 people per page", () => {
    const source = (people: number) => `{
      cooperatives { edges { node { id name
        people(first: ${people}) { totalCount edges { node { id firstName lastName
          contracts { edges { node { kind status startsOn monthlyHours fixedMonthlyPayCents } } }
          activityAccounts { edges { node { analyticCode label sector } } }
        } } }
      } } }
      person(id: "x") { firstName cooperative { name } }
    }`;
    expect(checkQueryLimits(parse(source(3)), undefined, {}, DEFAULT_QUERY_LIMITS)).toBeNull();
    const error = checkQueryLimits(parse(source(100)), undefined, {}, DEFAULT_QUERY_LIMITS);
    expect(error?.extensions.code).toBe("QUERY_TOO_COMPLEX");
    expect(error?.extensions.cost).toBeGreaterThan(20_000);
  });
});

describe("fragment cycles and fragment fan-out", () => {
  it("does not loop on a fragment that spreads itself, directly or not", () => {
    const direct = "{ items { ...A } } fragment A on Item { id children { ...A } }";
    expect(check(direct, { maxDepth: 2 })).toBeNull();
    expectError(check(direct, { maxDepth: 1 }), { code: "QUERY_TOO_DEEP", depth: 2, maxDepth: 1 });

    const indirect = `
      { items { ...A } }
      fragment A on Item { a: id children { ...B } }
      fragment B on Item { b: id ...C }
      fragment C on Item { c: id ...A }`;
    expectError(check(indirect, { maxAliases: 2 }), { code: "TOO_MANY_ALIASES", count: 3, maxAliases: 2 });
    expect(checkQueryLimits(parse(indirect), undefined, {}, DEFAULT_QUERY_LIMITS)).toBeNull();
  });

  it("weighs a document that spreads fragments exponentially without expanding it", () => {
    // F0 spreads F1 twice, F1 spreads F2 twice... F19 holds one alias: 2^19 uses of it, counted without expanding them.
    const levels = 20;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Item { x: id }` : `fragment F${i} on Item { ...F${i + 1} ... on Item { ...F${i + 1} } }`,
    );
    const source = `{ items { ...F0 } } ${fragments.join(" ")}`;
    expectError(check(source, { maxAliases: 30 }), { code: "TOO_MANY_ALIASES", count: 2 ** (levels - 1), maxAliases: 30 });
    expectError(check(source, { maxCost: 20_000 }), { code: "QUERY_TOO_COMPLEX", cost: 1 + 2 ** (levels - 1), maxCost: 20_000 });
  });
});

it("reports the first broken limit in the order depth, aliases, page size, cost", () => {
  const source = "{ a: items(first: 1000) { b: children { c: children { id } } } }";
  // depth 4, 3 aliases, first 1000, cost 1 + 1000 × (1 + (1 + 1)) = 3001
  const all = { maxDepth: 3, maxAliases: 2, maxPageSize: 100, maxCost: 10 };
  expect(check(source, all)?.extensions.code).toBe("QUERY_TOO_DEEP");
  expect(check(source, { ...all, maxDepth: 4 })?.extensions.code).toBe("TOO_MANY_ALIASES");
  expect(check(source, { ...all, maxDepth: 4, maxAliases: 3 })?.extensions.code).toBe("PAGE_TOO_LARGE");
  expect(check(source, { ...all, maxDepth: 4, maxAliases: 3, maxPageSize: 1000 })?.extensions.code).toBe("QUERY_TOO_COMPLEX");
  expect(check(source, { maxDepth: 4, maxAliases: 3, maxPageSize: 1000, maxCost: 3001 })).toBeNull();
});

describe("queryLimitsFromEnv", () => {
  it("defaults to 12, 20000, 30 and 100", () => {
    expect(DEFAULT_QUERY_LIMITS).toEqual({ maxDepth: 12, maxCost: 20_000, maxAliases: 30, maxPageSize: 100 });
    expect(queryLimitsFromEnv({})).toEqual(DEFAULT_QUERY_LIMITS);
    expect(QUERY_LIMITS_ENV).toEqual(["MAX_QUERY_DEPTH", "MAX_QUERY_COST", "MAX_QUERY_ALIASES", "MAX_PAGE_SIZE"]);
  });

  it("reads each variable", () => {
    expect(queryLimitsFromEnv({ MAX_QUERY_DEPTH: "8", MAX_QUERY_COST: "5000", MAX_QUERY_ALIASES: "4", MAX_PAGE_SIZE: "50" })).toEqual({
      maxDepth: 8,
      maxCost: 5000,
      maxAliases: 4,
      maxPageSize: 50,
    });
    expect(queryLimitsFromEnv({ MAX_PAGE_SIZE: "1" })).toEqual({ ...DEFAULT_QUERY_LIMITS, maxPageSize: 1 });
  });

  it.each(
    QUERY_LIMITS_ENV.flatMap((name) => ["0", "-3", "2.5", "1e3", "abc", "", " 7", "99999999999999999999"].map((value) => [name, value])),
  )("refuses %s=%j with a ConfigError naming the variable", (name, value) => {
    const read = () => queryLimitsFromEnv({ [name]: value });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(`${name} must be a positive whole number, got "${value}"`);
  });
});

describe("queryLimitsPlugin in an ApolloServer", () => {
  const typeDefs = "type Query { items(first: Int): [Item] } type Item { id: ID, children(first: Int): [Item] }";
  const item = (id: number) => ({ id: String(id), children: () => [item(id * 10)] });
  let server: ApolloServer;

  beforeAll(async () => {
    server = new ApolloServer({
      schema: buildSchema(typeDefs),
      rootValue: { items: ({ first }: { first?: number }) => Array.from({ length: first ?? 2 }, (_, i) => item(i + 1)) },
      plugins: [queryLimitsPlugin({ ...DEFAULT_QUERY_LIMITS, maxDepth: 3 })],
    });
    await server.start();
  });
  afterAll(() => server.stop());

  it("answers an operation within the limits", async () => {
    const response = await server.executeOperation({
      query: "query ($n: Int) { items(first: $n) { id children { id } } }",
      variables: { n: 1 },
    });
    expect(response.body.kind === "single" && response.body.singleResult).toEqual({
      data: { items: [{ id: "1", children: [{ id: "10" }] }] },
    });
  });

  it("refuses a too deep operation with its code, no data and status 400", async () => {
    const response = await server.executeOperation({ query: "{ items { children { children { id } } } }" });
    expect(response.http.status).toBe(400);
    expect(response.body.kind).toBe("single");
    const result = response.body.kind === "single" ? response.body.singleResult : undefined;
    expect(result).not.toHaveProperty("data");
    expect(result?.errors).toEqual([
      {
        message: "Query depth 4 exceeds the limit of 3",
        extensions: expect.objectContaining({ code: "QUERY_TOO_DEEP", depth: 4, maxDepth: 3 }),
      },
    ]);
    expect(result?.errors?.[0]?.extensions).not.toHaveProperty("http");
  });

  it("counts variables, known once the operation is resolved", async () => {
    const query = "query ($n: Int) { items(first: $n) { id } }";
    const response = await server.executeOperation({ query, variables: { n: 101 } });
    const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
    expect(errors?.[0]?.extensions).toMatchObject({ code: "PAGE_TOO_LARGE", first: 101, maxPageSize: 100, field: "items" });
  });

  it("checks a document it passed before again with other page sizes, given or left to their default", async () => {
    const query = "query ($n: Int = 101, $m: Int) { items(first: $n) { id children(first: $m) { id } } }";
    const run = async (variables: Record<string, unknown>) => {
      const response = await server.executeOperation({ query, variables });
      return response.body.kind === "single" ? response.body.singleResult.errors?.[0]?.extensions?.code : "incremental";
    };
    expect(await run({ n: 1, m: 1 })).toBeUndefined();
    expect(await run({ n: 1, m: 1 })).toBeUndefined();
    expect(await run({ n: 1, m: 101 })).toBe("PAGE_TOO_LARGE");
    // Absent, the variable's default (101) applies; null is a value, left to the subgraphs.
    expect(await run({ m: 1 })).toBe("PAGE_TOO_LARGE");
    expect(await run({ n: null, m: 1 })).toBeUndefined();
    expect(await run({ m: 1 })).toBe("PAGE_TOO_LARGE");
  });

  it("answers HTTP status 400 over HTTP", async () => {
    const post = (query: string) =>
      server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: "POST", headers: new HeaderMap([["content-type", "application/json"]]), search: "", body: { query } },
        context: async () => ({}),
      });
    const refused = await post("{ items { children { children { id } } } }");
    expect(refused.status).toBe(400);
    expect(refused.body.kind).toBe("complete");
    const body = JSON.parse(refused.body.kind === "complete" ? refused.body.string : "{}");
    expect(body).toEqual({
      errors: [{ message: "Query depth 4 exceeds the limit of 3", extensions: expect.objectContaining({ code: "QUERY_TOO_DEEP" }) }],
    });
    expect(body.errors[0].extensions).not.toHaveProperty("http");

    const answered = await post("{ items { id } }");
    expect(answered.status ?? 200).toBe(200);
    expect(answered.body.kind === "complete" && JSON.parse(answered.body.string)).toEqual({ data: { items: [{ id: "1" }, { id: "2" }] } });
  });
});
