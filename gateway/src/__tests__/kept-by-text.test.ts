import { KeptByText } from "../kept-by-text";

describe("KeptByText", () => {
  it("computes a text's value once, an undefined value included", () => {
    const kept = new KeptByText<number | undefined>();
    const compute = jest.fn(() => undefined);
    expect(kept.get("a", compute)).toBeUndefined();
    expect(kept.get("a", compute)).toBeUndefined();
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("past its limit forgets the least recently used text, and only it", () => {
    const kept = new KeptByText<string>(2);
    const computed: string[] = [];
    const get = (text: string) => kept.get(text, () => (computed.push(text), text.toUpperCase()));
    get("a");
    get("b");
    get("a"); // "a" is now the most recently used
    get("c"); // forgets "b"
    expect(get("a")).toBe("A");
    expect(get("c")).toBe("C");
    expect(computed).toEqual(["a", "b", "c"]);
    get("b");
    expect(computed).toEqual(["a", "b", "c", "b"]);
  });
});
