import { buildSchema, getNullableType, isListType, isObjectType, Kind, parse, type GraphQLSchema } from "graphql";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FIELD_WEIGHTS, LIST_SIZES, networkListSizes } from "../costs";
import { checkQueryLimits, DEFAULT_QUERY_LIMITS } from "../limits";

const ROOT = join(__dirname, "../../../..");
const schema: GraphQLSchema = buildSchema(readFileSync(join(ROOT, "gateway/schema.graphql"), "utf8"));
const NO_COST_LIMIT = { ...DEFAULT_QUERY_LIMITS, maxCost: 0 };

/** The cost the limits count for `source` against the network's schema. */
const costOf = (source: string) => checkQueryLimits(parse(source), undefined, {}, NO_COST_LIMIT, schema)?.extensions.cost;

function fieldOf(key: string) {
  const [typeName, fieldName] = key.split(".");
  const type = schema.getType(typeName);
  return isObjectType(type) ? type.getFields()[fieldName] : undefined;
}

describe("the cost table", () => {
  it.each(Object.keys(LIST_SIZES))("sizes %s, a list field of the network's schema", (key) => {
    const field = fieldOf(key);
    expect(field).toBeDefined();
    expect(isListType(getNullableType(field!.type))).toBe(true);
  });

  it.each(Object.keys(FIELD_WEIGHTS))("weighs %s, a field of the network's schema", (key) => {
    expect(fieldOf(key)).toBeDefined();
  });
});

describe("what a list and an expensive field cost", () => {
  it("counts a list without `first` at its known size, or as a page, never as one item", () => {
    // invoice: 1 + lines: 1 + 200 × (description) = 1 + 1 + 200 × 1; cooperative: 1 more.
    expect(costOf(`{ cooperative(id: "c") { invoice(id: "i") { lines { description } } } }`)).toBe(1 + 1 + 1 + 200);
    // activities is not in the table: a page of 20.
    expect(costOf(`{ person(id: "p") { activities { id } } }`)).toBe(1 + 1 + 20);
  });

  it("counts the network's cooperatives and regions as many as the registry holds", () => {
    const registry = { cooperatives: [{ region: "Bretagne" }, { region: "Bretagne" }, { region: "Occitanie" }] };
    const source = `{ network { indicators(from: "2026-01-01", to: "2026-12-31") { byCooperative { id } byRegion { region } } } }`;
    const cost = (sizes: Record<string, number>) =>
      checkQueryLimits(parse(source), undefined, {}, NO_COST_LIMIT, schema, sizes)?.extensions.cost;
    // network 1 + indicators 1 + byCooperative (1 + 3 × 1) + byRegion (1 + 2 × 1)
    expect(cost(networkListSizes(registry))).toBe(1 + 1 + (1 + 3) + (1 + 2));
    expect(cost(LIST_SIZES)).toBe(1 + 1 + (1 + 100) + (1 + 18));
  });

  it("counts a connection's edges and nodes once, the connection's `first` counting its items", () => {
    expect(costOf(`{ cooperative(id: "c") { people(first: 10) { edges { node { id } } } } }`)).toBe(1 + 1 + 10 * (1 + 1 + 1));
  });

  it("refuses the PDF of every invoice of a page of people, which used to pass as cheap", () => {
    const source = `{ cooperative(id: "c") { people(first: 20) { edges { node { activityAccounts(first: 5) { edges { node {
      invoices(first: 20) { edges { node { number pdf } } } } } } } } } } }`;
    const error = checkQueryLimits(parse(source), undefined, {}, DEFAULT_QUERY_LIMITS, schema);
    expect(error?.extensions.code).toBe("QUERY_TOO_COMPLEX");
    // One page of invoices with their PDFs stays allowed.
    expect(
      checkQueryLimits(
        parse(`{ cooperative(id: "c") { invoices(first: 20) { nodes { number pdf } } } }`),
        undefined,
        {},
        DEFAULT_QUERY_LIMITS,
        schema,
      ),
    ).toBeNull();
  });

  it("refuses the report of every agreement of a page, and the minutes of every meeting of every committee", () => {
    const refused = (source: string) => checkQueryLimits(parse(source), undefined, {}, DEFAULT_QUERY_LIMITS, schema)?.extensions.code;
    expect(refused(`{ fundingAgreements(first: 100) { edges { node { reportPdf(from: "2026-01-01", to: "2026-12-31") } } } }`)).toBe(
      "QUERY_TOO_COMPLEX",
    );
    expect(refused(`{ committees(first: 100) { edges { node { meetings { minutesPdf } } } } }`)).toBe("QUERY_TOO_COMPLEX");
    // One agreement's report, as a committee's preparation asks it, stays allowed.
    expect(refused(`{ fundingAgreement(id: "network:x") { reportPdf(from: "2026-01-01", to: "2026-12-31") } }`)).toBeUndefined();
  });

  it("lets every example operation of the repository through the default limits", () => {
    const document = parse(readFileSync(join(ROOT, "examples/operations.graphql"), "utf8"));
    for (const operation of document.definitions) {
      if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
      expect([operation.name?.value, checkQueryLimits(document, operation.name?.value, {}, DEFAULT_QUERY_LIMITS, schema)]).toEqual([
        operation.name?.value,
        null,
      ]);
    }
  });
});
