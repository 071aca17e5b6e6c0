import { addDays, addMonths, daysBetween, frenchDate, lastDayOfMonth, monthsOverlapping, todayInFrance } from "../dates";

describe("calendar dates", () => {
  it("adds months, clamping to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-03-15", 12)).toBe("2027-03-15");
    expect(addMonths("2026-03-15", -3)).toBe("2025-12-15");
  });

  it("adds and counts days across month, year and DST changes", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2026-03-10", "2026-03-01")).toBe(-9);
  });

  it("takes today in France, not in UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris (UTC+1 in winter).
    expect(todayInFrance(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(todayInFrance(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
  });

  it("changes day on the minute France does, whatever the order of the questions", () => {
    // Midnight in Paris is 22:00 UTC in summer (UTC+2): the last second of the day, then the first.
    expect(todayInFrance(new Date("2026-07-01T21:59:59.999Z"))).toBe("2026-07-01");
    expect(todayInFrance(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
    expect(todayInFrance(new Date("2026-07-01T22:00:59Z"))).toBe("2026-07-02");
    expect(todayInFrance(new Date("2026-07-01T21:59:30Z"))).toBe("2026-07-01");
    expect(todayInFrance(new Date("2026-03-29T00:59:00Z"))).toBe("2026-03-29");
  });

  it("lists the months a period overlaps", () => {
    expect(monthsOverlapping("2026-11-15", "2027-02-01")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthsOverlapping("2026-03-01", "2026-03-31")).toEqual(["2026-03"]);
    expect(monthsOverlapping("2026-03-31", "2026-03-31")).toEqual(["2026-03"]);
    expect(monthsOverlapping("2026-01-31", "2026-03-01")).toEqual(["2026-01", "2026-02", "2026-03"]); // no month skipped after a 31st
    expect(monthsOverlapping("2027-12-01", "2028-01-01")).toHaveLength(2);
    expect(monthsOverlapping("2026-03-02", "2026-03-01")).toEqual(["2026-03"]);
    expect(monthsOverlapping("2026-04-01", "2026-03-31")).toEqual([]); // an empty period
    expect(monthsOverlapping("2025-11-01", "2026-10-31")).toHaveLength(12);
  });

  it("finds the last day of a date's month", () => {
    expect(lastDayOfMonth("2026-02-10")).toBe("2026-02-28");
    expect(lastDayOfMonth("2028-02-01")).toBe("2028-02-29");
    expect(lastDayOfMonth("2026-12-31")).toBe("2026-12-31");
    expect(lastDayOfMonth("2026-04-01")).toBe("2026-04-30");
  });

  it("writes dates as French documents do", () => {
    expect(frenchDate("2026-03-14")).toBe("14/03/2026");
    expect(frenchDate("2027-12-01")).toBe("01/12/2027");
  });

  it("takes today in France by default", () => {
    expect(todayInFrance()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
