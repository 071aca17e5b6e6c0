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
 */
import { startTestSubgraph, testCaller, type OperationResult } from "@cae/tools";
import { contracts } from "@cae/contracts";
import { finance } from "@cae/finance";
import { members } from "@cae/members";
import { type Caller, type SubgraphDefinition } from "@cae/shared";
import { isUnionType, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { AGGREGATE_TYPES, contentsOf, PERSONAL_TYPES, recordsOf, selectionOf, type Json } from "./schema-walk";

const COOP = "alpes-entreprendre";
const MIN_DEPTH = 6;

type Subgraph = Awaited<ReturnType<typeof startTestSubgraph<unknown>>>;

/** What a network role may get from a cooperative's subgraph. */
const NETWORK_TYPES = new Set(["Cooperative", "CooperativeProfile"]);

const SUBGRAPHS: Record<string, SubgraphDefinition<unknown>> = {
  members: members as SubgraphDefinition<unknown>,
  contracts: contracts as SubgraphDefinition<unknown>,
  finance: finance as SubgraphDefinition<unknown>,
};

// Many queries on one embedded database each: sized for a machine busy with another test run.
jest.setTimeout(600_000);

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

  /**
   * One walk from `_entities`: a refused field (FORBIDDEN) nulls its non-null parents and would hide
   * its siblings, so each refused field is left out and the walk run again, until nothing is
   * refused. Everything any of the runs returned is judged.
   */
  const walk = async (name: string, caller: Caller, typeName: string, representationIds: string[]) => {
    const schema = schemas[name];
    const type = schema.getType(typeName) as GraphQLObjectType;
    const representations = representationIds.map((id) => ({ __typename: typeName, id }));
    const excluded = new Set<string>();
    const objects: { type: string; object: Record<string, Json> }[] = [];
    const strings = new Set<string>();
    const unexpected: unknown[] = [];
    let depth = 0;
    for (let run = 0; run < 60; run++) {
      const reached = { depth: 0 };
      const selection = selectionOf(type, { idsOf: (t) => ids.get(t) ?? [], reached, excluded });
      depth = Math.max(depth, reached.depth);
      const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typeName} { ${selection} } } }`;
      const response = await servers[name].apollo.executeOperation(
        { query, variables: { r: representations } },
        { contextValue: servers[name].contextFor(caller) },
      );
      if (response.body.kind !== "single") throw new Error("Expected a single result");
      const result = response.body.singleResult as OperationResult;
      contentsOf((result.data ?? null) as Json, objects, strings);
      const refused = (result.errors ?? []).filter((error) => error.extensions?.code === "FORBIDDEN");
      unexpected.push(...(result.errors ?? []).filter((error) => !["FORBIDDEN", "NOT_FOUND"].includes(String(error.extensions?.code))));
      const fieldPaths = refused
        .map((error) => (error.path ?? []).slice(2).filter((step) => typeof step === "string"))
        .filter((steps) => steps.length > 0)
        .map((steps) => `.${steps.join(".")}`);
      const fresh = fieldPaths.filter((path) => !excluded.has(path));
      if (fresh.length === 0) break;
      for (const path of fresh) excluded.add(path);
    }
    return { objects, strings, depth, unexpected, excluded };
  };

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
