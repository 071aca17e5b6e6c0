import { cooperativeOf, decodeId, encodeId, tryDecodeId } from "../ids";

const uuid = "3f2a9c4e-8b1d-4f6a-9e2c-7d5b1a0c3e4f";

describe("global IDs", () => {
  it("carry the cooperative and round-trip", () => {
    const id = encodeId("alpes-entreprendre", uuid);
    expect(id).toBe(`alpes-entreprendre:${uuid}`);
    expect(decodeId(id)).toEqual({ cooperativeId: "alpes-entreprendre", localId: uuid });
  });

  it("refuse to encode a bad slug or local id", () => {
    expect(() => encodeId("Alpes", uuid)).toThrow(/slug/);
    expect(() => encodeId("alpes", "42")).toThrow(/local id/);
  });

  it.each(["", "alpes", `alpes:${uuid}:x`, `ALPES:${uuid}`, `alpes:not-a-uuid`, `-alpes:${uuid}`, `:${uuid}`])(
    "reject %j as a global ID with BAD_USER_INPUT naming the field",
    (bad) => {
      expect(tryDecodeId(bad)).toBeNull();
      try {
        decodeId(bad, "input.personId");
        throw new Error("expected a GraphQL error");
      } catch (error) {
        expect(error).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "input.personId" } });
      }
    },
  );

  it("name their cooperative for routing, a slug naming itself", () => {
    expect(cooperativeOf(`bretagne-cooperer:${uuid}`)).toBe("bretagne-cooperer");
    expect(cooperativeOf("bretagne-cooperer")).toBe("bretagne-cooperer");
    expect(cooperativeOf("not a slug")).toBeNull();
    expect(cooperativeOf(42)).toBeNull();
  });
});
