import { DEFAULT_MINIMUM_WAGE } from "@cae/shared";
import {
  associateDeadline,
  associateDeadlineOf,
  conclusionDate,
  employmentEndRefusal,
  firstFullTimeDay,
  fullTimeOverSupportRefusal,
  furthestContractKind,
  hoursRefusal,
  monthsAndDays,
  payRefusal,
  priorContractDays,
  reachedItsTerm,
  renewalRefusal,
  statusOn,
  supportAgreementFullTimeRefusal,
  supportAgreementLatestEnd,
  supportDaysBefore,
  supportTime,
  supportTimeRefusal,
  termsOn,
  trialPeriodLatestEnd,
  type DatedContract,
  type EmploymentContract,
  type EmploymentWithTerms,
} from "../contract.rules";

const contract = (overrides: Partial<DatedContract>): DatedContract => ({
  kind: "SUPPORT_AGREEMENT",
  state: "SIGNED",
  startsOn: "2026-01-01",
  endsOn: "2026-12-31",
  endedOn: null,
  endReason: null,
  ...overrides,
});

describe("the furthest contract of a path", () => {
  it("is the latest kind in path order among signed contracts, ended ones included", () => {
    expect(
      furthestContractKind([
        { kind: "OBJECTIVE", state: "ENDED" },
        { kind: "EMPLOYMENT", state: "SIGNED" },
        { kind: "SUPPORT_AGREEMENT", state: "ENDED" },
      ]),
    ).toBe("EMPLOYMENT");
  });

  it("ignores drafts and cancelled contracts", () => {
    expect(
      furthestContractKind([
        { kind: "OBJECTIVE", state: "SIGNED" },
        { kind: "SUPPORT_AGREEMENT", state: "DRAFT" },
        { kind: "EMPLOYMENT", state: "CANCELLED" },
      ]),
    ).toBe("OBJECTIVE");
    expect(furthestContractKind([{ kind: "OBJECTIVE", state: "DRAFT" }])).toBeNull();
  });
});

describe("a contract's status on a day", () => {
  it("is signed before the first day, running from it to the last, ended after", () => {
    const signed = contract({});
    expect(statusOn(signed, "2025-12-31")).toBe("SIGNED");
    expect(statusOn(signed, "2026-01-01")).toBe("RUNNING");
    expect(statusOn(signed, "2026-12-31")).toBe("RUNNING");
    expect(statusOn(signed, "2027-01-01")).toBe("ENDED");
  });

  it("runs until a recorded early end, then is ended", () => {
    const ending = contract({ state: "ENDED", endedOn: "2026-06-30", endReason: "RESIGNATION" });
    expect(statusOn(ending, "2026-06-30")).toBe("RUNNING");
    expect(statusOn(ending, "2026-07-01")).toBe("ENDED");
  });

  it("stays a draft or cancelled whatever the date", () => {
    expect(statusOn(contract({ state: "DRAFT" }), "2026-06-01")).toBe("DRAFT");
    expect(statusOn(contract({ state: "CANCELLED" }), "2026-06-01")).toBe("CANCELLED");
  });
});

describe("support agreement limits (CAPE: 12 months, twice renewed, 36 months in all)", () => {
  it("lasts 12 months at most, the first day included", () => {
    expect(supportAgreementLatestEnd("2026-01-01")).toBe("2026-12-31");
    expect(supportAgreementLatestEnd("2026-03-15")).toBe("2027-03-14");
  });

  it("allows two renewals of 12 months each, and refuses a third", () => {
    const agreement = { startsOn: "2024-01-01", endsOn: "2024-12-31" };
    expect(renewalRefusal(agreement, 0, "2025-12-31")).toBeNull();
    expect(renewalRefusal({ ...agreement, endsOn: "2025-12-31" }, 1, "2026-12-31")).toBeNull();
    expect(renewalRefusal({ ...agreement, endsOn: "2026-12-31" }, 2, "2027-06-30")).toMatch(/twice at most/);
  });

  it("refuses a renewal longer than 12 months, not after the current end, or past 36 months in all", () => {
    const agreement = { startsOn: "2024-01-01", endsOn: "2024-12-31" };
    expect(renewalRefusal(agreement, 0, "2026-01-01")).toMatch(/12 months at most/);
    expect(renewalRefusal(agreement, 0, "2024-12-31")).toMatch(/after the agreement's current end/);
    // A 6-month start then two 12-month renewals would fit; 36 months in all is the bound on the last.
    expect(renewalRefusal({ startsOn: "2024-01-01", endsOn: "2026-06-30" }, 1, "2027-01-01")).toMatch(/36 months in all/);
  });

  it("counts the person's other agreements in the 36 months of a renewal", () => {
    const earlier = contract({ startsOn: "2022-01-01", endsOn: "2022-12-31", state: "ENDED" }); // 12 months
    const agreement = { startsOn: "2024-01-01", endsOn: "2024-12-31" };
    expect(renewalRefusal(agreement, 0, "2025-12-31", [earlier])).toBeNull(); // 24 months of this one, 36 in all
    expect(renewalRefusal({ ...agreement, endsOn: "2025-12-31" }, 1, "2026-01-01", [earlier])).toBe(
      "A person's support agreements last 36 months in all, whatever their number (L127-1 Code de commerce): their other agreements already count 12 months; from 2024-01-01, 2025-12-31 at the latest",
    );
  });
});

describe("a person's support agreements, 36 months in all whatever their number (L127-1)", () => {
  const first = contract({ startsOn: "2023-01-01", endsOn: "2025-12-31" }); // 36 months, renewals included

  it("leaves no time to a second agreement after 36 months of a first, leap years or not", () => {
    expect(supportTime("2026-01-01", [first])).toEqual({ used: { months: 36, days: 0 }, latestEnd: "2025-12-31" });
    expect(supportTimeRefusal({ startsOn: "2026-01-01", endsOn: "2026-06-30" }, [first])).toBe(
      "A person's support agreements last 36 months in all, whatever their number (L127-1 Code de commerce): their other agreements already count 36 months, so none is left from 2026-01-01",
    );
    // 2025-2027 holds no 29 February, the three years after it do: still none left, not one day.
    const noLeapDay = contract({ startsOn: "2025-01-01", endsOn: "2027-12-31" });
    expect(supportTime("2028-01-01", [noLeapDay]).latestEnd).toBe("2027-12-31");
  });

  it("gives the rest to a later agreement, early ends, renewals and gaps counted as they fell", () => {
    const year = contract({ startsOn: "2023-01-01", endsOn: "2023-12-31", state: "ENDED" });
    expect(supportTime("2025-03-01", [year]).latestEnd).toBe("2027-02-28"); // 24 months left, whatever the gap
    const endedEarly = contract({ startsOn: "2023-01-01", endsOn: "2023-12-31", state: "ENDED", endedOn: "2023-03-31" });
    expect(supportTime("2024-01-01", [endedEarly]).used).toEqual({ months: 3, days: 0 });
    expect(supportTimeRefusal({ startsOn: "2024-01-01", endsOn: "2026-12-31" }, [endedEarly])).toMatch(
      /already count 3 months; from 2024-01-01, 2026-09-30 at the latest/,
    );
    expect(supportTimeRefusal({ startsOn: "2024-01-01", endsOn: "2026-09-30" }, [endedEarly])).toBeNull();
  });

  it("ignores drafts and cancelled agreements, and other kinds", () => {
    const others = [
      { ...first, state: "DRAFT" as const },
      { ...first, state: "CANCELLED" as const },
      { ...first, kind: "EMPLOYMENT" as const },
    ];
    expect(supportTime("2026-01-01", others)).toEqual({ used: { months: 0, days: 0 }, latestEnd: "2028-12-31" });
  });

  it("measures an agreement in calendar months, then days", () => {
    expect(monthsAndDays("2024-01-01", "2024-01-31")).toEqual({ months: 1, days: 0 });
    expect(monthsAndDays("2024-01-15", "2024-03-16")).toEqual({ months: 2, days: 2 });
    // As for an agreement's 12 months: from 31 January, a month runs to the day before 29 February.
    expect(monthsAndDays("2024-01-31", "2024-02-28")).toEqual({ months: 1, days: 0 });
    expect(monthsAndDays("2024-01-01", "2024-01-01")).toEqual({ months: 0, days: 1 });
  });

  it("sums months and days over the agreements, and says them", () => {
    const seven = contract({ startsOn: "2022-01-01", endsOn: "2022-07-31", state: "ENDED" });
    const short = contract({ startsOn: "2023-01-15", endsOn: "2023-03-16", state: "ENDED" });
    expect(supportTime("2024-01-01", [seven, short])).toEqual({ used: { months: 9, days: 2 }, latestEnd: "2026-03-29" });
    expect(supportTimeRefusal({ startsOn: "2024-01-01", endsOn: "2026-03-30" }, [seven, short])).toMatch(
      /already count 9 months and 2 days; from 2024-01-01, 2026-03-29 at the latest/,
    );
  });

  it("renews late only an agreement that reached its term", () => {
    expect(reachedItsTerm(contract({}))).toBe(true);
    expect(reachedItsTerm(contract({ state: "ENDED", endedOn: "2026-12-31", endReason: "TERM_REACHED" }))).toBe(true);
    expect(reachedItsTerm(contract({ state: "ENDED", endedOn: "2026-06-30", endReason: "TERM_REACHED" }))).toBe(false);
    expect(reachedItsTerm(contract({ state: "ENDED", endedOn: "2026-12-31", endReason: "NEXT_CONTRACT" }))).toBe(false);
  });
});

describe("no support agreement while a full-time employment contract runs (L127-1)", () => {
  const employment = (overrides: Partial<EmploymentWithTerms>): EmploymentWithTerms => ({
    ...contract({ kind: "EMPLOYMENT", startsOn: "2026-01-01", endsOn: null }),
    monthlyHours: "151.67",
    fixedMonthlyPayCents: 182308n,
    amendments: [],
    ...overrides,
  });
  const partTime = employment({
    monthlyHours: "80.00",
    amendments: [{ effectiveOn: "2026-09-01", monthlyHours: "151.67", fixedMonthlyPayCents: 182308n }],
  });

  it("finds the first full-time day within a period, amendments included", () => {
    expect(firstFullTimeDay(employment({}), { startsOn: "2025-06-01", last: "2026-03-31" })).toBe("2026-01-01");
    expect(firstFullTimeDay(partTime, { startsOn: "2026-02-01", last: "2026-12-31" })).toBe("2026-09-01");
    expect(firstFullTimeDay(partTime, { startsOn: "2026-02-01", last: "2026-08-31" })).toBeNull();
    expect(firstFullTimeDay(employment({ endsOn: "2026-06-30" }), { startsOn: "2026-07-01", last: "2026-12-31" })).toBeNull();
    // Back to part time before the period: only the terms in force on its days count.
    const reduced = employment({ amendments: [{ effectiveOn: "2026-04-01", monthlyHours: "100.00", fixedMonthlyPayCents: 130000n }] });
    expect(firstFullTimeDay(reduced, { startsOn: "2026-05-01", last: "2026-12-31" })).toBeNull();
    expect(firstFullTimeDay(reduced, { startsOn: "2025-05-01", last: "2026-02-01" })).toBe("2026-01-01");
  });

  it("refuses a support agreement over full-time days, not over part-time ones nor beside a draft", () => {
    expect(supportAgreementFullTimeRefusal({ startsOn: "2026-03-01", last: "2027-02-28" }, [partTime])).toBe(
      "A support agreement (CAPE) is not for someone employed full time (L127-1 Code de commerce): the person's employment contract from 2026-01-01 is at full time (151.67 h a month) on 2026-09-01, within this agreement's period; part time is allowed",
    );
    expect(supportAgreementFullTimeRefusal({ startsOn: "2026-03-01", last: "2026-08-31" }, [partTime])).toBeNull();
    expect(supportAgreementFullTimeRefusal({ startsOn: "2026-03-01", last: "2026-08-31" }, [employment({ state: "DRAFT" })])).toBeNull();
  });

  it("refuses a full-time employment contract over a support agreement; part time is allowed", () => {
    const agreement = contract({ startsOn: "2026-01-01", endsOn: "2026-12-31" });
    expect(fullTimeOverSupportRefusal({ startsOn: "2026-06-01", last: null }, "151.67", [agreement])).toMatch(
      /not for someone employed full time \(L127-1 Code de commerce\): the person's support agreement from 2026-01-01 to 2026-12-31/,
    );
    expect(fullTimeOverSupportRefusal({ startsOn: "2026-06-01", last: null }, "151.66", [agreement])).toBeNull();
    expect(fullTimeOverSupportRefusal({ startsOn: "2027-01-01", last: null }, "151.67", [agreement])).toBeNull();
    expect(
      fullTimeOverSupportRefusal({ startsOn: "2026-06-01", last: null }, "151.67", [
        { ...agreement, endedOn: "2026-05-31", state: "ENDED" },
      ]),
    ).toBeNull();
  });
});

describe("employment contract (CESA) rules", () => {
  const supportYear = contract({ startsOn: "2025-01-01", endsOn: "2025-06-30" }); // 181 days

  it("counts the days spent in signed support agreements before the CESA, up to its start", () => {
    expect(supportDaysBefore([supportYear], "2025-07-01")).toBe(181);
    expect(supportDaysBefore([supportYear], "2025-04-01")).toBe(90); // cut at the day before the CESA
    expect(supportDaysBefore([{ ...supportYear, state: "DRAFT" }], "2025-07-01")).toBe(0);
    expect(supportDaysBefore([{ ...supportYear, state: "CANCELLED" }], "2025-07-01")).toBe(0);
  });

  it("counts the days of every earlier contract between the parties, CAPEs and CESAs, a shared day once", () => {
    const earlierCesa = contract({ kind: "EMPLOYMENT", state: "ENDED", startsOn: "2025-07-01", endsOn: null, endedOn: "2025-09-30" }); // 92 days
    expect(priorContractDays([supportYear, earlierCesa], "2026-01-01")).toBe(181 + 92);
    expect(supportDaysBefore([supportYear, earlierCesa], "2026-01-01")).toBe(181);
    // A CAPE beside a part-time CESA: their shared days count once.
    const beside = contract({ kind: "EMPLOYMENT", startsOn: "2025-06-01", endsOn: "2025-07-31", state: "ENDED" }); // 30 days shared, 31 after
    expect(priorContractDays([supportYear, beside], "2026-01-01")).toBe(181 + 31);
    // Cut at the day before the CESA; objective contracts, drafts and later contracts are no contracts between the parties before it.
    expect(priorContractDays([supportYear], "2025-04-01")).toBe(90);
    expect(
      priorContractDays(
        [
          contract({ kind: "OBJECTIVE", startsOn: "2024-01-01", endsOn: "2024-12-31" }),
          { ...supportYear, state: "DRAFT" },
          contract({ startsOn: "2026-02-01", endsOn: "2026-03-01" }),
        ],
        "2026-01-01",
      ),
    ).toBe(0);
  });

  it("shortens the trial period (8 months) and the associate deadline (3 years from the conclusion) by the earlier contracts' time", () => {
    expect(trialPeriodLatestEnd("2025-07-01", 0)).toBe("2026-02-28");
    expect(trialPeriodLatestEnd("2025-07-01", 181)).toBe("2025-08-31");
    expect(trialPeriodLatestEnd("2025-07-01", 400)).toBeNull();
    expect(associateDeadline("2025-07-01", 0)).toBe("2028-07-01");
    expect(associateDeadline("2025-07-01", 181)).toBe("2028-01-02");
  });

  it("counts the associate deadline from the signature, or from the planned first day while a draft", () => {
    const cesa: EmploymentContract = {
      ...contract({ kind: "EMPLOYMENT", startsOn: "2025-07-01", endsOn: null }),
      signedOn: "2025-06-10",
      employmentType: "OPEN_ENDED",
      trialPeriodEndsOn: null,
    };
    expect(conclusionDate(cesa)).toBe("2025-06-10");
    expect(associateDeadlineOf(cesa, [supportYear, cesa])).toBe("2027-12-12"); // 2028-06-10 minus 181 days
    expect(associateDeadlineOf({ ...cesa, state: "DRAFT", signedOn: null }, [supportYear])).toBe("2028-01-02");
  });

  it("takes hours more than zero, at most full time, two decimals at most", () => {
    expect(hoursRefusal("151.67")).toBeNull();
    expect(hoursRefusal("0")).toMatch(/more than zero/);
    expect(hoursRefusal("151.68")).toMatch(/at most full time/);
    expect(hoursRefusal("80.125")).toMatch(/two decimals/);
  });

  it("refuses a pay below the SMIC of the date for the hours, to the cent", () => {
    // 80 h × 12.02 EUR = 961.60 EUR in 2026; 80 h × 11.88 EUR = 950.40 EUR in 2025.
    expect(payRefusal(DEFAULT_MINIMUM_WAGE, "2026-02-01", "80", 96160n)).toBeNull();
    expect(payRefusal(DEFAULT_MINIMUM_WAGE, "2026-02-01", "80", 96159n)).toMatch(/below the legal minimum.*961\.60 EUR/);
    expect(payRefusal(DEFAULT_MINIMUM_WAGE, "2025-02-01", "80", 95040n)).toBeNull();
    expect(payRefusal(DEFAULT_MINIMUM_WAGE, "2020-02-01", "80", 200000n)).toMatch(/No legal minimum wage/);
  });

  it("reads the terms in force from the latest amendment effective by the date", () => {
    const initial = { monthlyHours: "60.00", fixedMonthlyPayCents: 80000n };
    const amendments = [
      { effectiveOn: "2026-01-01", monthlyHours: "80.00", fixedMonthlyPayCents: 100000n },
      { effectiveOn: "2026-07-01", monthlyHours: "100.00", fixedMonthlyPayCents: 130000n },
    ];
    expect(termsOn(initial, amendments, "2025-12-31")).toEqual(initial);
    expect(termsOn(initial, amendments, "2026-01-01").monthlyHours).toBe("80.00");
    expect(termsOn(initial, amendments, "2027-01-01").fixedMonthlyPayCents).toBe(130000n);
  });
});

describe("the end of an employment contract: a legal mode, apart from the person's outcome", () => {
  const cesa: EmploymentContract = {
    ...contract({ kind: "EMPLOYMENT", startsOn: "2026-01-01", endsOn: "2026-12-31" }),
    signedOn: "2025-12-15",
    employmentType: "FIXED_TERM",
    trialPeriodEndsOn: "2026-02-28",
  };

  it("takes resignation, mutual agreement and dismissal on any day of the contract", () => {
    for (const reason of ["RESIGNATION", "MUTUAL_AGREEMENT", "DISMISSAL"] as const)
      expect(employmentEndRefusal(cesa, [], reason, "2026-06-15")).toBeNull();
  });

  it("refuses an outcome, saying it is recorded with the person's exit", () => {
    for (const reason of ["OWN_COMPANY", "PROJECT_ABANDONED", "NEXT_CONTRACT", "OTHER"] as const) {
      expect(employmentEndRefusal(cesa, [], reason, "2026-06-15")).toBe(
        `${reason} is the person's outcome, not how an employment contract ends: record it with their exit (recordExit); the contract ends by one of the legal modes (RESIGNATION, MUTUAL_AGREEMENT, DISMISSAL, TRIAL_PERIOD, TERM_REACHED, ASSOCIATE_DEADLINE)`,
      );
    }
  });

  it("ends by the trial period only while it runs", () => {
    expect(employmentEndRefusal(cesa, [], "TRIAL_PERIOD", "2026-02-28")).toBeNull();
    expect(employmentEndRefusal(cesa, [], "TRIAL_PERIOD", "2026-03-01")).toMatch(/trial period ended on 2026-02-28.*L7332-1/);
    expect(employmentEndRefusal({ ...cesa, trialPeriodEndsOn: null }, [], "TRIAL_PERIOD", "2026-01-15")).toMatch(/no trial period/);
  });

  it("reaches its term only when fixed-term, on its last day", () => {
    expect(employmentEndRefusal(cesa, [], "TERM_REACHED", "2026-12-31")).toBeNull();
    expect(employmentEndRefusal(cesa, [], "TERM_REACHED", "2026-12-30")).toMatch(/on its last day, 2026-12-31 \(L1243-5 Code du travail\)/);
    expect(employmentEndRefusal({ ...cesa, employmentType: "OPEN_ENDED", endsOn: null }, [], "TERM_REACHED", "2026-12-31")).toMatch(
      /open-ended contract has no term/,
    );
  });

  it("ends by the associate deadline once it is reached, earlier contracts deducted", () => {
    const open = { ...cesa, employmentType: "OPEN_ENDED" as const, endsOn: null };
    const cape = contract({ startsOn: "2025-01-01", endsOn: "2025-06-30", state: "ENDED" }); // 181 days
    expect(associateDeadlineOf(open, [cape, open])).toBe("2028-06-17"); // 2028-12-15 minus 181 days
    expect(employmentEndRefusal(open, [cape, open], "ASSOCIATE_DEADLINE", "2028-06-16")).toBe(
      "The associate deadline is 2028-06-17 (L7331-3 Code du travail): the contract ends by it from that day only",
    );
    expect(employmentEndRefusal(open, [cape, open], "ASSOCIATE_DEADLINE", "2028-06-17")).toBeNull();
  });
});
