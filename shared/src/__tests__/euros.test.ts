import { eurosText, formatEuros, frenchEuros } from "../euros";

describe("euros from cents", () => {
  it("writes two decimals, with the sign before the amount", () => {
    expect(formatEuros(123456n)).toBe("1234.56");
    expect(formatEuros(-5n)).toBe("-0.05");
    expect(formatEuros(0n)).toBe("0.00");
    expect(formatEuros(-100n)).toBe("-1.00");
    expect(formatEuros(7n)).toBe("0.07");
  });

  it("is exact beyond what a float holds", () => {
    expect(formatEuros(123456789012345678n)).toBe("1234567890123456.78");
    expect(formatEuros("-123456789012345678")).toBe("-1234567890123456.78");
  });

  it("reads cents given as a string of digits, as the API sends them", () => {
    expect(formatEuros("123456", { group: " ", unit: " €" })).toBe("1 234.56 €");
    expect(formatEuros("-5", { group: " ", unit: " €" })).toBe("-0.05 €");
    expect(() => formatEuros("12.5")).toThrow();
  });

  it("writes messages in plain text", () => {
    expect(eurosText(182308n)).toBe("1823.08 EUR");
    expect(eurosText(-182308n)).toBe("-1823.08 EUR");
  });

  it("writes French documents' amounts with grouped thousands and a comma", () => {
    expect(frenchEuros(182308n)).toBe("1\u202f823,08\u00a0€");
    expect(frenchEuros(5n)).toBe("0,05\u00a0€");
    expect(frenchEuros(99999n)).toBe("999,99\u00a0€");
    expect(frenchEuros(100000n)).toBe("1\u202f000,00\u00a0€");
    expect(frenchEuros(123456789n)).toBe("1\u202f234\u202f567,89\u00a0€");
    // A negative amount keeps its sign before the digits, never inside the cents.
    expect(frenchEuros(-182308n)).toBe("-1\u202f823,08\u00a0€");
  });
});
