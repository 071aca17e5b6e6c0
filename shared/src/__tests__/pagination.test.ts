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
    const foreign = encodeCursor(["nope"]);
    expect(() => pageOfList(items, { after: foreign }, keyOf)).toThrow(/not a cursor/);
    expect(() => decodeCursor("%%%", 1)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: "after" }) }));
  });
});
