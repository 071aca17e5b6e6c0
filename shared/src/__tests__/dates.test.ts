import {
  addDays,
  addMonths,
  daysBetween,
  frenchDate,
  lastDayOfMonth,
  monthsOverlapping,
  periodDates,
  periodInFrench,
  todayInFrance,
} from "../dates";
import { AGE_BRACKET_LABELS, CONTRACT_KIND_LABELS, EXIT_REASON_LABELS, labelOf, PATH_STAGE_LABELS, SECTOR_LABELS } from "../labels";

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

describe("the usual periods", () => {
  it("gives the first and last days of a month, a quarter and a year, leap years included", () => {
    expect(periodDates("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(periodDates("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodDates("2026-Q2")).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(periodDates("2026-Q4")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(periodDates("2026")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("refuses what is no month, quarter or year", () => {
    for (const wrong of ["2026-13", "2026-Q5", "2026-00", "26", "2026-1", ""]) expect(() => periodDates(wrong)).toThrow(RangeError);
  });

  it("says a period as people say it in French", () => {
    expect(periodInFrench("2026-03-01", "2026-03-31")).toBe("mars 2026");
    expect(periodInFrench("2026-01-01", "2026-03-31")).toBe("1er trimestre 2026");
    expect(periodInFrench("2026-07-01", "2026-09-30")).toBe("3e trimestre 2026");
    expect(periodInFrench("2026-01-01", "2026-12-31")).toBe("année 2026");
    expect(periodInFrench("2026-02-01", "2026-04-30")).toBe("du 01/02/2026 au 30/04/2026");
    expect(periodInFrench("2026-03-02", "2026-03-31")).toBe("du 02/03/2026 au 31/03/2026");
  });
});

describe("French labels of the indicators' keys", () => {
  it("names every key the network's indicators use, and falls back to the key for one it does not know", () => {
    const keys = {
      stages: [
        "PROSPECT",
        "RECEIVED",
        "ORIENTED",
        "ADMITTED",
        "OBJECTIVE_CONTRACT",
        "SUPPORT_AGREEMENT",
        "EMPLOYMENT_CONTRACT",
        "ASSOCIATE",
        "EXITED",
      ],
      reasons: [
        "OWN_COMPANY",
        "SALARIED_JOB",
        "TRAINING",
        "ABANDONED",
        "NOT_VIABLE",
        "RETIREMENT",
        "HEALTH_OR_PERSONAL",
        "CONTRACT_TERM",
        "OTHER",
      ],
      ages: ["under 26", "26-35", "36-45", "46-55", "over 55", "unknown"],
      sectors: ["SERVICES", "CRAFTS", "MOBILE_TRADE", "TRAINING", "BUILDING", "AGRICULTURE", "OTHER"],
      kinds: ["OBJECTIVE", "SUPPORT_AGREEMENT", "EMPLOYMENT"],
    };
    expect(Object.keys(PATH_STAGE_LABELS)).toEqual(keys.stages);
    expect(Object.keys(EXIT_REASON_LABELS)).toEqual(keys.reasons);
    expect(Object.keys(AGE_BRACKET_LABELS)).toEqual(keys.ages);
    expect(Object.keys(SECTOR_LABELS)).toEqual(keys.sectors);
    expect(Object.keys(CONTRACT_KIND_LABELS)).toEqual(keys.kinds);
    expect(labelOf(PATH_STAGE_LABELS, "OBJECTIVE_CONTRACT")).toBe("Contrat d'objectif");
    expect(labelOf(PATH_STAGE_LABELS, "SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });
});
