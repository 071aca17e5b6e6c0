import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageOfList, pageSize } from "../pagination";

const items = Array.from({ length: 7 }, (_, i) => ({ id: `id-${i}` }));
const keyOf = (item: { id: string }) => [item.id];

describe("pagination", () => {
  it("walks a list page by page with cursors", () => {
    const first = pageOfList(items, { first: 3 }, keyOf);
    expect(first.edges.map((e) => e.node.id)).toEqual(["id-0", "id-1", "id-2"]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[2].cursor });
    expect(first.totalCount).toBe(7);
    const last = pageOfList(
      items,
      { first: 3, after: pageOfList(items, { first: 3, after: first.pageInfo.endCursor }, keyOf).pageInfo.endCursor },
      keyOf,
    );
    expect(last.edges.map((e) => e.node.id)).toEqual(["id-6"]);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it("gives an empty page of an empty list", () => {
    expect(pageOfList([], {}, keyOf)).toEqual({ edges: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 2.5])("refuses first = %p with BAD_USER_INPUT on first", (first) => {
    expect(() => pageSize({ first })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "first" }) }),
    );
  });

  it("refuses a cursor that is not one of the list", () => {
    const foreign = encodeCursor("nope");
    expect(() => pageOfList(items, { after: foreign }, keyOf)).toThrow(/not a cursor/);
    for (const bad of ["%%%", Buffer.from("[1]").toString("base64url"), Buffer.from('{"after":{}}').toString("base64url")]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: "after" }) }));
    }
  });

  it("names an item in its cursor by its unique key only, never by what the list is sorted by", () => {
    const people = [
      { lastName: "Garnier", firstName: "Zoé", id: "p-1" },
      { lastName: "Morel", firstName: "Léa", id: "p-2" },
    ];
    const page = pageOfList(people, { first: 1 }, (person) => [person.lastName, person.firstName, person.id]);
    const cursor = page.pageInfo.endCursor!;
    expect(Buffer.from(cursor, "base64url").toString("utf8")).not.toMatch(/Garnier|Zoé/);
    expect(decodeCursor(cursor)).toBe("p-1");
    const next = pageOfList(people, { first: 1, after: cursor }, (person) => [person.lastName, person.firstName, person.id]);
    expect(next.edges.map((edge) => edge.node.id)).toEqual(["p-2"]);
  });
});
