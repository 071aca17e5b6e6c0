import { testCaller } from "@cae/tools/testing";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { execute, parse, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import type { Caller } from "../caller";
import { enforceAccessPolicy, rules, type AccessPolicy } from "../policy";

const COOP = "alpes-entreprendre";
const ME = `${COOP}:me`;
const OTHER = `${COOP}:other`;

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { cooperative: Cooperative! }
  type Cooperative @key(fields: "id") { id: ID! people: PersonPage! person(id: ID!): Person workshop: Workshop! }
  type PersonPage { total: Int! items: [Person!]! }
  type Person @key(fields: "id") { id: ID! name: String! notes: [Note!]! }
  type Note { text: String! }
  type Workshop { id: ID! people: [Person!]! }
`);

const PEOPLE = {
  [ME]: { id: ME, name: "Me", notes: [{ text: "mine" }] },
  [OTHER]: { id: OTHER, name: "Other", notes: [{ text: "theirs" }] },
};

function schemaWith(policy: AccessPolicy): GraphQLSchema {
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: { cooperative: () => ({ id: COOP }) },
      Cooperative: {
        people: () => ({ total: 2, items: Object.values(PEOPLE).map((person) => ({ ...person })) }),
        person: (_: unknown, { id }: { id: string }) =>
          PEOPLE[id as keyof typeof PEOPLE] ? { ...PEOPLE[id as keyof typeof PEOPLE] } : null,
        workshop: () => ({ id: "w", people: Object.values(PEOPLE).map((person) => ({ ...person })) }),
      },
      Person: { __resolveReference: (reference: { id: string }) => PEOPLE[reference.id as keyof typeof PEOPLE] ?? null },
    } as never,
  });
  return enforceAccessPolicy(schema, policy);
}

/** The policy under test: people are each their own (decided by a loader-like promise), their notes a part of them. */
function policy(decided: string[] = []): AccessPolicy {
  return {
    types: {
      Cooperative: rules.open,
      PersonPage: rules.part,
      Person: rules.aboutPeople(async (person: { id: string }) => {
        decided.push(person.id);
        return person.id;
      }),
      Note: rules.part,
      Workshop: rules.members,
    },
    fields: { "Query.cooperative": rules.open, "Cooperative.people": rules.staff },
  };
}

async function run(schema: GraphQLSchema, query: string, caller: Caller, variables?: Record<string, unknown>) {
  return execute({ schema, document: parse(query), contextValue: { caller }, variableValues: variables });
}

const entrepreneur = testCaller("ENTREPRENEUR", COOP, ME);

describe("the access policy", () => {
  it("refuses to build a schema it does not cover, naming what is missing", () => {
    const { Note: _note, ...withoutNote } = policy().types;
    expect(() => schemaWith({ ...policy(), types: withoutNote })).toThrow(/type Note has no read rule/);
    expect(() => schemaWith({ ...policy(), fields: { "Query.cooperative": rules.open } })).toThrow(
      /field Cooperative.people returns a part of Cooperative that every caller reads/,
    );
    expect(() => schemaWith({ ...policy(), fields: { "Cooperative.people": rules.staff } })).toThrow(
      /root field Query.cooperative has no read rule/,
    );
    expect(() => schemaWith({ ...policy(), types: { ...policy().types, Ghost: rules.open } })).toThrow(/names type Ghost/);
    expect(() => schemaWith({ ...policy(), fields: { ...policy().fields, "Person.age": rules.staff } })).toThrow(/names field Person.age/);
  });

  it("keeps in a list only the people the caller may read, and decides each once per request", async () => {
    const decided: string[] = [];
    const schema = schemaWith(policy(decided));
    const result = await run(schema, "{ cooperative { workshop { people { id name notes { text } } } } }", entrepreneur);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ cooperative: { workshop: { people: [{ id: ME, name: "Me", notes: [{ text: "mine" }] }] } } });
    expect(decided.sort()).toEqual([ME, OTHER]);
  });

  it("refuses a single object the caller may not read, without saying whether it exists", async () => {
    const schema = schemaWith(policy());
    const other = await run(schema, "query ($id: ID!) { cooperative { person(id: $id) { __typename } } }", entrepreneur, { id: OTHER });
    expect(other.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(other.data).toEqual({ cooperative: { person: null } });
    const own = await run(schema, "query ($id: ID!) { cooperative { person(id: $id) { name } } }", entrepreneur, { id: ME });
    expect(own).toEqual({ data: { cooperative: { person: { name: "Me" } } } });
  });

  it("gives a field narrower than its object to its readers only, and its parts with it", async () => {
    const schema = schemaWith(policy());
    const refused = await run(schema, "{ cooperative { people { total } } }", entrepreneur);
    expect(refused.errors?.[0]).toMatchObject({ path: ["cooperative", "people"], extensions: { code: "FORBIDDEN" } });
    const staff = await run(schema, "{ cooperative { people { total items { name } } } }", testCaller("COUNSELOR", COOP));
    expect(staff).toEqual({ data: { cooperative: { people: { total: 2, items: [{ name: "Me" }, { name: "Other" }] } } } });
  });

  it("refuses `_entities` of a type the role never reads without looking it up, and decides the others", async () => {
    const schema = schemaWith(policy());
    const query = "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } } }";
    const representations = [
      { __typename: "Person", id: ME },
      { __typename: "Person", id: OTHER },
      { __typename: "Person", id: `${COOP}:nobody` },
    ];
    const analyst = await run(schema, query, testCaller("NETWORK_ANALYST"), { r: representations });
    expect(analyst.data).toEqual({ _entities: [null, null, null] });
    expect(analyst.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    const own = await run(schema, query, entrepreneur, { r: representations });
    expect(own.data).toEqual({ _entities: [{ id: ME, name: "Me" }, null, null] });
    expect(own.errors?.map((error) => error.path)).toEqual([["_entities", 1]]);
  });

  it("refuses a part that no allowed field produced, whoever asks", () => {
    const schema = schemaWith(policy());
    const text = (schema.getType("Note") as GraphQLObjectType).getFields().text;
    const resolveText = () => text.resolve!({ text: "stray" }, {}, { caller: testCaller("COUNSELOR", COOP) }, {} as GraphQLResolveInfo);
    expect(resolveText).toThrow(/This Note is not open to COUNSELOR/);
  });

  it("gives the subgraph's SDL to the gateway's credential only", async () => {
    const schema = schemaWith(policy());
    const sdl = (caller: Caller) => execute({ schema, document: parse("{ _service { sdl } }"), contextValue: { caller } });
    expect((await sdl(testCaller("COOP_ADMIN", COOP))).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await sdl(testCaller("NETWORK_ANALYST"))).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const gateway = await sdl(testCaller("NETWORK_SERVICE"));
    expect(gateway.errors).toBeUndefined();
    expect(JSON.stringify(gateway.data)).toContain("type Person");
  });
});
