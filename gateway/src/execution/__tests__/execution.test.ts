import { composeServices } from "@apollo/composition";
import { ApolloGateway, LocalGraphQLDataSource, type GraphQLDataSource } from "@apollo/gateway";
import { ApolloServer, type GraphQLResponse } from "@apollo/server";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { createLogger } from "@cae/shared";
import { PlannedGateway } from "../planned-gateway";

/**
 * The gateway's own executor against Apollo Gateway's, on the same supergraph and the same
 * subgraph answers: every request is sent twice to the gateway (the first plans it through
 * Apollo's executor, the second runs on the gateway's own) and once to a plain Apollo Gateway,
 * and the two answers must be the same, errors included. The subgraphs are small ones executed
 * in process; a case may tamper with a subgraph's answer to give what a faulty subgraph would
 * (a null where the schema says never, an unknown enum value, an error on one entity).
 */

type Person = { id: string; firstName: string | null; lastName: string | null; stage: string };
const PEOPLE: Person[] = [
  { id: "p1", firstName: "Alice", lastName: "Martin", stage: "CESA" },
  { id: "p2", firstName: "Bruno", lastName: null, stage: "CAPE" },
  { id: "p3", firstName: "Chloé", lastName: "Petit", stage: "RECEPTION" },
];
const CONTRACTS: Record<string, { kind: string; monthlyHours: number | null; startsOn: string }[]> = {
  p1: [
    { kind: "CAPE", monthlyHours: null, startsOn: "2026-01-05" },
    { kind: "CESA", monthlyHours: 70, startsOn: "2026-07-01" },
  ],
  p2: [{ kind: "CAPE", monthlyHours: null, startsOn: "2026-03-02" }],
  p3: [],
};

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])';
const subgraphs = {
  members: buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION}
      enum Stage { RECEPTION CAPE CESA }
      type Query { people: [Person!]! person(id: ID!): Person }
      type Mutation { rename(id: ID!, firstName: String!): Person }
      type Person @key(fields: "id") { id: ID! firstName: String! lastName: String stage: Stage! }`),
    resolvers: {
      Query: { people: () => PEOPLE, person: (_: unknown, { id }: { id: string }) => PEOPLE.find((person) => person.id === id) ?? null },
      Mutation: {
        rename: (_: unknown, { id, firstName }: { id: string; firstName: string }) => {
          const person = PEOPLE.find((candidate) => candidate.id === id);
          return person ? { ...person, firstName } : null;
        },
      },
      Person: { __resolveReference: ({ id }: { id: string }) => PEOPLE.find((person) => person.id === id) },
    },
  }),
  contracts: buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION}
      enum ContractKind { CAPE CESA }
      type Contract { kind: ContractKind! monthlyHours: Int startsOn: String! }
      type Person @key(fields: "id") { id: ID! contracts: [Contract!]! }`),
    resolvers: { Person: { contracts: ({ id }: { id: string }) => CONTRACTS[id] ?? [] } },
  }),
  finance: buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION}
      type Person @key(fields: "id") {
        id: ID!
        lastName: String @external
        "Needs the person's last name from members: a fetch with @requires."
        accountLabel: String @requires(fields: "lastName")
        balanceCents: Int!
      }`),
    resolvers: {
      Person: {
        accountLabel: ({ id, lastName }: { id: string; lastName: string | null }) => `411-${lastName ?? "?"}-${id}`,
        balanceCents: ({ id }: { id: string }) => id.length * 1000,
      },
    },
  }),
};
const composed = composeServices(
  Object.entries(subgraphs).map(([name, schema]) => ({
    name,
    url: `http://${name}.invalid`,
    typeDefs: parse((schema.getQueryType()!.getFields()._service.resolve as () => { sdl: string })().sdl),
  })),
);
if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join("\n"));

type Tamper = (subgraph: string, response: GatewayGraphQLResponse) => GatewayGraphQLResponse;
/** What the current case does to the subgraphs' answers; both gateways see the same. */
let tamper: Tamper | undefined;

class TamperedSubgraph implements GraphQLDataSource {
  private readonly local: LocalGraphQLDataSource;
  constructor(private readonly name: keyof typeof subgraphs) {
    this.local = new LocalGraphQLDataSource(subgraphs[name]);
  }
  async process(options: Parameters<GraphQLDataSource["process"]>[0]): Promise<GatewayGraphQLResponse> {
    const response = JSON.parse(JSON.stringify(await this.local.process(options))) as GatewayGraphQLResponse;
    return tamper ? tamper(this.name, response) : response;
  }
}

const config = {
  supergraphSdl: composed.supergraphSdl!,
  buildService: ({ name }: { name: string }) => new TamperedSubgraph(name as keyof typeof subgraphs),
};
const logger = createLogger({ service: "gateway" }, "silent");
const planned = new PlannedGateway(config, logger);
const gateway = new ApolloServer({ gateway: planned, includeStacktraceInErrorResponses: false, logger });
const apollo = new ApolloServer({ gateway: new ApolloGateway(config), includeStacktraceInErrorResponses: false, logger });

beforeAll(async () => {
  await gateway.start();
  await apollo.start();
});
afterAll(async () => {
  await gateway.stop();
  await apollo.stop();
});
afterEach(() => (tamper = undefined));

type Request = { query: string; variables?: Record<string, unknown>; operationName?: string };
const single = (body: GraphQLResponse["body"]) => {
  if (body.kind !== "single") throw new Error("an incremental answer");
  return JSON.parse(JSON.stringify(body.singleResult)) as { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> };
};
const ask = async (server: ApolloServer, request: Request) => single((await server.executeOperation(request)).body);

/** Runs the request once to teach the gateway its plan; then the gateway's own answer and Apollo's. */
async function compare(request: Request, teach: Request = request) {
  await ask(gateway, teach);
  const before = { ...planned.executions };
  const own = await ask(gateway, request);
  const reference = await ask(apollo, request);
  expect(planned.executions.own).toBe(before.own + 1);
  expect(own).toEqual(reference);
  return own;
}

const PAGE = `query Page($withContracts: Boolean = true, $skipLabel: Boolean!) {
  people {
    id
    kind: __typename
    ...Names
    ... on Person { stage }
    contracts @include(if: $withContracts) { kind monthlyHours startsOn }
    accountLabel @skip(if: $skipLabel)
    balanceCents
    also: firstName @skip(if: true)
  }
}
fragment Names on Person { first: firstName lastName }`;

describe("the gateway's own executor of planned operations", () => {
  it("answers as Apollo Gateway does: aliases, fragments, @skip and @include with defaults, a fetch with @requires", async () => {
    const answer = await compare({ query: PAGE, variables: { skipLabel: false } });
    expect(answer).toEqual({
      data: {
        people: [
          expect.objectContaining({ id: "p1", kind: "Person", first: "Alice", stage: "CESA", accountLabel: "411-Martin-p1" }),
          expect.objectContaining({ id: "p2", first: "Bruno", lastName: null, accountLabel: "411-?-p2", contracts: [CONTRACTS.p2[0]] }),
          expect.objectContaining({ id: "p3", contracts: [], balanceCents: 2000 }),
        ],
      },
    });
    expect(answer.data).not.toHaveProperty("people.0.also");
    // The same operation with other variables runs on the same compiled plan.
    const without = await compare({ query: PAGE, variables: { withContracts: false, skipLabel: true } });
    expect((without.data as { people: object[] }).people[0]).not.toHaveProperty("contracts");
    expect((without.data as { people: object[] }).people[0]).not.toHaveProperty("accountLabel");
  });

  it("carries a null where the schema says never up to the nearest nullable field, with Apollo's error", async () => {
    tamper = (subgraph, response) => {
      const people = (response.data as { people?: Person[] } | undefined)?.people;
      if (subgraph === "members" && people) people[1].firstName = null;
      return response;
    };
    // people is [Person!]!: the null reaches the root.
    const answer = await compare({ query: "{ people { id firstName } }" });
    expect(answer.data).toBeNull();
    // person is nullable: it stops there.
    tamper = (subgraph, response) => {
      const person = (response.data as { person?: Person } | undefined)?.person;
      if (subgraph === "members" && person) person.firstName = null;
      return response;
    };
    expect(await compare({ query: '{ person(id: "p1") { id firstName } }' })).toMatchObject({ data: { person: null } });
  });

  it("says a value a subgraph should not have given (an unknown enum value, a wrong scalar) as Apollo does", async () => {
    tamper = (subgraph, response) => {
      const entities = (response.data as { _entities?: { contracts: { kind: string; monthlyHours: unknown }[] }[] } | undefined)?._entities;
      if (subgraph === "contracts" && entities) {
        entities[0].contracts[0].kind = "FREELANCE";
        entities[0].contracts[1].monthlyHours = "seventy";
      }
      return response;
    };
    const answer = await compare({ query: "{ people { id contracts { kind monthlyHours } } }" });
    expect(answer.extensions?.valueCompletion).toHaveLength(2);
  });

  it("puts a subgraph's error on one entity at that person's place in the answer", async () => {
    tamper = (subgraph, response) => {
      if (subgraph !== "contracts" || !response.data?._entities) return response;
      (response.data._entities as unknown[])[1] = null;
      return {
        ...response,
        errors: [{ message: "contracts of p2 unavailable", path: ["_entities", 1, "contracts"], extensions: { code: "FORBIDDEN" } }],
      };
    };
    const answer = await compare({ query: "{ people { id contracts { kind } } }" });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        path: ["people", 1, "contracts"],
        extensions: expect.objectContaining({ code: "FORBIDDEN", serviceName: "contracts" }),
      }),
    ]);
  });

  it("gives a subgraph that does not answer as Apollo does, and keeps the rest of the answer", async () => {
    tamper = (subgraph, response) => {
      if (subgraph === "finance") throw new Error("finance did not answer");
      return response;
    };
    const answer = await compare({ query: "{ people { id firstName balanceCents } }" });
    expect(answer.errors).toEqual([expect.objectContaining({ message: "finance did not answer" })]);
  });

  it("refuses variables of the wrong type as Apollo does, on an operation it has compiled", async () => {
    const query = "query One($id: ID!) { person(id: $id) { id firstName } }";
    const answer = await compare({ query, variables: { id: { not: "an id" } } }, { query, variables: { id: "p1" } });
    expect(answer.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Variable "\$id" got invalid value/) })]);
  });

  it("runs mutations, and picks the operation a document names", async () => {
    const query = `query Ask { person(id: "p1") { firstName } } mutation Rename($id: ID!) { rename(id: $id, firstName: "Alicia") { firstName contracts { kind } } }`;
    const answer = await compare({ query, operationName: "Rename", variables: { id: "p1" } });
    expect(answer).toEqual({ data: { rename: { firstName: "Alicia", contracts: [{ kind: "CAPE" }, { kind: "CESA" }] } } });
    expect(await compare({ query, operationName: "Ask" })).toEqual({ data: { person: { firstName: "Alice" } } });
  });

  type Answer = Awaited<ReturnType<typeof ask>>;
  it.each<[string, string, (answer: Answer) => void]>([
    [
      "introspection",
      "{ __schema { queryType { name } } people { id } }",
      (answer) => expect(answer).toMatchObject({ data: { __schema: { queryType: { name: "Query" } } } }),
    ],
    [
      "an alias named __proto__",
      "{ people { id __proto__: firstName } }",
      (answer) => {
        const first = (answer.data as { people: object[] }).people[0];
        expect(Object.getOwnPropertyDescriptor(first, "__proto__")?.value).toBe("Alice");
      },
    ],
  ])("leaves %s to Apollo's executor, for good", async (_, query, check) => {
    const request = { query };
    await ask(gateway, request);
    const before = { ...planned.executions };
    const own = await ask(gateway, request);
    expect(planned.executions).toEqual({ own: before.own, apollo: before.apollo + 1 });
    expect(own).toEqual(await ask(apollo, request));
    check(own);
  });
});
