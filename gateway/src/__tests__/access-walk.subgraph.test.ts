/**
 * Walks every path of every subgraph's schema as each role, on the demo data: from `_entities`
 * (every entity type, several IDs, the caller's own and others'), through every object field and
 * list, to depth 6 at least. The queries are generated from the schema, not written by hand, so a
 * new type or field is walked the day it is added.
 *
 * What comes back is judged by rules written here, independently of the policy under test:
 * - network roles get no object but the cooperative and its public profile, and no value that
 *   names a person (ID, name, email, phone);
 * - the gateway's credential gets the cooperative's aggregates, but no person's record;
 * - an entrepreneur gets no person but themselves, and no record of somebody else's (contract,
 *   account, invoice, customer, quote, activity, session...), and no aggregate;
 * - the cooperative's staff do get all of it (so the walk is not vacuous).
 *
 * The network's own subgraph is walked the same way, from `_entities` (a cooperative, a funding
 * agreement) and from each of its root fields, on records a network admin creates first:
 * - a cooperative's roles get nothing of it but the cooperative, and its staff their own
 *   cooperative's charter adherences (never another's); no committee member's name or email, no
 *   partner's email;
 * - the gateway's credential gets the registry, the funding agreements and their partner's name,
 *   but no partner's email, no committee, no charter adherence, no audit trail;
 * - a network analyst gets every type but the audit trail; a network admin every type.
 */
import { resolve } from "node:path";
import type { BaseContext } from "@apollo/server";
import { execute, startTestNetworkSubgraph, startTestSubgraph, testCaller, type ExecutableServer } from "@cae/tools/testing";
import { contracts } from "@cae/contracts";
import { finance } from "@cae/finance";
import { members } from "@cae/members";
import { network } from "@cae/network";
import { todayInFrance, type Caller, type Role, type SubgraphDefinition } from "@cae/shared";
import { getNamedType, isObjectType, isRequiredArgument, isUnionType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import {
  AGGREGATE_TYPES,
  contentsOf,
  createNetworkRecords,
  PERSONAL_TYPES,
  recordsOf,
  selectionOf,
  type Json,
  type NetworkRecords,
} from "./schema-walk";

const COOP = "alpes-entreprendre";
const OTHER_COOP = "bretagne-cooperer";
const MIN_DEPTH = 6;
const DEMO_REGISTRY = resolve(__dirname, "../../registry.demo.json");

type Subgraph = Awaited<ReturnType<typeof startTestSubgraph<unknown>>>;

/** What a network role may get from a cooperative's subgraph. */
const NETWORK_TYPES = new Set(["Cooperative", "CooperativeProfile"]);

const SUBGRAPHS: Record<string, SubgraphDefinition<unknown>> = {
  members: members as SubgraphDefinition<unknown>,
  contracts: contracts as SubgraphDefinition<unknown>,
  finance: finance as SubgraphDefinition<unknown>,
};

/** Where a walk starts: `_entities` of one type with these IDs, or one root field (with the ID it names). */
type Start = { entities: string; ids: string[] } | { root: string; id?: string };

/** What one walk returned: every object with its type, every string, how deep it went, errors of another kind than a refusal. */
interface Walked {
  objects: { type: string; object: Record<string, Json> }[];
  strings: Set<string>;
  depth: number;
  unexpected: unknown[];
  excluded: Set<string>;
}

/**
 * One walk: a refused field (FORBIDDEN) nulls its non-null parents and would hide its siblings, so
 * each refused field is left out and the walk run again, until nothing is refused. Everything any
 * of the runs returned is judged.
 */
async function walkFrom<Context extends BaseContext>(
  server: ExecutableServer<Context>,
  schema: GraphQLSchema,
  caller: Caller,
  start: Start,
  idsOf: (type: string) => string[],
): Promise<Walked> {
  let type: GraphQLObjectType;
  let query: (selection: string) => string;
  let variables: Record<string, unknown> = {};
  if ("entities" in start) {
    type = schema.getType(start.entities) as GraphQLObjectType;
    variables = { r: start.ids.map((id) => ({ __typename: start.entities, id })) };
    query = (selection) => `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${start.entities} { ${selection} } } }`;
  } else {
    const field = schema.getQueryType()!.getFields()[start.root];
    type = getNamedType(field.type) as GraphQLObjectType;
    // A root field with another required argument than the ID it names is not walked blind: the test says so.
    const unknown = field.args.filter((arg) => isRequiredArgument(arg) && arg.name !== "id");
    if (unknown.length > 0)
      throw new Error(`Query.${start.root} requires ${unknown.map((arg) => arg.name).join(", ")}: give the walk values`);
    const args = field.args.some((arg) => arg.name === "id" && isRequiredArgument(arg)) ? `(id: ${JSON.stringify(start.id)})` : "";
    query = (selection) => `{ ${start.root}${args} { ${selection} } }`;
  }
  // `_entities` answers are under `_entities.<index>`, a root field's under `<field>`.
  const skipped = "entities" in start ? 2 : 1;
  const excluded = new Set<string>();
  const objects: Walked["objects"] = [];
  const strings = new Set<string>();
  const unexpected: unknown[] = [];
  let depth = 0;
  for (let run = 0; run < 60; run++) {
    const reached = { depth: 0 };
    const selection = selectionOf(type, { idsOf, reached, excluded });
    depth = Math.max(depth, reached.depth);
    const result = await execute(server, query(selection), variables, caller);
    contentsOf((result.data ?? null) as Json, objects, strings);
    const refused = (result.errors ?? []).filter((error) => error.extensions?.code === "FORBIDDEN");
    unexpected.push(...(result.errors ?? []).filter((error) => !["FORBIDDEN", "NOT_FOUND"].includes(String(error.extensions?.code))));
    const fieldPaths = refused
      .map((error) => (error.path ?? []).slice(skipped).filter((step) => typeof step === "string"))
      .filter((steps) => steps.length > 0)
      .map((steps) => `.${steps.join(".")}`);
    const fresh = fieldPaths.filter((path) => !excluded.has(path));
    if (fresh.length === 0) break;
    for (const path of fresh) excluded.add(path);
  }
  return { objects, strings, depth, unexpected, excluded };
}

describe("every path of every subgraph, as every role (generated from the schemas)", () => {
  const servers: Record<string, Subgraph> = {};
  const schemas: Record<string, GraphQLSchema> = {};
  /** IDs by type, as the cooperative's staff see them. */
  const ids = new Map<string, string[]>();
  let own: string;
  let ownRecords: Set<string>;
  /** Values that name a person: IDs, names, emails, phones of every person of the cooperative. */
  const personal = new Set<string>();
  /** Every first and last name of the cooperative's people: a network role gets none. */
  const names = new Set<string>();

  /** One walk of a cooperative's subgraph from `_entities`. */
  const walk = (name: string, caller: Caller, typeName: string, representationIds: string[]) =>
    walkFrom(servers[name], schemas[name], caller, { entities: typeName, ids: representationIds }, (t) => ids.get(t) ?? []);

  /** The entity types a subgraph resolves, with IDs to ask for. */
  const entityRoots = (name: string): [string, string[]][] => {
    const entity = schemas[name].getType("_Entity");
    if (!entity || !isUnionType(entity)) return [];
    return entity.getTypes().map((type) => {
      if (type.name === "Cooperative") return [type.name, [COOP]];
      const known = ids.get(type.name) ?? [];
      return [type.name, [...new Set([own, ...known.slice(0, 4)].filter((id) => known.includes(id)))]];
    });
  };

  beforeAll(async () => {
    for (const [name, definition] of Object.entries(SUBGRAPHS)) {
      servers[name] = await startTestSubgraph(definition, COOP, "embedded");
      schemas[name] = await definition.buildSchema();
    }
    const db = servers.members.database.dataSource;
    const people: { id: string; first_name: string; last_name: string; email: string | null; phone: string | null }[] = await db.query(
      "SELECT id, first_name, last_name, email, phone FROM people",
    );
    const global = (id: string) => `${COOP}:${id}`;
    ids.set(
      "Person",
      people.map((p) => global(p.id)),
    );
    for (const person of people) {
      for (const value of [global(person.id), person.email, person.phone]) if (value) personal.add(value);
      names.add(person.first_name).add(person.last_name);
    }
    // The entrepreneur: one with an activity account, who took part in a workshop with two others
    // (recorded here by a counselor, as the attack that found the leak did).
    const [holder]: { person_id: string }[] = await servers.finance.database.dataSource.query(
      "SELECT person_id FROM activity_accounts ORDER BY analytic_code LIMIT 1",
    );
    own = global(holder.person_id);
    const [counselor]: { id: string }[] = await db.query("SELECT id FROM counselors ORDER BY id LIMIT 1");
    const others = people
      .map((p) => global(p.id))
      .filter((id) => id !== own)
      .slice(0, 2);
    const recorded = await servers.members.apollo.executeOperation(
      {
        query: "mutation ($input: RecordSupportSessionInput!) { recordSupportSession(input: $input) { id } }",
        variables: {
          input: {
            counselorId: global(counselor.id),
            personIds: [own, ...others],
            heldOn: "2026-03-10",
            durationMinutes: 120,
            topic: "COMMERCIAL",
            kind: "WORKSHOP",
            notes: `Workshop notes about ${others.join(", ")}`,
          },
        },
      },
      { contextValue: servers.members.contextFor(testCaller("COUNSELOR", COOP)) },
    );
    if (recorded.body.kind !== "single" || recorded.body.singleResult.errors) throw new Error(JSON.stringify(recorded.body));
    const workshop = { person_id: holder.person_id };
    const accounts: { id: string; person_id: string }[] = await servers.finance.database.dataSource.query(
      "SELECT id, person_id FROM activity_accounts ORDER BY person_id = $1 DESC, id",
      [workshop.person_id],
    );
    ids.set(
      "ActivityAccount",
      accounts.map((a) => global(a.id)),
    );
    const contractRows: { id: string }[] = await servers.contracts.database.dataSource.query("SELECT id FROM contracts ORDER BY id");
    ids.set(
      "Contract",
      contractRows.map((c) => global(c.id)),
    );
    for (const [table, type] of [
      ["invoices", "Invoice"],
      ["credit_notes", "CreditNote"],
    ] as const) {
      const rows: { id: string }[] = await servers.finance.database.dataSource.query(`SELECT id FROM ${table} ORDER BY id`);
      ids.set(
        type,
        rows.map((row) => global(row.id)),
      );
    }
    // What is the entrepreneur's own, read from the tables themselves.
    ownRecords = new Set([own]);
    const records = await recordsOf(holder.person_id, (subgraph, sql, parameters) =>
      servers[subgraph].database.dataSource.query(sql, parameters),
    );
    for (const id of records) ownRecords.add(global(id));
  });

  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  });

  it("reaches depth 6 and more from every entity, and the staff get the records (the walk is not vacuous)", async () => {
    for (const name of Object.keys(SUBGRAPHS)) {
      for (const [typeName, representationIds] of entityRoots(name)) {
        const { objects, depth, unexpected } = await walk(name, testCaller("COUNSELOR", COOP), typeName, representationIds);
        expect(unexpected).toEqual([]);
        expect(depth).toBeGreaterThanOrEqual(MIN_DEPTH);
        expect(objects.some((o) => o.type === typeName)).toBe(true);
      }
    }
    const { objects } = await walk("members", testCaller("COUNSELOR", COOP), "Person", [own]);
    // The workshop's other participants are there for the staff: the entrepreneur's walk below is a real test.
    expect(new Set(objects.filter((o) => o.type === "Person").map((o) => o.object.id)).size).toBeGreaterThan(1);
    expect(ownRecords.size).toBeGreaterThan(3);
  });

  it.each(["NETWORK_ANALYST", "NETWORK_ADMIN"] as const)("gives %s no individual and no exact aggregate, by any path", async (role) => {
    for (const name of Object.keys(SUBGRAPHS)) {
      for (const [typeName, representationIds] of entityRoots(name)) {
        const { objects, strings, unexpected } = await walk(name, testCaller(role), typeName, representationIds);
        expect(unexpected).toEqual([]);
        expect(objects.map((o) => o.type).filter((type) => !NETWORK_TYPES.has(type))).toEqual([]);
        expect([...strings].filter((value) => personal.has(value) || names.has(value))).toEqual([]);
      }
    }
  });

  it("gives the gateway's credential the aggregates, but no person's record", async () => {
    let aggregates = 0;
    for (const name of Object.keys(SUBGRAPHS)) {
      for (const [typeName, representationIds] of entityRoots(name)) {
        const { objects, unexpected } = await walk(name, testCaller("NETWORK_SERVICE"), typeName, representationIds);
        expect(unexpected).toEqual([]);
        expect(objects.map((o) => o.type).filter((type) => PERSONAL_TYPES.has(type))).toEqual([]);
        aggregates += objects.filter((o) => AGGREGATE_TYPES.has(o.type)).length;
      }
    }
    expect(aggregates).toBeGreaterThan(0);
  });

  it("gives an entrepreneur themselves and their own records only, and no aggregate", async () => {
    const caller = testCaller("ENTREPRENEUR", COOP, own);
    let ownSeen = 0;
    for (const name of Object.keys(SUBGRAPHS)) {
      for (const [typeName, representationIds] of entityRoots(name)) {
        const { objects, strings, unexpected } = await walk(name, caller, typeName, representationIds);
        expect(unexpected).toEqual([]);
        const foreign = objects.filter(
          ({ type, object }) => PERSONAL_TYPES.has(type) && typeof object.id === "string" && !ownRecords.has(object.id),
        );
        expect(foreign.map(({ type, object }) => `${type} ${String(object.id)}`)).toEqual([]);
        expect(objects.map((o) => o.type).filter((type) => AGGREGATE_TYPES.has(type))).toEqual([]);
        const othersValues = [...strings].filter((value) => personal.has(value) && value !== own && !ownRecords.has(value));
        expect(othersValues.filter((value) => !isOwnValue(value))).toEqual([]);
        ownSeen += objects.filter((o) => o.type === "Person" && o.object.id === own).length;
      }
    }
    expect(ownSeen).toBeGreaterThan(0);
  });

  /** The entrepreneur's own name, email or phone. */
  const ownValues = new Set<string>();
  const isOwnValue = (value: string) => ownValues.has(value);
  beforeAll(async () => {
    const [row]: { first_name: string; last_name: string; email: string | null; phone: string | null }[] =
      await servers.members.database.dataSource.query("SELECT first_name, last_name, email, phone FROM people WHERE id = $1", [
        own.slice(COOP.length + 1),
      ]);
    for (const value of [row.email, row.phone]) if (value) ownValues.add(value);
  });
});

/** What the gateway's credential may get of the network's subgraph: the registry it routes by. */
const SERVICE_TYPES = new Set(["Cooperative", "CooperativeRegistration", "CooperativeEndpoints"]);
/** The network's audit trail: its admins' only. */
const AUDIT_TYPES = new Set(["AuditEvent", "AuditEventConnection", "AuditEventEdge"]);

describe("every path of the network's own subgraph, as every role (generated from its schema)", () => {
  let server: Awaited<ReturnType<typeof startTestNetworkSubgraph>>;
  let schema: GraphQLSchema;
  let records: NetworkRecords;
  /** Every object type of the network's schema but the root types and federation's own. */
  let allTypes: string[];

  beforeAll(async () => {
    server = await startTestNetworkSubgraph("embedded", { registrySeedFile: DEMO_REGISTRY });
    schema = await network.buildSchema();
    // The network's subgraph has no demo data: a network admin creates what is walked.
    records = await createNetworkRecords(
      (query, variables) => execute(server, query, variables, testCaller("NETWORK_ADMIN")),
      [COOP, OTHER_COOP],
      todayInFrance(),
    );
    allTypes = Object.values(schema.getTypeMap())
      .filter(
        (type) => isObjectType(type) && !type.name.startsWith("_") && type !== schema.getQueryType() && type !== schema.getMutationType(),
      )
      .map((type) => type.name);
  });
  afterAll(() => server?.stop());

  /** The IDs to ask for, by type: both cooperatives (the caller's and another), and the records created. */
  const idsOf = (type: string): string[] => {
    const known: Record<string, string[]> = {
      Cooperative: [COOP, OTHER_COOP],
      FundingAgreement: [records.agreement],
      NetworkPartner: [records.partner],
      Committee: [records.committee],
    };
    return known[type] ?? [];
  };

  /** Where the walks start: `_entities` of each entity type, and each root field (with the ID it names). */
  const starts = (): Start[] => {
    const entity = schema.getType("_Entity");
    const entities: Start[] = isUnionType(entity) ? entity.getTypes().map((type) => ({ entities: type.name, ids: idsOf(type.name) })) : [];
    const roots: Start[] = Object.values(schema.getQueryType()!.getFields())
      .filter((field) => !field.name.startsWith("_"))
      .map((field) => ({ root: field.name, id: idsOf(getNamedType(field.type).name)[0] }));
    // A new entity type or a root field naming a record of a new type must be given IDs here, not walked empty.
    for (const start of [...entities, ...roots]) {
      const field = "root" in start ? schema.getQueryType()!.getFields()[start.root] : undefined;
      if ("entities" in start ? start.ids.length === 0 : field!.args.some((arg) => arg.name === "id") && !start.id) {
        throw new Error(`No ID to walk ${JSON.stringify(start)} with: create one in beforeAll`);
      }
    }
    return [...entities, ...roots];
  };

  /** Every start walked as the caller, labelled with where each object came from. */
  const walkAll = async (caller: Caller) => {
    const objects: { type: string; object: Record<string, Json>; from: string }[] = [];
    const strings = new Set<string>();
    const unexpected: unknown[] = [];
    let depth = 0;
    for (const start of starts()) {
      const walked = await walkFrom(server, schema, caller, start, idsOf);
      const from = "entities" in start ? `_entities ${start.entities}` : `Query.${start.root}`;
      objects.push(...walked.objects.map((o) => ({ ...o, from })));
      for (const value of walked.strings) strings.add(value);
      unexpected.push(...walked.unexpected);
      depth = Math.max(depth, walked.depth);
    }
    return { objects, strings, unexpected, depth };
  };

  /** The objects a role may not get, by the rules written above (not read from the policy). */
  const forbiddenTo = <T extends { type: string; object: Record<string, Json> }>(
    role: Role,
    cooperativeId: string | undefined,
    objects: T[],
  ) =>
    objects.filter(({ type, object }) => {
      if (role === "NETWORK_ADMIN") return false;
      if (role === "NETWORK_ANALYST") return AUDIT_TYPES.has(type);
      if (role === "NETWORK_SERVICE") return !SERVICE_TYPES.has(type);
      if (type === "Cooperative") return false;
      // A cooperative's staff read their own cooperative's adherences to the charter, by what the network recorded for it.
      if (type === "CharterAdherence" && role !== "ENTREPRENEUR")
        return !records.adherences.get(cooperativeId!)!.includes(String(object.id));
      return true;
    });

  it.each(["ENTREPRENEUR", "COUNSELOR", "COOP_ADMIN"] as const)(
    "gives a cooperative's %s nothing of the network's but the cooperative, and its own charter adherence to its staff",
    async (role) => {
      const caller = testCaller(role, COOP, role === "ENTREPRENEUR" ? `${COOP}:00000000-0000-4000-8000-000000000001` : undefined);
      const { objects, strings, unexpected } = await walkAll(caller);
      expect(unexpected).toEqual([]);
      expect(forbiddenTo(role, COOP, objects).map(({ type, object, from }) => `${from}: ${type} ${String(object.id)}`)).toEqual([]);
      expect([...strings].filter((value) => records.secrets.has(value))).toEqual([]);
      // Not vacuous: the cooperatives are there, and the staff do read their own adherence.
      expect(objects.filter((o) => o.type === "Cooperative").map((o) => o.object.id)).toEqual(expect.arrayContaining([COOP, OTHER_COOP]));
      const own = objects.filter((o) => o.type === "CharterAdherence").map((o) => o.object.id);
      if (role === "ENTREPRENEUR") expect(own).toEqual([]);
      else expect(own).toContain(records.adherences.get(COOP)![0]);
    },
  );

  it("gives the gateway's credential the registry only: no partner, agreement, committee or audit", async () => {
    const { objects, strings, unexpected } = await walkAll(testCaller("NETWORK_SERVICE"));
    expect(unexpected).toEqual([]);
    expect(
      forbiddenTo("NETWORK_SERVICE", undefined, objects).map(({ type, object, from }) => `${from}: ${type} ${String(object.id)}`),
    ).toEqual([]);
    expect([...strings].filter((value) => records.secrets.has(value))).toEqual([]);
    const types = new Set(objects.map((o) => o.type));
    expect([...types].sort()).toEqual(expect.arrayContaining(["CooperativeRegistration", "CooperativeEndpoints"]));
    expect(strings.has(records.partnerName)).toBe(false);
  });

  it.each(["NETWORK_ANALYST", "NETWORK_ADMIN"] as const)(
    "gives %s every type of the network's records (its admins alone its audit trail), to depth 6",
    async (role) => {
      const { objects, strings, unexpected, depth } = await walkAll(testCaller(role));
      expect(unexpected).toEqual([]);
      expect(forbiddenTo(role, undefined, objects).map(({ type, object, from }) => `${from}: ${type} ${String(object.id)}`)).toEqual([]);
      const expected = allTypes.filter((type) => role === "NETWORK_ADMIN" || !AUDIT_TYPES.has(type)).sort();
      expect([...new Set(objects.map((o) => o.type))].sort()).toEqual(expected);
      expect([...records.secrets].filter((value) => !strings.has(value))).toEqual([]);
      for (const [cooperativeId, adherences] of records.adherences) {
        expect(
          objects.filter((o) => o.type === "CharterAdherence" && o.object.cooperativeId === cooperativeId).map((o) => o.object.id),
        ).toEqual(expect.arrayContaining(adherences));
      }
      expect(depth).toBeGreaterThanOrEqual(MIN_DEPTH);
    },
  );
});
