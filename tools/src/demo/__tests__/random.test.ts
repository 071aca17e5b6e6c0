import { isValidSiret } from "@cae/shared";
import { between, drawFrom, pick, pickWeighted, randomSiret, seededRandom } from "../random";

describe("the demo's random generators", () => {
  it("draw the same numbers from the same seed, and others from another", () => {
    const first = Array.from({ length: 5 }, seededRandom("alpes-entreprendre"));
    expect(Array.from({ length: 5 }, seededRandom("alpes-entreprendre"))).toEqual(first);
    expect(Array.from({ length: 5 }, seededRandom("alpes-entreprendre", "finance"))).not.toEqual(first);
    // The demo data of every machine depends on these very numbers: the generator must never change.
    expect(first.map((n) => n.toFixed(6))).toEqual(["0.422196", "0.879260", "0.812090", "0.210436", "0.658993"]);
  });

  it("stay in [0, 1)", () => {
    const random = seededRandom("range");
    for (let i = 0; i < 10_000; i++) {
      const n = random();
      expect(n >= 0 && n < 1).toBe(true);
    }
  });

  it("draw one number from parts alone", () => {
    expect(drawFrom("contract", "signed")).toBe(drawFrom("contract", "signed"));
    expect(drawFrom("contract", "signed")).not.toBe(drawFrom("contract", "goal"));
    // Parts are separated: ("ab", "c") is not ("a", "bc").
    expect(drawFrom("ab", "c")).not.toBe(drawFrom("a", "bc"));
  });

  it("pick whole numbers with both bounds included, and items of a list", () => {
    const random = seededRandom("between");
    const seen = new Set(Array.from({ length: 1000 }, () => between(random, 3, 5)));
    expect([...seen].sort()).toEqual([3, 4, 5]);
    expect(between(random, 7, 7)).toBe(7);
    const items = ["a", "b", "c"] as const;
    expect(new Set(Array.from({ length: 300 }, () => pick(random, items)))).toEqual(new Set(items));
  });

  it("pick in proportion to weights, never an item of weight 0", () => {
    const random = seededRandom("weights");
    const counts = { often: 0, rarely: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) {
      counts[
        pickWeighted(random, [
          ["often", 9],
          ["rarely", 1],
          ["never", 0],
        ] as const)
      ]++;
    }
    expect(counts.never).toBe(0);
    expect(counts.often / counts.rarely).toBeGreaterThan(6);
    expect(counts.often / counts.rarely).toBeLessThan(13);
  });

  it("make valid SIRETs", () => {
    const random = seededRandom("siret");
    for (let i = 0; i < 200; i++) expect(isValidSiret(randomSiret(random))).toBe(true);
  });
});
