import { DEFAULT_MINIMUM_WAGE } from "@cae/shared";
import {
  associateDeadline,
  furthestContractKind,
  hoursRefusal,
  payRefusal,
  renewalRefusal,
  statusOn,
  supportAgreementLatestEnd,
  supportDaysBefore,
  termsOn,
  trialPeriodLatestEnd,
  type DatedContract,
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
});

describe("employment contract (CESA) rules", () => {
  const supportYear = contract({ startsOn: "2025-01-01", endsOn: "2025-06-30" }); // 181 days

  it("counts the days spent in signed support agreements before the CESA, up to its start", () => {
    expect(supportDaysBefore([supportYear], "2025-07-01")).toBe(181);
    expect(supportDaysBefore([supportYear], "2025-04-01")).toBe(90); // cut at the day before the CESA
    expect(supportDaysBefore([{ ...supportYear, state: "DRAFT" }], "2025-07-01")).toBe(0);
    expect(supportDaysBefore([{ ...supportYear, state: "CANCELLED" }], "2025-07-01")).toBe(0);
  });

  it("shortens the trial period (8 months) and the associate deadline (3 years) by the support time", () => {
    expect(trialPeriodLatestEnd("2025-07-01", 0)).toBe("2026-02-28");
    expect(trialPeriodLatestEnd("2025-07-01", 181)).toBe("2025-08-31");
    expect(trialPeriodLatestEnd("2025-07-01", 400)).toBeNull();
    expect(associateDeadline("2025-07-01", 0)).toBe("2028-07-01");
    expect(associateDeadline("2025-07-01", 181)).toBe("2028-01-02");
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
