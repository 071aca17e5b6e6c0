/**
 * Walks the network's API schema through the real gateway over HTTP, as every role: from every
 * root field (`cooperatives`, `cooperative`, `person`, `network`, and the network's own subgraph's
 * `registry`, `partners`, `fundingAgreements`, `committees`, `networkAuditTrail`...), with the
 * caller's own IDs and others', of two cooperatives, through every object field and list to depth
 * 6. The queries are generated from `gateway/schema.graphql`; what comes back is judged by rules
 * written here:
 * - network roles get no person's record of any kind, no cooperative's exact aggregate, and no
 *   value that names a person; the network's records (partners, agreements and their reports,
 *   committees) they do get, its audit trail its admins only;
 * - an entrepreneur gets no person but themselves and no record that the tables say is somebody
 *   else's, and no exact aggregate;
 * - a counselor gets their cooperative's people and records, and nothing of the other cooperative's;
 * - neither gets anything of the network's own records but the cooperative and, for the counselor,
 *   their own cooperative's charter adherence: no partner, agreement, committee, member's name or
 *   email, partner's email, registry entry or audit event of the network.
 */
import { todayInFrance } from "@cae/shared";
import { startTestNetwork, type TestNetwork } from "@cae/tools";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, getNamedType, isObjectType, Kind, parse, type GraphQLObjectType } from "graphql";
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

const ALPES = "alpes-entreprendre";
const BRETAGNE = "bretagne-cooperer";
const SCHEMA = buildSchema(readFileSync(resolve(__dirname, "../../schema.graphql"), "utf8"));
type Directive = { arguments?: readonly { name: { value: string }; value: { kind: string; value?: unknown } }[] };

/** Which subgraphs resolve each field ("Type.field"), read from the supergraph's join directives. */
const OWNERS = (() => {
  const owners = new Map<string, Set<string>>();
  const argument = (directive: Directive, name: string) => directive.arguments?.find((arg) => arg.name.value === name)?.value.value;
  for (const definition of parse(readFileSync(resolve(__dirname, "../../supergraph.graphql"), "utf8")).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const typeGraphs = (definition.directives ?? []).filter((d) => d.name.value === "join__type").map((d) => String(argument(d, "graph")));
    for (const field of definition.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === "join__field");
      // A field that `@requires` another subgraph's fields makes that subgraph answer too: it counts as theirs.
      const graphs =
        joins.length === 0
          ? typeGraphs
          : joins
              .filter((d) => argument(d, "external") !== true)
              .map((d) => (argument(d, "requires") ? "REQUIRES" : String(argument(d, "graph"))));
      owners.set(`${definition.name.value}.${field.name.value}`, new Set(graphs));
    }
  }
  return owners;
})();

/**
 * The types only the network's own subgraph serves of a cooperative's business (its registry,
 * charter, partners, agreements, committees): no cooperative subgraph resolves them. Read from the
 * supergraph's join directives, so that a new type of the network's is judged the day it is added.
 */
const NETWORK_ONLY_TYPES = (() => {
  const types = new Set<string>();
  const cooperatives = ["MEMBERS", "CONTRACTS", "FINANCE"];
  for (const definition of parse(readFileSync(resolve(__dirname, "../../supergraph.graphql"), "utf8")).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const graphs = (definition.directives ?? [])
      .filter((d) => d.name.value === "join__type")
      .map((d) => String((d as Directive).arguments?.find((arg) => arg.name.value === "graph")?.value.value));
    if (graphs.includes("NETWORK") && !graphs.some((graph) => cooperatives.includes(graph))) types.add(definition.name.value);
  }
  return types;
})();

/**
 * What to leave out when a refusal names a whole object (an entity another subgraph refused): the
 * fields of that object that other subgraphs resolve or require, so that the fields of the
 * subgraph that listed the object still show. Null when nothing is left to remove that way.
 */
function partsOfOtherSubgraphs(rootType: GraphQLObjectType, steps: string[], excluded: ReadonlySet<string>): string[] | null {
  let type = rootType;
  let owner: Set<string> | undefined;
  for (const step of steps) {
    const field = type.getFields()[step];
    if (!field) return null;
    owner = OWNERS.get(`${type.name}.${step}`);
    const next = getNamedType(field.type);
    if (!isObjectType(next)) return null;
    type = next;
  }
  if (!owner) return null;
  const others = Object.keys(type.getFields())
    .filter((name) => ![...(OWNERS.get(`${type.name}.${name}`) ?? [])].some((graph) => owner!.has(graph)))
    .map((name) => `.${[...steps, name].join(".")}`)
    .filter((path) => !excluded.has(path));
  return others.length > 0 ? others : null;
}

// Two cooperatives' processes and hundreds of queries: sized for a machine busy with another test run.
jest.setTimeout(900_000);

describe("every path of the network's API, through the gateway, as every role (generated from the schema)", () => {
  let network: TestNetwork;
  const ids = new Map<string, string[]>();
  /** IDs, emails and phones of every person of both cooperatives, each with whose it is. */
  const owner = new Map<string, string>();
  /** Emails and phones two people of different cooperatives happen to share: they tell whose nothing. */
  const shared = new Set<string>();
  const names = new Set<string>();
  let own: string;
  const ownRecords = new Set<string>();
  const tokens: Record<string, string> = {};
  /** The network's records created for the walk, and the IDs of its audit trail's events (read from its table). */
  let networkData: NetworkRecords;
  const networkAudit = new Set<string>();

  beforeAll(async () => {
    // What is walked is access, not cost: the generated queries are bigger than the cost limit lets a client send.
    // And access, not time: a generated query of depth 6 may take long on a busy machine, the cooperatives are given minutes.
    // With the network's own subgraph: otherwise its fields answer NETWORK_UNAVAILABLE.
    network = await startTestNetwork([ALPES, BRETAGNE], {
      limits: { maxCost: Number.MAX_SAFE_INTEGER },
      timeoutMs: 300_000,
      networkSubgraph: true,
    });
    for (const coop of [ALPES, BRETAGNE]) {
      const people: { id: string; first_name: string; last_name: string; email: string | null; phone: string | null }[] = await network
        .subgraph(coop, "members")
        .database.dataSource.query("SELECT id, first_name, last_name, email, phone FROM people ORDER BY id");
      for (const person of people) {
        for (const value of [`${coop}:${person.id}`, person.email, person.phone]) {
          // Each cooperative's demo is generated on its own: an email or a phone both have names neither.
          if (value && owner.has(value) && !owner.get(value)?.startsWith(`${coop}:`)) shared.add(value);
          else if (value) owner.set(value, `${coop}:${person.id}`);
        }
        names.add(person.first_name).add(person.last_name);
      }
      ids.set(
        `Person:${coop}`,
        people.map((person) => `${coop}:${person.id}`),
      );
    }
    for (const value of shared) owner.delete(value);
    const [holder]: { person_id: string }[] = await network
      .subgraph(ALPES, "finance")
      .database.dataSource.query("SELECT person_id FROM activity_accounts ORDER BY analytic_code LIMIT 1");
    own = `${ALPES}:${holder.person_id}`;
    const records = await recordsOf(holder.person_id, (subgraph, sql, parameters) =>
      network.subgraph(ALPES, subgraph).database.dataSource.query(sql, parameters),
    );
    for (const id of records) ownRecords.add(`${ALPES}:${id}`);
    tokens.COUNSELOR = await network.token({ sub: "counselor", role: "COUNSELOR", coop: ALPES });
    // A workshop with two other people: the path an entrepreneur would follow to them.
    const [counselor]: { id: string }[] = await network
      .subgraph(ALPES, "members")
      .database.dataSource.query("SELECT id FROM counselors ORDER BY id LIMIT 1");
    const others = ids
      .get(`Person:${ALPES}`)!
      .filter((id) => id !== own)
      .slice(0, 2);
    const workshop = await network.query(
      "mutation ($input: RecordSupportSessionInput!) { recordSupportSession(input: $input) { id } }",
      {
        input: {
          counselorId: `${ALPES}:${counselor.id}`,
          personIds: [own, ...others],
          heldOn: "2026-03-10",
          durationMinutes: 120,
          topic: "COMMERCIAL",
          kind: "WORKSHOP",
          notes: "Notes on each participant",
        },
      },
      tokens.COUNSELOR,
    );
    if (workshop.errors) throw new Error(JSON.stringify(workshop.errors));
    ownRecords.add((workshop.data?.recordSupportSession as { id: string }).id);
    tokens.NETWORK_ANALYST = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    tokens.NETWORK_ADMIN = await network.token({ sub: "admin", role: "NETWORK_ADMIN" });
    tokens.ENTREPRENEUR = await network.token({ sub: "own", role: "ENTREPRENEUR", coop: ALPES, person: own });
    // The network's subgraph has no demo data: its admin creates, through the gateway, what is walked.
    networkData = await createNetworkRecords(
      (query, variables) => network.query(query, variables, tokens.NETWORK_ADMIN),
      [ALPES, BRETAGNE],
      todayInFrance(),
    );
    const events: { id: string }[] = await network.networkSubgraph!.database.dataSource.query("SELECT id FROM audit_events");
    for (const event of events) networkAudit.add(event.id);
  });
  afterAll(() => network?.stop());

  /** The roots to walk: each root field with the IDs to ask for (the caller's own and others'). */
  const roots = (): { field: string; id?: string }[] => [
    { field: "cooperatives" },
    { field: "cooperative", id: ALPES },
    { field: "cooperative", id: BRETAGNE },
    { field: "person", id: own },
    { field: "person", id: ids.get(`Person:${ALPES}`)!.find((id) => id !== own) },
    { field: "person", id: ids.get(`Person:${BRETAGNE}`)![0] },
    { field: "network" },
    { field: "registry" },
    { field: "partners" },
    { field: "partner", id: networkData.partner },
    { field: "fundingAgreements" },
    { field: "fundingAgreement", id: networkData.agreement },
    { field: "committees" },
    { field: "committee", id: networkData.committee },
    { field: "networkAuditTrail" },
  ];

  /**
   * What a cooperative's user gets of the network's own records and may not: any object of a type
   * only the network's subgraph serves, but a charter adherence of their own cooperative for its
   * staff (by what the network recorded for it); an event of the network's audit trail.
   */
  const networkRecordsOf = (objects: { type: string; object: Record<string, Json> }[], staffOf?: string) =>
    objects
      .filter(({ type, object }) => {
        if (type === "CharterAdherence") return !staffOf || !networkData.adherences.get(staffOf)!.includes(String(object.id));
        if (type === "AuditEvent") return networkAudit.has(String(object.id));
        return NETWORK_ONLY_TYPES.has(type);
      })
      .map(({ type, object }) => `${type} ${String(object.id ?? "")}`);

  /**
   * One root, walked one first-level field at a time (each query within the gateway's cost limit);
   * a refused field is left out and the query sent again, until nothing is refused.
   */
  const walk = async (token: string, root: { field: string; id?: string }) => {
    const rootField = (SCHEMA.getQueryType() as GraphQLObjectType).getFields()[root.field];
    const type = getNamedType(rootField.type) as GraphQLObjectType;
    const objects: { type: string; object: Record<string, Json> }[] = [];
    const strings = new Set<string>();
    const unexpected: unknown[] = [];
    let depth = 0;
    for (const first of Object.values(type.getFields())) {
      const excluded = new Set(
        Object.keys(type.getFields())
          .filter((name) => name !== first.name)
          .map((name) => `.${name}`),
      );
      for (let run = 0; run < 40; run++) {
        const reached = { depth: 0 };
        const selection = selectionOf(type, { idsOf: () => (root.id ? [root.id] : []), excluded, reached });
        depth = Math.max(depth, reached.depth);
        const args = root.id ? `(id: ${JSON.stringify(root.id)})` : "";
        const result = await network.query(`{ ${root.field}${args} { ${selection} } }`, {}, token);
        contentsOf((result.data ?? null) as Json, objects, strings);
        const refused = (result.errors ?? []).filter((error) => error.extensions?.code === "FORBIDDEN");
        unexpected.push(
          ...(result.errors ?? []).filter(
            (error) => !["FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT"].includes(String(error.extensions?.code)),
          ),
        );
        const fresh = new Set<string>();
        for (const error of refused) {
          const path = (error.path ?? []).slice(1);
          const steps = path.filter((step): step is string => typeof step === "string");
          // A whole object refused (its path ends at a list position): first leave out what other subgraphs resolve of it.
          const parts = typeof path[path.length - 1] === "number" ? partsOfOtherSubgraphs(type, steps, excluded) : null;
          for (const candidate of parts ?? [`.${steps.join(".")}`]) if (candidate !== "." && !excluded.has(candidate)) fresh.add(candidate);
        }
        if (fresh.size === 0) break;
        for (const path of fresh) excluded.add(path);
      }
    }
    return { objects, strings, unexpected, depth };
  };

  it.each(["NETWORK_ANALYST", "NETWORK_ADMIN"])(
    "gives %s no individual and no exact aggregate, from any root field, and the network's records (its audit trail to its admins)",
    async (role) => {
      const seen: { type: string; object: Record<string, Json> }[] = [];
      const seenStrings = new Set<string>();
      for (const root of roots()) {
        const { objects, strings, unexpected } = await walk(tokens[role], root);
        expect(unexpected).toEqual([]);
        expect(objects.map((o) => o.type).filter((type) => PERSONAL_TYPES.has(type) || AGGREGATE_TYPES.has(type))).toEqual([]);
        const named = [...strings].filter((value) => owner.has(value) || names.has(value));
        expect(named.filter((value) => value !== root.id)).toEqual([]);
        seen.push(...objects);
        for (const value of strings) seenStrings.add(value);
      }
      const audited = seen.filter((o) => o.type === "AuditEvent" && networkAudit.has(String(o.object.id)));
      if (role === "NETWORK_ADMIN") expect(audited.length).toBeGreaterThan(0);
      else expect(audited.map((o) => String(o.object.id))).toEqual([]);
      // Not vacuous: the committee's member, minutes and decision, the partner's email, both cooperatives' adherences,
      // and the agreement's report for the calendar year the walk asks for.
      expect([...networkData.secrets].filter((value) => !seenStrings.has(value))).toEqual([]);
      // Every type the cooperatives' users are judged against was walked (the list read from the supergraph is the real one).
      expect([...NETWORK_ONLY_TYPES].filter((type) => !seen.some((o) => o.type === type))).toEqual([]);
      const adherences = seen.filter((o) => o.type === "CharterAdherence").map((o) => String(o.object.id));
      expect(adherences).toEqual(expect.arrayContaining([...networkData.adherences.values()].flat()));
      const reports = seen.filter((o) => o.type === "FundingAgreement" && o.object.id === networkData.agreement);
      expect(reports.some((o) => typeof o.object.reportCsv === "string")).toBe(true);
      expect(reports.some((o) => typeof o.object.reportPdf === "string")).toBe(true);
    },
  );

  it("gives an entrepreneur themselves and their own records only, from any root field", async () => {
    let ownSeen = 0;
    for (const root of roots()) {
      const { objects, strings, unexpected } = await walk(tokens.ENTREPRENEUR, root);
      expect(unexpected).toEqual([]);
      const foreign = objects.filter(
        ({ type, object }) => PERSONAL_TYPES.has(type) && typeof object.id === "string" && object.id !== own && !ownRecords.has(object.id),
      );
      expect(foreign.map(({ type, object }) => `${type} ${String(object.id)}`)).toEqual([]);
      expect(objects.map((o) => o.type).filter((type) => AGGREGATE_TYPES.has(type))).toEqual([]);
      // Somebody else's ID, email or phone; the ID the caller asked for is theirs to name.
      const others = [...strings].filter((value) => owner.has(value) && owner.get(value) !== own && value !== root.id);
      expect(others).toEqual([]);
      // Nothing of the network's own records: not even their own cooperative's charter adherence (the staff's).
      expect(networkRecordsOf(objects)).toEqual([]);
      expect([...strings].filter((value) => networkData.secrets.has(value))).toEqual([]);
      ownSeen += objects.filter((o) => o.type === "Person" && o.object.id === own).length;
    }
    expect(ownSeen).toBeGreaterThan(0);
  });

  it("gives a counselor their cooperative's people and records, to depth 6, and nothing of another cooperative's nor of the network's", async () => {
    let people = 0;
    let depth = 0;
    let ownAdherences = 0;
    for (const root of roots()) {
      const walked = await walk(tokens.COUNSELOR, root);
      expect(walked.unexpected).toEqual([]);
      depth = Math.max(depth, walked.depth);
      people += walked.objects.filter((o) => o.type === "Person").length;
      expect([...walked.strings].filter((value) => owner.get(value)?.startsWith(`${BRETAGNE}:`) && value !== root.id)).toEqual([]);
      // Of the network's records, their own cooperative's charter adherence only.
      expect(networkRecordsOf(walked.objects, ALPES)).toEqual([]);
      expect([...walked.strings].filter((value) => networkData.secrets.has(value))).toEqual([]);
      ownAdherences += walked.objects.filter((o) => o.type === "CharterAdherence").length;
    }
    expect(people).toBeGreaterThan(3);
    expect(depth).toBeGreaterThanOrEqual(6);
    expect(ownAdherences).toBeGreaterThan(0);
  });
});
