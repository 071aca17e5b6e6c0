import { parse, type OperationDefinitionNode } from "graphql";
import { groupRepresentations, isEntitiesFetch, operationOf, routeOperation } from "../routing/route";

const A = "alpes-entreprendre";
const B = "bretagne-cooperer";
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const op = (source: string, name?: string) => operationOf(parse(source), name) as OperationDefinitionNode;

describe("routing an operation by its arguments", () => {
  it("routes by an input's cooperativeId, inline or in variables", () => {
    expect(routeOperation(op(`mutation { registerPerson(input: { cooperativeId: "${A}", firstName: "x" }) { id } }`))).toEqual({
      cooperativeId: A,
    });
    expect(
      routeOperation(op("mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }"), {
        input: { cooperativeId: B },
      }),
    ).toEqual({
      cooperativeId: B,
    });
  });

  it("routes by a global ID under id, ...Id or ...Ids at any depth", () => {
    expect(routeOperation(op(`mutation { cancelContract(id: "${A}:${uuid(1)}") { id } }`))).toEqual({ cooperativeId: A });
    expect(
      routeOperation(op("mutation ($i: X!) { f(input: $i) { id } }"), {
        i: { lines: [{ personIds: [`${B}:${uuid(1)}`, `${B}:${uuid(2)}`] }] },
      }),
    ).toEqual({
      cooperativeId: B,
    });
  });

  it("ignores strings that are not IDs, and slugs under id fields", () => {
    expect(routeOperation(op(`mutation { f(input: { personId: "${A}", label: "${B}:${uuid(1)}" }) { id } }`))).toEqual({
      error: expect.stringContaining("names no cooperative"),
    });
  });

  it("refuses an operation that names two cooperatives", () => {
    const route = routeOperation(op(`mutation { a: f(id: "${A}:${uuid(1)}") { id } b: f(id: "${B}:${uuid(2)}") { id } }`));
    expect(route).toEqual({ error: expect.stringContaining(`several cooperatives (${A}, ${B})`) });
  });

  it("finds the named operation of a document", () => {
    const document = parse("query One { a } query Two { b }");
    expect(operationOf(document, "Two")?.name?.value).toBe("Two");
    expect(operationOf(document)).toBeUndefined();
  });
});

describe("entity fetches", () => {
  it("are told apart from other operations", () => {
    expect(isEntitiesFetch(op("query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }"))).toBe(true);
    expect(isEntitiesFetch(op("query { cooperatives { totalCount } }"))).toBe(false);
  });

  it("group representations by cooperative, keeping positions and setting aside what no cooperative owns", () => {
    const representations = [
      { __typename: "Person", id: `${A}:${uuid(1)}` },
      { __typename: "Cooperative", id: B },
      { __typename: "Person", id: `${A}:${uuid(2)}` },
      { __typename: "Person", id: `elsewhere:${uuid(3)}` },
      { __typename: "Person", id: 42 },
      null,
    ];
    const { groups, unroutable } = groupRepresentations(representations, (id) => id === A || id === B);
    expect([...groups]).toEqual([
      [A, [0, 2]],
      [B, [1]],
    ]);
    expect(unroutable).toEqual([3, 4, 5]);
  });
});
