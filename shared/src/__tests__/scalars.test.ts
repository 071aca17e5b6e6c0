import { Kind } from "graphql";
import { DecimalScalar, LocalDateScalar } from "../scalars";

describe("the Date scalar", () => {
  it.each(["2026-03-14", "2028-02-29", "2000-02-29", "2026-12-31", "2026-01-01", "2026-04-30"])("takes the calendar date %s", (date) => {
    expect(LocalDateScalar.parseValue(date)).toBe(date);
    expect(LocalDateScalar.serialize(date)).toBe(date);
    expect(LocalDateScalar.parseLiteral({ kind: Kind.STRING, value: date })).toBe(date);
  });

  it.each(["2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-5", "2026-01-05T00:00:00Z", ""])(
    "refuses %j, naming the expected form",
    (date) => {
      expect(() => LocalDateScalar.parseValue(date)).toThrow(`Date must be a calendar date "YYYY-MM-DD", got ${JSON.stringify(date)}`);
    },
  );

  it("refuses what is not a string", () => {
    expect(() => LocalDateScalar.parseValue(20260314)).toThrow("got 20260314");
    expect(() => LocalDateScalar.parseLiteral({ kind: Kind.INT, value: "20260314" })).toThrow("Date must be a calendar date");
  });
});

describe("the Decimal scalar", () => {
  it("takes exact decimals as strings and refuses numbers", () => {
    expect(DecimalScalar.parseValue("151.67")).toBe("151.67");
    expect(DecimalScalar.parseValue("-3")).toBe("-3");
    expect(() => DecimalScalar.parseValue(151.67)).toThrow("Decimal must be a decimal number written as a string");
    expect(() => DecimalScalar.parseValue("1.23456")).toThrow("Decimal must be");
  });
});

describe("the Date scalar's first day", () => {
  it("refuses year 0000, which PostgreSQL does not have, and takes 0001-01-01", () => {
    expect(() => LocalDateScalar.parseValue("0000-01-01")).toThrow("Date must be a calendar date");
    expect(LocalDateScalar.parseValue("0001-01-01")).toBe("0001-01-01");
  });
});
