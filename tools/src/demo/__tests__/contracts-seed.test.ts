import { statusOn, supportAgreementLatestEnd } from "@cae/contracts";
import { addDays, addMonths, DEFAULT_MINIMUM_WAGE, hoursToHundredths, minimumMonthlyPayCents } from "@cae/shared";
import { DEMO_COOPERATIVES } from "../types";
import { demoContractRecords } from "../seed/contracts";

describe.each(DEMO_COOPERATIVES.map((profile) => profile.id))("the demo contracts of %s", (cooperativeId) => {
  const records = demoContractRecords(cooperativeId);

  it("has contracts in every state, amendments, renewals and commitments", () => {
    const statuses = new Set(records.contracts.map((contract) => statusOn(contract, "2026-11-01")));
    expect([...statuses].sort()).toEqual(["CANCELLED", "DRAFT", "ENDED", "RUNNING", "SIGNED"]);
    expect(records.amendments.length).toBeGreaterThan(0);
    expect(records.renewals.length).toBeGreaterThan(0);
    expect(records.commitments.length).toBeGreaterThan(0);
  });

  it("keeps every legal rule: CAPE lengths, renewals, pay at or above the SMIC of each date", () => {
    for (const contract of records.contracts) {
      if (contract.kind === "SUPPORT_AGREEMENT") {
        const renewals = records.renewals.filter((renewal) => renewal.contractId === contract.id);
        expect(renewals.length).toBeLessThanOrEqual(2);
        const initialEnd = renewals[0]?.previousEndsOn ?? contract.endsOn!;
        expect(initialEnd <= supportAgreementLatestEnd(contract.startsOn)).toBe(true);
        expect(contract.endsOn! <= addDays(addMonths(contract.startsOn, 36), -1)).toBe(true);
      }
      if (contract.kind === "EMPLOYMENT") {
        const minimum = minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, contract.startsOn, hoursToHundredths(contract.monthlyHours!)!);
        // Before the table's first rate, the generator pays at least the first rate.
        if (minimum !== null) expect(contract.fixedMonthlyPayCents! >= minimum).toBe(true);
        const own = records.amendments.filter((amendment) => amendment.contractId === contract.id);
        own.forEach((amendment, index) => {
          expect(amendment.number).toBe(index + 1);
          expect(amendment.effectiveOn > (own[index - 1]?.effectiveOn ?? contract.startsOn)).toBe(true);
          const floor = minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, amendment.effectiveOn, hoursToHundredths(amendment.monthlyHours)!)!;
          expect(amendment.fixedMonthlyPayCents >= floor).toBe(true);
        });
        const hasSupport = records.contracts.some(
          (other) =>
            other.personId === contract.personId &&
            other.kind === "SUPPORT_AGREEMENT" &&
            other.signedOn &&
            other.startsOn < contract.startsOn,
        );
        expect(hasSupport || contract.directHireReason !== null).toBe(true);
      }
      if (contract.signedOn) expect(contract.signedOn <= contract.startsOn).toBe(true);
      // Nothing that happened lies after the demo's today: a contract is signed once it is.
      if (contract.signedOn) expect(contract.signedOn <= "2026-11-01").toBe(true);
    }
  });

  it("is the same every time, so that a restart or another subgraph finds the same IDs", () => {
    expect(demoContractRecords(cooperativeId)).toEqual(records);
  });
});
