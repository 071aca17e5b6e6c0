import type { GraphQLError } from "graphql";
import { MAX_AMOUNT_CENTS, plausibleCents } from "../money";
import {
  aggregatePeriod,
  EARLIEST_EVENT_DATE,
  latestPlannedDate,
  pastDate,
  pastMonth,
  plannedDate,
  plausibleBirthYear,
  PLANNING_HORIZON_YEARS,
} from "../plausible-dates";

/** The error a check throws, to look at its code and field. */
function refusal(check: () => unknown): GraphQLError {
  try {
    check();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error("expected a refusal");
}

const TODAY = "2026-12-01";

describe("plausible dates", () => {
  it("takes what happened from the floor to today, and leaves an absent date absent", () => {
    expect(pastDate(TODAY, "input.issuedOn", TODAY)).toBe(TODAY);
    expect(pastDate(EARLIEST_EVENT_DATE, "input.issuedOn", TODAY)).toBe(EARLIEST_EVENT_DATE);
    expect(pastDate("2026-02-28", "input.issuedOn", TODAY)).toBe("2026-02-28");
    expect(pastDate(null, "input.issuedOn", TODAY)).toBeNull();
    expect(pastDate(undefined, "input.issuedOn", TODAY)).toBeUndefined();
  });

  it.each([
    ["2026-12-02", /in the future/],
    ["2099-12-31", /in the future/],
    ["1989-12-31", /before 1990-01-01/],
    ["0001-01-01", /before 1990-01-01/],
  ])("refuses %s as a date that happened, with BAD_USER_INPUT naming the field", (date, message) => {
    const error = refusal(() => pastDate(date, "input.lines.2.issuedOn", TODAY));
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.lines.2.issuedOn" });
    expect(error.message).toMatch(message);
  });

  it("refuses what happened after today in France, not after today in UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris: the default today is France's.
    jest.useFakeTimers({ now: new Date("2026-12-31T23:30:00Z") });
    try {
      expect(pastDate("2027-01-01", "input.receivedOn")).toBe("2027-01-01");
      expect(refusal(() => pastDate("2027-01-02", "input.receivedOn")).extensions).toMatchObject({ field: "input.receivedOn" });
    } finally {
      jest.useRealTimers();
    }
  });

  it(`takes a planned date up to ${PLANNING_HORIZON_YEARS} years ahead, the past included`, () => {
    expect(latestPlannedDate(TODAY)).toBe("2031-12-01");
    expect(latestPlannedDate("2028-02-29")).toBe("2033-02-28");
    expect(plannedDate("2031-12-01", "input.endsOn", TODAY)).toBe("2031-12-01");
    expect(plannedDate("2020-01-01", "input.endsOn", TODAY)).toBe("2020-01-01");
    expect(plannedDate(null, "input.endsOn", TODAY)).toBeNull();
    expect(refusal(() => plannedDate("2031-12-02", "input.endsOn", TODAY)).message).toMatch(/more than 5 years ahead/);
    expect(refusal(() => plannedDate("0001-01-01", "input.endsOn", TODAY)).extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.endsOn",
    });
  });

  it("takes a month once it has begun", () => {
    expect(pastMonth("2026-12", "input.month", TODAY)).toBe("2026-12");
    expect(pastMonth("1990-01", "input.month", TODAY)).toBe("1990-01");
    expect(refusal(() => pastMonth("2027-01", "input.month", TODAY)).message).toMatch(/has not begun/);
    expect(refusal(() => pastMonth("1989-12", "input.month", TODAY)).extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.month" });
  });

  it("takes a birth year from 1900 to 14 years ago", () => {
    expect(plausibleBirthYear(1900, "input.birthYear", TODAY)).toBe(1900);
    expect(plausibleBirthYear(2012, "input.birthYear", TODAY)).toBe(2012);
    expect(plausibleBirthYear(null, "input.birthYear", TODAY)).toBeNull();
    for (const year of [1899, 2013, 1990.5]) {
      expect(refusal(() => plausibleBirthYear(year, "input.prospect.birthYear", TODAY)).extensions).toEqual({
        code: "BAD_USER_INPUT",
        field: "input.prospect.birthYear",
      });
    }
  });
});

describe("plausible amounts", () => {
  it("takes 0 to a billion euros", () => {
    expect(MAX_AMOUNT_CENTS).toBe(100_000_000_000n);
    expect(plausibleCents(0n, "input.amountCents")).toBe(0n);
    expect(plausibleCents(MAX_AMOUNT_CENTS, "input.amountCents")).toBe(MAX_AMOUNT_CENTS);
    expect(plausibleCents(5n, "input.amountCents", 1n)).toBe(5n);
  });

  it.each([
    [-1n, 0n, /must not be negative/],
    [0n, 1n, /at least 1/],
    [MAX_AMOUNT_CENTS + 1n, 0n, /at most 100000000000 cents/],
    [999_999_999_999_999_999n, 0n, /at most/],
  ])("refuses %s (from %s) with BAD_USER_INPUT naming the field", (value, min, message) => {
    const error = refusal(() => plausibleCents(value, "input.lines.2.unitPriceCents", min));
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.lines.2.unitPriceCents" });
    expect(error.message).toMatch(message);
  });
});

describe("a period of aggregates", () => {
  it("takes up to ten years, and refuses a reversed or longer one naming the field", () => {
    expect(() => aggregatePeriod("2016-12-01", "2026-12-01")).not.toThrow();
    expect(refusal(() => aggregatePeriod("2026-12-02", "2026-12-01")).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
    expect(refusal(() => aggregatePeriod("2016-12-01", "2026-12-02")).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    expect(refusal(() => aggregatePeriod("2026-12-03", "9999-12-31")).message).toMatch(/at most 10 years/);
  });
});
