import { Kind } from "graphql";
import { centsColumn, CentsScalar } from "../money";

describe("the Cents scalar", () => {
  it("serializes bigint cents as a string, beyond 32-bit Int without loss", () => {
    const networkRevenue = 31_800_000_000n; // 318 M EUR in cents: over 2^31
    expect(CentsScalar.serialize(networkRevenue)).toBe("31800000000");
    expect(CentsScalar.serialize(9_007_199_254_740_993n)).toBe("9007199254740993"); // past 2^53: no float involved
  });

  it("parses strings and integers, negative amounts included", () => {
    expect(CentsScalar.parseValue("-1250")).toBe(-1250n);
    expect(CentsScalar.parseValue(1250)).toBe(1250n);
    expect(CentsScalar.parseLiteral({ kind: Kind.STRING, value: "99" })).toBe(99n);
    expect(CentsScalar.parseLiteral({ kind: Kind.INT, value: "99" })).toBe(99n);
  });

  it.each([12.5, "12.50", "1e3", "", "12 000", null, true])("refuses %j: amounts are whole cents", (bad) => {
    expect(() => CentsScalar.parseValue(bad)).toThrow(/Cents must be/);
  });

  it("refuses a float literal", () => {
    expect(() => CentsScalar.parseLiteral({ kind: Kind.FLOAT, value: "1.5" })).toThrow(/Cents/);
  });
});

describe("the cents column", () => {
  it("maps PostgreSQL bigint strings to bigint and back", () => {
    expect(centsColumn.from("123456789012")).toBe(123456789012n);
    expect(centsColumn.to(-5n)).toBe("-5");
    expect(centsColumn.from(null)).toBeNull();
  });
});
