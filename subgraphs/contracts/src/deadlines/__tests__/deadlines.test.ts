import type { ContractEntity } from "../../contracts/contract.entity";
import { deadlinesOf } from "../deadlines.service";

const base: ContractEntity = {
  id: "c",
  personId: "p",
  kind: "EMPLOYMENT",
  state: "SIGNED",
  startsOn: "2026-01-01",
  endsOn: null,
  signedOn: "2025-12-15",
  endedOn: null,
  endReason: null,
  endNote: null,
  cancelledOn: null,
  cancelReason: null,
  reviewOn: null,
  supportGiven: null,
  revenueGoalCents: null,
  employmentType: "OPEN_ENDED",
  monthlyHours: "80.00",
  fixedMonthlyPayCents: 96160n,
  variablePay: "x",
  trialPeriodEndsOn: "2026-03-31",
  directHireReason: "direct",
  legalTerms: null,
  templateVersionId: null,
  createdAt: new Date(),
};

describe("contract deadlines", () => {
  it("lists trial ends, fixed terms, support agreement ends and associate deadlines within the horizon, soonest first", () => {
    const cape: ContractEntity = {
      ...base,
      id: "s",
      personId: "q",
      kind: "SUPPORT_AGREEMENT",
      endsOn: "2026-04-15",
      employmentType: null,
      trialPeriodEndsOn: null,
    };
    const fixed: ContractEntity = {
      ...base,
      id: "f",
      personId: "r",
      employmentType: "FIXED_TERM",
      endsOn: "2026-04-01",
      trialPeriodEndsOn: null,
    };
    const found = deadlinesOf([base, cape, fixed], () => false, "2026-03-01", 60);
    expect(found.map(({ kind, dueOn, contract }) => [kind, dueOn, contract.id])).toEqual([
      ["TRIAL_PERIOD_ENDS", "2026-03-31", "c"],
      ["FIXED_TERM_ENDS", "2026-04-01", "f"],
      ["SUPPORT_AGREEMENT_ENDS", "2026-04-15", "s"],
    ]);
  });

  it("lists the associate deadline once within reach, overdue ones too, and never for an associate", () => {
    // Three years from the signature (2025-12-15), not from the first day (L7331-3).
    expect(deadlinesOf([base], () => false, "2028-12-01", 30).map((d) => [d.kind, d.dueOn])).toEqual([
      ["ASSOCIATE_DEADLINE", "2028-12-15"],
    ]);
    expect(deadlinesOf([base], () => false, "2029-02-01", 0).map((d) => d.kind)).toEqual(["ASSOCIATE_DEADLINE"]);
    expect(deadlinesOf([base], (person) => person === "p", "2028-12-01", 30)).toEqual([]);
  });

  it("deducts every earlier contract of the person from the associate deadline, an ended CESA as a CAPE", () => {
    const cape: ContractEntity = {
      ...base,
      id: "s",
      kind: "SUPPORT_AGREEMENT",
      startsOn: "2024-01-01",
      endsOn: "2024-06-30",
      state: "ENDED",
    }; // 182 days
    const earlierCesa: ContractEntity = {
      ...base,
      id: "e",
      startsOn: "2024-07-01",
      state: "ENDED",
      endedOn: "2024-09-30",
      endReason: "RESIGNATION",
    }; // 92 days
    const found = deadlinesOf([cape, earlierCesa, base], () => false, "2028-01-01", 365).filter((d) => d.kind === "ASSOCIATE_DEADLINE");
    expect(found.map((d) => [d.contract.id, d.dueOn])).toEqual([["c", "2028-03-16"]]); // 2028-12-15 minus 274 days
  });

  it("leaves out drafts, cancelled and ended contracts", () => {
    for (const state of ["DRAFT", "CANCELLED"] as const)
      expect(deadlinesOf([{ ...base, state }], () => false, "2026-03-01", 60)).toEqual([]);
    expect(
      deadlinesOf([{ ...base, state: "ENDED", endedOn: "2026-02-01", endReason: "RESIGNATION" }], () => false, "2026-03-01", 60),
    ).toEqual([]);
  });
});
